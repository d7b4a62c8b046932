import type { Queryable } from '../../db/client.js';
import type { ListField, ListSpec } from '../../db/list/spec.js';
import type { CityConfig } from '../../domain/city.js';
import { districtName } from '../../domain/district.js';
import { rdInstitutionCategories, rdInstitutionCategoryCodes } from '../../domain/rdInstitution.js';
import { zoneName } from '../../domain/zone.js';

/** SQL for the incubations table (孵化企业). */
export interface IncubationRow {
  id: number;
  enterprise_org_id: number;
  enterprise_name: string;
  achievement_id: number | null;
  achievement_title: string | null;
  rd_institution_id: number | null;
  rd_institution_name: string | null;
  incubated_on: string;
  owner_org_id: number;
  owner_name: string;
  district_code: string | null;
  zone: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const WRITABLE = ['enterprise_org_id', 'achievement_id', 'rd_institution_id', 'incubated_on', 'owner_org_id', 'district_code', 'zone'] as const;
export type IncubationValues = { [K in (typeof WRITABLE)[number]]?: unknown };

export const COLUMNS = `t.id, t.enterprise_org_id, e.name AS enterprise_name, t.achievement_id, a.title AS achievement_title, t.rd_institution_id, r.name AS rd_institution_name,
  t.incubated_on, t.owner_org_id, o.name AS owner_name, t.district_code, t.zone, t.created_at, t.updated_at, t.version`;
export const JOINS = 'LEFT JOIN organizations e ON e.id = t.enterprise_org_id LEFT JOIN achievements a ON a.id = t.achievement_id LEFT JOIN rd_institutions r ON r.id = t.rd_institution_id LEFT JOIN organizations o ON o.id = t.owner_org_id';

function fields(city: CityConfig): Record<string, ListField> {
  return {
    id: { column: 't.id', type: 'int', notNull: true, sort: true },
    enterprise_org_id: { column: 't.enterprise_org_id', type: 'int', notNull: true, sort: true },
    achievement_id: { column: 't.achievement_id', type: 'int', sort: true, group: true },
    rd_institution_id: { column: 't.rd_institution_id', type: 'int', sort: true, group: true },
    institution_category: { column: 'r.category', type: 'code', values: rdInstitutionCategoryCodes, group: true, label: (k) => rdInstitutionCategories[k as keyof typeof rdInstitutionCategories] ?? null },
    incubated_on: { column: 't.incubated_on', type: 'date', notNull: true, sort: true },
    incubated_year: { column: 'extract(year from t.incubated_on)::int', type: 'int', group: true },
    owner_org_id: { column: 't.owner_org_id', type: 'int', notNull: true, sort: true, group: true },
    district_code: { column: 't.district_code', type: 'code', values: city.districts.map((d) => d.code), sort: true, group: true, label: (k) => districtName(city, k) },
    zone: { column: 't.zone', type: 'code', values: city.zones.map((z) => z.code), sort: true, group: true, label: (k) => zoneName(city, k) },
    created_at: { column: 't.created_at', type: 'timestamp', notNull: true, sort: true },
    updated_at: { column: 't.updated_at', type: 'timestamp', notNull: true, sort: true },
  };
}

/** The incubations a caller may see (`visible`: SQL over `c`). */
export function incubationListSpec(city: CityConfig, visible = 'true'): ListSpec {
  return {
    from: `(SELECT c.* FROM incubations c WHERE ${visible}) t ${JOINS}`,
    tables: ['incubations', 'achievements', 'organizations', 'rd_institutions'],
    select: COLUMNS,
    fields: fields(city),
    searchColumns: ['e.name', 'a.title', 'r.name', 'o.name'],
    defaultSort: { field: 'id', desc: false },
  };
}

/** The same fields over the bare table and its institution, for statistics. */
export function incubationStatisticsListSpec(city: CityConfig): ListSpec {
  return { from: 'incubations t LEFT JOIN rd_institutions r ON r.id = t.rd_institution_id', tables: ['incubations', 'rd_institutions'], select: 't.id', fields: fields(city), searchColumns: [], defaultSort: { field: 'id', desc: false } };
}

export async function findById(db: Queryable, id: number, forUpdate = false): Promise<IncubationRow | undefined> {
  const { rows } = await db.query<IncubationRow>(`SELECT ${COLUMNS} FROM incubations t ${JOINS} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
  return rows[0];
}

export const lockById = (db: Queryable, id: number) => findById(db, id, true);

/** The incubation of this enterprise (its natural key: an enterprise is incubated once), if any. */
export async function findByKey(db: Queryable, enterpriseOrgId: number): Promise<{ id: number } | undefined> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM incubations WHERE enterprise_org_id = $1', [enterpriseOrgId]);
  return rows[0];
}

export async function insert(db: Queryable, values: IncubationValues): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO incubations (${WRITABLE.join(', ')}) VALUES (${WRITABLE.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    WRITABLE.map((c) => values[c] ?? null),
  );
  return rows[0]!.id;
}

export interface Source {
  owner_org_id: number;
  rd_institution_id: number | null;
  district_code: string | null;
  zone: string | null;
}

/** What an incubation copies from its achievement. */
export async function achievementSource(db: Queryable, id: number): Promise<Source | undefined> {
  const { rows } = await db.query<Source>('SELECT owner_org_id, rd_institution_id, district_code, zone FROM achievements WHERE id = $1', [id]);
  return rows[0];
}

/** What an incubation copies from the R&D institution that incubated it: its host owns the record, it lies where the institution does. */
export async function institutionSource(db: Queryable, id: number): Promise<Source | undefined> {
  const { rows } = await db.query<Source>('SELECT host_org_id AS owner_org_id, id AS rd_institution_id, district_code, zone FROM rd_institutions WHERE id = $1', [id]);
  return rows[0];
}

export async function enterpriseOf(db: Queryable, id: number): Promise<{ kind: string } | undefined> {
  const { rows } = await db.query<{ kind: string }>('SELECT kind FROM organizations WHERE id = $1', [id]);
  return rows[0];
}
