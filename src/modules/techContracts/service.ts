import type { ListQuery } from '../../contracts/common.js';
import type { TechContract, TechContractCreate, TechContractPatch } from '../../contracts/techContracts.js';
import { parseListQuery } from '../../db/list/parse.js';
import { runList, type ListPage } from '../../db/list/sql.js';
import { can, citywide, reachOf, type RecordScope } from '../../domain/permissions.js';
import { checkTechContractFields, isInflow, regionFlow, registrationNumber, type ContractFlow, type TechContractFields } from '../../domain/techContract.js';
import { organizationPlace } from '../organizations/service.js';
import type { ServiceContext } from '../shared/context.js';
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
  const parsed = parseListQuery(spec, query);
  if (!parsed.ok) throw validationFailed(parsed.problems);
  return runList(ctx.db, spec, parsed.value, presentTechContract);
}

/** One contract; for a caller it may not read, 404 like a missing one (a contract's existence is its seller's business). */
export async function getTechContract(ctx: ServiceContext, id: number, principal?: Principal): Promise<TechContract> {
  const row = await q.findById(ctx.db, id);
  if (!row || (principal && !can(principal, 'tech_contracts.read', sellerRowScope(row)))) throw notFound(TECH_CONTRACT, id);
  return presentTechContract(row);
}

/** An organization user drafts: it may not register, refuse or change a contract past its draft (官方登记由登记员办理). */
export function restrictToDrafts(principal: Principal, current: { status: string } | undefined, body: Record<string, unknown> | undefined): void {
  if (reachOf(principal, 'tech_contracts.write') !== 'own') return;
  const past = current !== undefined && current.status !== 'draft';
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

/** The next number of the city's sequence for the registration's year, inside the caller's transaction (the API's writes and imports). */
export async function allocateRegistrationNumber(ctx: Pick<ServiceContext, 'db' | 'city'>, registeredOn: string): Promise<string> {
  const year = Number(registeredOn.slice(0, 4));
  return registrationNumber(year, ctx.city.code, await q.nextRegistrationSequence(ctx.db, ctx.city.code, year));
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
  const values = await settle(ctx, { ...storedOf(current), ...given }, given, current);
  return presentTechContract(await updateVersioned<q.TechContractRow>(ctx.db, TARGET, id, version, values, q.WRITABLE));
}

export async function deleteTechContract(ctx: ServiceContext, id: number, version: number | undefined): Promise<void> {
  await deleteVersioned(ctx.db, TARGET, id, version);
}
