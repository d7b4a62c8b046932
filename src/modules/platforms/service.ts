import type { ListQuery } from '../../contracts/common.js';
import type { Platform, PlatformCreate, PlatformPatch } from '../../contracts/platforms.js';
import type { ListPage } from '../../db/list/sql.js';
import { checkPlatformFields } from '../../domain/recordRules.js';
import type { ServiceContext } from '../shared/context.js';
import { listRecords } from '../shared/listRecords.js';
import { notFound, validationFailed } from '../shared/errors.js';
import { deleteVersioned, iso, updateVersioned } from '../shared/records.js';
import { assertOrganizationExists } from '../organizations/service.js';
import { assertNameFreeUnderHost } from '../shared/references.js';
import * as q from './queries.js';

export const PLATFORM = { zh: '创新平台', en: 'Innovation platform' };
const TARGET = { table: 'platforms', columns: q.COLUMNS, joins: q.JOINS, entity: PLATFORM };

export function presentPlatform(row: q.PlatformRow): Platform {
  return {
    id: row.id,
    host_org_id: row.host_org_id,
    host_name: row.host_name,
    name: row.name,
    name_en: row.name_en,
    type: row.type as Platform['type'],
    level: row.level as Platform['level'],
    recognized_on: row.recognized_on,
    authority: row.authority,
    status: row.status as Platform['status'],
    district_code: row.district_code,
    zone: row.zone,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

export async function listPlatforms(ctx: ServiceContext, query: ListQuery): Promise<ListPage<Platform>> {
  const spec = q.platformListSpec(ctx.city);
  return listRecords(ctx.db, spec, query, presentPlatform);
}

export async function getPlatform(ctx: ServiceContext, id: number): Promise<Platform> {
  const row = await q.findById(ctx.db, id);
  if (!row) throw notFound(PLATFORM, id);
  return presentPlatform(row);
}

function checkRules(ctx: ServiceContext, input: Partial<PlatformCreate>) {
  const problems = checkPlatformFields(ctx.city, input, ctx.clock.today());
  if (problems.length) throw validationFailed(problems);
}

const blankToNull = <T extends Partial<PlatformCreate>>(v: T): T => ({ ...v, ...(v.zone === '' ? { zone: null } : {}) });

export async function createPlatform(ctx: ServiceContext, input: PlatformCreate): Promise<Platform> {
  checkRules(ctx, input);
  await assertOrganizationExists(ctx, input.host_org_id, 'host_org_id');
  assertNameFreeUnderHost(await q.findByHostAndName(ctx.db, input.host_org_id, input.name));
  return getPlatform(ctx, await q.insert(ctx.db, blankToNull(input)));
}

/** `current` is the row as the caller already read it (locked, in the caller's transaction); else it is read here. */
export async function updatePlatform(ctx: ServiceContext, id: number, version: number, patch: PlatformPatch, current?: q.PlatformRow): Promise<Platform> {
  const { version: _, ...changes } = patch;
  checkRules(ctx, changes);
  current ??= await q.findById(ctx.db, id);
  if (!current) throw notFound(PLATFORM, id);
  if (changes.host_org_id !== undefined) await assertOrganizationExists(ctx, changes.host_org_id, 'host_org_id');
  if (changes.host_org_id !== undefined || changes.name !== undefined)
    assertNameFreeUnderHost(await q.findByHostAndName(ctx.db, changes.host_org_id ?? current.host_org_id, changes.name ?? current.name), id);
  return presentPlatform(await updateVersioned<q.PlatformRow>(ctx.db, TARGET, id, version, blankToNull(changes), q.WRITABLE));
}

export async function deletePlatform(ctx: ServiceContext, id: number, version: number | undefined): Promise<void> {
  await deleteVersioned(ctx.db, TARGET, id, version);
}
