import type { Queryable } from '../../db/client.js';
import type { ListSpec } from '../../db/list/spec.js';
import type { CityConfig } from '../../domain/city.js';
import { districtName } from '../../domain/district.js';
import { ipLoanStatusCodes, ipLoanStatuses, type PledgedItem } from '../../domain/ipLoan.js';
import { zoneName } from '../../domain/zone.js';
import { explainMiss } from '../shared/records.js';

/** SQL for the ip_loans table (知识产权质押融资). */
export interface IpLoanRow {
  id: number;
  contract_number: string;
  borrower_org_id: number;
  borrower_name: string;
  lender_org_id: number | null;
  lender_name: string | null;
  lender_org_name: string | null;
  guarantor_name: string | null;
  guarantor_kind: string | null;
  pledged_items: PledgedItem[];
  /** Exact decimals, read as text: a JavaScript number would round them. */
  valuation_amount: string;
  valuer: string;
  amount: string;
  annual_rate: string;
  term_months: number;
  status: string;
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
  district_code: string | null;
  zone: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const WRITABLE = [
  'contract_number', 'borrower_org_id', 'lender_org_id', 'lender_name', 'guarantor_name', 'guarantor_kind', 'pledged_items', 'valuation_amount', 'valuer',
  'amount', 'annual_rate', 'term_months', 'status', 'applied_on', 'approved_on', 'disbursed_on', 'repaid_on', 'overdue_on', 'compensated_on',
  'loss_amount', 'compensation_policy', 'fund_share', 'lender_share', 'agency_share', 'fund_before_cap', 'district_code', 'zone',
] as const;
export type LoanValues = { [K in (typeof WRITABLE)[number]]?: unknown };

const money = (c: string) => `t.${c}::text AS ${c}`;
export const COLUMNS = `t.id, t.contract_number, t.borrower_org_id, b.name AS borrower_name, t.lender_org_id, t.lender_name, l.name AS lender_org_name,
  t.guarantor_name, t.guarantor_kind, t.pledged_items, ${money('valuation_amount')}, t.valuer, ${money('amount')}, ${money('annual_rate')}, t.term_months,
  t.status, t.applied_on, t.approved_on, t.disbursed_on, t.repaid_on, t.overdue_on, t.compensated_on, ${money('loss_amount')}, t.compensation_policy,
  ${money('fund_share')}, ${money('lender_share')}, ${money('agency_share')}, ${money('fund_before_cap')}, t.district_code, t.zone, t.created_at, t.updated_at, t.version`;
/** What a row is shown with: its borrower's and its registry lender's names. */
export const JOINS = 'LEFT JOIN organizations b ON b.id = t.borrower_org_id LEFT JOIN organizations l ON l.id = t.lender_org_id';

/**
 * The loans a caller may see (`visible`: SQL over the table aliased `c`, see service.ts) with
 * what they are shown with. The caller's reach is part of the FROM clause, so the page cache keeps
 * callers apart.
 */
export function ipLoanListSpec(city: CityConfig, visible = 'true'): ListSpec {
  return {
    from: `(SELECT c.* FROM ip_loans c WHERE ${visible}) t ${JOINS}`,
    tables: ['ip_loans', 'organizations'],
    select: COLUMNS,
    fields: {
      id: { column: 't.id', type: 'int', notNull: true, sort: true },
      contract_number: { column: 't.contract_number', type: 'text', notNull: true, sort: true },
      borrower_org_id: { column: 't.borrower_org_id', type: 'int', notNull: true, sort: true, group: true },
      lender_org_id: { column: 't.lender_org_id', type: 'int', sort: true, group: true },
      status: { column: 't.status', type: 'code', notNull: true, values: ipLoanStatusCodes, sort: true, group: true, label: (k) => ipLoanStatuses[k as keyof typeof ipLoanStatuses] ?? null },
      amount: { column: 't.amount', type: 'decimal', notNull: true, sort: true },
      valuation_amount: { column: 't.valuation_amount', type: 'decimal', notNull: true, sort: true },
      fund_share: { column: 't.fund_share', type: 'decimal', sort: true },
      term_months: { column: 't.term_months', type: 'int', notNull: true, sort: true },
      applied_on: { column: 't.applied_on', type: 'date', notNull: true, sort: true },
      approved_on: { column: 't.approved_on', type: 'date', sort: true },
      disbursed_on: { column: 't.disbursed_on', type: 'date', sort: true },
      disbursed_year: { column: 'extract(year from t.disbursed_on)::int', type: 'int', group: true },
      repaid_on: { column: 't.repaid_on', type: 'date', sort: true },
      overdue_on: { column: 't.overdue_on', type: 'date', sort: true },
      compensated_on: { column: 't.compensated_on', type: 'date', sort: true },
      closed_on: { column: 't.closed_on', type: 'date', sort: true },
      district_code: { column: 't.district_code', type: 'code', values: city.districts.map((d) => d.code), sort: true, group: true, label: (k) => districtName(city, k) },
      zone: { column: 't.zone', type: 'code', values: city.zones.map((z) => z.code), sort: true, group: true, label: (k) => zoneName(city, k) },
      created_at: { column: 't.created_at', type: 'timestamp', notNull: true, sort: true },
      updated_at: { column: 't.updated_at', type: 'timestamp', notNull: true, sort: true },
    },
    searchColumns: ['t.contract_number', 'b.name', 't.lender_name', 'l.name', 't.valuer'],
    defaultSort: { field: 'id', desc: false },
  };
}

/** The list's fields over the bare table, for statistics (every field is a column of the loan itself). */
export function ipLoanStatisticsListSpec(city: CityConfig): ListSpec {
  return { ...ipLoanListSpec(city), from: 'ip_loans t', tables: ['ip_loans'], select: 't.id', searchColumns: ['t.contract_number'] };
}

/** One row; `forUpdate` locks it for the write that reads it (the one read of the record a write makes). */
export async function findById(db: Queryable, id: number, forUpdate = false): Promise<IpLoanRow | undefined> {
  const { rows } = await db.query<IpLoanRow>(`SELECT ${COLUMNS} FROM ip_loans t ${JOINS} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
  return rows[0];
}

export const lockById = (db: Queryable, id: number) => findById(db, id, true);

/** The borrower's loan of this contract number, if any. */
export async function findByBorrowerAndNumber(db: Queryable, borrowerOrgId: number, contractNumber: string): Promise<{ id: number } | undefined> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM ip_loans WHERE borrower_org_id = $1 AND contract_number = $2', [borrowerOrgId, contractNumber]);
  return rows[0];
}

/** The firm's losses already compensated, for the per-firm cap of the fund. */
export async function compensatedLossesOf(db: Queryable, borrowerOrgId: number): Promise<{ id: number; compensated_on: string; loss_amount: string; fund_share: string }[]> {
  const { rows } = await db.query<{ id: number; compensated_on: string; loss_amount: string; fund_share: string }>(
    `SELECT id, compensated_on, loss_amount::text AS loss_amount, fund_share::text AS fund_share FROM ip_loans
     WHERE borrower_org_id = $1 AND status = 'compensated' ORDER BY compensated_on, id`,
    [borrowerOrgId],
  );
  return rows;
}

/** The value a column takes as a parameter: the pledged items travel as JSON text. */
const param = (column: string, value: unknown): unknown => (column === 'pledged_items' ? JSON.stringify(value) : value);
const placeholder = (column: string, n: number): string => (column === 'pledged_items' ? `$${n}::jsonb` : `$${n}`);

export async function insert(db: Queryable, values: LoanValues): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO ip_loans (${WRITABLE.join(', ')}) VALUES (${WRITABLE.map((c, i) => placeholder(c, i + 1)).join(', ')}) RETURNING id`,
    WRITABLE.map((c) => param(c, values[c] ?? (c === 'status' ? 'applied' : null))),
  );
  return rows[0]!.id;
}

/** Conditional update of the given columns: only if the version is still `version`. */
export async function updateLoan(db: Queryable, id: number, version: number, values: LoanValues): Promise<IpLoanRow> {
  const columns = WRITABLE.filter((c) => values[c] !== undefined);
  const sets = [...columns.map((c, i) => `${c} = ${placeholder(c, i + 3)}`), 'version = version + 1', 'updated_at = now()'];
  const { rows } = await db.query<IpLoanRow>(
    `WITH t AS (UPDATE ip_loans SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING *) SELECT ${COLUMNS} FROM t ${JOINS}`,
    [id, version, ...columns.map((c) => param(c, values[c]))],
  );
  return rows[0] ?? explainMiss(db, 'ip_loans', { zh: '知识产权质押贷款', en: 'IP-backed loan' }, id);
}
