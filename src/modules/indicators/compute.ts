import type { Queryable } from '../../db/client.js';
import type { FilterTerm } from '../../db/list/parse.js';
import { filtersSql, Params } from '../../db/list/sql.js';
import { seriesTable, type Bucket, type SeriesTable } from '../../domain/indicatorSeries.js';
import { periodBounds, shiftDate, type Period } from '../../domain/period.js';
import { summedSql, type NamedField, type RecordIndicator } from './catalogue.js';
import { readBuckets } from './upkeep.js';

/**
 * SQL of the indicator engine: one grouped scan per indicator and breakdown gives the counts of
 * every area, key and year at once (SeriesTable does the rest), and the filter terms that select
 * the rows behind one value, for the registry list to return them.
 */

export interface Years {
  first: number;
  last: number;
}

// date_part (double precision) rather than EXTRACT, which returns numeric and costs several times more per row.
const year = (dateSql: string) => `date_part('year', ${dateSql})::int`;

/** The counts behind an indicator for every year, area (district) and breakdown key, from its upkept buckets. */
export async function computeSeries(db: Queryable, r: RecordIndicator, breakdown: NamedField | null, years: Years, cityCode: string): Promise<SeriesTable> {
  return seriesTable(await readBuckets(db, r, breakdown, years.last), years.first, years.last, cityCode);
}

/** The same counts by a full scan of the registry (seriesSql): what the upkeep spares, and the reference its tests compare with. */
export async function scanSeries(db: Queryable, r: RecordIndicator, breakdown: NamedField | null, years: Years, cityCode: string): Promise<SeriesTable> {
  const { sql, values } = seriesSql(r, breakdown, years);
  const { rows } = await db.query<SeriesRow>(sql, values);
  return seriesTable(rows.flatMap((row) => bucketsOf(row, years)), years.first, years.last, cityCode);
}

/** A bucket of records over a range of years, or (distinct counts) one count per year from the first. */
type SeriesRow = { area: string | null; key: string | null } & ({ y1: number; y2: number | null; n: number; part: number } | { counts: number[] });

function bucketsOf(row: SeriesRow, years: Years): Bucket[] {
  if (!('counts' in row)) return [{ area: row.area, key: row.key, from: row.y1, to: row.y2, n: Number(row.n), part: Number(row.part) }];
  return row.counts.map((n, i) => ({ area: row.area, key: row.key, from: years.first + i, to: years.first + i, n: Number(n), part: 0 }));
}

/** The one grouped query of a full scan behind a series (the benchmark also runs it bare). */
export function seriesSql(r: RecordIndicator, breakdown: NamedField | null, years: Years): { sql: string; values: unknown[] } {
  const params = new Params();
  const where = [filtersSql(r.spec, r.filters, params)];
  const part = r.part ? filtersSql(r.spec, r.part, params) : null;
  const area = `(${r.area.field.column})::text`;
  const key = breakdown ? `(${breakdown.field.column})::text` : 'NULL::text';
  const n =
    r.formula.op === 'distinct_count' ? `count(DISTINCT ${r.distinct!.field.field.column})::int`
    : r.formula.op === 'sum' ? `COALESCE(sum(${summedSql(r.sum!)}), 0)::float8`
    : 'count(*)::int';
  const partN = part ? `(count(*) FILTER (WHERE ${part}))::int` : '0';

  let sql: string;
  const t = r.timing;
  if (t.rule === 'within') {
    const d = t.date.field.column;
    where.push(`${d} IS NOT NULL`, `${d} >= ${params.add(`${years.first}-01-01`, 'date')}`);
    sql = `SELECT ${area} AS area, ${key} AS key, ${year(d)} AS y1, ${year(d)} AS y2, ${n} AS n, ${partN} AS part
      FROM ${r.spec.from} WHERE ${where.join(' AND ')} GROUP BY 1, 2, 3`;
  } else {
    const since = t.since.field.column;
    where.push(`${since} IS NOT NULL`);
    // Counted on the last day of every year from its start to the year before the day after its end.
    const lastYear = t.until ? `(${year(`(${t.until.field.column} + 1)`)} - 1)` : 'NULL::int';
    if (r.formula.op === 'distinct_count') {
      sql = distinctStockSql(r, area, key, where, since, lastYear, years);
    } else {
      sql = `SELECT ${area} AS area, ${key} AS key, ${year(since)} AS y1, ${lastYear} AS y2, ${n} AS n, ${partN} AS part
        FROM ${r.spec.from} WHERE ${where.join(' AND ')} GROUP BY 1, 2, 3, 4`;
    }
  }
  return { sql, values: params.values };
}

/**
 * A distinct count cannot be summed over years. Each distinct value's years are OR-ed into a
 * bitmask (bit i = year first + i), so overlapping rows of one value count once, and one pass
 * sums each bit: no row is expanded into its years.
 */
function distinctStockSql(r: RecordIndicator, area: string, key: string, where: string[], since: string, lastYear: string, years: Years): string {
  const span = years.last - years.first + 1;
  if (span > 62) throw new Error(`indicator years ${years.first}–${years.last}: a distinct count covers at most 62 years`);
  const lo = `GREATEST(${year(since)}, ${years.first})`;
  const hi = `LEAST(COALESCE(${lastYear}, ${years.last}), ${years.last})`;
  // Bits lo…hi set: (2^(hi−first+1) − 1) with the bits below lo cleared.
  const mask = `(((1::bigint << (${hi} - ${years.first} + 1)) - 1) & ~((1::bigint << (${lo} - ${years.first})) - 1))`;
  const counts = Array.from({ length: span }, (_, i) => `sum((m >> ${i}) & 1)::int`).join(', ');
  return `SELECT area, key, ARRAY[${counts}] AS counts FROM (
      SELECT ${area} AS area, ${key} AS key, ${r.distinct!.field.field.column} AS d, bit_or(${mask}) AS m
        FROM ${r.spec.from} WHERE ${where.join(' AND ')} AND ${lo} <= ${hi} GROUP BY 1, 2, 3) x
    GROUP BY 1, 2`;
}

/** The filter terms that select the rows behind one value: the formula's, the period's and the area's. */
export function rowFilters(r: RecordIndicator, period: Period, area: string | null, withPart: boolean): FilterTerm[] {
  const { start, end } = periodBounds(period);
  const terms: FilterTerm[] = [...r.filters];
  const t = r.timing;
  if (t.rule === 'within') {
    terms.push(
      { field: t.date.name, negate: false, alternatives: [{ op: 'gt', value: shiftDate(start, -1) }] },
      { field: t.date.name, negate: false, alternatives: [{ op: 'lt', value: shiftDate(end, 1) }] },
    );
  } else {
    terms.push({ field: t.since.name, negate: false, alternatives: [{ op: 'lt', value: shiftDate(end, 1) }] });
    if (t.until) terms.push({ field: t.until.name, negate: false, alternatives: [{ op: 'gt', value: shiftDate(end, -1) }, { op: 'null', value: null }] });
  }
  if (area !== null) terms.push({ field: r.area.name, negate: false, alternatives: [{ op: 'eq', value: area }] });
  if (withPart && r.part) terms.push(...r.part);
  return terms;
}
