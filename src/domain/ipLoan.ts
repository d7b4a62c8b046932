import { checkCalendarDate, checkNotInFuture, isBefore } from './calendarDate.js';
import { codesOf, violation, type CodeList, type Message, type RuleViolation } from './message.js';
import { isPatentNumber, parsePatentNumber } from './patentNumber.js';
import type { FieldViolation } from './recordRules.js';
import { checkYuan, yuan } from './yuan.js';

/**
 * IP-backed loans (知识产权质押融资, domain guide §9): a firm of the registry pledges patents,
 * trademarks or software copyrights to a bank. The loan moves applied → approved → disbursed →
 * repaid, or disbursed → overdue → compensated (the risk-compensation fund shares the loss, see
 * ipLoanCompensation.ts); an overdue loan repaid late is repaid. Each step is dated.
 */

export const ipLoanStatuses = {
  applied: { zh: '已申请', en: 'Applied' },
  approved: { zh: '已审批', en: 'Approved' },
  disbursed: { zh: '已放款', en: 'Disbursed' },
  repaid: { zh: '已结清', en: 'Repaid' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  compensated: { zh: '已代偿', en: 'Compensated' },
} as const satisfies CodeList<string>;
export type IpLoanStatus = keyof typeof ipLoanStatuses;
export const ipLoanStatusCodes = codesOf(ipLoanStatuses);

/** The steps a loan may take from each state; a loan repaid or compensated is closed. */
export const ipLoanTransitions: Readonly<Record<IpLoanStatus, readonly IpLoanStatus[]>> = {
  applied: ['approved'],
  approved: ['disbursed'],
  disbursed: ['repaid', 'overdue'],
  overdue: ['repaid', 'compensated'],
  repaid: [],
  compensated: [],
};

/** The date column of each state: the day the loan reached it. */
export const stepDateField = {
  applied: 'applied_on',
  approved: 'approved_on',
  disbursed: 'disbursed_on',
  repaid: 'repaid_on',
  overdue: 'overdue_on',
  compensated: 'compensated_on',
} as const satisfies Record<IpLoanStatus, string>;
export type StepDateField = (typeof stepDateField)[IpLoanStatus];
export type IpLoanDates = Partial<Record<StepDateField, string | null>>;

/** The kinds of IP a loan may pledge. */
export const pledgeKinds = {
  patent: { zh: '专利', en: 'Patent' },
  trademark: { zh: '注册商标', en: 'Registered trademark' },
  software_copyright: { zh: '计算机软件著作权', en: 'Software copyright' },
} as const satisfies CodeList<string>;
export type PledgeKind = keyof typeof pledgeKinds;
export const pledgeKindCodes = codesOf(pledgeKinds);

export const guarantorKinds = {
  guarantor: { zh: '担保机构', en: 'Guarantor' },
  insurer: { zh: '保险机构', en: 'Insurer' },
} as const satisfies CodeList<string>;
export const guarantorKindCodes = codesOf(guarantorKinds);

export interface PledgedItem {
  kind: string;
  number: string;
}

const fold = (s: string): string => s.normalize('NFKC').toUpperCase().replace(/\s+/g, '');

/**
 * A trademark registration number (商标注册号): the CNIPA trademark office numbers registrations
 * with one running integer since 1963 (past 70 million, so up to 8 digits today; 9 allowed for
 * growth), printed as 第12345678号. Stored as the bare integer.
 */
function normalizeTrademark(input: string): string | RuleViolation {
  const s = fold(input).replace(/^第/, '').replace(/号$/, '');
  if (/^[1-9]\d{0,8}$/.test(s)) return s;
  return violation('trademark.format', `“${input}”不是商标注册号：应为 1–9 位数字（如 第12345678号）`, `"${input}" is not a trademark registration number: 1 to 9 digits (e.g. 12345678)`, { value: input });
}

/**
 * A software copyright registration number (计算机软件著作权登记号, Copyright Protection Center of
 * China): the registration year, SR and a serial of that year (2023SR0123456; the serial had 5 or 6
 * digits in early years and 7 since the yearly counts passed a million). The system began with the
 * 1992 registration rules; a year after this one is no registration yet.
 */
function normalizeSoftwareCopyright(input: string, today: string): string | RuleViolation {
  const s = fold(input);
  const m = /^(\d{4})SR(\d{5,7})$/.exec(s);
  if (!m) return violation('software_copyright.format', `“${input}”不是软件著作权登记号：应为年份 + SR + 5–7 位流水号（如 2023SR0123456）`, `"${input}" is not a software copyright registration number: a year, SR and a 5 to 7 digit serial (e.g. 2023SR0123456)`, { value: input });
  const year = Number(m[1]);
  if (year < 1992 || year > Number(today.slice(0, 4))) return violation('software_copyright.year', `“${input}”的登记年份 ${year} 无效`, `"${input}" has no valid registration year (${year})`, { value: input });
  return s;
}

/** A pledged item's number as stored (a patent as ZL + application number), or what is wrong with it. */
export function normalizePledgedNumber(kind: string, number: string, today: string): string | RuleViolation {
  switch (kind) {
    case 'patent': {
      const parsed = parsePatentNumber(number);
      return isPatentNumber(parsed) ? parsed.patent : parsed;
    }
    case 'trademark':
      return normalizeTrademark(number);
    case 'software_copyright':
      return normalizeSoftwareCopyright(number, today);
    default:
      return violation('pledge_kind.unknown', `未知的质押物类型：${kind}`, `Unknown kind of pledged IP: ${kind}`, { value: kind, allowed: pledgeKindCodes.join(', ') });
  }
}

/** The pledged items with their numbers normalised, and the problems of those that are not (field `pledged_items.<i>.number`). */
export function normalizePledgedItems(items: readonly PledgedItem[], today: string): { items: PledgedItem[]; problems: FieldViolation[] } {
  const problems: FieldViolation[] = [];
  const seen = new Set<string>();
  const out = items.map((item, i) => {
    const n = normalizePledgedNumber(item.kind, item.number, today);
    const field = `pledged_items.${i}.${typeof n === 'string' || n.code !== 'pledge_kind.unknown' ? 'number' : 'kind'}`;
    if (typeof n !== 'string') {
      problems.push({ ...n, field });
      return item;
    }
    if (seen.has(`${item.kind}:${n}`)) problems.push({ ...violation('pledged_item.duplicate', `质押物 ${n} 重复`, `The pledged item ${n} is listed twice`, { value: n }), field });
    seen.add(`${item.kind}:${n}`);
    return { kind: item.kind, number: n };
  });
  if (items.length === 0) problems.push({ ...violation('pledged_items.required', '至少填写一项质押的知识产权', 'Pledge at least one IP item', {}), field: 'pledged_items' });
  return { items: out, problems };
}

/** The largest loan: 10^10 yuan (100 亿元), far above any IP-backed loan to one firm. */
export const MAX_LOAN_YUAN = '10000000000';
/** The highest annual rate, in percent: 36 %, the ceiling Chinese courts set for any lending. */
export const MAX_ANNUAL_RATE = '36';
export const MAX_TERM_MONTHS = 120;

/** An amount as entered: exact yuan, above zero, at most `max`. */
export function checkLoanYuan(value: string, max = MAX_LOAN_YUAN): RuleViolation | null {
  if (/^\s*-/.test(value)) return violation('amount.negative', `金额不能为负数：${value}`, `An amount cannot be negative: ${value}`, { value });
  const format = checkYuan(value);
  if (format) return { ...format, params: { value } };
  if (yuan(value).gt(max)) return violation('amount.too_large', `金额超过上限 ${max} 元：${value}`, `The amount is above the limit of ${max} yuan: ${value}`, { value, max });
  if (yuan(value).isZero()) return violation('amount.zero', '金额须大于零', 'The amount must be above zero', { value });
  return null;
}

/** An annual rate in percent (3.85 = 3.85 %), from 0 to 36, at most four decimals. */
export function checkAnnualRate(value: string): RuleViolation | null {
  if (/^(0|[1-9]\d?)(\.\d{1,4})?$/.test(value) && yuan(value).lte(MAX_ANNUAL_RATE)) return null;
  return violation('annual_rate.range', `年利率 ${value} 须为 0 至 36 之间的百分数（最多四位小数，如 3.85）`, `The annual rate ${value} must be a percentage from 0 to 36 (at most four decimals, e.g. 3.85)`, { value, max: MAX_ANNUAL_RATE });
}

/** A term in whole months, 1 to 120 (ten years: IP-backed loans run up to three). */
export function checkTermMonths(months: number): RuleViolation | null {
  if (Number.isInteger(months) && months >= 1 && months <= MAX_TERM_MONTHS) return null;
  return violation('term_months.range', `贷款期限须为 1 至 ${MAX_TERM_MONTHS} 个月`, `The term must be 1 to ${MAX_TERM_MONTHS} months`, { value: months, max: MAX_TERM_MONTHS });
}

/** A loan's fields as the API carries them; a key left out (a partial update) is not judged. */
export interface IpLoanFields {
  lender_org_id?: number | null;
  lender_name?: string | null;
  guarantor_name?: string | null;
  guarantor_kind?: string | null;
  valuation_amount?: string;
  amount?: string;
  annual_rate?: string;
  term_months?: number;
  applied_on?: string;
}

const at = (field: string, problems: readonly (RuleViolation | null)[]): FieldViolation[] =>
  problems.filter((p): p is RuleViolation => p !== null).map((p) => ({ ...p, field }));
const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

function partyFields(input: IpLoanFields): FieldViolation[] {
  const problems: FieldViolation[] = [];
  if (given(input.lender_org_id) && given(input.lender_name))
    problems.push(...at('lender_name', [violation('lender.both', '贷款银行为登记主体时不再填写银行名称', 'A lender that is a registry organization takes no separate name', {})]));
  if (input.lender_org_id === null && input.lender_name === null)
    problems.push(...at('lender_name', [violation('lender.required', '请选择贷款银行主体，或填写银行名称', 'Choose the lending bank, or give its name', {})]));
  if (input.guarantor_name !== undefined && input.guarantor_kind !== undefined && given(input.guarantor_name) !== given(input.guarantor_kind))
    problems.push(...at('guarantor_kind', [violation('guarantor.incomplete', '担保或保险机构须同时填写名称和类型', 'A guarantor or insurer needs both its name and its kind', {})]));
  return problems;
}

/**
 * Every rule of a loan's own fields at once, each tied to its field. Cross-field rules run when all
 * their fields are in the input: the route judges the body alone, the service the record as it will be.
 */
export function checkIpLoanFields(input: IpLoanFields, today: string): FieldViolation[] {
  return [
    ...partyFields(input),
    ...(input.valuation_amount === undefined ? [] : at('valuation_amount', [checkLoanYuan(input.valuation_amount, '1000000000000')])),
    ...(input.amount === undefined ? [] : at('amount', [checkLoanYuan(input.amount)])),
    ...(input.annual_rate === undefined ? [] : at('annual_rate', [checkAnnualRate(input.annual_rate)])),
    ...(input.term_months === undefined ? [] : at('term_months', [checkTermMonths(input.term_months)])),
    ...(input.applied_on === undefined ? [] : at('applied_on', [checkCalendarDate(input.applied_on) ?? checkNotInFuture(input.applied_on, today)])),
  ];
}

/** A loan as a step sees it: its state, its dates and its amount. */
export interface LoanState extends IpLoanDates {
  status: IpLoanStatus;
  amount: string;
}

export type StepRefusal = { kind: 'conflict' | 'invalid'; problem: FieldViolation };

/** The day of the latest step the loan has taken. */
const lastStepDay = (loan: LoanState): string | null => loan[stepDateField[loan.status]] ?? null;

/**
 * Whether a loan may take `step` on day `on` (with the loss, for a compensation), or why not: a
 * step its state does not allow is a conflict naming the state; a date before the previous step or
 * after today, or a missing or wrong loss amount, is invalid input.
 */
export function checkStep(loan: LoanState, step: string, on: string, today: string, lossAmount?: string | null): StepRefusal | null {
  const allowed = ipLoanTransitions[loan.status];
  if (!allowed.includes(step as IpLoanStatus)) {
    const state = ipLoanStatuses[loan.status];
    const next = allowed.map((s) => `${ipLoanStatuses[s].zh}`).join('、') || '无';
    const nextEn = allowed.join(', ') || 'none';
    return {
      kind: 'conflict',
      problem: { field: 'step', ...violation('ip_loan.step_not_allowed', `贷款处于“${state.zh}”状态，不能进入该步骤（可进行：${next}）`, `The loan is ${state.en.toLowerCase()}: it cannot be ${step} (next: ${nextEn})`, { status: loan.status, step, allowed: nextEn }) },
    };
  }
  const dateProblem = checkCalendarDate(on) ?? checkNotInFuture(on, today);
  if (dateProblem) return { kind: 'invalid', problem: { ...dateProblem, field: 'on' } };
  const previous = lastStepDay(loan);
  if (previous !== null && isBefore(on, previous))
    return { kind: 'invalid', problem: { field: 'on', ...violation('ip_loan.step_before_previous', `步骤日期 ${on} 早于上一步骤的日期 ${previous}`, `The step's date ${on} is before the previous step's (${previous})`, { value: on, previous }) } };
  return lossProblem(loan, step, lossAmount);
}

/** A compensation names the loss, the unrecovered principal: above zero, at most the amount lent; other steps name none. */
function lossProblem(loan: LoanState, step: string, lossAmount: string | null | undefined): StepRefusal | null {
  const invalid = (p: RuleViolation): StepRefusal => ({ kind: 'invalid', problem: { ...p, field: 'loss_amount' } });
  if (step !== 'compensated')
    return given(lossAmount) ? invalid(violation('loss_amount.unexpected', '只有代偿步骤需要填写损失金额', 'Only a compensation takes a loss amount', { step })) : null;
  if (!given(lossAmount)) return invalid(violation('loss_amount.required', '代偿须填写损失金额（未收回的本金）', 'A compensation needs the loss amount (the unrecovered principal)', {}));
  const amount = checkLoanYuan(lossAmount);
  if (amount) return invalid(amount);
  if (yuan(lossAmount).gt(loan.amount))
    return invalid(violation('loss_amount.above_amount', `损失金额 ${lossAmount} 元高于贷款金额 ${loan.amount} 元`, `The loss ${lossAmount} yuan is above the amount lent (${loan.amount} yuan)`, { value: lossAmount, amount: loan.amount }));
  return null;
}

/** The state names for a message. */
export const ipLoanStatusName = (status: string): Message => ipLoanStatuses[status as IpLoanStatus] ?? { zh: status, en: status };
