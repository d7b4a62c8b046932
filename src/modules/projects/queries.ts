import type { Queryable } from '../../db/client.js';
import type { ListField, ListSpec } from '../../db/list/spec.js';
import { projectStatusCodes, projectStatuses, type AchievementCodes } from '../../domain/achievement.js';
import type { CityConfig } from '../../domain/city.js';
import { districtName } from '../../domain/district.js';
import { rdInstitutionCategories, rdInstitutionCategoryCodes } from '../../domain/rdInstitution.js';
import { zoneName } from '../../domain/zone.js';

/** SQL for the projects table (重点/关键技术攻关项目) and its partner organizations. */
export interface ProjectRow {
  id: number;
  title: string;
  lead_org_id: number;
  lead_name: string;
  partner_org_ids: number[];
  programme: string;
  /** Exact decimal, read as text. */
  budget: string;
  start_on: string;
  end_on: string;
  status: string;
  rd_institution_id: number | null;
  platform_id: number | null;
  host_name: string | null;
  district_code: string | null;
  zone: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const WRITABLE = ['title', 'lead_org_id', 'programme', 'budget', 'start_on', 'end_on', 'status', 'rd_institution_id', 'platform_id', 'district_code', 'zone'] as const;
export type ProjectValues = { [K in (typeof WRITABLE)[number]]?: unknown };

export const COLUMNS = `t.id, t.title, t.lead_org_id, o.name AS lead_name,
  ARRAY(SELECT x.org_id FROM project_partners x WHERE x.project_id = t.id ORDER BY x.position) AS partner_org_ids,
  t.programme, t.budget::text AS budget, t.start_on, t.end_on, t.status, t.rd_institution_id, t.platform_id, COALESCE(r.name, p.name) AS host_name,
  t.district_code, t.zone, t.created_at, t.updated_at, t.version`;
export const JOINS = 'LEFT JOIN organizations o ON o.id = t.lead_org_id LEFT JOIN rd_institutions r ON r.id = t.rd_institution_id LEFT JOIN platforms p ON p.id = t.platform_id';

function fields(city: CityConfig, codes: AchievementCodes): Record<string, ListField> {
  return {
    id: { column: 't.id', type: 'int', notNull: true, sort: true },
    title: { column: 't.title', type: 'text', notNull: true, sort: true },
    lead_org_id: { column: 't.lead_org_id', type: 'int', notNull: true, sort: true, group: true },
    programme: { column: 't.programme', type: 'code', notNull: true, values: Object.keys(codes.programmes), sort: true, group: true, label: (k) => codes.programmes[k] ?? null },
    budget: { column: 't.budget', type: 'decimal', notNull: true, sort: true },
    start_on: { column: 't.start_on', type: 'date', notNull: true, sort: true },
    start_year: { column: 'extract(year from t.start_on)::int', type: 'int', group: true },
    end_on: { column: 't.end_on', type: 'date', notNull: true, sort: true },
    status: { column: 't.status', type: 'code', notNull: true, values: projectStatusCodes, sort: true, group: true, label: (k) => projectStatuses[k as keyof typeof projectStatuses] ?? null },
    rd_institution_id: { column: 't.rd_institution_id', type: 'int', sort: true, group: true },
    institution_category: { column: 'r.category', type: 'code', values: rdInstitutionCategoryCodes, group: true, label: (k) => rdInstitutionCategories[k as keyof typeof rdInstitutionCategories] ?? null },
    platform_id: { column: 't.platform_id', type: 'int', sort: true, group: true },
    district_code: { column: 't.district_code', type: 'code', values: city.districts.map((d) => d.code), sort: true, group: true, label: (k) => districtName(city, k) },
    zone: { column: 't.zone', type: 'code', values: city.zones.map((z) => z.code), sort: true, group: true, label: (k) => zoneName(city, k) },
    created_at: { column: 't.created_at', type: 'timestamp', notNull: true, sort: true },
    updated_at: { column: 't.updated_at', type: 'timestamp', notNull: true, sort: true },
  };
}

/** The projects a caller may see (`visible`: SQL over `c`). */
export function projectListSpec(city: CityConfig, codes: AchievementCodes, visible = 'true'): ListSpec {
  return {
    from: `(SELECT c.* FROM projects c WHERE ${visible}) t ${JOINS}`,
    tables: ['projects', 'project_partners', 'organizations', 'rd_institutions', 'platforms'],
    select: COLUMNS,
    fields: fields(city, codes),
    searchColumns: ['t.title', 'o.name', 'r.name', 'p.name'],
    defaultSort: { field: 'id', desc: false },
  };
}

/** The same fields over the bare table and its institution, for statistics. */
export function projectStatisticsListSpec(city: CityConfig, codes: AchievementCodes): ListSpec {
  return { from: 'projects t LEFT JOIN rd_institutions r ON r.id = t.rd_institution_id', tables: ['projects', 'rd_institutions'], select: 't.id', fields: fields(city, codes), searchColumns: ['t.title'], defaultSort: { field: 'id', desc: false } };
}

export async function findById(db: Queryable, id: number, forUpdate = false): Promise<ProjectRow | undefined> {
  const { rows } = await db.query<ProjectRow>(`SELECT ${COLUMNS} FROM projects t ${JOINS} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
  return rows[0];
}

export const lockById = (db: Queryable, id: number) => findById(db, id, true);

/** The project of this natural key (lead organization and title), if any. */
export async function findByKey(db: Queryable, leadOrgId: number, title: string): Promise<{ id: number } | undefined> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM projects WHERE lead_org_id = $1 AND title = $2', [leadOrgId, title]);
  return rows[0];
}

export async function insert(db: Queryable, values: ProjectValues): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO projects (${WRITABLE.join(', ')}) VALUES (${WRITABLE.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    WRITABLE.map((c) => values[c] ?? null),
  );
  return rows[0]!.id;
}

/** The partners, replaced as a whole (in the order given). */
export async function replacePartners(db: Queryable, projectId: number, orgIds: readonly number[]): Promise<void> {
  await db.query('DELETE FROM project_partners WHERE project_id = $1', [projectId]);
  if (orgIds.length) await db.query('INSERT INTO project_partners (project_id, org_id, position) SELECT $1, o, p::int FROM unnest($2::int[]) WITH ORDINALITY AS u(o, p)', [projectId, orgIds]);
}
