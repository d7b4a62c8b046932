import type { Incubation, IncubationCreate, IncubationPatch } from '../../contracts/achievements.js';
import type { ListQuery } from '../../contracts/common.js';
import type { Queryable } from '../../db/client.js';
import type { ListPage } from '../../db/list/sql.js';
import { checkIncubationFields } from '../../domain/achievement.js';
import type { RecordScope } from '../../domain/permissions.js';
import type { FieldViolation } from '../../domain/recordRules.js';
import { ACHIEVEMENT, assertReadable, ORGANIZATION, ownerRowScope, referenceMissing, visibleSql } from '../achievements/service.js';
import type { ServiceContext } from '../shared/context.js';
import { listRecords } from '../shared/listRecords.js';
import { notFound, validationFailed } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { deleteVersioned, iso, updateVersioned } from '../shared/records.js';
import { assertKeyFree } from '../shared/uniqueKeys.js';
import * as q from './queries.js';

export const INCUBATION = { zh: '孵化企业', en: 'Incubation' };
const TARGET = { table: 'incubations', columns: q.COLUMNS, joins: q.JOINS, entity: INCUBATION };
const RD_INSTITUTION = { zh: '研发机构', en: 'R&D institution' };

export { ownerRowScope as incubationRowScope };

export function presentIncubation(row: q.IncubationRow): Incubation {
  return {
    id: row.id,
    enterprise_org_id: row.enterprise_org_id,
    enterprise_name: row.enterprise_name,
    achievement_id: row.achievement_id,
    achievement_title: row.achievement_title,
    rd_institution_id: row.rd_institution_id,
    rd_institution_name: row.rd_institution_name,
    incubated_on: row.incubated_on,
    owner_org_id: row.owner_org_id,
    owner_name: row.owner_name,
    district_code: row.district_code,
    zone: row.zone,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

export async function listIncubations(ctx: ServiceContext, query: ListQuery, principal: Principal): Promise<ListPage<Incubation>> {
  const spec = q.incubationListSpec(ctx.city, visibleSql(ctx, principal, 'owner_org_id'));
  return listRecords(ctx.db, spec, query, presentIncubation);
}

export async function getIncubation(ctx: ServiceContext, id: number, principal?: Principal): Promise<Incubation> {
  return presentIncubation(assertReadable(await q.findById(ctx.db, id), principal, INCUBATION, id));
}

/** Where the incubation comes from: its achievement, else its institution. */
async function sourceOf(db: Queryable, achievementId: number | null | undefined, institutionId: number | null | undefined): Promise<q.Source | undefined> {
  if (typeof achievementId === 'number') return q.achievementSource(db, achievementId);
  return typeof institutionId === 'number' ? q.institutionSource(db, institutionId) : undefined;
}

/** An incubation is its source's: the scope a write checks is the (new) achievement's or institution's. */
export async function incubationScopeAfter(db: Queryable, body: Record<string, unknown>, current?: RecordScope): Promise<RecordScope> {
  if (current && body.achievement_id === undefined && body.rd_institution_id === undefined) return current;
  const source = await sourceOf(db, body.achievement_id as number | null | undefined, body.rd_institution_id as number | null | undefined);
  return source ? ownerRowScope(source) : (current ?? { organizationId: null, districtCode: null, zone: null });
}

type Stored = Required<IncubationCreate>;

const storedOf = (row: q.IncubationRow): Stored => ({ enterprise_org_id: row.enterprise_org_id, achievement_id: row.achievement_id, rd_institution_id: row.rd_institution_id, incubated_on: row.incubated_on });

/**
 * The source's facts copied onto the incubation. With an achievement, the institution is the
 * achievement's: another one given is refused rather than silently replaced.
 */
async function settle(ctx: ServiceContext, record: Stored, selfId?: number): Promise<q.IncubationValues> {
  const problems: FieldViolation[] = checkIncubationFields(record, ctx.clock.today());
  const source = await sourceOf(ctx.db, record.achievement_id, record.rd_institution_id);
  if (!source && record.achievement_id !== null) problems.push(referenceMissing('achievement_id', ACHIEVEMENT, record.achievement_id));
  else if (!source && record.rd_institution_id !== null) problems.push(referenceMissing('rd_institution_id', RD_INSTITUTION, record.rd_institution_id));
  if (source && record.achievement_id !== null && record.rd_institution_id !== null && record.rd_institution_id !== source.rd_institution_id)
    problems.push({ field: 'rd_institution_id', code: 'rd_institution.not_achievements', message: { zh: '研发机构须与所依托成果的研发机构一致（可留空）', en: 'The R&D institution must be the achievement’s (or left empty)' }, params: { id: record.rd_institution_id } });
  const enterprise = await q.enterpriseOf(ctx.db, record.enterprise_org_id);
  if (!enterprise) problems.push(referenceMissing('enterprise_org_id', ORGANIZATION, record.enterprise_org_id));
  else if (enterprise.kind !== 'enterprise')
    problems.push({ field: 'enterprise_org_id', code: 'enterprise.not_enterprise', message: { zh: '孵化对象须为企业类主体', en: 'What is incubated must be an enterprise' }, params: { id: record.enterprise_org_id, kind: enterprise.kind } });
  if (problems.length || !source) throw validationFailed(problems);
  assertKeyFree('incubations', await q.findByKey(ctx.db, record.enterprise_org_id), selfId);
  return { ...record, ...source };
}

export async function createIncubation(ctx: ServiceContext, input: IncubationCreate): Promise<Incubation> {
  const id = await q.insert(ctx.db, await settle(ctx, { achievement_id: null, rd_institution_id: null, ...input }));
  return getIncubation(ctx, id);
}

export async function updateIncubation(ctx: ServiceContext, id: number, version: number, patch: IncubationPatch, current?: q.IncubationRow): Promise<Incubation> {
  const { version: _, ...changes } = patch;
  current ??= await q.findById(ctx.db, id);
  if (!current) throw notFound(INCUBATION, id);
  const values = await settle(ctx, { ...storedOf(current), ...changes } as Stored, id);
  return presentIncubation(await updateVersioned<q.IncubationRow>(ctx.db, TARGET, id, version, values, q.WRITABLE));
}

export async function deleteIncubation(ctx: ServiceContext, id: number, version: number | undefined): Promise<void> {
  await deleteVersioned(ctx.db, TARGET, id, version);
}
