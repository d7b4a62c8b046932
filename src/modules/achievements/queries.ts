import type { Queryable } from '../../db/client.js';
import type { ListField, ListSpec } from '../../db/list/spec.js';
import { achievementFlagCodes, type AchievementCodes } from '../../domain/achievement.js';
import type { CityConfig } from '../../domain/city.js';
import { districtName } from '../../domain/district.js';
import { rdInstitutionCategories, rdInstitutionCategoryCodes } from '../../domain/rdInstitution.js';
import { zoneName } from '../../domain/zone.js';

/** SQL for the achievements table (科技成果) and its organizations after the owner. */
export interface AchievementRow {
  id: number;
  title: string;
  type: string;
  key_tech_breakthrough: boolean;
  first_of_kind: boolean;
  fills_domestic_gap: boolean;
  globally_leading: boolean;
  independently_controllable: boolean;
  year: number;
  owner_org_id: number;
  owner_name: string;
  other_org_ids: number[];
  rd_institution_id: number | null;
  platform_id: number | null;
  host_name: string | null;
  project_id: number | null;
  evidence: string | null;
  district_code: string | null;
  zone: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export const WRITABLE = ['title', 'type', ...achievementFlagCodes, 'year', 'owner_org_id', 'rd_institution_id', 'platform_id', 'project_id', 'evidence', 'district_code', 'zone'] as const;
export type AchievementValues = { [K in (typeof WRITABLE)[number]]?: unknown };

export const COLUMNS = `t.id, t.title, t.type, ${achievementFlagCodes.map((f) => `t.${f}`).join(', ')}, t.year, t.owner_org_id, o.name AS owner_name,
  ARRAY(SELECT x.org_id FROM achievement_organizations x WHERE x.achievement_id = t.id ORDER BY x.position) AS other_org_ids,
  t.rd_institution_id, t.platform_id, COALESCE(r.name, p.name) AS host_name, t.project_id, t.evidence, t.district_code, t.zone, t.created_at, t.updated_at, t.version`;
/** The owner's name and the host's (institution or platform). */
export const JOINS = 'LEFT JOIN organizations o ON o.id = t.owner_org_id LEFT JOIN rd_institutions r ON r.id = t.rd_institution_id LEFT JOIN platforms p ON p.id = t.platform_id';

/** The list's fields: each a column of the achievement or of its R&D institution (`r`), so statistics can count over the bare table. */
function fields(city: CityConfig, codes: AchievementCodes): Record<string, ListField> {
  const flags = Object.fromEntries(achievementFlagCodes.map((f) => [f, { column: `t.${f}`, type: 'bool' as const, notNull: true, group: true }]));
  return {
    id: { column: 't.id', type: 'int', notNull: true, sort: true },
    title: { column: 't.title', type: 'text', notNull: true, sort: true },
    type: { column: 't.type', type: 'code', notNull: true, values: Object.keys(codes.achievementTypes), sort: true, group: true, label: (k) => codes.achievementTypes[k] ?? null },
    ...flags,
    // changsha-2025.md counts "globally leading / independently controllable" together: either flag.
    leading_or_controllable: { column: '(t.globally_leading OR t.independently_controllable)', type: 'bool', notNull: true, group: true },
    year: { column: 't.year', type: 'int', notNull: true, sort: true, group: true },
    // What indicators date an achievement by: 1 January of its year.
    year_start: { column: 'make_date(t.year, 1, 1)', type: 'date', notNull: true },
    owner_org_id: { column: 't.owner_org_id', type: 'int', notNull: true, sort: true, group: true },
    rd_institution_id: { column: 't.rd_institution_id', type: 'int', sort: true, group: true },
    institution_category: { column: 'r.category', type: 'code', values: rdInstitutionCategoryCodes, group: true, label: (k) => rdInstitutionCategories[k as keyof typeof rdInstitutionCategories] ?? null },
    platform_id: { column: 't.platform_id', type: 'int', sort: true, group: true },
    project_id: { column: 't.project_id', type: 'int', sort: true, group: true },
    district_code: { column: 't.district_code', type: 'code', values: city.districts.map((d) => d.code), sort: true, group: true, label: (k) => districtName(city, k) },
    zone: { column: 't.zone', type: 'code', values: city.zones.map((z) => z.code), sort: true, group: true, label: (k) => zoneName(city, k) },
    created_at: { column: 't.created_at', type: 'timestamp', notNull: true, sort: true },
    updated_at: { column: 't.updated_at', type: 'timestamp', notNull: true, sort: true },
  };
}

/** The achievements a caller may see (`visible`: SQL over `c`); the reach is in the FROM clause, so cached pages keep callers apart. */
export function achievementListSpec(city: CityConfig, codes: AchievementCodes, visible = 'true'): ListSpec {
  return {
    from: `(SELECT c.* FROM achievements c WHERE ${visible}) t ${JOINS}`,
    tables: ['achievements', 'achievement_organizations', 'organizations', 'rd_institutions', 'platforms'],
    select: COLUMNS,
    fields: fields(city, codes),
    searchColumns: ['t.title', 'o.name', 'r.name', 'p.name'],
    defaultSort: { field: 'id', desc: false },
  };
}

/** The same fields over the bare table and its institution: a FROM the indicator upkeep's triggers can follow. */
export function achievementStatisticsListSpec(city: CityConfig, codes: AchievementCodes): ListSpec {
  return {
    from: 'achievements t LEFT JOIN rd_institutions r ON r.id = t.rd_institution_id',
    tables: ['achievements', 'rd_institutions'],
    select: 't.id',
    fields: fields(city, codes),
    searchColumns: ['t.title'],
    defaultSort: { field: 'id', desc: false },
  };
}

export async function findById(db: Queryable, id: number, forUpdate = false): Promise<AchievementRow | undefined> {
  const { rows } = await db.query<AchievementRow>(`SELECT ${COLUMNS} FROM achievements t ${JOINS} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
  return rows[0];
}

export const lockById = (db: Queryable, id: number) => findById(db, id, true);

/** The achievement of this natural key (owner, title and year), if any. */
export async function findByKey(db: Queryable, ownerOrgId: number, title: string, year: number): Promise<{ id: number } | undefined> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM achievements WHERE owner_org_id = $1 AND title = $2 AND year = $3', [ownerOrgId, title, year]);
  return rows[0];
}

export async function insert(db: Queryable, values: AchievementValues): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO achievements (${WRITABLE.join(', ')}) VALUES (${WRITABLE.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    WRITABLE.map((c) => values[c] ?? null),
  );
  return rows[0]!.id;
}

/** The organizations after the owner, replaced as a whole (in the order given). */
export async function replaceOtherOrganizations(db: Queryable, achievementId: number, orgIds: readonly number[]): Promise<void> {
  await db.query('DELETE FROM achievement_organizations WHERE achievement_id = $1', [achievementId]);
  if (orgIds.length)
    await db.query('INSERT INTO achievement_organizations (achievement_id, org_id, position) SELECT $1, o, p::int FROM unnest($2::int[]) WITH ORDINALITY AS u(o, p)', [achievementId, orgIds]);
}

/** Which of these organizations exist. */
export async function existingOrganizations(db: Queryable, ids: readonly number[]): Promise<Set<number>> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM organizations WHERE id = ANY($1::int[])', [ids]);
  return new Set(rows.map((r) => r.id));
}

/** Whether a row of `table` with this id exists (the hosts and projects an achievement refers to). */
export async function exists(db: Queryable, table: 'rd_institutions' | 'platforms' | 'projects' | 'organizations', id: number): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
  return rows.length > 0;
}

/** Where an organization lies. */
export async function organizationPlace(db: Queryable, id: number): Promise<{ district_code: string | null; zone: string | null } | undefined> {
  const { rows } = await db.query<{ district_code: string | null; zone: string | null }>('SELECT district_code, zone FROM organizations WHERE id = $1', [id]);
  return rows[0];
}

/**
 * The copies a transfer and an incubation keep of their achievement (owner, institution, place),
 * brought in line after the achievement changed, in the same transaction.
 */
export async function refreshDependents(db: Queryable, achievementId: number): Promise<void> {
  const copy = 'owner_org_id = a.owner_org_id, rd_institution_id = a.rd_institution_id, district_code = a.district_code, zone = a.zone';
  await db.query(
    `UPDATE transfers d SET ${copy}, platform_id = a.platform_id FROM achievements a
      WHERE a.id = $1 AND d.achievement_id = a.id
        AND ROW(d.owner_org_id, d.rd_institution_id, d.platform_id, d.district_code, d.zone) IS DISTINCT FROM ROW(a.owner_org_id, a.rd_institution_id, a.platform_id, a.district_code, a.zone)`,
    [achievementId],
  );
  await db.query(
    `UPDATE incubations d SET ${copy} FROM achievements a
      WHERE a.id = $1 AND d.achievement_id = a.id
        AND ROW(d.owner_org_id, d.rd_institution_id, d.district_code, d.zone) IS DISTINCT FROM ROW(a.owner_org_id, a.rd_institution_id, a.district_code, a.zone)`,
    [achievementId],
  );
}
