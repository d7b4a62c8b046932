import type { Queryable } from '../../db/client.js';
import { officialKey } from './engine.js';

/** SQL of official statistics (官方统计): every publication kept, the newest shown. */

export interface OfficialCell {
  value: number;
  publishedOn: string;
  source: string;
}

export interface OfficialValueRow {
  id: number;
  indicator_code: string;
  period: string;
  area_code: string;
  value: number;
  source: string;
  published_on: string;
  note: string | null;
  created_at: Date;
  current: boolean;
}

/** The newest publication of every (indicator, period, area). */
export async function newestOfficialValues(db: Queryable): Promise<Map<string, OfficialCell>> {
  const { rows } = await db.query<{ indicator_code: string; period: string; area_code: string; value: number; published_on: string; source: string }>(
    `SELECT DISTINCT ON (indicator_code, period, area_code) indicator_code, period, area_code, value::float8 AS value, published_on, source
       FROM official_values ORDER BY indicator_code, period, area_code, published_on DESC, id DESC`,
  );
  return new Map(rows.map((r) => [officialKey(r.indicator_code, r.period, r.area_code), { value: Number(r.value), publishedOn: r.published_on, source: r.source }]));
}

export async function insertOfficialValue(
  db: Queryable,
  v: { indicator_code: string; period: string; area_code: string; value: number; source: string; published_on: string; note: string | null },
): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO official_values (indicator_code, period, area_code, value, source, published_on, note) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [v.indicator_code, v.period, v.area_code, v.value, v.source, v.published_on, v.note],
  );
  return rows[0]!.id;
}

/** Every publication of an indicator, newest first, each marked whether it is the one shown. */
export async function officialValueHistory(db: Queryable, code: string, filter: { period?: string; area?: string }): Promise<OfficialValueRow[]> {
  const { rows } = await db.query<OfficialValueRow>(
    `SELECT id, indicator_code, period, area_code, value::float8 AS value, source, published_on, note, created_at,
            row_number() OVER (PARTITION BY period, area_code ORDER BY published_on DESC, id DESC) = 1 AS current
       FROM official_values
      WHERE indicator_code = $1 AND ($2::text IS NULL OR period = $2) AND ($3::text IS NULL OR area_code = $3)
      ORDER BY period DESC, area_code, published_on DESC, id DESC`,
    [code, filter.period ?? null, filter.area ?? null],
  );
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}
