import type { Queryable } from '../../db/client.js';
import type { ListSpec } from '../../db/list/spec.js';
import type { CityConfig } from '../../domain/city.js';
import { districtName } from '../../domain/district.js';
import type { Message } from '../../domain/message.js';
import { organizationKindCodes, organizationKinds, type OrganizationKind } from '../../domain/organization.js';
import { provinceOf } from '../../domain/province.js';
import { contractFlowCodes, contractFlows, contractStatusCodes, contractStatuses, type MarketCodes } from '../../domain/techContract.js';
import { zoneName } from '../../domain/zone.js';

/** SQL for the tech_contracts table (技术合同) and its registration-number counter. */
export interface TechContractRow {
  id: number;
  contract_number: string;
  title: string;
  type: string;
  sub_type: string;
  seller_org_id: number;
  seller_name: string;
  buyer_org_id: number | null;
  buyer_name: string | null;
  buyer_org_name: string | null;
  buyer_region: string;
  flow: string;
  inflow: boolean;
  /** Exact decimals, read as text: a JavaScript number would round them. */
  contract_amount: string;
  transaction_amount: string;
  signed_on: string;
  registered_on: string | null;
  end_on: string | null;
  technology_field: string | null;
  district_code: string | null;
  zone: string | null;
  status: string;
  registration_number: string | null;
  not_registered_reason: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const WRITABLE = [
  'contract_number', 'title', 'type', 'sub_type', 'seller_org_id', 'buyer_org_id', 'buyer_name', 'buyer_region', 'flow', 'inflow',
  'contract_amount', 'transaction_amount', 'signed_on', 'registered_on', 'end_on', 'technology_field', 'district_code', 'zone',
  'status', 'registration_number', 'not_registered_reason',
] as const;
export type ContractValues = { [K in (typeof WRITABLE)[number]]?: unknown };

export const COLUMNS = `t.id, t.contract_number, t.title, t.type, t.sub_type, t.seller_org_id, s.name AS seller_name, t.buyer_org_id, t.buyer_name,
  b.name AS buyer_org_name, t.buyer_region, t.flow, t.inflow, t.contract_amount::text AS contract_amount, t.transaction_amount::text AS transaction_amount,
  t.signed_on, t.registered_on, t.end_on, t.technology_field, t.district_code, t.zone, t.status, t.registration_number, t.not_registered_reason,
  t.created_at, t.updated_at, t.version`;
/** What a row is shown with: its seller's and its registry buyer's names. */
export const JOINS = 'LEFT JOIN organizations s ON s.id = t.seller_org_id LEFT JOIN organizations b ON b.id = t.buyer_org_id';

/**
 * The contracts a caller may see (`visible`: SQL over the table aliased `c`, see service.ts) with
 * what they are shown with. The caller's reach is part of the FROM clause, so the page cache keeps
 * callers apart.
 */
export function techContractListSpec(city: CityConfig, market: MarketCodes, visible = 'true'): ListSpec {
  const types = market.contractTypes.types;
  // Sub-type codes are unique across types (checked when the file is loaded).
  const subTypes: Record<string, Message> = Object.assign({}, ...Object.values(types).map((t) => t.subTypes));
  return {
    from: `(SELECT c.* FROM tech_contracts c WHERE ${visible}) t ${JOINS}`,
    tables: ['tech_contracts', 'organizations'],
    select: COLUMNS,
    fields: {
      id: { column: 't.id', type: 'int', notNull: true, sort: true },
      contract_number: { column: 't.contract_number', type: 'text', notNull: true, sort: true },
      type: { column: 't.type', type: 'code', notNull: true, values: Object.keys(types), sort: true, group: true, label: (k) => types[k]?.name ?? null },
      sub_type: { column: 't.sub_type', type: 'code', notNull: true, values: Object.keys(subTypes), sort: true, group: true, label: (k) => subTypes[k] ?? null },
      seller_org_id: { column: 't.seller_org_id', type: 'int', notNull: true, sort: true, group: true },
      // A subquery, not the list's join: the statistics spec reads the bare table.
      seller_kind: { column: '(SELECT o.kind FROM organizations o WHERE o.id = t.seller_org_id)', type: 'code', values: organizationKindCodes, group: true, label: (k) => organizationKinds[k as OrganizationKind] ?? null },
      buyer_org_id: { column: 't.buyer_org_id', type: 'int', sort: true },
      buyer_region: { column: 't.buyer_region', type: 'text', notNull: true, group: true },
      buyer_province: { column: "CASE WHEN t.buyer_region ~ '^[0-9]{6}$' THEN substr(t.buyer_region, 1, 2) || '0000' END", type: 'text', group: true, label: (k) => provinceOf(k) ?? null },
      flow: { column: 't.flow', type: 'code', notNull: true, values: contractFlowCodes, sort: true, group: true, label: (k) => contractFlows[k as keyof typeof contractFlows] ?? null },
      inflow: { column: 't.inflow', type: 'bool', notNull: true, group: true },
      status: { column: 't.status', type: 'code', notNull: true, values: contractStatusCodes, sort: true, group: true, label: (k) => contractStatuses[k as keyof typeof contractStatuses] ?? null },
      contract_amount: { column: 't.contract_amount', type: 'decimal', notNull: true, sort: true },
      transaction_amount: { column: 't.transaction_amount', type: 'decimal', notNull: true, sort: true },
      signed_on: { column: 't.signed_on', type: 'date', notNull: true, sort: true },
      signed_year: { column: 'extract(year from t.signed_on)::int', type: 'int', group: true },
      registered_on: { column: 't.registered_on', type: 'date', sort: true },
      registered_year: { column: 'extract(year from t.registered_on)::int', type: 'int', group: true },
      end_on: { column: 't.end_on', type: 'date', sort: true },
      technology_field: { column: 't.technology_field', type: 'code', values: Object.keys(market.technologyFields), sort: true, group: true, label: (k) => market.technologyFields[k] ?? null },
      district_code: { column: 't.district_code', type: 'code', values: city.districts.map((d) => d.code), sort: true, group: true, label: (k) => districtName(city, k) },
      zone: { column: 't.zone', type: 'code', values: city.zones.map((z) => z.code), sort: true, group: true, label: (k) => zoneName(city, k) },
      registration_number: { column: 't.registration_number', type: 'text', sort: true },
      created_at: { column: 't.created_at', type: 'timestamp', notNull: true, sort: true },
      updated_at: { column: 't.updated_at', type: 'timestamp', notNull: true, sort: true },
    },
    searchColumns: ['t.contract_number', 't.title', 's.name', 't.buyer_name', 'b.name'],
    defaultSort: { field: 'id', desc: false },
  };
}

/** The list's fields over the bare table, for statistics (every field is a column of the contract itself). */
export function techContractStatisticsListSpec(city: CityConfig, market: MarketCodes): ListSpec {
  return { ...techContractListSpec(city, market), from: 'tech_contracts t', tables: ['tech_contracts'], select: 't.id', searchColumns: ['t.contract_number', 't.title'] };
}

/** One row; `forUpdate` locks it for the write that reads it (the one read of the record a write makes). */
export async function findById(db: Queryable, id: number, forUpdate = false): Promise<TechContractRow | undefined> {
  const { rows } = await db.query<TechContractRow>(`SELECT ${COLUMNS} FROM tech_contracts t ${JOINS} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
  return rows[0];
}

/** The row locked for a write (FOR UPDATE). */
export const lockById = (db: Queryable, id: number) => findById(db, id, true);

/** The seller's contract of this number, if any (one number per seller). */
export async function findBySellerAndNumber(db: Queryable, sellerOrgId: number, contractNumber: string): Promise<{ id: number } | undefined> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM tech_contracts WHERE seller_org_id = $1 AND contract_number = $2', [sellerOrgId, contractNumber]);
  return rows[0];
}

/** The contract holding this registration number, if any. */
export async function findByRegistrationNumber(db: Queryable, registrationNumber: string): Promise<{ id: number } | undefined> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM tech_contracts WHERE registration_number = $1', [registrationNumber]);
  return rows[0];
}

export async function insert(db: Queryable, values: ContractValues): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO tech_contracts (${WRITABLE.join(', ')}) VALUES (${WRITABLE.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    WRITABLE.map((c) => values[c] ?? (c === 'inflow' ? false : c === 'status' ? 'draft' : null)),
  );
  return rows[0]!.id;
}

/**
 * The next registration number's sequence for a city and year, taken inside the caller's
 * transaction: the upsert locks the counter's row until that transaction ends, so concurrent
 * registrations queue, and a rolled-back one gives its number back (no gap, no repeat).
 */
export async function nextRegistrationSequence(db: Queryable, cityCode: string, year: number): Promise<number> {
  const { rows } = await db.query<{ last: number }>(
    `INSERT INTO registration_counters (city_code, year, last) VALUES ($1, $2, 1)
     ON CONFLICT (city_code, year) DO UPDATE SET last = registration_counters.last + 1 RETURNING last`,
    [cityCode, year],
  );
  return rows[0]!.last;
}

/** Moves a year's counter up to `sequence` (never down): a number given from elsewhere is never handed out again. */
export async function raiseRegistrationCounter(db: Queryable, cityCode: string, year: number, sequence: number): Promise<void> {
  await db.query(
    `INSERT INTO registration_counters (city_code, year, last) VALUES ($1, $2, $3)
     ON CONFLICT (city_code, year) DO UPDATE SET last = greatest(registration_counters.last, EXCLUDED.last)`,
    [cityCode, year, sequence],
  );
}
