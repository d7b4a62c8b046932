import { createHash } from 'node:crypto';
import { filtersSql } from '../../db/list/sql.js';
import { summedSql, type NamedField, type RecordIndicator } from './catalogue.js';

/**
 * SQL of the indicators' incremental upkeep (指标增量维护), generated from the catalogue: the
 * statement triggers that adjust each indicator's buckets by the rows a write changed, and the
 * statements that build the buckets from scratch. Pure: upkeep.ts runs it.
 *
 * Why it is correct: before a statement the buckets equal the full count of the registry. A
 * statement writes one table. If that is the indicator's own table, the count changes by the new
 * rows' contributions minus the old rows' (the transition tables), joined with the organizations
 * as they stand, which the statement did not touch. If it is the joined organizations table, the
 * indicator's rows did not change but what they read of their organization did: their
 * contributions under the new organization rows minus those under the old ones. A distinct count
 * cannot be adjusted row by row, so the values a statement touched are counted again and compared
 * with their stored masks.
 */

/** Years a distinct count's mask covers from the catalogue's first year: bits 0…61 of a bigint. */
export const MASK_YEARS = 62;
/** `y2` of a bucket whose records never stop counting. */
export const OPEN_END = 32767;
/** Joins a grain's values into one key (a NULL value is the empty string). */
export const KEY_SEPARATOR_CHAR = '\u001f';
const KEY_SEPARATOR = "E'\\x1f'";

/** The shape every registry list's FROM clause has: the main table `t`, at most one organization join. */
interface FromShape {
  table: string;
  join: { table: string; alias: string; fk: string } | null;
}

/** One indicator's upkeep: how a row of its table contributes, in SQL over the list's aliases. */
export interface IndicatorUpkeep {
  code: string;
  shape: FromShape;
  /** Names of the grain's list fields: the area first, then each breakdown's. */
  grain: string[];
  keys: string;
  where: string;
  /** Columns of the joined table the indicator reads: only a change of these moves its counts. */
  joinedColumns: string[];
  contribution: CountContribution | DistinctContribution;
}
interface CountContribution {
  kind: 'count';
  y1: string;
  y2: string;
  n: string;
  part: string;
}
interface DistinctContribution {
  kind: 'distinct';
  value: string;
  mask: string;
}

/** The generated SQL: trigger functions and triggers, the statements that build every bucket, and their signature. */
export interface UpkeepSql {
  install: string[];
  build: string[];
  /** Tables carrying upkeep triggers. */
  tables: string[];
  signature: string;
}

const FROM_SHAPE = /^(\w+) t(?: LEFT JOIN (\w+) (\w+) ON (\w+)\.id = t\.(\w+))?$/;
const year = (dateSql: string) => `date_part('year', ${dateSql})::int`;
const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Bind parameters written as literals: a trigger body is static SQL. */
class Literals {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    const literal = (v: unknown): string => (Array.isArray(v) ? `ARRAY[${v.map(literal).join(', ')}]` : quote(String(v)));
    return `${literal(value)}::${cast}`;
  }
}

function fromShape(from: string, code: string): FromShape {
  const m = FROM_SHAPE.exec(from);
  if (!m || (m[3] && m[3] !== m[4])) throw new Error(`indicator ${code}: its list's FROM clause "${from}" is not one the upkeep can follow`);
  return { table: m[1]!, join: m[2] ? { table: m[2], alias: m[3]!, fk: m[5]! } : null };
}

/** How each row of an indicator's table counts, as SQL over the list's aliases. */
export function indicatorUpkeep(r: RecordIndicator, firstYear: number): IndicatorUpkeep {
  const code = r.def.code;
  const shape = fromShape(r.spec.from, code);
  const lits = new Literals();
  const grainFields = grainOf(r);
  const keys = `array_to_string(ARRAY[${grainFields.map((f) => `(${f.field.column})::text`).join(', ')}], ${KEY_SEPARATOR}, '')`;
  const where = [filtersSql(r.spec, r.filters, lits)];
  const t = r.timing;
  const lastYear = t.rule === 'as_of_end' && t.until ? `(${year(`(${t.until.field.column} + 1)`)} - 1)` : null;
  let contribution: IndicatorUpkeep['contribution'];
  if (r.formula.op === 'distinct_count') {
    const last = firstYear + MASK_YEARS - 1;
    let lo: string;
    let hi: string;
    if (t.rule === 'within') {
      const d = t.date.field.column;
      where.push(`${d} IS NOT NULL`, `${d} >= ${quote(`${firstYear}-01-01`)}::date`, `${d} <= ${quote(`${last}-12-31`)}::date`);
      lo = hi = year(d);
    } else {
      where.push(`${t.since.field.column} IS NOT NULL`);
      lo = `GREATEST(${year(t.since.field.column)}, ${firstYear})`;
      hi = `LEAST(COALESCE(${lastYear ?? 'NULL::int'}, ${last}), ${last})`;
      where.push(`${lo} <= ${hi}`);
    }
    // Bits lo…hi set: (2^(hi−first+1) − 1) with the bits below lo cleared.
    const mask = `(((1::bigint << (${hi} - ${firstYear} + 1)) - 1) & ~((1::bigint << (${lo} - ${firstYear})) - 1))`;
    contribution = { kind: 'distinct', value: r.distinct!.field.field.column, mask };
  } else {
    let y1: string;
    let y2: string;
    if (t.rule === 'within') {
      const d = t.date.field.column;
      where.push(`${d} IS NOT NULL`, `${d} >= ${quote(`${firstYear}-01-01`)}::date`);
      y1 = y2 = year(d);
    } else {
      where.push(`${t.since.field.column} IS NOT NULL`);
      // Years before the first are never shown: one bucket for all of them keeps the grains few.
      y1 = `GREATEST(${year(t.since.field.column)}, ${firstYear})`;
      y2 = `COALESCE(${lastYear ?? 'NULL::int'}, ${OPEN_END})`;
    }
    const n = r.formula.op === 'sum' ? `COALESCE(${summedSql(r.sum!)}, 0)::numeric` : '1';
    const part = r.part ? `CASE WHEN ${filtersSql(r.spec, r.part, lits)} THEN 1 ELSE 0 END` : '0';
    contribution = { kind: 'count', y1, y2, n, part };
  }
  const whereSql = where.join(' AND ');
  const joinedColumns = shape.join ? columnsOf(shape.join.alias, [keys, whereSql, ...Object.values(contribution)]) : [];
  if (contribution.kind === 'distinct' && !/^t\.\w+$/.test(contribution.value)) {
    throw new Error(`indicator ${code}: a distinct count's value must be a column of its own table`);
  }
  return { code, shape, grain: grainFields.map((f) => f.name), keys, where: whereSql, joinedColumns, contribution };
}

/**
 * The list fields an indicator's buckets are kept by: the area, then each breakdown's field. A
 * distinct count adds its per-grain counts, so each distinct value must fall in one grain (true of
 * an organization's district and zone).
 */
export function grainOf(r: RecordIndicator): NamedField[] {
  return [r.area, ...r.breakdowns.values()].filter((f, i, all) => all.findIndex((g) => g.name === f.name) === i);
}

function columnsOf(alias: string, sqls: string[]): string[] {
  const found = new Set<string>();
  for (const sql of sqls) for (const m of sql.matchAll(new RegExp(`\\b${alias}\\.(\\w+)`, 'g'))) found.add(m[1]!);
  return [...found].sort();
}

type Side = 'new' | 'old';
const SIGN: Record<Side, number> = { new: 1, old: -1 };

/** FROM clause of the list, the main table replaced by a transition table. */
const ownRowsFrom = (u: IndicatorUpkeep, side: Side) =>
  `${side}_rows t${u.shape.join ? ` LEFT JOIN ${u.shape.join.table} ${u.shape.join.alias} ON ${u.shape.join.alias}.id = t.${u.shape.join.fk}` : ''}`;
/** FROM clause of the list, the joined table replaced by a transition table, only its changed rows. */
const joinedRowsFrom = (u: IndicatorUpkeep, side: Side) =>
  `${u.shape.table} t JOIN ${side}_rows ${u.shape.join!.alias} ON ${u.shape.join!.alias}.id = t.${u.shape.join!.fk} AND ${u.shape.join!.alias}.id IN (SELECT id FROM changed)`;
const baseFrom = (u: IndicatorUpkeep) =>
  `${u.shape.table} t${u.shape.join ? ` LEFT JOIN ${u.shape.join.table} ${u.shape.join.alias} ON ${u.shape.join.alias}.id = t.${u.shape.join.fk}` : ''}`;

/** The joined rows whose columns the indicator reads changed in this statement. */
const changedCte = (columns: string[]) =>
  `changed AS (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE ROW(${columns.map((c) => `n.${c}`).join(', ')}) IS DISTINCT FROM ROW(${columns.map((c) => `o.${c}`).join(', ')}))`;

/** Adds the contributions of rows (sign +1 or −1 per FROM) to a count indicator's buckets. */
function countStatement(u: IndicatorUpkeep, c: CountContribution, sources: Array<{ from: string; sign: number }>, ctes: string[] = []): string {
  const rows = sources
    .map((s) => `SELECT ${u.keys} AS keys, ${c.y1} AS y1, ${c.y2} AS y2, ${c.n} AS n, ${c.part} AS part, ${s.sign} AS s FROM ${s.from} WHERE ${u.where}`)
    .join('\n    UNION ALL ');
  return `${ctes.length ? `WITH ${ctes.join(', ')} ` : ''}INSERT INTO indicator_buckets (indicator, keys, y1, y2, n, part)
  SELECT ${quote(u.code)}, keys, y1, y2, sum(n * s), sum(part * s) FROM (${rows}) c
  GROUP BY keys, y1, y2 HAVING sum(n * s) <> 0 OR sum(part * s) <> 0`;
}

/**
 * Counts the touched distinct values again: their masks are replaced, and each bucket changes by
 * the bits that were set or cleared.
 */
function recountStatement(u: IndicatorUpkeep, { value, mask }: DistinctContribution, affected: string, ctes: string[], firstYear: number): string {
  const code = quote(u.code);
  // A hash FULL JOIN: an anti-join (NOT EXISTS) on a CTE of the touched values ran as a nested loop.
  return `WITH ${[...ctes, `affected AS (SELECT DISTINCT value FROM (${affected}) a)`].join(', ')},
  fresh AS MATERIALIZED (
    SELECT x.keys, a.value, bit_or(x.mask) AS mask FROM affected a
    CROSS JOIN LATERAL (SELECT ${u.keys} AS keys, ${mask} AS mask FROM ${baseFrom(u)} WHERE ${value} = a.value AND ${u.where}) x GROUP BY 1, 2),
  ${storedCte(code, 'affected')},
  changes AS MATERIALIZED (
    SELECT COALESCE(f.keys, s.keys) AS keys, COALESCE(f.value, s.value) AS value, COALESCE(f.mask, 0) AS fm, COALESCE(s.mask, 0) AS sm
    FROM fresh f FULL JOIN stored s ON s.value = f.value AND s.keys = f.keys WHERE f.mask IS DISTINCT FROM s.mask),
  ${maskChanges(code, firstYear)}`;
}

/**
 * An INSERT only sets bits: each touched value's mask becomes its stored mask OR the new rows',
 * without reading the value's other rows again.
 */
function addStatement(u: IndicatorUpkeep, { value, mask }: DistinctContribution, firstYear: number): string {
  const code = quote(u.code);
  return `WITH added AS MATERIALIZED (
    SELECT ${u.keys} AS keys, ${value} AS value, bit_or(${mask}) AS mask FROM ${ownRowsFrom(u, 'new')} WHERE ${u.where} GROUP BY 1, 2),
  ${storedCte(code, 'added')},
  changes AS MATERIALIZED (
    SELECT a.keys, a.value, a.mask | COALESCE(s.mask, 0) AS fm, COALESCE(s.mask, 0) AS sm
    FROM added a LEFT JOIN stored s ON s.value = a.value AND s.keys = a.keys WHERE a.mask & ~COALESCE(s.mask, 0) <> 0),
  ${maskChanges(code, firstYear)}`;
}

/**
 * The stored masks of the touched values. Lateral lookups, here and in `fresh`, pin the plan to the
 * indexes: the planner cannot estimate a transition table and may otherwise hash whole tables.
 */
const storedCte = (code: string, touched: string) => `stored AS MATERIALIZED (
    SELECT v.keys, v.value, v.mask FROM (SELECT DISTINCT value FROM ${touched}) a
    CROSS JOIN LATERAL (SELECT keys, value, mask FROM indicator_distinct_values WHERE indicator = ${code} AND value = a.value) v)`;

/** Stores the changed masks (fm: from now on, sm: until now; 0: none), and changes the buckets by the bits that differ. */
const maskChanges = (code: string, firstYear: number) => `upserted AS (
    INSERT INTO indicator_distinct_values AS v (indicator, value, keys, mask) SELECT ${code}, value, keys, fm FROM changes WHERE fm <> 0
    ON CONFLICT (indicator, value, keys) DO UPDATE SET mask = EXCLUDED.mask),
  removed AS (
    DELETE FROM indicator_distinct_values v USING changes c WHERE v.indicator = ${code} AND c.fm = 0 AND v.value = c.value AND v.keys = c.keys)
  INSERT INTO indicator_buckets (indicator, keys, y1, y2, n, part)
  ${perYear(code, `SELECT keys, ARRAY[${bitSums((i) => `((fm >> ${i}) & 1) - ((sm >> ${i}) & 1)`)}] AS counts FROM changes GROUP BY keys`, firstYear)}`;

/** One sum per year of the mask: cheaper than a row per year and a GROUP BY over them. */
const bitSums = (term: (bit: number) => string) => Array.from({ length: MASK_YEARS }, (_, i) => `sum(${term(i)})`).join(', ');

/** Bucket rows (one per grain and year with a count) from a query of (keys, counts[]) with one count per mask bit. */
const perYear = (code: string, countsSql: string, firstYear: number) =>
  `SELECT ${code}, x.keys, ${firstYear - 1} + u.i, ${firstYear - 1} + u.i, u.n, 0
    FROM (${countsSql}) x CROSS JOIN LATERAL unnest(x.counts) WITH ORDINALITY AS u(n, i) WHERE u.n <> 0`;

/** The statements that build an indicator's buckets (and masks) from the whole registry. */
function buildStatements(u: IndicatorUpkeep, firstYear: number): string[] {
  const c = u.contribution;
  if (c.kind === 'count') return [countStatement(u, c, [{ from: baseFrom(u), sign: 1 }])];
  const code = quote(u.code);
  return [
    `INSERT INTO indicator_distinct_values (indicator, value, keys, mask)
    SELECT ${code}, ${c.value}, ${u.keys}, bit_or(${c.mask}) FROM ${baseFrom(u)} WHERE ${u.where} GROUP BY 2, 3`,
    `INSERT INTO indicator_buckets (indicator, keys, y1, y2, n, part)
    ${perYear(code, `SELECT keys, ARRAY[${bitSums((i) => `(mask >> ${i}) & 1`)}] AS counts FROM indicator_distinct_values WHERE indicator = ${code} GROUP BY keys`, firstYear)}`,
  ];
}

type Op = 'INSERT' | 'UPDATE' | 'DELETE';
const SIDES: Record<Op, Side[]> = { INSERT: ['new'], UPDATE: ['new', 'old'], DELETE: ['old'] };

/** What a statement of `op` on the indicator's own table runs. */
function ownTableStatement(u: IndicatorUpkeep, op: Op, firstYear: number): string {
  const sides = SIDES[op];
  const c = u.contribution;
  if (c.kind === 'count') return countStatement(u, c, sides.map((side) => ({ from: ownRowsFrom(u, side), sign: SIGN[side] })));
  if (op === 'INSERT') return addStatement(u, c, firstYear);
  // Only rows that count (before or after) can change a value's mask.
  return recountStatement(u, c, sides.map((side) => `SELECT ${c.value} AS value FROM ${ownRowsFrom(u, side)} WHERE ${u.where}`).join(' UNION '), [], firstYear);
}

/** What an UPDATE of the joined table runs, for the rows whose organization changed. */
function joinedTableStatement(u: IndicatorUpkeep, firstYear: number): string {
  const ctes = [changedCte(u.joinedColumns)];
  const c = u.contribution;
  if (c.kind === 'count') return countStatement(u, c, (['new', 'old'] as const).map((side) => ({ from: joinedRowsFrom(u, side), sign: SIGN[side] })), ctes);
  // A qualification's holder is the value counted: the changed organizations are the touched values.
  const fk = `t.${u.shape.join!.fk}`;
  const affected = c.value === fk ? 'SELECT id AS value FROM changed' : `SELECT DISTINCT ${c.value} AS value FROM ${u.shape.table} t WHERE ${fk} IN (SELECT id FROM changed)`;
  return recountStatement(u, c, affected, ctes, firstYear);
}

/** Every trigger function, trigger and build statement for the catalogue's record indicators. */
export function upkeepSql(indicators: RecordIndicator[], firstYear: number): UpkeepSql {
  const upkeeps = indicators.map((r) => indicatorUpkeep(r, firstYear));
  const perTable = new Map<string, { [K in Op]: string[] } & { codes: string[] }>();
  const of = (table: string) => {
    let t = perTable.get(table);
    if (!t) perTable.set(table, (t = { INSERT: [], UPDATE: [], DELETE: [], codes: [] }));
    return t;
  };
  for (const u of upkeeps) {
    const own = of(u.shape.table);
    own.codes.push(u.code);
    for (const op of ['INSERT', 'UPDATE', 'DELETE'] as const) own[op].push(ownTableStatement(u, op, firstYear));
    if (u.shape.join && u.joinedColumns.length) of(u.shape.join.table).UPDATE.push(joinedTableStatement(u, firstYear));
  }
  const install: string[] = [];
  for (const [table, s] of perTable) install.push(...tableTriggers(table, s));
  const build = upkeeps.flatMap((u) => buildStatements(u, firstYear));
  const signature = createHash('sha256').update(JSON.stringify({ install, build })).digest('hex');
  return { install, build, tables: [...perTable.keys()], signature };
}

function tableTriggers(table: string, s: { [K in Op]: string[] } & { codes: string[] }): string[] {
  const branch = (op: Op) => (s[op].length ? s[op].map((sql) => `    ${sql};`).join('\n') : '    NULL;');
  const codes = s.codes.map(quote).join(', ');
  const out = [
    `CREATE FUNCTION indicator_upkeep_${table}() RETURNS trigger LANGUAGE plpgsql AS $upkeep$
BEGIN
  IF TG_OP = 'INSERT' THEN
${branch('INSERT')}
  ELSIF TG_OP = 'UPDATE' THEN
${branch('UPDATE')}
  ELSE
${branch('DELETE')}
  END IF;
  RETURN NULL;
END
$upkeep$`,
  ];
  const referencing: Record<Op, string> = { INSERT: 'NEW TABLE AS new_rows', UPDATE: 'OLD TABLE AS old_rows NEW TABLE AS new_rows', DELETE: 'OLD TABLE AS old_rows' };
  for (const op of ['INSERT', 'UPDATE', 'DELETE'] as const) {
    if (!s[op].length) continue;
    out.push(`CREATE TRIGGER indicator_upkeep_${op.toLowerCase()} AFTER ${op} ON ${table} REFERENCING ${referencing[op]} FOR EACH STATEMENT EXECUTE FUNCTION indicator_upkeep_${table}()`);
  }
  if (s.codes.length) {
    // TRUNCATE has no transition table; it empties the table, so its indicators start from zero.
    out.push(
      `CREATE FUNCTION indicator_upkeep_${table}_truncate() RETURNS trigger LANGUAGE plpgsql AS $upkeep$
BEGIN
  DELETE FROM indicator_buckets WHERE indicator IN (${codes});
  DELETE FROM indicator_distinct_values WHERE indicator IN (${codes});
  RETURN NULL;
END
$upkeep$`,
      `CREATE TRIGGER indicator_upkeep_truncate AFTER TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION indicator_upkeep_${table}_truncate()`,
    );
  }
  return out;
}
