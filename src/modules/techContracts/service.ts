import type { ListQuery } from '../../contracts/common.js';
import type { TechContract, TechContractCreate, TechContractPatch } from '../../contracts/techContracts.js';
import type { ListPage } from '../../db/list/sql.js';
import { can, citywide, reachOf, type RecordScope } from '../../domain/permissions.js';
import { checkTechContractFields, isInflow, LAST_REGISTRATION_SEQUENCE, regionFlow, registrationNumber, registrationSequence, type ContractFlow, type ContractStatus, type TechContractFields } from '../../domain/techContract.js';
import { yuan } from '../../domain/yuan.js';
import { organizationPlace } from '../organizations/service.js';
import type { ServiceContext } from '../shared/context.js';
import { listRecords } from '../shared/listRecords.js';
import { AppError, conflict, notFound, validationFailed } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { deleteVersioned, iso, updateVersioned } from '../shared/records.js';
import { marketCodes } from './codes.js';
import * as q from './queries.js';

export const TECH_CONTRACT = { zh: '技术合同', en: 'Technology contract' };
const TARGET = { table: 'tech_contracts', columns: q.COLUMNS, joins: q.JOINS, entity: TECH_CONTRACT };

/** A contract is its seller's, and lies where its seller's district and zone say. */
export const sellerRowScope = (row: { seller_org_id: number; district_code: string | null; zone: string | null }): RecordScope => ({
  organizationId: row.seller_org_id,
  districtCode: row.district_code,
  zone: row.zone,
});

export function presentTechContract(row: q.TechContractRow): TechContract {
  const type = marketCodes().market.contractTypes.types[row.type];
  const unknown = { zh: row.type, en: row.type };
  return {
    id: row.id,
    contract_number: row.contract_number,
    title: row.title,
    type: row.type,
    type_name: type?.name ?? unknown,
    sub_type: row.sub_type,
    sub_type_name: type?.subTypes[row.sub_type] ?? { zh: row.sub_type, en: row.sub_type },
    seller_org_id: row.seller_org_id,
    seller_name: row.seller_name,
    buyer_org_id: row.buyer_org_id,
    buyer_name: row.buyer_name,
    buyer_display_name: row.buyer_org_name ?? row.buyer_name ?? '',
    buyer_region: row.buyer_region,
    flow: row.flow as ContractFlow,
    inflow: row.inflow,
    contract_amount: row.contract_amount,
    transaction_amount: row.transaction_amount,
    signed_on: row.signed_on,
    registered_on: row.registered_on,
    end_on: row.end_on,
    technology_field: row.technology_field,
    district_code: row.district_code,
    zone: row.zone,
    status: row.status as TechContract['status'],
    registration_number: row.registration_number,
    not_registered_reason: row.not_registered_reason,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

/**
 * The contracts a caller may read, as SQL over `tech_contracts c`: an organization user its
 * organizations' sales, an officer its area's (districts and zones; none = the city), an
 * administrator all. Only integers and the city's own codes reach the SQL text.
 */
export function visibleSql(ctx: ServiceContext, p: Principal): string {
  const reach = reachOf(p, 'tech_contracts.read');
  if (reach === 'all' || (reach === 'area' && citywide(p))) return 'true';
  const list = (xs: readonly string[]) => xs.join(', ') || 'NULL';
  if (reach === 'own') return `c.seller_org_id IN (${list(p.organizationIds.filter(Number.isInteger).map(String))})`;
  if (reach !== 'area') return 'false';
  const districts = p.districts.filter((d) => ctx.city.districts.some((x) => x.code === d)).map((d) => `'${d}'`);
  const zones = p.zones.filter((z) => ctx.city.zones.some((x) => x.code === z)).map((z) => `'${z}'`);
  return `(c.district_code IN (${list(districts)}) OR c.zone IN (${list(zones)}))`;
}

export async function listTechContracts(ctx: ServiceContext, query: ListQuery, principal: Principal): Promise<ListPage<TechContract>> {
  const spec = q.techContractListSpec(ctx.city, marketCodes().market, visibleSql(ctx, principal));
  return listRecords(ctx.db, spec, query, presentTechContract);
}

/** One contract; for a caller it may not read, 404 like a missing one (a contract's existence is its seller's business). */
export async function getTechContract(ctx: ServiceContext, id: number, principal?: Principal): Promise<TechContract> {
  const row = await q.findById(ctx.db, id);
  if (!row || (principal && !can(principal, 'tech_contracts.read', sellerRowScope(row)))) throw notFound(TECH_CONTRACT, id);
  return presentTechContract(row);
}

/** The contract locked for a write of another module's (a registration application about it), or undefined. */
export async function lockTechContract(ctx: ServiceContext, id: number): Promise<TechContract | undefined> {
  const row = await q.lockById(ctx.db, id);
  return row && presentTechContract(row);
}

/**
 * An organization user drafts: it may not register, refuse or change a contract past its draft
 * (官方登记由登记员办理) — but fixes one its registration application was returned for.
 */
export function restrictToDrafts(principal: Principal, current: { status: string } | undefined, body: Record<string, unknown> | undefined): void {
  if (reachOf(principal, 'tech_contracts.write') !== 'own') return;
  const past = current !== undefined && current.status !== 'draft' && current.status !== 'returned';
  const sets = body !== undefined && ((body.status !== undefined && body.status !== 'draft') || ['registered_on', 'registration_number', 'not_registered_reason'].some((k) => body[k] !== undefined && body[k] !== null));
  if (!past && !sets) return;
  throw new AppError('forbidden', { zh: '无权执行此操作', en: 'Forbidden' }, [
    {
      field: 'status',
      code: 'permission.draft_only',
      message: { zh: '单位用户只能填写和修改草稿状态的技术合同；登记由登记机构办理', en: 'An organization user fills in and changes draft contracts only; registration is the registrar’s' },
      params: { status: current?.status ?? String(body?.status) },
    },
  ]);
}

type Stored = Omit<Required<TechContractCreate>, 'status'> & { status: TechContract['status'] };

const EMPTY = { buyer_org_id: null, buyer_name: null, buyer_region: null, registered_on: null, end_on: null, technology_field: null, district_code: null, zone: null, registration_number: null, not_registered_reason: null, status: 'draft' } as const;

const storedOf = (row: q.TechContractRow): Stored => {
  const { id: _i, seller_name: _s, buyer_org_name: _b, flow: _f, inflow: _n, created_at: _c, updated_at: _u, version: _v, ...stored } = row;
  return stored as Stored;
};

/** Blank texts mean "none" for the optional codes. */
const blankToNull = <T extends Record<string, unknown>>(v: T): T =>
  Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === '' && k !== 'contract_number' && k !== 'title' ? null : x])) as T;

/** The seller, which must exist; a new contract, or one moved to another seller, lies where the seller does unless told otherwise. */
async function placeSeller(ctx: ServiceContext, record: Stored, given: Partial<Stored>, current?: q.TechContractRow): Promise<RecordScope> {
  const seller = await organizationPlace(ctx, record.seller_org_id);
  if (!seller) throw validationFailed([referenceMissing('seller_org_id', record.seller_org_id)]);
  if (current === undefined || (given.seller_org_id !== undefined && given.seller_org_id !== current.seller_org_id)) {
    if (given.district_code === undefined) record.district_code = seller.districtCode;
    if (given.zone === undefined) record.zone = seller.zone;
  }
  return seller;
}

/** A registry buyer, new or with its region cleared, lies in its own district: the old buyer's region does not follow it. */
async function placeBuyer(ctx: ServiceContext, record: Stored, given: Partial<Stored>): Promise<void> {
  if (record.buyer_org_id === null || (given.buyer_org_id === undefined && given.buyer_region === undefined)) return;
  const buyer = await organizationPlace(ctx, record.buyer_org_id);
  if (!buyer) throw validationFailed([referenceMissing('buyer_org_id', record.buyer_org_id)]);
  if (given.buyer_region === undefined || given.buyer_region === null) record.buyer_region = buyer.districtCode;
}

/** Every rule on the whole record; a buyer with no region at all (a registry buyer outside the city) is asked for one. */
function checkRecord(ctx: ServiceContext, record: Stored): void {
  const { market, regions } = marketCodes();
  const problems = checkTechContractFields(market, ctx.city, regions, record as TechContractFields, ctx.clock.today());
  if (record.buyer_region === null && !problems.some((p) => p.field === 'buyer_region' || p.field === 'buyer_name'))
    problems.push({ field: 'buyer_region', code: 'buyer_region.required', message: { zh: '买方不在本市登记的区县内，请填写其所在地区（区县代码或国家代码）', en: 'The buyer is not in one of the city’s districts: give its region (a county code or a country code)' } });
  if (problems.length) throw validationFailed(problems);
}

/**
 * The record as it will be stored: placed, checked, with the derived flow and inflow, and a
 * registration number from the sequence when it is registered without one.
 */
async function settle(ctx: ServiceContext, record: Stored, given: Partial<Stored>, current?: q.TechContractRow): Promise<q.ContractValues> {
  const seller = await placeSeller(ctx, record, given, current);
  await placeBuyer(ctx, record, given);
  checkRecord(ctx, record);
  const flow = regionFlow(ctx.city, marketCodes().regions, record.buyer_region!)!;
  await assertNumbersFree(ctx, record, current?.id);
  const registration_number = record.status === 'registered' && record.registration_number === null ? await allocateRegistrationNumber(ctx, record.registered_on!) : record.registration_number;
  if (record.registration_number !== null && record.registration_number !== current?.registration_number) await reserveRegistrationNumber(ctx, record.registration_number);
  return { ...record, flow, inflow: isInflow(seller.districtCode !== null, flow), registration_number };
}

const referenceMissing = (field: string, id: number) => ({ field, code: 'reference.not_found', message: { zh: `编号为 ${id} 的主体不存在`, en: `Organization ${id} does not exist` }, params: { id } });

async function assertNumbersFree(ctx: ServiceContext, record: Stored, selfId: number | undefined): Promise<void> {
  const same = await q.findBySellerAndNumber(ctx.db, record.seller_org_id, record.contract_number);
  if (same && same.id !== selfId)
    throw conflict({ field: 'contract_number', code: 'contract_number.duplicate', message: { zh: `该卖方已有编号为 ${record.contract_number} 的合同（记录 ${same.id}）`, en: `The seller already has contract ${record.contract_number} (record ${same.id})` }, params: { existing_id: same.id } });
  const registered = record.registration_number === null ? undefined : await q.findByRegistrationNumber(ctx.db, record.registration_number);
  if (registered && registered.id !== selfId)
    throw conflict({ field: 'registration_number', code: 'registration_number.duplicate', message: { zh: `登记编号 ${record.registration_number} 已被使用（记录 ${registered.id}）`, en: `Registration number ${record.registration_number} is taken (record ${registered.id})` }, params: { existing_id: registered.id } });
}

/**
 * The next number of the city's sequence for the registration's year, inside the caller's
 * transaction (the API's writes and imports). Past the last one the write is refused and rolls
 * back with the counter: a registrar gives the number by hand instead.
 */
export async function allocateRegistrationNumber(ctx: Pick<ServiceContext, 'db' | 'city'>, registeredOn: string): Promise<string> {
  const year = Number(registeredOn.slice(0, 4));
  const sequence = await q.nextRegistrationSequence(ctx.db, ctx.city.code, year);
  if (sequence > LAST_REGISTRATION_SEQUENCE) throw sequenceExhausted(year);
  return registrationNumber(year, ctx.city.code, sequence);
}

const sequenceExhausted = (year: number) =>
  new AppError('conflict', { zh: `${year} 年的登记编号已用尽`, en: `The registration numbers of ${year} are used up` }, [
    {
      field: 'registration_number',
      code: 'registration_number.sequence_exhausted',
      message: {
        zh: `本市 ${year} 年的登记编号序列已用到最后一个（${LAST_REGISTRATION_SEQUENCE}），不能再自动编号；请手工填写登记编号`,
        en: `The city's registration sequence of ${year} has reached its last number (${LAST_REGISTRATION_SEQUENCE}); enter the registration number by hand`,
      },
      params: { year, last: LAST_REGISTRATION_SEQUENCE },
    },
  ]);

/**
 * A number given with the contract (an import of contracts registered before, a registrar's
 * entry) is kept; when it is one of this city's sequence, the counter is moved past it so the
 * sequence never hands it out again (it may skip the numbers below it that were never given).
 */
export async function reserveRegistrationNumber(ctx: Pick<ServiceContext, 'db' | 'city'>, number: string): Promise<void> {
  const seq = registrationSequence(number, ctx.city.code);
  if (seq) await q.raiseRegistrationCounter(ctx.db, ctx.city.code, seq.year, seq.sequence);
}

export async function createTechContract(ctx: ServiceContext, input: TechContractCreate): Promise<TechContract> {
  const given = blankToNull(input);
  const values = await settle(ctx, { ...EMPTY, ...given } as Stored, given);
  return getTechContract(ctx, await q.insert(ctx.db, values));
}

/** `current` is the row as the caller already read it (locked, in the caller's transaction); else it is read here. */
export async function updateTechContract(ctx: ServiceContext, id: number, version: number, patch: TechContractPatch, current?: q.TechContractRow): Promise<TechContract> {
  const { version: _, ...changes } = patch;
  current ??= await q.findById(ctx.db, id);
  if (!current) throw notFound(TECH_CONTRACT, id);
  const given = blankToNull(changes) as Partial<Stored>;
  refuseWorkflowChange(current, given);
  const values = await settle(ctx, { ...storedOf(current), ...given }, given, current);
  return presentTechContract(await updateVersioned<q.TechContractRow>(ctx.db, TARGET, id, version, values, q.WRITABLE));
}

export async function deleteTechContract(ctx: ServiceContext, id: number, version: number | undefined): Promise<void> {
  const current = await q.findById(ctx.db, id);
  if (current?.status === 'registered' || current?.status === 'submitted')
    throw workflowOwned('status', `tech_contract.${current.status}`, { zh: `${current.status === 'registered' ? '已登记' : '登记审查中'}的技术合同不能删除`, en: `A contract ${current.status === 'registered' ? 'registered' : 'under registration'} cannot be deleted` }, current.status);
  await deleteVersioned(ctx.db, TARGET, id, version);
}

/** What a registration fixed: the parties, the amounts and the registration itself. */
const REGISTERED_FIELDS = ['seller_org_id', 'buyer_org_id', 'buyer_name', 'buyer_region', 'contract_amount', 'transaction_amount', 'status', 'registered_on', 'registration_number', 'not_registered_reason'] as const;
/** States only a registration application leads to. */
const WORKFLOW_STATUSES: readonly string[] = ['submitted', 'returned'];

const sameValue = (key: string, a: unknown, b: unknown) => (key.endsWith('_amount') && typeof a === 'string' && typeof b === 'string' ? yuan(a).eq(yuan(b)) : a === b);

const workflowOwned = (field: string, code: string, message: { zh: string; en: string }, status: string) =>
  new AppError('conflict', { zh: '技术合同的登记由认定登记流程办理', en: 'A contract’s registration goes through the registration workflow' }, [{ field, code, message, params: { status } }]);

/**
 * Registration is the workflow's (filing type tech_contract_registration): a contract under
 * registration is not changed meanwhile, no one sets the states only an application leads to, and
 * a registered contract keeps its parties, amounts and registration (409 naming the field).
 */
function refuseWorkflowChange(current: q.TechContractRow, given: Partial<Stored>): void {
  if (current.status === 'submitted')
    throw workflowOwned('status', 'tech_contract.in_registration', { zh: '该合同正在认定登记审查中，不能修改', en: 'The contract is being checked for registration: it cannot be changed meanwhile' }, current.status);
  if (given.status !== undefined && given.status !== current.status && WORKFLOW_STATUSES.includes(given.status))
    throw workflowOwned('status', 'tech_contract.status_by_workflow', { zh: '“已提交”“已退回”状态只能由认定登记申请产生', en: 'Only a registration application makes a contract submitted or returned' }, current.status);
  if (current.status !== 'registered') return;
  const changed = REGISTERED_FIELDS.find((k) => given[k] !== undefined && !sameValue(k, given[k], current[k]));
  if (changed)
    throw workflowOwned(changed, 'tech_contract.registered', { zh: '已登记的技术合同不能修改当事人、金额或登记信息', en: 'A registered contract’s parties, amounts and registration cannot be changed' }, current.status);
}

/**
 * The contract's status as its registration application moves (filings/filing.ts), in the
 * application's transaction: registered takes the city's today and the next number of the
 * sequence; not registered its reason; back to draft or returned clears the registration.
 */
export async function followRegistration(ctx: ServiceContext, id: number, status: ContractStatus, reason: string | null): Promise<{ before: TechContract; after: TechContract }> {
  const current = await q.lockById(ctx.db, id);
  if (!current) throw notFound(TECH_CONTRACT, id);
  const registered = status === 'registered';
  const given: Partial<Stored> = {
    status,
    registered_on: registered ? ctx.clock.today() : null,
    registration_number: registered ? current.registration_number : null,
    not_registered_reason: status === 'not_registered' ? reason : null,
  };
  const values = await settle(ctx, { ...storedOf(current), ...given }, given, current);
  const after = presentTechContract(await updateVersioned<q.TechContractRow>(ctx.db, TARGET, id, current.version, values, q.WRITABLE));
  return { before: presentTechContract(current), after };
}
