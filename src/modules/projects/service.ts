import type { Project, ProjectCreate, ProjectPatch } from '../../contracts/achievements.js';
import type { ListQuery } from '../../contracts/common.js';
import type { ListPage } from '../../db/list/sql.js';
import { checkProjectFields, type ProjectStatus } from '../../domain/achievement.js';
import { achievementCodes } from '../achievements/codes.js';
import { assertReadable, missingOrganizations, missingReferences, placeOf, visibleSql } from '../achievements/service.js';
import type { ServiceContext } from '../shared/context.js';
import { listRecords } from '../shared/listRecords.js';
import { notFound, validationFailed } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { assertKeyFree } from '../shared/uniqueKeys.js';
import { deleteVersioned, iso, updateVersioned } from '../shared/records.js';
import * as q from './queries.js';

export const PROJECT = { zh: '攻关项目', en: 'Project' };
const TARGET = { table: 'projects', columns: q.COLUMNS, joins: q.JOINS, entity: PROJECT };

/** A project is its lead organization's and lies where its district and zone say. */
export const projectRowScope = (row: { lead_org_id: number; district_code: string | null; zone: string | null }) => ({ organizationId: row.lead_org_id, districtCode: row.district_code, zone: row.zone });
const owned = (row: q.ProjectRow) => ({ ...row, owner_org_id: row.lead_org_id });

export function presentProject(row: q.ProjectRow): Project {
  return {
    id: row.id,
    title: row.title,
    lead_org_id: row.lead_org_id,
    lead_name: row.lead_name,
    partner_org_ids: row.partner_org_ids,
    programme: row.programme,
    programme_name: achievementCodes().programmes[row.programme] ?? { zh: row.programme, en: row.programme },
    budget: row.budget,
    start_on: row.start_on,
    end_on: row.end_on,
    status: row.status as ProjectStatus,
    rd_institution_id: row.rd_institution_id,
    platform_id: row.platform_id,
    host_name: row.host_name,
    district_code: row.district_code,
    zone: row.zone,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

export async function listProjects(ctx: ServiceContext, query: ListQuery, principal: Principal): Promise<ListPage<Project>> {
  const spec = q.projectListSpec(ctx.city, achievementCodes(), visibleSql(ctx, principal, 'lead_org_id'));
  return listRecords(ctx.db, spec, query, presentProject);
}

export async function getProject(ctx: ServiceContext, id: number, principal?: Principal): Promise<Project> {
  const row = await q.findById(ctx.db, id);
  return presentProject(assertReadable(row && owned(row), principal, PROJECT, id));
}

type Stored = Required<Omit<ProjectCreate, 'partner_org_ids'>> & { partner_org_ids: number[] };

const storedOf = (row: q.ProjectRow): Stored => ({
  title: row.title,
  lead_org_id: row.lead_org_id,
  partner_org_ids: row.partner_org_ids,
  programme: row.programme,
  budget: row.budget,
  start_on: row.start_on,
  end_on: row.end_on,
  status: row.status as ProjectStatus,
  rd_institution_id: row.rd_institution_id,
  platform_id: row.platform_id,
  district_code: row.district_code,
  zone: row.zone,
});

async function settle(ctx: ServiceContext, record: Stored, given: Partial<Stored>, current?: q.ProjectRow): Promise<q.ProjectValues> {
  const place = await placeOf(ctx, record.lead_org_id, given, current && { orgId: current.lead_org_id, district_code: current.district_code, zone: current.zone });
  const problems = [
    ...checkProjectFields(achievementCodes(), ctx.city, { ...record, ...place }, ctx.clock.today()),
    ...(given.lead_org_id === undefined ? [] : await missingOrganizations(ctx, 'lead_org_id', [record.lead_org_id])),
    ...(await missingOrganizations(ctx, 'partner_org_ids', given.partner_org_ids ?? [])),
    ...(await missingReferences(ctx, given)),
  ];
  if (problems.length) throw validationFailed(problems);
  assertKeyFree('projects', await q.findByKey(ctx.db, record.lead_org_id, record.title), current?.id);
  const { partner_org_ids: _p, ...values } = record;
  return { ...values, ...place };
}

export async function createProject(ctx: ServiceContext, input: ProjectCreate): Promise<Project> {
  const record = { partner_org_ids: [], rd_institution_id: null, platform_id: null, district_code: null, zone: null, ...input } as Stored;
  const id = await q.insert(ctx.db, await settle(ctx, record, input as Partial<Stored>));
  await q.replacePartners(ctx.db, id, record.partner_org_ids);
  return getProject(ctx, id);
}

export async function updateProject(ctx: ServiceContext, id: number, version: number, patch: ProjectPatch, current?: q.ProjectRow): Promise<Project> {
  const { version: _, ...changes } = patch;
  current ??= await q.findById(ctx.db, id);
  if (!current) throw notFound(PROJECT, id);
  const values = await settle(ctx, { ...storedOf(current), ...changes } as Stored, changes as Partial<Stored>, current);
  if (changes.partner_org_ids) await q.replacePartners(ctx.db, id, changes.partner_org_ids);
  return presentProject(await updateVersioned<q.ProjectRow>(ctx.db, TARGET, id, version, values, q.WRITABLE));
}

export async function deleteProject(ctx: ServiceContext, id: number, version: number | undefined): Promise<void> {
  await deleteVersioned(ctx.db, TARGET, id, version);
}
