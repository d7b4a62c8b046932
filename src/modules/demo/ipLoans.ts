import { addDays } from '../../domain/calendarDate.js';
import { checkIpLoanFields, checkStep, normalizePledgedItems, type IpLoanStatus, type PledgedItem } from '../../domain/ipLoan.js';
import { compensate, policyOn, type CompensationPolicy } from '../../domain/ipLoanCompensation.js';
import { patentCheckCharacter } from '../../domain/patentNumber.js';
import type { FieldViolation } from '../../domain/recordRules.js';
import { Random } from './random.js';

/**
 * The demo's IP-backed loans (知识产权质押融资): a modest book of loans to enterprises of the
 * registry, applied for from 2021 on, each taken as far along its lifecycle as its dates allow by
 * the demo's day — some still applied or approved, most disbursed and repaid, a few overdue and
 * compensated under the policy in force on the loss date. Pure and seeded; every loan passes the
 * rules the service applies, step by step.
 */

export const DEMO_IP_LOANS = 160;

/** Banks lending against IP in Changsha (named, not registry organizations). */
const BANKS = ['长沙银行股份有限公司', '中国银行股份有限公司湖南省分行', '交通银行股份有限公司湖南省分行', '湖南银行股份有限公司', '中国建设银行股份有限公司湖南省分行', '北京银行股份有限公司长沙分行'];
const GUARANTORS = ['湖南省融资担保集团有限公司', '长沙市融资担保有限公司'];
const INSURER = '中国人民财产保险股份有限公司湖南省分公司';
const VALUERS = ['湖南某知识产权评估有限公司', '长沙某资产评估事务所', '中联资产评估集团湖南有限公司'];

export interface Borrower {
  id: number;
}

export interface DemoIpLoan {
  contract_number: string;
  borrower_org_id: number;
  lender_name: string;
  guarantor_name: string | null;
  guarantor_kind: 'guarantor' | 'insurer' | null;
  pledged_items: PledgedItem[];
  valuation_amount: string;
  valuer: string;
  amount: string;
  annual_rate: string;
  term_months: number;
  status: IpLoanStatus;
  applied_on: string;
  approved_on: string | null;
  disbursed_on: string | null;
  repaid_on: string | null;
  overdue_on: string | null;
  compensated_on: string | null;
  loss_amount: string | null;
  compensation_policy: string | null;
  fund_share: string | null;
  lender_share: string | null;
  agency_share: string | null;
  fund_before_cap: string | null;
}

/** A published-looking invention or utility-model patent number with its right check character. */
function patent(r: Random): string {
  const digits = `${r.int(2015, 2024)}${r.chance(0.7) ? '1' : '2'}${String(r.int(0, 9_999_999)).padStart(7, '0')}`;
  return `ZL${digits}.${patentCheckCharacter(digits)}`;
}

function pledges(r: Random, applied: string): PledgedItem[] {
  const items: PledgedItem[] = Array.from({ length: r.int(1, 3) }, () => ({ kind: 'patent', number: patent(r) }));
  if (r.chance(0.3)) items.push({ kind: 'trademark', number: String(r.int(10_000_000, 69_999_999)) });
  if (r.chance(0.3)) items.push({ kind: 'software_copyright', number: `${r.int(2016, Number(applied.slice(0, 4)))}SR${String(r.int(0, 1_999_999)).padStart(7, '0')}` });
  return items;
}

const months = (day: string, n: number): string => addDays(day, Math.round(n * 30.4));

/** Where a loan ends if its dates let it: most are repaid, one in ten goes overdue, half of those to compensation. */
function planSteps(r: Random, applied: string, term: number): [IpLoanStatus, string][] {
  const approved = addDays(applied, r.int(7, 30));
  const disbursed = addDays(approved, r.int(3, 20));
  const due = months(disbursed, term);
  const steps: [IpLoanStatus, string][] = [['approved', approved], ['disbursed', disbursed]];
  if (r.chance(0.04)) return steps.slice(0, r.int(0, 1));
  if (!r.chance(0.1)) return [...steps, ['repaid', addDays(due, -r.int(0, 20))]];
  const overdue = addDays(due, 1);
  return [...steps, ['overdue', overdue], r.chance(0.5) ? ['compensated', addDays(overdue, r.int(60, 180))] : ['repaid', addDays(overdue, r.int(10, 90))]];
}

function planLoan(r: Random, n: number, borrower: Borrower, policies: readonly CompensationPolicy[], asOf: string): DemoIpLoan {
  const applied = addDays('2021-01-04', r.int(0, 5 * 365 + 250));
  const amount = r.int(5, 300) * 100_000;
  const term = r.pick([6, 12, 12, 12, 24, 36]);
  const guarantee = r.int(0, 2);
  const loan: DemoIpLoan = {
    contract_number: `ZYDK-${applied.slice(0, 4)}-${String(n).padStart(4, '0')}`,
    borrower_org_id: borrower.id,
    lender_name: r.pick(BANKS),
    guarantor_name: guarantee === 0 ? null : guarantee === 1 ? r.pick(GUARANTORS) : INSURER,
    guarantor_kind: guarantee === 0 ? null : guarantee === 1 ? 'guarantor' : 'insurer',
    pledged_items: pledges(r, applied),
    valuation_amount: `${Math.round(amount * (1.5 + r.int(0, 150) / 100))}.00`,
    valuer: r.pick(VALUERS),
    amount: `${amount}.00`,
    annual_rate: `${(3 + r.int(0, 150) / 100).toFixed(2)}`,
    term_months: term,
    status: 'applied',
    applied_on: applied,
    ...{ approved_on: null, disbursed_on: null, repaid_on: null, overdue_on: null, compensated_on: null },
    ...{ loss_amount: null, compensation_policy: null, fund_share: null, lender_share: null, agency_share: null, fund_before_cap: null },
  };
  for (const [status, on] of planSteps(r, applied, term)) {
    // A loss before the fund's first policy is not compensated: the loan stays overdue.
    if (on > asOf || (status === 'compensated' && !policyOn(policies, on))) break;
    if (status === 'compensated') loan.loss_amount = `${Math.round(amount * (0.3 + r.int(0, 60) / 100))}.00`;
    const refused = checkStep(loan, status, on, asOf, loan.loss_amount);
    if (refused) throw new Error(`demo IP-backed loan ${loan.contract_number}: ${refused.problem.message.en}`);
    loan.status = status;
    loan[`${status}_on`] = on;
  }
  if (loan.status !== 'compensated') loan.loss_amount = null;
  return loan;
}

/** The loans, compensations computed in loss order so each firm's earlier losses use its cap first. */
export function planIpLoans(borrowers: readonly Borrower[], policies: readonly CompensationPolicy[], asOf: string, seed: number): DemoIpLoan[] {
  if (borrowers.length === 0) return [];
  const r = new Random(seed * 31 + 14);
  const loans = Array.from({ length: DEMO_IP_LOANS }, (_, i) => planLoan(r, i + 1, borrowers[r.int(0, borrowers.length - 1)]!, policies, asOf));
  const losses = loans.flatMap((l, i) => (l.status === 'compensated' ? [{ id: String(i), firm: String(l.borrower_org_id), date: l.compensated_on!, amount: l.loss_amount! }] : []));
  for (const c of compensate(policies, losses))
    Object.assign(loans[Number(c.loss_id)]!, { compensation_policy: c.policy, fund_share: c.fund, lender_share: c.lender, agency_share: c.agency, fund_before_cap: c.fund_before_cap });
  return loans;
}

/** The first loan that breaks a rule the service applies, with its problems; null when none does. */
export function ipLoanPlanProblems(loans: readonly DemoIpLoan[], today: string): { loan: string; problems: FieldViolation[] } | null {
  for (const loan of loans) {
    const problems = [...checkIpLoanFields(loan, today), ...normalizePledgedItems(loan.pledged_items, today).problems];
    if (problems.length) return { loan: loan.contract_number, problems };
  }
  return null;
}
