import type { Database, Queryable } from '../../db/client.js';
import type { Bucket } from '../../domain/indicatorSeries.js';
import type { Catalogue, NamedField, RecordIndicator } from './catalogue.js';
import { grainOf, KEY_SEPARATOR_CHAR, OPEN_END, upkeepSql } from './upkeepSql.js';

/**
 * Runs the indicators' incremental upkeep (upkeepSql.ts): installs the triggers the catalogue
 * needs and builds every bucket once, then reads the buckets. After that, no read rescans the
 * registry; every write keeps the buckets current in its own transaction.
 */

// Any fixed number works; it only has to be the same in every StarCity process (migrate.ts uses 4_301_000).
const UPKEEP_LOCK = 4_301_001;

export const recordIndicators = (catalogue: Catalogue): RecordIndicator[] =>
  [...catalogue.indicators.values()].filter((r): r is RecordIndicator => r.kind === 'record');

/**
 * Makes sure the catalogue's upkeep is the installed one; if not (first start, another catalogue
 * or city configuration, or `rebuild`), replaces it and builds every bucket from the registry, in
 * one transaction that holds writers off until the buckets are whole. Returns whether it built.
 */
export async function ensureUpkeep(db: Database, catalogue: Catalogue, options: { rebuild?: boolean } = {}): Promise<boolean> {
  const sql = upkeepSql(recordIndicators(catalogue), catalogue.firstYear);
  if (!options.rebuild && (await installedSignature(db)) === sql.signature) return false;
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [UPKEEP_LOCK]);
    if (!options.rebuild && (await installedSignature(tx)) === sql.signature) return false;
    await uninstall(tx);
    for (const statement of sql.install) await tx.exec(statement);
    for (const statement of sql.build) await tx.query(statement);
    await tx.query(
      'INSERT INTO indicator_upkeep (signature) VALUES ($1) ON CONFLICT (id) DO UPDATE SET signature = EXCLUDED.signature, installed_at = now()',
      [sql.signature],
    );
    return true;
  });
}

async function installedSignature(db: Queryable): Promise<string | null> {
  const { rows } = await db.query<{ signature: string }>('SELECT signature FROM indicator_upkeep');
  return rows[0]?.signature ?? null;
}

/** Drops every upkeep trigger and function, whatever catalogue generated them, and empties the buckets. */
async function uninstall(tx: Queryable): Promise<void> {
  const { rows: triggers } = await tx.query<{ name: string; table_name: string }>(
    "SELECT tgname AS name, tgrelid::regclass::text AS table_name FROM pg_trigger WHERE tgname LIKE 'indicator\\_upkeep\\_%' AND NOT tgisinternal",
  );
  for (const t of triggers) await tx.exec(`DROP TRIGGER ${t.name} ON ${t.table_name}`);
  const { rows: functions } = await tx.query<{ signature: string }>("SELECT oid::regprocedure::text AS signature FROM pg_proc WHERE proname LIKE 'indicator\\_upkeep\\_%'");
  for (const f of functions) await tx.exec(`DROP FUNCTION ${f.signature}`);
  await tx.exec('TRUNCATE indicator_buckets, indicator_distinct_values');
}

/** Rows kept per grain beyond one before a read compacts them (plus a slack, so small registries never bother). */
const COMPACT_RATIO = 2;
const COMPACT_SLACK = 10_000;

/**
 * An indicator's buckets, by area and (optionally) one breakdown, up to the last year asked. Writes
 * append rows; when they outnumber the grains by far, the read first folds them into one per grain.
 */
export async function readBuckets(db: Queryable, r: RecordIndicator, breakdown: NamedField | null, lastYear: number): Promise<Bucket[]> {
  const code = r.def.code;
  const { rows } = await db.query<{ keys: string; y1: number; y2: number; n: number; part: number; stored: number }>(
    'SELECT keys, y1, y2, sum(n)::float8 AS n, sum(part)::float8 AS part, count(*)::int AS stored FROM indicator_buckets WHERE indicator = $1 GROUP BY 1, 2, 3',
    [code],
  );
  const stored = rows.reduce((total, b) => total + b.stored, 0);
  if (stored > COMPACT_RATIO * rows.length + COMPACT_SLACK) await compactBuckets(db, code);
  const at = breakdown ? grainOf(r).findIndex((f) => f.name === breakdown.name) : -1;
  if (breakdown && at < 0) throw new Error(`indicator ${code}: its buckets are not kept by ${breakdown.name}`);
  const buckets: Bucket[] = [];
  for (const b of rows) {
    if (b.y1 > lastYear || (b.n === 0 && b.part === 0)) continue;
    const values = b.keys.split(KEY_SEPARATOR_CHAR);
    buckets.push({ area: values[0] || null, key: at >= 0 ? values[at] || null : null, from: b.y1, to: b.y2 === OPEN_END ? null : b.y2, n: b.n, part: b.part });
  }
  return buckets;
}

/** Folds an indicator's rows into one per grain. Rows appended meanwhile are left for the next time. */
export async function compactBuckets(db: Queryable, code: string): Promise<void> {
  await db.query(
    `WITH gone AS (DELETE FROM indicator_buckets WHERE indicator = $1 RETURNING keys, y1, y2, n, part)
     INSERT INTO indicator_buckets (indicator, keys, y1, y2, n, part)
     SELECT $1, keys, y1, y2, sum(n), sum(part) FROM gone GROUP BY 2, 3, 4 HAVING sum(n) <> 0 OR sum(part) <> 0`,
    [code],
  );
}
