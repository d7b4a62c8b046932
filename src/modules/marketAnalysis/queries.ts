import type { Queryable } from '../../db/client.js';
import type { ContractFact } from '../../domain/analysis/columns.js';

/** SQL of the market analysis: the registered contracts, read in batches into the column store. */

/** The tables whose writes change an answer: the contracts, and their sellers (the seller's kind). */
export const ANALYSED_TABLES = ['tech_contracts', 'organizations'] as const;

const BATCH = 100_000;

/**
 * The columns read, each as one text per batch: a result of a dozen texts crosses from the
 * database (PGlite above all) far faster than 100,000 rows of a dozen fields, and splitting a
 * text is cheaper in JavaScript than building a row object per contract. Absent values are ''
 * (string_agg would skip a NULL and misalign the columns); amounts come as whole fen.
 */
const COLUMNS = {
  day: "c.registered_on - date '1970-01-01'",
  type: 'c.type',
  sub_type: 'c.sub_type',
  flow: 'c.flow',
  district: "coalesce(c.district_code, '')",
  zone: "coalesce(c.zone, '')",
  field: "coalesce(c.technology_field, '')",
  seller_kind: 'o.kind',
  buyer_province: "CASE WHEN c.buyer_region ~ '^[0-9]{6}$' THEN substr(c.buyer_region, 1, 2) || '0000' ELSE '' END",
  seller_id: 'c.seller_org_id',
  contract_fen: '(c.contract_amount * 100)::bigint',
  transaction_fen: '(c.transaction_amount * 100)::bigint',
} as const satisfies Record<keyof ContractFact, string>;
type Column = keyof typeof COLUMNS;
const NAMES = Object.keys(COLUMNS) as Column[];

/** One batch of contracts, column by column: the i-th entry of every column is the i-th contract. */
export type ContractBatch = Record<Column, string[]>;

/**
 * Every registered contract (as contracts.turnover counts them: status registered, by
 * registration date), a batch per range of 100,000 ids: each range is read once through the
 * primary key, where `id > last ORDER BY id LIMIT n` could make the engine join and sort the whole
 * table for every batch. The aggregates of one query read the same rows in the same order, so the
 * columns line up; their lengths are checked all the same.
 */
export async function* registeredContracts(db: Queryable): AsyncGenerator<ContractBatch> {
  const { rows: top } = await db.query<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM tech_contracts');
  for (let from = 0; from < (top[0]?.id ?? 0); from += BATCH) {
    const { rows } = await db.query<Record<Column, string | null> & { n: number }>(
      `SELECT count(*)::int AS n, ${NAMES.map((c) => `string_agg(${c}::text, E'\\t') AS ${c}`).join(', ')} FROM (
         SELECT ${NAMES.map((c) => `${COLUMNS[c]} AS ${c}`).join(', ')}
           FROM tech_contracts c JOIN organizations o ON o.id = c.seller_org_id
          WHERE c.status = 'registered' AND c.registered_on IS NOT NULL AND c.id > $1 AND c.id <= $2) batch`,
      [from, from + BATCH],
    );
    const row = rows[0];
    if (!row || row.n === 0) continue;
    const batch = Object.fromEntries(NAMES.map((c) => [c, (row[c] ?? '').split('\t')])) as ContractBatch;
    if (NAMES.some((c) => batch[c].length !== row.n)) throw new Error(`The contracts' columns do not line up in ids ${from + 1}–${from + BATCH}`);
    yield batch;
  }
}

/** How many contracts are registered (to size the columns once). */
export async function registeredCount(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM tech_contracts WHERE status = 'registered'");
  return rows[0]?.n ?? 0;
}

/** Names of some organizations. */
export async function organizationNames(db: Queryable, ids: readonly number[]): Promise<Map<number, string>> {
  const { rows } = await db.query<{ id: number; name: string }>('SELECT id, name FROM organizations WHERE id = ANY($1::int[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.name]));
}
