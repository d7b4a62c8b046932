import type { Queryable } from '../../db/client.js';
import type { ListSpec } from '../../db/list/spec.js';
import type { CityConfig } from '../../domain/city.js';
import { districtName } from '../../domain/district.js';
import { platformStatusCodes, platformStatuses, platformTypeCodes, platformTypes } from '../../domain/innovationPlatform.js';
import { recognitionLevelCodes, recognitionLevels } from '../../domain/level.js';
import { zoneName } from '../../domain/zone.js';
import { innovationZoneColumn } from '../shared/listFields.js';

/** SQL for the platforms table (创新平台). */
export interface PlatformRow {
  id: number;
  host_org_id: number;
  host_name: string;
  name: string;
  name_en: string | null;
  type: string;
  level: string;
  recognized_on: string | null;
  authority: string | null;
  status: string;
  district_code: string;
  zone: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const WRITABLE = ['host_org_id', 'name', 'name_en', 'type', 'level', 'recognized_on', 'authority', 'status', 'district_code', 'zone'] as const;
export const COLUMNS = `t.id, t.host_org_id, h.name AS host_name, t.name, t.name_en, t.type, t.level, t.recognized_on, t.authority, t.status, t.district_code, t.zone, t.created_at, t.updated_at, t.version`;
// LEFT JOIN on a NOT NULL foreign key gives the same rows as JOIN, and lets PostgreSQL drop the
// join from any query that reads nothing of the organization (counts, the indicator engine's scans).
/** What a row is shown with: its organization's name (and place). */
export const JOINS = 'LEFT JOIN organizations h ON h.id = t.host_org_id';
const FROM = `platforms t ${JOINS}`;

export function platformListSpec(city: CityConfig): ListSpec {
  return {
    from: FROM,
    tables: ['platforms', 'organizations'],
    select: COLUMNS,
    fields: {
      id: { column: 't.id', type: 'int', sort: true },
      host_org_id: { column: 't.host_org_id', type: 'int', notNull: true, sort: true },
      name: { column: 't.name', type: 'text', notNull: true, sort: true },
      type: { column: 't.type', type: 'code', notNull: true, values: platformTypeCodes, sort: true, group: true, label: (k) => platformTypes[k as keyof typeof platformTypes] ?? null },
      level: { column: 't.level', type: 'code', notNull: true, values: recognitionLevelCodes, sort: true, group: true, label: (k) => recognitionLevels[k as keyof typeof recognitionLevels] ?? null },
      status: { column: 't.status', type: 'code', notNull: true, values: platformStatusCodes, sort: true, group: true, label: (k) => platformStatuses[k as keyof typeof platformStatuses] ?? null },
      recognized_on: { column: 't.recognized_on', type: 'date', sort: true },
      recognized_year: { column: 'extract(year from t.recognized_on)::int', type: 'int', group: true },
      authority: { column: 't.authority', type: 'text', sort: true, group: true },
      district_code: { column: 't.district_code', type: 'code', notNull: true, values: city.districts.map((d) => d.code), sort: true, group: true, label: (k) => districtName(city, k) },
      zone: { column: 't.zone', type: 'code', values: city.zones.map((z) => z.code), sort: true, group: true, label: (k) => zoneName(city, k) },
      // A platform without a recognition date counts from the day it was registered here.
      existing_since: { column: 'COALESCE(t.recognized_on, t.created_at::date)', type: 'date', notNull: true, sort: true },
      innovation_zone: { column: innovationZoneColumn(city), type: 'bool', notNull: true, group: true },
      created_at: { column: 't.created_at', type: 'timestamp', notNull: true, sort: true },
      updated_at: { column: 't.updated_at', type: 'timestamp', notNull: true, sort: true },
    },
    searchColumns: ['t.name', 't.name_en'],
    defaultSort: { field: 'id', desc: false },
  };
}

/** One row; `forUpdate` locks it for the write that reads it (the one read of the record a write makes). */
export async function findById(db: Queryable, id: number, forUpdate = false): Promise<PlatformRow | undefined> {
  const { rows } = await db.query<PlatformRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
  return rows[0];
}

/** The record of this name under this host, if any (one name per host). */
export async function findByHostAndName(db: Queryable, hostOrgId: number, name: string): Promise<{ id: number } | undefined> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM platforms WHERE host_org_id = $1 AND name = $2', [hostOrgId, name]);
  return rows[0];
}

/** The row locked for a write (FOR UPDATE). */
export const lockById = (db: Queryable, id: number) => findById(db, id, true);

export async function insert(db: Queryable, values: { [K in (typeof WRITABLE)[number]]?: unknown }): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO platforms (${WRITABLE.join(', ')}) VALUES (${WRITABLE.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    WRITABLE.map((c) => values[c] ?? null),
  );
  return rows[0]!.id;
}
