import type { ListQuery } from '../../contracts/common.js';
import type { IpLoan, IpLoanCreate, IpLoanPatch, IpLoanStep } from '../../contracts/ipLoans.js';
import type { ListPage } from '../../db/list/sql.js';
import { loadIpLoanPolicies } from '../../config.js';
import { checkIpLoanFields, checkStep, normalizePledgedItems, stepDateField, type IpLoanStatus, type PledgedItem } from '../../domain/ipLoan.js';
import { compensateLoss, policyOn, type CompensationPolicy } from '../../domain/ipLoanCompensation.js';
import { can, citywide, reachOf, type RecordScope } from '../../domain/permissions.js';
import { organizationPlace } from '../organizations/service.js';
import { yuan } from '../../domain/yuan.js';
import type { ServiceContext } from '../shared/context.js';
import { listRecords } from '../shared/listRecords.js';
import { AppError, conflict, notFound, validationFailed } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { deleteVersioned, iso } from '../shared/records.js';
import * as q from './queries.js';

export const IP_LOAN = { zh: '知识产权质押贷款', en: 'IP-backed loan' };

export type { IpLoanRow } from './queries.js';

/** The stored loan a file's key names (borrower and loan contract number), as the import reads it. */
export async function findIpLoanByKey(ctx: ServiceContext, borrowerOrgId: number, contractNumber: string): Promise<q.IpLoanRow | undefined> {
  const found = await q.findByBorrowerAndNumber(ctx.db, borrowerOrgId, contractNumber);
  return found && q.findById(ctx.db, found.id);
}

/** The stored loan, locked for the next step when `forUpdate` (the import's steps, as the API's step route reads it). */
export const findIpLoanRow = (ctx: ServiceContext, id: number, forUpdate = false): Promise<q.IpLoanRow | undefined> => q.findById(ctx.db, id, forUpdate);

let shipped: readonly CompensationPolicy[] | undefined;
/** The shipped risk-compensation policies (config/market/ip-loan-policies.json), read and checked once per process. */
export const shippedIpLoanPolicies = (): readonly CompensationPolicy[] => (shipped ??= loadIpLoanPolicies());

/** A loan is its borrower's, and lies where the borrower's district and zone say. */
export const borrowerRowScope = (row: { borrower_org_id: number; district_code: string | null; zone: string | null }): RecordScope => ({
  organizationId: row.borrower_org_id,
  districtCode: row.district_code,
  zone: row.zone,
});

function presentCompensation(row: q.IpLoanRow, policies: readonly CompensationPolicy[]): IpLoan['compensation'] {
  if (row.status !== 'compensated' || row.compensation_policy === null) return null;
  const policy = policies.find((p) => p.code === row.compensation_policy);
  return {
    policy: row.compensation_policy,
    policy_name: policy?.name ?? { zh: row.compensation_policy, en: row.compensation_policy },
    loss_amount: row.loss_amount!,
    fund: row.fund_share!,
    lender: row.lender_share!,
    agency: row.agency_share!,
    fund_before_cap: row.fund_before_cap!,
    capped: row.fund_share !== row.fund_before_cap,
  };
}

export function presentIpLoan(row: q.IpLoanRow, policies: readonly CompensationPolicy[] = []): IpLoan {
  return {
    id: row.id,
    contract_number: row.contract_number,
    borrower_org_id: row.borrower_org_id,
    borrower_name: row.borrower_name,
    lender_org_id: row.lender_org_id,
    lender_name: row.lender_name,
    lender_display_name: row.lender_org_name ?? row.lender_name ?? '',
    guarantor_name: row.guarantor_name,
    guarantor_kind: row.guarantor_kind as IpLoan['guarantor_kind'],
    pledged_items: row.pledged_items as IpLoan['pledged_items'],
    valuation_amount: row.valuation_amount,
    valuer: row.valuer,
    amount: row.amount,
    annual_rate: row.annual_rate,
    term_months: row.term_months,
    status: row.status as IpLoanStatus,
    applied_on: row.applied_on,
    approved_on: row.approved_on,
    disbursed_on: row.disbursed_on,
    repaid_on: row.repaid_on,
    overdue_on: row.overdue_on,
    compensated_on: row.compensated_on,
    compensation: presentCompensation(row, policies),
    district_code: row.district_code,
    zone: row.zone,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

/**
 * The loans a caller may read, as SQL over `ip_loans c`: an organization user its organizations'
 * borrowing, an officer its area's (districts and zones; none = the city), an administrator all.
 * Only integers and the city's own codes reach the SQL text.
 */
export function visibleSql(ctx: ServiceContext, p: Principal): string {
  const reach = reachOf(p, 'ip_loans.read');
  if (reach === 'all' || (reach === 'area' && citywide(p))) return 'true';
  const list = (xs: readonly string[]) => xs.join(', ') || 'NULL';
  if (reach === 'own') return `c.borrower_org_id IN (${list(p.organizationIds.filter(Number.isInteger).map(String))})`;
  if (reach !== 'area') return 'false';
  const districts = p.districts.filter((d) => ctx.city.districts.some((x) => x.code === d)).map((d) => `'${d}'`);
  const zones = p.zones.filter((z) => ctx.city.zones.some((x) => x.code === z)).map((z) => `'${z}'`);
  return `(c.district_code IN (${list(districts)}) OR c.zone IN (${list(zones)}))`;
}

export async function listIpLoans(ctx: ServiceContext, query: ListQuery, principal: Principal, policies: readonly CompensationPolicy[]): Promise<ListPage<IpLoan>> {
  const spec = q.ipLoanListSpec(ctx.city, visibleSql(ctx, principal));
  return listRecords(ctx.db, spec, query, (row: q.IpLoanRow) => presentIpLoan(row, policies));
}

/** One loan; for a caller who may not read it, 404 like a missing one (a firm's borrowing is its own business). */
export async function getIpLoan(ctx: ServiceContext, id: number, policies: readonly CompensationPolicy[], principal?: Principal): Promise<IpLoan> {
  const row = await q.findById(ctx.db, id);
  if (!row || (principal && !can(principal, 'ip_loans.read', borrowerRowScope(row)))) throw notFound(IP_LOAN, id);
  return presentIpLoan(row, policies);
}

type Editable = Required<Omit<IpLoanCreate, 'pledged_items'>> & { pledged_items: PledgedItem[]; district_code: string | null; zone: string | null };

const referenceMissing = (field: string, id: number) => ({ field, code: 'reference.not_found', message: { zh: `编号为 ${id} 的主体不存在`, en: `Organization ${id} does not exist` }, params: { id } });

/** Blank texts mean "none" for the optional names. */
const blankToNull = <T extends Record<string, unknown>>(v: T): T =>
  Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === '' && (k === 'lender_name' || k === 'guarantor_name') ? null : x])) as T;

/**
 * The record as it will be stored: the borrower and a registry lender exist, every rule holds on
 * the whole record, the pledged numbers are normalised, and the loan lies where its borrower does.
 */
async function settle(ctx: ServiceContext, record: Editable, selfId?: number): Promise<q.LoanValues> {
  const borrower = await organizationPlace(ctx, record.borrower_org_id);
  if (!borrower) throw validationFailed([referenceMissing('borrower_org_id', record.borrower_org_id)]);
  if (record.lender_org_id !== null && !(await organizationPlace(ctx, record.lender_org_id))) throw validationFailed([referenceMissing('lender_org_id', record.lender_org_id)]);
  const today = ctx.clock.today();
  const pledged = normalizePledgedItems(record.pledged_items, today);
  const problems = [...checkIpLoanFields(record, today), ...pledged.problems];
  if (problems.length) throw validationFailed(problems);
  const same = await q.findByBorrowerAndNumber(ctx.db, record.borrower_org_id, record.contract_number);
  if (same && same.id !== selfId)
    throw conflict({ field: 'contract_number', code: 'contract_number.duplicate', message: { zh: `该借款企业已有编号为 ${record.contract_number} 的贷款（记录 ${same.id}）`, en: `The borrower already has loan ${record.contract_number} (record ${same.id})` }, params: { existing_id: same.id } });
  return { ...record, pledged_items: pledged.items, district_code: borrower.districtCode, zone: borrower.zone };
}

const EMPTY = { lender_org_id: null, lender_name: null, guarantor_name: null, guarantor_kind: null } as const;

export async function createIpLoan(ctx: ServiceContext, input: IpLoanCreate, policies: readonly CompensationPolicy[]): Promise<IpLoan> {
  const values = await settle(ctx, { ...EMPTY, district_code: null, zone: null, ...blankToNull(input) } as Editable);
  return getIpLoan(ctx, await q.insert(ctx.db, { ...values, status: 'applied' }), policies);
}

const editableOf = (row: q.IpLoanRow): Editable => ({
  contract_number: row.contract_number,
  borrower_org_id: row.borrower_org_id,
  lender_org_id: row.lender_org_id,
  lender_name: row.lender_name,
  guarantor_name: row.guarantor_name,
  guarantor_kind: row.guarantor_kind as Editable['guarantor_kind'],
  pledged_items: row.pledged_items,
  valuation_amount: row.valuation_amount,
  valuer: row.valuer,
  amount: row.amount,
  annual_rate: row.annual_rate,
  term_months: row.term_months,
  applied_on: row.applied_on,
  district_code: row.district_code,
  zone: row.zone,
});

/** The terms of a loan the bank has paid out are history: past approval, only names and pledges may be corrected. */
const FIXED_ONCE_APPROVED = ['amount', 'annual_rate', 'term_months', 'applied_on', 'borrower_org_id'] as const;

function assertTermsOpen(current: q.IpLoanRow, patch: Record<string, unknown>): void {
  if (current.status === 'applied') return;
  const changed = FIXED_ONCE_APPROVED.filter((k) => patch[k] !== undefined && String(patch[k]) !== String(editableOf(current)[k]));
  if (changed.length)
    throw conflict({ field: changed[0]!, code: 'ip_loan.terms_fixed', message: { zh: `贷款已审批（当前状态：${current.status}），不能再修改${changed.join('、')}`, en: `The loan is past its application (${current.status}): ${changed.join(', ')} can no longer change` }, params: { status: current.status, fields: changed.join(', ') } });
}

export async function updateIpLoan(ctx: ServiceContext, id: number, version: number, patch: IpLoanPatch, current: q.IpLoanRow, policies: readonly CompensationPolicy[]): Promise<IpLoan> {
  const { version: _, ...changes } = patch;
  const given = blankToNull(changes);
  assertTermsOpen(current, given);
  const values = await settle(ctx, { ...editableOf(current), ...given } as Editable, id);
  return presentIpLoan(await q.updateLoan(ctx.db, id, version, values), policies);
}

export async function deleteIpLoan(ctx: ServiceContext, id: number, version: number | undefined): Promise<void> {
  await deleteVersioned(ctx.db, { table: 'ip_loans', entity: IP_LOAN }, id, version);
}

/**
 * The fund's, the lender's and the agency's parts of this loss, by the policy in force on its date,
 * after the firm's earlier compensated losses have used up part of its cap (their stored parts are
 * kept as they were computed: a later policy never re-prices them).
 */
export async function compensationOf(ctx: ServiceContext, loan: q.IpLoanRow, on: string, lossAmount: string, policies: readonly CompensationPolicy[]): Promise<q.LoanValues> {
  const policy = policyOn(policies, on);
  if (!policy)
    throw validationFailed([{ field: 'on', code: 'ip_loan.no_policy', message: { zh: `${on} 没有有效的风险补偿政策`, en: `No risk-compensation policy was in force on ${on}` }, params: { value: on } }]);
  const earlier = (await q.compensatedLossesOf(ctx.db, loan.borrower_org_id)).filter((l) => l.compensated_on <= on);
  const paid = earlier.reduce((sum, l) => sum.plus(l.fund_share), yuan('0'));
  const result = compensateLoss(policy, { id: String(loan.id), firm: String(loan.borrower_org_id), date: on, amount: lossAmount }, paid);
  return { loss_amount: lossAmount, compensation_policy: policy.code, fund_share: result.fund, lender_share: result.lender, agency_share: result.agency, fund_before_cap: result.fund_before_cap };
}

/** Moves a locked loan one step along its lifecycle, dated; a compensation computes and stores the shares. */
export async function stepIpLoan(ctx: ServiceContext, current: q.IpLoanRow, input: IpLoanStep, policies: readonly CompensationPolicy[]): Promise<IpLoan> {
  const refused = checkStep({ ...current, status: current.status as IpLoanStatus }, input.step, input.on, ctx.clock.today(), input.loss_amount);
  if (refused?.kind === 'conflict') throw new AppError('conflict', { zh: '贷款当前状态不允许此步骤', en: 'The loan’s state does not allow this step' }, [refused.problem]);
  if (refused) throw validationFailed([refused.problem]);
  const compensation = input.step === 'compensated' ? await compensationOf(ctx, current, input.on, input.loss_amount!, policies) : {};
  const values: q.LoanValues = { status: input.step, [stepDateField[input.step]]: input.on, ...compensation };
  return presentIpLoan(await q.updateLoan(ctx.db, current.id, current.version, values), policies);
}
