import type { Achievement, AchievementCreate, AchievementPatch } from '../../contracts/achievements.js';
import type { ListQuery } from '../../contracts/common.js';
import type { Queryable } from '../../db/client.js';
import type { ListPage } from '../../db/list/sql.js';
import { checkAchievementFields } from '../../domain/achievement.js';
import { can, citywide, reachOf, type RecordScope } from '../../domain/permissions.js';
import type { FieldViolation } from '../../domain/recordRules.js';
import type { ServiceContext } from '../shared/context.js';
import { listRecords } from '../shared/listRecords.js';
import { notFound, validationFailed } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { deleteVersioned, iso, updateVersioned } from '../shared/records.js';
import { assertKeyFree } from '../shared/uniqueKeys.js';
import { achievementCodes } from './codes.js';
import * as q from './queries.js';

export const ACHIEVEMENT = { zh: '科技成果', en: 'Achievement' };
const TARGET = { table: 'achievements', columns: q.COLUMNS, joins: q.JOINS, entity: ACHIEVEMENT };

/**
 * The records of this part of the registry a caller may read, as SQL over the table aliased `c`
 * whose owner column is `ownerColumn`: an organization user its organizations', an officer its
 * area's (district or zone; none = the city), an administrator all. Only integers and the city's
 * own codes reach the SQL text. Projects, transfers and incubations use it too.
 */
export function visibleSql(ctx: ServiceContext, p: Principal, ownerColumn: string): string {
  const reach = reachOf(p, 'achievements.read');
  if (reach === 'all' || (reach === 'area' && citywide(p))) return 'true';
  const list = (xs: readonly string[]) => xs.join(', ') || 'NULL';
  if (reach === 'own') return `c.${ownerColumn} IN (${list(p.organizationIds.filter(Number.isInteger).map(String))})`;
  if (reach !== 'area') return 'false';
  const districts = p.districts.filter((d) => ctx.city.districts.some((x) => x.code === d)).map((d) => `'${d}'`);
  const zones = p.zones.filter((z) => ctx.city.zones.some((x) => x.code === z)).map((z) => `'${z}'`);
  return `(c.district_code IN (${list(districts)}) OR c.zone IN (${list(zones)}))`;
}

/** A record of this part is its owner's and lies where its district and zone say. */
export const ownerRowScope = (row: { owner_org_id: number; district_code: string | null; zone: string | null }): RecordScope => ({
  organizationId: row.owner_org_id,
  districtCode: row.district_code,
  zone: row.zone,
});

/** The 404 of a record the caller may not read: its existence is its owner's business. */
export function assertReadable<T extends { owner_org_id: number; district_code: string | null; zone: string | null }>(row: T | undefined, principal: Principal | undefined, entity: { zh: string; en: string }, id: number): T {
  if (!row || (principal && !can(principal, 'achievements.read', ownerRowScope(row)))) throw notFound(entity, id);
  return row;
}

export const referenceMissing = (field: string, what: { zh: string; en: string }, id: number): FieldViolation => ({
  field,
  code: 'reference.not_found',
  message: { zh: `编号为 ${id} 的${what.zh}不存在`, en: `${what.en} ${id} does not exist` },
  params: { id },
});

export const ORGANIZATION = { zh: '主体', en: 'Organization' };
const HOSTS = {
  rd_institution_id: { table: 'rd_institutions', what: { zh: '研发机构', en: 'R&D institution' } },
  platform_id: { table: 'platforms', what: { zh: '创新平台', en: 'Innovation platform' } },
  project_id: { table: 'projects', what: { zh: '项目', en: 'Project' } },
} as const;

/** The references a record names that do not exist, each at its field. */
export async function missingReferences(ctx: ServiceContext, record: Partial<Record<keyof typeof HOSTS, number | null>>): Promise<FieldViolation[]> {
  const problems: FieldViolation[] = [];
  for (const [field, { table, what }] of Object.entries(HOSTS) as [keyof typeof HOSTS, (typeof HOSTS)[keyof typeof HOSTS]][]) {
    const id = record[field];
    if (typeof id === 'number' && !(await q.exists(ctx.db, table, id))) problems.push(referenceMissing(field, what, id));
  }
  return problems;
}

/** Organizations named in `field` that do not exist. */
export async function missingOrganizations(ctx: ServiceContext, field: string, ids: readonly number[]): Promise<FieldViolation[]> {
  const found = await q.existingOrganizations(ctx.db, ids);
  return ids.filter((id) => !found.has(id)).map((id) => referenceMissing(field, ORGANIZATION, id));
}

/**
 * Where a record lies after a write: the place given, else (new, or moved to another
 * organization) its organization's, else where it lay.
 */
export async function placeOf(ctx: ServiceContext, orgId: number, given: { district_code?: string | null; zone?: string | null }, current?: { orgId: number; district_code: string | null; zone: string | null }) {
  const moved = current === undefined || current.orgId !== orgId;
  const org = moved ? await q.organizationPlace(ctx.db, orgId) : undefined;
  const pick = (key: 'district_code' | 'zone') => (given[key] !== undefined ? given[key] || null : moved ? (org?.[key] ?? null) : current[key]);
  return { district_code: pick('district_code'), zone: pick('zone') };
}

export function presentAchievement(row: q.AchievementRow): Achievement {
  const type = achievementCodes().achievementTypes[row.type];
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    type_name: type ?? { zh: row.type, en: row.type },
    key_tech_breakthrough: row.key_tech_breakthrough,
    first_of_kind: row.first_of_kind,
    fills_domestic_gap: row.fills_domestic_gap,
    globally_leading: row.globally_leading,
    independently_controllable: row.independently_controllable,
    year: row.year,
    owner_org_id: row.owner_org_id,
    owner_name: row.owner_name,
    organization_ids: [row.owner_org_id, ...row.other_org_ids],
    rd_institution_id: row.rd_institution_id,
    platform_id: row.platform_id,
    host_name: row.host_name,
    project_id: row.project_id,
    evidence: row.evidence,
    district_code: row.district_code,
    zone: row.zone,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

export async function listAchievements(ctx: ServiceContext, query: ListQuery, principal: Principal): Promise<ListPage<Achievement>> {
  const spec = q.achievementListSpec(ctx.city, achievementCodes(), visibleSql(ctx, principal, 'owner_org_id'));
  return listRecords(ctx.db, spec, query, presentAchievement);
}

export async function getAchievement(ctx: ServiceContext, id: number, principal?: Principal): Promise<Achievement> {
  return presentAchievement(assertReadable(await q.findById(ctx.db, id), principal, ACHIEVEMENT, id));
}

/** An achievement's owner and place, for the records that copy them (transfers, incubations). */
export async function achievementFacts(ctx: ServiceContext, id: number) {
  const row = await q.findById(ctx.db, id);
  return row && { owner_org_id: row.owner_org_id, rd_institution_id: row.rd_institution_id, platform_id: row.platform_id, district_code: row.district_code, zone: row.zone, year: row.year };
}

type Stored = Required<Omit<AchievementCreate, 'organization_ids'>> & { organization_ids: number[] };
const DEFAULTS = { key_tech_breakthrough: false, first_of_kind: false, fills_domestic_gap: false, globally_leading: false, independently_controllable: false, rd_institution_id: null, platform_id: null, project_id: null, evidence: null } as const;

const storedOf = (row: q.AchievementRow): Stored => ({
  title: row.title,
  type: row.type,
  key_tech_breakthrough: row.key_tech_breakthrough,
  first_of_kind: row.first_of_kind,
  fills_domestic_gap: row.fills_domestic_gap,
  globally_leading: row.globally_leading,
  independently_controllable: row.independently_controllable,
  year: row.year,
  organization_ids: [row.owner_org_id, ...row.other_org_ids],
  rd_institution_id: row.rd_institution_id,
  platform_id: row.platform_id,
  project_id: row.project_id,
  evidence: row.evidence,
  district_code: row.district_code,
  zone: row.zone,
});

/** The record as it will be stored: every rule on the whole of it, every reference found, placed. */
async function settle(ctx: ServiceContext, record: Stored, given: Partial<Stored>, current?: q.AchievementRow): Promise<q.AchievementValues> {
  const owner = record.organization_ids[0]!;
  const place = await placeOf(ctx, owner, given, current && { orgId: current.owner_org_id, district_code: current.district_code, zone: current.zone });
  const problems = [
    ...checkAchievementFields(achievementCodes(), ctx.city, { ...record, ...place }, ctx.clock.today()),
    ...(given.organization_ids ? await missingOrganizations(ctx, 'organization_ids', record.organization_ids) : []),
    ...(await missingReferences(ctx, given)),
  ];
  if (problems.length) throw validationFailed(problems);
  assertKeyFree('achievements', await q.findByKey(ctx.db, owner, record.title, record.year), current?.id);
  const { organization_ids: _o, ...values } = record;
  return { ...values, ...place, owner_org_id: owner };
}

export async function createAchievement(ctx: ServiceContext, input: AchievementCreate): Promise<Achievement> {
  const values = await settle(ctx, { ...DEFAULTS, district_code: null, zone: null, ...input } as Stored, input as Partial<Stored>);
  const id = await q.insert(ctx.db, values);
  await q.replaceOtherOrganizations(ctx.db, id, input.organization_ids.slice(1));
  return getAchievement(ctx, id);
}

export async function updateAchievement(ctx: ServiceContext, id: number, version: number, patch: AchievementPatch, current?: q.AchievementRow): Promise<Achievement> {
  const { version: _, ...changes } = patch;
  current ??= await q.findById(ctx.db, id);
  if (!current) throw notFound(ACHIEVEMENT, id);
  const values = await settle(ctx, { ...storedOf(current), ...changes } as Stored, changes as Partial<Stored>, current);
  if (changes.organization_ids) await q.replaceOtherOrganizations(ctx.db, id, changes.organization_ids.slice(1));
  const updated = await updateVersioned<q.AchievementRow>(ctx.db, TARGET, id, version, values, q.WRITABLE);
  await q.refreshDependents(ctx.db, id);
  return presentAchievement(updated);
}

export async function deleteAchievement(ctx: ServiceContext, id: number, version: number | undefined): Promise<void> {
  await deleteVersioned(ctx.db, TARGET, id, version);
}

/**
 * The scope a project or achievement will have after a write, for the record-level check: its
 * organization (`organizationId`, the body's or the current), placed as `placeOf` places it.
 */
export async function ownedScopeAfter(db: Queryable, organizationId: number | null, body: Record<string, unknown>, current?: RecordScope): Promise<RecordScope> {
  const moved = organizationId !== null && organizationId !== current?.organizationId;
  const org = moved ? await q.organizationPlace(db, organizationId) : undefined;
  const pick = (key: 'district_code' | 'zone', now: string | null | undefined) =>
    body[key] !== undefined ? ((body[key] as string | null) || null) : moved ? (org?.[key] ?? null) : (now ?? null);
  return { organizationId, districtCode: pick('district_code', current?.districtCode), zone: pick('zone', current?.zone) };
}
