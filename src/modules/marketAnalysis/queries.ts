import type { Queryable } from '../../db/client.js';
import type { ContractChanges, ContractFact } from '../../domain/analysis/columns.js';

/**
 * SQL of the market analysis: the registered contracts, read in batches into the column store;
 * the change log (migration 0019) and the rows it names, read to patch the store.
 */

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
  id: 'c.id',
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

const orNull = (v: string) => (v === '' ? null : v);

/** A fact to refill: a build reads a million contracts through one object (the table copies each at once). */
export const blankFact = (): ContractFact => ({ id: 0, day: 0, type: '', sub_type: '', flow: '', district: null, zone: null, field: null, seller_kind: null, buyer_province: null, seller_id: 0, contract_fen: 0, transaction_fen: 0 });

/** The i-th contract of a batch (or of a delta's rows, read the same way) into `fact`. */
export function readFact(b: ContractBatch, i: number, fact: ContractFact): ContractFact {
  fact.id = Number(b.id[i]);
  fact.day = Number(b.day[i]);
  fact.type = b.type[i]!;
  fact.sub_type = b.sub_type[i]!;
  fact.flow = b.flow[i]!;
  fact.district = orNull(b.district[i]!);
  fact.zone = orNull(b.zone[i]!);
  fact.field = orNull(b.field[i]!);
  fact.seller_kind = orNull(b.seller_kind[i]!);
  fact.buyer_province = orNull(b.buyer_province[i]!);
  fact.seller_id = Number(b.seller_id[i]);
  fact.contract_fen = Number(b.contract_fen[i]);
  fact.transaction_fen = Number(b.transaction_fen[i]);
  return fact;
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

/** Each analysed table's version (table_versions: bumped by every statement that writes to it). */
export type Versions = ReadonlyMap<string, bigint>;

export async function analysedVersions(db: Queryable): Promise<Versions> {
  const { rows } = await db.query<{ table_name: string; version: string }>('SELECT table_name, version::text AS version FROM table_versions WHERE table_name = ANY($1::text[])', [ANALYSED_TABLES]);
  return new Map(rows.map((r) => [r.table_name, BigInt(r.version)]));
}

/** What the change log says was written: contracts by id, and sellers whose kind changed. */
export interface LoggedChanges {
  contracts: number[];
  sellers: number[];
}

/**
 * The rows the change log names between two versions of each table (above `after`, up to
 * `upto`); null when it cannot tell them — its entries were pruned, a TRUNCATE emptied a table —
 * or they are more than `limit` (a bulk import: rebuilding is cheaper). One statement, so the
 * entries and the prune mark are of one snapshot; the ids are only read when few.
 */
export async function loggedChanges(db: Queryable, after: Versions, upto: Versions, limit: number): Promise<LoggedChanges | null> {
  const tables = [...ANALYSED_TABLES];
  const { rows } = await db.query<{ table_name: string; readable: boolean; ids: number[] | null }>(
    `WITH bounds AS (SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS b(table_name, after, upto)),
          logged AS MATERIALIZED (SELECT l.table_name, l.ids FROM table_changes l JOIN bounds b ON b.table_name = l.table_name AND l.version > b.after AND l.version <= b.upto),
          sized AS (SELECT coalesce(bool_and(ids IS NOT NULL), true) AS whole, coalesce(sum(cardinality(ids)), 0) AS rows FROM logged)
     SELECT b.table_name,
            s.whole AND s.rows <= $4 AND b.after >= coalesce((SELECT p.through FROM table_changes_pruned p WHERE p.table_name = b.table_name), 0) AS readable,
            CASE WHEN s.whole AND s.rows <= $4 THEN (SELECT coalesce(array_agg(DISTINCT u.id), '{}') FROM logged l, unnest(l.ids) AS u(id) WHERE l.table_name = b.table_name) END AS ids
       FROM bounds b, sized s`,
    [tables, tables.map((t) => String(after.get(t) ?? 0n)), tables.map((t) => String(upto.get(t) ?? 0n)), limit],
  );
  if (rows.length !== tables.length || rows.some((r) => !r.readable || r.ids === null)) return null;
  const ids = (table: string) => rows.find((r) => r.table_name === table)!.ids!.map(Number);
  return { contracts: ids('tech_contracts'), sellers: ids('organizations') };
}

/**
 * The logged contracts as they are now: written — registered, to update or append — and removed —
 * deleted, or no longer registered. A seller's new kind re-reads all its contracts.
 */
export async function contractChanges(db: Queryable, logged: LoggedChanges): Promise<ContractChanges> {
  const select = `SELECT (c.status = 'registered' AND c.registered_on IS NOT NULL) AS counted, ${NAMES.map((c) => `(${COLUMNS[c]})::text AS ${c}`).join(', ')}
                    FROM tech_contracts c JOIN organizations o ON o.id = c.seller_org_id`;
  const { rows } = await db.query<Record<Column, string> & { counted: boolean }>(
    logged.sellers.length ? `${select} WHERE c.id = ANY($1::int[]) UNION ALL ${select} WHERE c.seller_org_id = ANY($2::int[])` : `${select} WHERE c.id = ANY($1::int[])`,
    logged.sellers.length ? [logged.contracts, logged.sellers] : [logged.contracts],
  );
  const written = new Map<number, ContractFact>();
  const removed = new Set(logged.contracts);
  for (const row of rows) {
    if (!row.counted) continue;
    const fact = readFact(Object.fromEntries(NAMES.map((c) => [c, [row[c]]])) as ContractBatch, 0, blankFact());
    written.set(fact.id, fact);
    removed.delete(fact.id);
  }
  for (const row of rows) if (!row.counted) removed.add(Number(row.id));
  return { written: [...written.values()], removed: [...removed] };
}

/**
 * Prunes the change log of entries older than `minutes`, marking how far each table's log is
 * gone, in one statement. Any store may do it: one that still needed an entry rebuilds.
 */
export async function pruneChanges(db: Queryable, minutes: number): Promise<void> {
  await db.query(
    `WITH gone AS (DELETE FROM table_changes WHERE logged_at < now() - make_interval(mins => $1) RETURNING table_name, version)
     UPDATE table_changes_pruned p SET through = greatest(p.through, g.version)
       FROM (SELECT table_name, max(version) AS version FROM gone GROUP BY 1) g WHERE p.table_name = g.table_name`,
    [minutes],
  );
}
