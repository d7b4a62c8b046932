import type { Queryable } from '../../db/client.js';
import type { CityConfig } from '../../domain/city.js';
import { violation, type RuleViolation } from '../../domain/message.js';
import { yuan } from '../../domain/yuan.js';
import { isInflow, regionFlow, registrationSequence } from '../../domain/techContract.js';
import { marketCodes } from '../techContracts/codes.js';
import { allocateRegistrationNumber, reserveRegistrationNumber } from '../techContracts/service.js';
import { danglingReferenceViolation } from './inFileChecks.js';
import { rowProblem, type RowProblem } from './problems.js';
import { organizationIds, organizationPlaces, type StoredRow } from './queries.js';
import { tableColumns, type SqlValue, type TableRow } from './tableRows.js';

/**
 * What a technology contract's row needs from the database before it is written (合同行补全), as
 * the API's service settles a record (src/modules/techContracts/service.ts), a batch at a time:
 * the buyer's id from its credit code, the seller's district and zone when the file leaves them
 * out, a registry buyer's region from its district, the derived flow and inflow, and a number of
 * the city's yearly sequence for a registered contract without one.
 */

export interface ContractRow {
  line: number;
  row: TableRow;
  /** The stored contract of the row's key, if any: what the file leaves out stays as it is. */
  existing: StoredRow | undefined;
}

const at = Object.fromEntries(tableColumns('tech_contracts').map((c, i) => [c.name, i])) as Record<string, number>;

const registrationTaken = (number: string): RuleViolation =>
  violation('registration_number.duplicate', `登记编号 ${number} 已被其他合同使用`, `Registration number ${number} is taken by another contract`, { value: number });

const regionRequired = violation('buyer_region.required', '请填写买方所在地区（区县代码或国家代码）：买方不在本市登记的区县内', 'Give the buyer’s region (a county code or a country code): the buyer is not in one of the city’s districts');

/** The registration numbers of these contracts' keys (seller id + number) held by other contracts. */
async function takenNumbers(db: Queryable, rows: readonly ContractRow[]): Promise<Map<string, string>> {
  const numbers = rows.flatMap(({ row }) => (typeof row.values[at.registration_number!] === 'string' ? [row.values[at.registration_number!] as string] : []));
  if (numbers.length === 0) return new Map();
  const { rows: held } = await db.query<{ registration_number: string; seller_org_id: number; contract_number: string }>(
    'SELECT registration_number, seller_org_id, contract_number FROM tech_contracts WHERE registration_number IN (SELECT json_array_elements_text($1::json))',
    [JSON.stringify(numbers)],
  );
  return new Map(held.map((h) => [h.registration_number, `${h.seller_org_id}\u0001${h.contract_number}`]));
}

/**
 * Completes each row's derived values in place; returns the problems of rows that cannot be
 * written (an unknown buyer, a buyer with no region, a registration number already taken).
 */
export async function completeContractRows(db: Queryable, city: CityConfig, rows: readonly ContractRow[], mode: 'insert' | 'upsert'): Promise<Map<number, RowProblem>> {
  const buyerIds = await organizationIds(db, rows.flatMap(({ row }) => (typeof row.buyerReference === 'string' ? [row.buyerReference] : [])));
  const sellers = rows.map(({ row }) => row.values[at.seller_org_id!] as number);
  const places = await organizationPlaces(db, [...sellers, ...buyerIds.values()]);
  const taken = await takenNumbers(db, rows);
  const problems = new Map<number, RowProblem>();
  for (const r of rows) {
    const problem = completeRow(city, r, buyerIds, places, taken, mode);
    if (problem) problems.set(r.line, problem);
  }
  return problems;
}

type Places = Awaited<ReturnType<typeof organizationPlaces>>;

function completeRow(city: CityConfig, { line, row, existing }: ContractRow, buyerIds: ReadonlyMap<string, number>, places: Places, taken: Map<string, string>, mode: 'insert' | 'upsert'): RowProblem | null {
  const v = row.values;
  const value = (name: string): SqlValue | undefined => (v[at[name]!] !== undefined ? v[at[name]!] : existing?.[name]);
  const seller = places.get(v[at.seller_org_id!] as number) ?? { district: null, zone: null };
  if (!existing) {
    v[at.district_code!] ??= seller.district;
    v[at.zone!] ??= seller.zone;
  }
  // An empty status cell means the default, as when the API is not given one.
  if (v[at.status!] === null || (!existing && v[at.status!] === undefined)) v[at.status!] = existing?.status ?? 'draft';
  if (row.buyerReference !== undefined) {
    const buyer = row.buyerReference === null ? null : buyerIds.get(row.buyerReference);
    if (buyer === undefined) return rowProblem(line, 'buyer_uscc', row.buyerReference, danglingReferenceViolation(row.buyerReference!));
    v[at.buyer_org_id!] = buyer;
    // A registry buyer without a region given lies in its own district.
    if (buyer !== null && (v[at.buyer_region!] ?? null) === null) v[at.buyer_region!] = places.get(buyer)?.district ?? null;
  }
  const region = value('buyer_region');
  if (typeof region !== 'string') return rowProblem(line, 'buyer_region', null, regionRequired);
  const flow = regionFlow(city, marketCodes().regions, region)!;
  v[at.flow!] = flow;
  v[at.inflow!] = isInflow(seller.district !== null, flow);
  // The number first: an empty number cell keeps the stored number before the registration is compared.
  // In insert mode a stored key is refused as such by the writer, whatever the row would change.
  return checkNumber({ line, row, existing }, taken) ?? checkRegistration({ line, row, existing: mode === 'insert' ? undefined : existing });
}

/** What a registration fixed (as the API keeps it: techContracts/service.ts). */
const REGISTERED_COLUMNS = ['seller_org_id', 'buyer_org_id', 'buyer_name', 'buyer_region', 'contract_amount', 'transaction_amount', 'status', 'registered_on', 'registration_number', 'not_registered_reason'] as const;

const sameCell = (column: string, a: SqlValue | undefined, b: SqlValue | undefined): boolean =>
  a === undefined || (column.endsWith('_amount') && typeof a === 'string' && typeof b === 'string' ? yuan(a).eq(yuan(b)) : a === b);

/**
 * A file changes a contract as the API may, no more: not one under registration, not a registered
 * one's parties, amounts or registration, and it sets no status only a registration application
 * leads to (submitted, returned).
 */
function checkRegistration({ line, row, existing }: ContractRow): RowProblem | null {
  const v = row.values;
  const status = v[at.status!];
  if ((status === 'submitted' || status === 'returned') && status !== existing?.status) return rowProblem(line, 'status', status, statusByWorkflow);
  if (!existing || (existing.status !== 'registered' && existing.status !== 'submitted')) return null;
  const changed = existing.status === 'submitted' ? tableColumns('tech_contracts').find((c) => !sameCell(c.name, v[at[c.name]!], existing[c.name]))?.name : REGISTERED_COLUMNS.find((c) => !sameCell(c, v[at[c]!], existing[c]));
  return changed === undefined ? null : rowProblem(line, changed, v[at[changed]!] ?? null, existing.status === 'registered' ? registeredKept : underRegistration);
}

const statusByWorkflow = violation('tech_contract.status_by_workflow', '“已提交”“已退回”状态只能由认定登记申请产生', 'Only a registration application makes a contract submitted or returned');
const registeredKept = violation('tech_contract.registered', '已登记的技术合同不能修改当事人、金额或登记信息', 'A registered contract’s parties, amounts and registration cannot be changed');
const underRegistration = violation('tech_contract.in_registration', '该合同正在认定登记审查中，不能修改', 'The contract is being checked for registration: it cannot be changed meanwhile');

/** A registration number given is free or already this contract's; an empty cell keeps the stored one (a registration is numbered once). */
function checkNumber({ line, row, existing }: ContractRow, taken: Map<string, string>): RowProblem | null {
  const v = row.values;
  if (v[at.registration_number!] === null && typeof existing?.registration_number === 'string') v[at.registration_number!] = existing.registration_number;
  const number = v[at.registration_number!];
  if (typeof number !== 'string') return null;
  const self = `${v[at.seller_org_id!]}\u0001${v[at.contract_number!]}`;
  const holder = taken.get(number);
  if (holder !== undefined && holder !== self) return rowProblem(line, 'registration_number', number, registrationTaken(number));
  // Later rows of the batch see this one's number as taken.
  taken.set(number, self);
  return null;
}

/**
 * Numbers the registered contracts of a batch that have none, from the city's sequence for their
 * registration year, just before they are written: only rows that will be written take a number,
 * so the sequence never skips one for a row refused, an existing key in insert mode, or a dry run.
 */
export async function numberRegistrations(db: Queryable, city: CityConfig, rows: ReadonlyArray<Record<string, SqlValue | undefined>>): Promise<void> {
  // Numbers the file gives are kept, and the sequence moves past the highest of each year so it never hands one out again.
  const highest = new Map<number, string>();
  for (const { registration_number: n } of rows) {
    const seq = typeof n === 'string' ? registrationSequence(n, city.code) : null;
    if (seq && (highest.get(seq.year) ?? '') < (n as string)) highest.set(seq.year, n as string);
  }
  for (const n of highest.values()) await reserveRegistrationNumber({ db, city }, n);
  for (const row of rows) {
    if (row.status !== 'registered' || (row.registration_number ?? null) !== null || typeof row.registered_on !== 'string') continue;
    row.registration_number = await allocateRegistrationNumber({ db, city }, row.registered_on);
  }
}
