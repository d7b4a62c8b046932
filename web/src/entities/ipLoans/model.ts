import type { IpLoan, IpLoanCreate, IpLoanPatch, IpLoanStep } from '../../../../src/contracts/ipLoans';
import { ipLoanTransitions, stepDateField, type IpLoanStatus } from '../../../../src/domain/ipLoan';
import type { Draft } from '../../api/resources';
import { changedFields, textOrNull, textValue, valueOrNull } from '../../form/formModel';
import { amountInput } from '../techContracts/money';

/** Who lends: a bank of the registry, or a bank named. */
export type LenderKind = 'organization' | 'name';
export type PledgedItemValues = { kind: IpLoan['pledged_items'][number]['kind'] | null; number: string };

/** The IP-backed loan form (知识产权质押贷款表单) as antd holds it. */
export interface IpLoanValues {
  contract_number: string;
  borrower_org_id: number | null;
  /** Which of the lender's fields apply; never sent. */
  lender_kind: LenderKind;
  lender_org_id: number | null;
  lender_name: string;
  guarantor_name: string;
  guarantor_kind: IpLoan['guarantor_kind'];
  pledged_items: PledgedItemValues[];
  valuation_amount: string;
  valuer: string;
  amount: string;
  annual_rate: string;
  /** Typed as text; sent as a whole number, or as typed for the server to refuse. */
  term_months: string;
  applied_on: string | null;
}

export const ipLoanFieldPaths = [
  'contract_number',
  'borrower_org_id',
  'lender_org_id',
  'lender_name',
  'guarantor_name',
  'guarantor_kind',
  'pledged_items',
  // Each pledged item's problem shows at its own row.
  ...Array.from({ length: 50 }, (_, i) => [`pledged_items.${i}.kind`, `pledged_items.${i}.number`]).flat(),
  'valuation_amount',
  'valuer',
  'amount',
  'annual_rate',
  'term_months',
  'applied_on',
];

export function ipLoanValues(l?: IpLoan): IpLoanValues {
  return {
    contract_number: l?.contract_number ?? '',
    borrower_org_id: l?.borrower_org_id ?? null,
    lender_kind: l && l.lender_org_id === null ? 'name' : 'organization',
    lender_org_id: l?.lender_org_id ?? null,
    lender_name: textValue(l?.lender_name),
    guarantor_name: textValue(l?.guarantor_name),
    guarantor_kind: l?.guarantor_kind ?? null,
    pledged_items: l ? l.pledged_items.map((i) => ({ ...i })) : [{ kind: 'patent', number: '' }],
    valuation_amount: l?.valuation_amount ?? '',
    valuer: l?.valuer ?? '',
    amount: l?.amount ?? '',
    annual_rate: l?.annual_rate ?? '',
    term_months: l ? String(l.term_months) : '',
    applied_on: l?.applied_on ?? null,
  };
}

/** "12" → 12; anything else goes as typed, for the server to name the field. */
function months(typed: string): number | null {
  const text = typed.trim();
  if (text === '') return null;
  return /^\d{1,4}$/.test(text) ? Number(text) : (text as unknown as number);
}

function body(v: IpLoanValues): Draft<IpLoanCreate> {
  const named = v.lender_kind === 'name';
  return {
    contract_number: v.contract_number.trim(),
    borrower_org_id: valueOrNull(v.borrower_org_id),
    lender_org_id: named ? null : valueOrNull(v.lender_org_id),
    lender_name: named ? textOrNull(v.lender_name) : null,
    guarantor_name: textOrNull(v.guarantor_name),
    guarantor_kind: textOrNull(v.guarantor_name) === null ? null : valueOrNull(v.guarantor_kind),
    // An empty row added and left blank is not an item.
    pledged_items: v.pledged_items.filter((i) => i.number.trim() !== '').map((i) => ({ kind: i.kind, number: i.number.trim() })) as IpLoanCreate['pledged_items'],
    valuation_amount: textOrNull(amountInput(v.valuation_amount)),
    valuer: v.valuer,
    amount: textOrNull(amountInput(v.amount)),
    annual_rate: textOrNull(v.annual_rate.trim().replace(/%$/, '')),
    term_months: months(v.term_months),
    applied_on: valueOrNull(v.applied_on),
  };
}

/** A new loan: blanks left out, so the server reports a missing required field as such. */
export function ipLoanCreate(v: IpLoanValues): Draft<IpLoanCreate> {
  return Object.fromEntries(Object.entries(body(v)).filter(([, value]) => value !== null)) as Draft<IpLoanCreate>;
}

export function ipLoanPatch(before: IpLoanValues, after: IpLoanValues): Draft<IpLoanPatch> {
  const changed = changedFields(body(before), body(after)) as Draft<IpLoanPatch>;
  // An array is compared item by item but sent whole.
  if (JSON.stringify(body(before).pledged_items) !== JSON.stringify(body(after).pledged_items)) changed.pledged_items = body(after).pledged_items;
  else delete changed.pledged_items;
  return changed;
}

/** The steps a loan may take next, in the order the lifecycle offers them. */
export const nextSteps = (status: IpLoanStatus): readonly IpLoanStatus[] => ipLoanTransitions[status];

/** The dated steps a loan has taken, oldest first: what its timeline shows. */
export function stepsTaken(l: Pick<IpLoan, 'applied_on' | 'approved_on' | 'disbursed_on' | 'repaid_on' | 'overdue_on' | 'compensated_on'>): { status: IpLoanStatus; on: string }[] {
  const order: IpLoanStatus[] = ['applied', 'approved', 'disbursed', 'overdue', 'repaid', 'compensated'];
  return order.flatMap((status) => {
    const on = l[stepDateField[status]];
    return on ? [{ status, on }] : [];
  });
}

/** The step request of the step form: the loss only for a compensation. */
export function stepBody(step: IpLoanStatus, on: string | null, loss: string): Draft<IpLoanStep> {
  return { step, on, ...(step === 'compensated' ? { loss_amount: textOrNull(amountInput(loss)) } : {}) };
}
