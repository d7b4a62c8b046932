import type { ListQuery } from '../../contracts/common.js';
import type { Qualification, QualificationCreate, QualificationPatch } from '../../contracts/qualifications.js';
import type { ListPage } from '../../db/list/sql.js';
import { checkQualificationFields } from '../../domain/recordRules.js';
import type { ServiceContext } from '../shared/context.js';
import { listRecords } from '../shared/listRecords.js';
import { conflict, notFound, validationFailed } from '../shared/errors.js';
import { deleteVersioned, iso, updateVersioned } from '../shared/records.js';
import { assertOrganizationExists } from '../organizations/service.js';
import * as q from './queries.js';

export const QUALIFICATION = { zh: '资质', en: 'Qualification' };
const TARGET = { table: 'qualifications', columns: q.COLUMNS, joins: q.JOINS, entity: QUALIFICATION };

export function presentQualification(row: q.QualificationRow): Qualification {
  return {
    id: row.id,
    organization_id: row.organization_id,
    organization_name: row.organization_name,
    organization_district_code: row.organization_district_code,
    organization_zone: row.organization_zone,
    qualification: row.qualification as Qualification['qualification'],
    certificate_no: row.certificate_no,
    valid_from: row.valid_from,
    valid_to: row.valid_to,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

export async function listQualifications(ctx: ServiceContext, query: ListQuery): Promise<ListPage<Qualification>> {
  const spec = q.qualificationListSpec(ctx.city);
  return listRecords(ctx.db, spec, query, presentQualification);
}

export async function getQualification(ctx: ServiceContext, id: number): Promise<Qualification> {
  const row = await q.findById(ctx.db, id);
  if (!row) throw notFound(QUALIFICATION, id);
  return presentQualification(row);
}

/** One organization holds a qualification once per start of validity (the natural key). */
async function assertKeyFree(ctx: ServiceContext, v: { organization_id: number; qualification: string; valid_from: string }, selfId?: number) {
  const other = await q.findByNaturalKey(ctx.db, v.organization_id, v.qualification, v.valid_from);
  if (other && other.id !== selfId)
    throw conflict({
      field: 'valid_from',
      code: 'qualification.duplicate',
      message: { zh: `该主体已登记同一资质同一起始日期（编号 ${other.id}）`, en: `The organization already holds this qualification from this date (id ${other.id})` },
      params: { existing_id: other.id },
    });
}

export async function createQualification(ctx: ServiceContext, input: QualificationCreate): Promise<Qualification> {
  const problems = checkQualificationFields(input);
  if (problems.length) throw validationFailed(problems);
  await assertOrganizationExists(ctx, input.organization_id, 'organization_id');
  await assertKeyFree(ctx, input);
  return getQualification(ctx, await q.insert(ctx.db, input));
}

/** `current` is the row as the caller already read it (locked, in the caller's transaction); else it is read here. */
export async function updateQualification(ctx: ServiceContext, id: number, version: number, patch: QualificationPatch, current?: q.QualificationRow): Promise<Qualification> {
  const { version: _, ...changes } = patch;
  current ??= await q.findById(ctx.db, id);
  if (!current) throw notFound(QUALIFICATION, id);
  const merged = { ...current, ...changes };
  // The validity range spans two fields: check it on the merged record.
  const problems = checkQualificationFields({ valid_from: merged.valid_from, valid_to: merged.valid_to });
  if (problems.length) throw validationFailed(problems);
  if (changes.organization_id !== undefined) await assertOrganizationExists(ctx, changes.organization_id, 'organization_id');
  await assertKeyFree(ctx, merged, id);
  return presentQualification(await updateVersioned<q.QualificationRow>(ctx.db, TARGET, id, version, changes, q.WRITABLE));
}

export async function deleteQualification(ctx: ServiceContext, id: number, version: number | undefined): Promise<void> {
  await deleteVersioned(ctx.db, TARGET, id, version);
}
