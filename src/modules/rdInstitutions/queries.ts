import type { Queryable } from '../../db/client.js';
import type { ListSpec } from '../../db/list/spec.js';
import type { CityConfig } from '../../domain/city.js';
import { districtName } from '../../domain/district.js';
import { fourGlobalFeatureCodes, type FourGlobalFeature } from '../../domain/fourGlobal.js';
import { recognitionLevelCodes, recognitionLevels } from '../../domain/level.js';
import { rdInstitutionCategories, rdInstitutionCategoryCodes } from '../../domain/rdInstitution.js';
import { zoneName } from '../../domain/zone.js';
import { innovationZoneColumn } from '../shared/listFields.js';

/** SQL for the rd_institutions table (研发机构). */
export type RdInstitutionRow = {
  id: number;
  host_org_id: number;
  host_name: string;
  name: string;
  name_en: string | null;
  category: string;
  level: string;
  established_on: string | null;
  district_code: string;
  zone: string | null;
  global_feature_count: number;
  created_at: Date;
  updated_at: Date;
  version: number;
} & { [K in `${FourGlobalFeature}_evidence` | `${FourGlobalFeature}_confirmed_on`]: string | null };

const featureColumns = fourGlobalFeatureCodes.flatMap((f) => [`${f}_evidence`, `${f}_confirmed_on`]);
export const WRITABLE = ['host_org_id', 'name', 'name_en', 'category', 'level', 'established_on', 'district_code', 'zone', ...featureColumns] as const;
export const COLUMNS = `t.id, t.host_org_id, h.name AS host_name, t.name, t.name_en, t.category, t.level, t.established_on, t.district_code, t.zone,
  ${featureColumns.map((c) => `t.${c}`).join(', ')}, t.global_feature_count, t.created_at, t.updated_at, t.version`;
// LEFT JOIN on a NOT NULL foreign key gives the same rows as JOIN, and lets PostgreSQL drop the
// join from any query that reads nothing of the organization (counts, the indicator engine's scans).
/** What a row is shown with: its organization's name (and place). */
export const JOINS = 'LEFT JOIN organizations h ON h.id = t.host_org_id';
const FROM = `rd_institutions t ${JOINS}`;

const confirmedOn = fourGlobalFeatureCodes.map((f) => `t.${f}_confirmed_on`).join(', ');
/** An institution without a founding date counts from the day it was registered here. */
const EXISTING_SINCE = 'COALESCE(t.established_on, t.created_at::date)';
/** Existing and with a first "four global" feature confirmed (GREATEST/LEAST skip NULLs, hence the CASE). */
const GLOBAL_ANY_SINCE = `CASE WHEN t.global_feature_count > 0 THEN GREATEST(${EXISTING_SINCE}, LEAST(${confirmedOn})) END`;
const GLOBAL_ALL_SINCE = `CASE WHEN t.global_feature_count = 4 THEN GREATEST(${EXISTING_SINCE}, ${confirmedOn}) END`;

export function rdInstitutionListSpec(city: CityConfig): ListSpec {
  const features = Object.fromEntries(fourGlobalFeatureCodes.map((f) => [f, { column: `(t.${f}_confirmed_on IS NOT NULL)`, type: 'bool' as const, notNull: true, group: true }]));
  return {
    from: FROM,
    tables: ['rd_institutions', 'organizations'],
    select: COLUMNS,
    fields: {
      id: { column: 't.id', type: 'int', sort: true },
      host_org_id: { column: 't.host_org_id', type: 'int', notNull: true, sort: true },
      name: { column: 't.name', type: 'text', notNull: true, sort: true },
      category: { column: 't.category', type: 'code', notNull: true, values: rdInstitutionCategoryCodes, sort: true, group: true, label: (k) => rdInstitutionCategories[k as keyof typeof rdInstitutionCategories] ?? null },
      level: { column: 't.level', type: 'code', notNull: true, values: recognitionLevelCodes, sort: true, group: true, label: (k) => recognitionLevels[k as keyof typeof recognitionLevels] ?? null },
      established_on: { column: 't.established_on', type: 'date', sort: true },
      established_year: { column: 'extract(year from t.established_on)::int', type: 'int', group: true },
      district_code: { column: 't.district_code', type: 'code', notNull: true, values: city.districts.map((d) => d.code), sort: true, group: true, label: (k) => districtName(city, k) },
      zone: { column: 't.zone', type: 'code', values: city.zones.map((z) => z.code), sort: true, group: true, label: (k) => zoneName(city, k) },
      global_feature_count: { column: 't.global_feature_count', type: 'int', notNull: true, sort: true, group: true },
      ...features,
      // The days an institution starts to count in indicators "as of the end of a period".
      existing_since: { column: EXISTING_SINCE, type: 'date', notNull: true, sort: true },
      global_any_since: { column: GLOBAL_ANY_SINCE, type: 'date', sort: true },
      global_all_since: { column: GLOBAL_ALL_SINCE, type: 'date', sort: true },
      innovation_zone: { column: innovationZoneColumn(city), type: 'bool', notNull: true, group: true },
      created_at: { column: 't.created_at', type: 'timestamp', notNull: true, sort: true },
      updated_at: { column: 't.updated_at', type: 'timestamp', notNull: true, sort: true },
    },
    searchColumns: ['t.name', 't.name_en'],
    defaultSort: { field: 'id', desc: false },
  };
}

/** One row; `forUpdate` locks it for the write that reads it (the one read of the record a write makes). */
export async function findById(db: Queryable, id: number, forUpdate = false): Promise<RdInstitutionRow | undefined> {
  const { rows } = await db.query<RdInstitutionRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
  return rows[0];
}

/** The record of this name under this host, if any (one name per host). */
export async function findByHostAndName(db: Queryable, hostOrgId: number, name: string): Promise<{ id: number } | undefined> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM rd_institutions WHERE host_org_id = $1 AND name = $2', [hostOrgId, name]);
  return rows[0];
}

/** The row locked for a write (FOR UPDATE). */
export const lockById = (db: Queryable, id: number) => findById(db, id, true);

export async function insert(db: Queryable, values: { [K in (typeof WRITABLE)[number]]?: unknown }): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO rd_institutions (${WRITABLE.join(', ')}) VALUES (${WRITABLE.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    WRITABLE.map((c) => values[c] ?? null),
  );
  return rows[0]!.id;
}
