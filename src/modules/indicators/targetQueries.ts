import type { Queryable } from '../../db/client.js';
import type { Comparator } from '../../domain/targetStatus.js';

/** SQL of targets (目标). */

export interface TargetRow {
  id: number;
  indicator_code: string;
  period: string;
  area_code: string;
  comparator: Comparator;
  value: number;
  tolerance: number | null;
  parent_id: number | null;
  note: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const TARGET_COLUMNS = `t.id, t.indicator_code, t.period, t.area_code, t.comparator, t.value::float8 AS value, t.tolerance::float8 AS tolerance,
  t.parent_id, t.note, t.created_at, t.updated_at, t.version`;
export const TARGET_WRITABLE = ['comparator', 'value', 'tolerance', 'note'] as const;

const numeric = (r: TargetRow): TargetRow => ({ ...r, value: Number(r.value), tolerance: r.tolerance === null ? null : Number(r.tolerance) });

export async function findTargets(db: Queryable, f: { period?: string; area?: string; indicator_code?: string; parent_id?: number; id?: number }): Promise<TargetRow[]> {
  const { rows } = await db.query<TargetRow>(
    `SELECT ${TARGET_COLUMNS} FROM targets t
      WHERE ($1::text IS NULL OR t.period = $1) AND ($2::text IS NULL OR t.area_code = $2)
        AND ($3::text IS NULL OR t.indicator_code = $3) AND ($4::int IS NULL OR t.parent_id = $4) AND ($5::int IS NULL OR t.id = $5)
      ORDER BY t.period DESC, t.indicator_code, t.area_code`,
    [f.period ?? null, f.area ?? null, f.indicator_code ?? null, f.parent_id ?? null, f.id ?? null],
  );
  return rows.map(numeric);
}

/** One target, locked for the write that reads it. */
export async function lockTarget(db: Queryable, id: number): Promise<TargetRow | undefined> {
  const { rows } = await db.query<TargetRow>(`SELECT ${TARGET_COLUMNS} FROM targets t WHERE t.id = $1 FOR UPDATE`, [id]);
  return rows.map(numeric)[0];
}

/** The districts' targets of each (indicator, period), summed. */
export async function districtSums(db: Queryable, cityCode: string): Promise<Map<string, { count: number; sum: number }>> {
  const { rows } = await db.query<{ indicator_code: string; period: string; n: number; total: number }>(
    `SELECT indicator_code, period, count(*)::int AS n, sum(value)::float8 AS total FROM targets WHERE area_code <> $1 GROUP BY 1, 2`,
    [cityCode],
  );
  return new Map(rows.map((r) => [`${r.indicator_code}\u0001${r.period}`, { count: r.n, sum: Number(r.total) }]));
}

export async function insertTarget(
  db: Queryable,
  t: { indicator_code: string; period: string; area_code: string; comparator: Comparator; value: number; tolerance: number | null; parent_id: number | null; note: string | null },
): Promise<number | null> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO targets (indicator_code, period, area_code, comparator, value, tolerance, parent_id, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (indicator_code, period, area_code) DO NOTHING RETURNING id`,
    [t.indicator_code, t.period, t.area_code, t.comparator, t.value, t.tolerance, t.parent_id, t.note],
  );
  return rows[0]?.id ?? null;
}

/** District targets of a cascade: created, or set to the new split when they exist. */
export async function upsertDistrictTarget(
  db: Queryable,
  t: { indicator_code: string; period: string; area_code: string; comparator: Comparator; value: number; tolerance: number | null; parent_id: number },
): Promise<void> {
  await db.query(
    `INSERT INTO targets (indicator_code, period, area_code, comparator, value, tolerance, parent_id) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (indicator_code, period, area_code) DO UPDATE
       SET comparator = EXCLUDED.comparator, value = EXCLUDED.value, tolerance = EXCLUDED.tolerance, parent_id = EXCLUDED.parent_id,
           version = targets.version + 1, updated_at = now()`,
    [t.indicator_code, t.period, t.area_code, t.comparator, t.value, t.tolerance, t.parent_id],
  );
}

/** A city target's id, for linking a district's target to it. */
export async function cityTargetId(db: Queryable, code: string, period: string, cityCode: string): Promise<number | null> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM targets WHERE indicator_code = $1 AND period = $2 AND area_code = $3', [code, period, cityCode]);
  return rows[0]?.id ?? null;
}
