import type { ListQuery } from '../../contracts/common.js';
import type { Organization, OrganizationCreate, OrganizationPatch } from '../../contracts/organizations.js';
import type { ListPage } from '../../db/list/sql.js';
import { checkOrganizationFields } from '../../domain/recordRules.js';
import { normalizeIndustryCode } from '../../domain/industryCode.js';
import { normalizeUscc, validateUscc } from '../../domain/uscc.js';
import type { RecordScope } from '../../domain/permissions.js';
import type { ServiceContext } from '../shared/context.js';
import { listRecords } from '../shared/listRecords.js';
import { organizationRowScope } from '../shared/recordScopes.js';
import { conflict, notFound, validationFailed } from '../shared/errors.js';
import { deleteVersioned, iso, updateVersioned } from '../shared/records.js';
import * as q from './queries.js';

export const ORGANIZATION = { zh: '主体', en: 'Organization' };
const TARGET = { table: 'organizations', columns: q.COLUMNS, entity: ORGANIZATION };

/** Shapes a stored row for the API; warnings are derived, never stored. */
export function presentOrganization(row: q.OrganizationRow): Organization {
  return {
    id: row.id,
    uscc: row.uscc,
    uscc_override_reason: row.uscc_override_reason,
    uscc_warnings: validateUscc(row.uscc, { allowChecksumOverride: row.uscc_override_reason !== null }).warnings,
    name: row.name,
    name_en: row.name_en,
    kind: row.kind as Organization['kind'],
    industry_code: row.industry_code,
    district_code: row.district_code,
    zone: row.zone,
    founded_on: row.founded_on,
    address: row.address,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

export async function listOrganizations(ctx: ServiceContext, query: ListQuery): Promise<ListPage<Organization>> {
  const spec = q.organizationListSpec(ctx.city);
  return listRecords(ctx.db, spec, query, presentOrganization);
}

/** A record may only point at an organization that exists; otherwise the field is named. */
export async function assertOrganizationExists(ctx: Pick<ServiceContext, 'db'>, id: number, field: string): Promise<void> {
  if (!(await q.findById(ctx.db, id)))
    throw validationFailed([
      { field, code: 'reference.not_found', message: { zh: `编号为 ${id} 的主体不存在`, en: `Organization ${id} does not exist` }, params: { id } },
    ]);
}

/** Whose an organization is and where it lies (the record-level check); undefined when there is none. */
export async function organizationPlace(ctx: Pick<ServiceContext, 'db'>, id: number): Promise<RecordScope | undefined> {
  const row = await q.findById(ctx.db, id);
  return row && organizationRowScope(row);
}

export async function getOrganization(ctx: ServiceContext, id: number): Promise<Organization> {
  const row = await q.findById(ctx.db, id);
  if (!row) throw notFound(ORGANIZATION, id);
  return presentOrganization(row);
}

function checkRules(ctx: ServiceContext, input: Record<string, unknown>): void {
  const problems = checkOrganizationFields(ctx.city, input, ctx.clock.today());
  if (problems.length) throw validationFailed(problems);
}

async function assertUsccFree(ctx: ServiceContext, uscc: string, selfId?: number): Promise<void> {
  const other = await q.findByUscc(ctx.db, uscc);
  if (other && other.id !== selfId)
    throw conflict({
      field: 'uscc',
      code: 'uscc.duplicate',
      message: { zh: `该统一社会信用代码已登记为“${other.name}”（编号 ${other.id}）`, en: `This credit code is already registered as "${other.name}" (id ${other.id})` },
      params: { existing_id: other.id },
    });
}

/** Blank optional texts are stored as absent, not as empty strings. */
function normalize<T extends Partial<OrganizationCreate>>(input: T): T {
  const out: Record<string, unknown> = { ...input };
  if (typeof out.uscc === 'string') out.uscc = normalizeUscc(out.uscc);
  if (typeof out.industry_code === 'string') out.industry_code = normalizeIndustryCode(out.industry_code);
  for (const k of ['uscc_override_reason', 'name_en', 'address', 'zone', 'district_code', 'industry_code'] as const) if (out[k] === '') out[k] = null;
  return out as T;
}

export async function createOrganization(ctx: ServiceContext, input: OrganizationCreate): Promise<Organization> {
  const values = normalize(input);
  checkRules(ctx, values);
  await assertUsccFree(ctx, values.uscc);
  return presentOrganization(await q.insert(ctx.db, values));
}

/** `current` is the row as the caller already read it (locked, in the caller's transaction); else it is read here. */
export async function updateOrganization(ctx: ServiceContext, id: number, version: number, patch: OrganizationPatch, current?: q.OrganizationRow): Promise<Organization> {
  const { version: _, ...changes } = normalize(patch);
  current ??= await q.findById(ctx.db, id);
  if (!current) throw notFound(ORGANIZATION, id);
  // The override reason decides how the code is checked, so the two are always checked together.
  const touched = changes.uscc !== undefined || changes.uscc_override_reason !== undefined;
  checkRules(ctx, touched ? { ...changes, uscc: changes.uscc ?? current.uscc, uscc_override_reason: changes.uscc_override_reason === undefined ? current.uscc_override_reason : changes.uscc_override_reason } : changes);
  if (changes.uscc !== undefined) await assertUsccFree(ctx, changes.uscc, id);
  return presentOrganization(await updateVersioned<q.OrganizationRow>(ctx.db, TARGET, id, version, changes, q.WRITABLE));
}

export async function deleteOrganization(ctx: ServiceContext, id: number, version: number | undefined): Promise<void> {
  const deps = await q.countDependents(ctx.db, id);
  const total = deps.qualifications + deps.rd_institutions + deps.platforms;
  if (total > 0)
    throw conflict({
      field: 'id',
      code: 'organization.has_dependents',
      message: {
        zh: `该主体仍有 ${deps.qualifications} 项资质、${deps.rd_institutions} 个研发机构、${deps.platforms} 个创新平台，请先删除或转移`,
        en: `The organization still has ${deps.qualifications} qualifications, ${deps.rd_institutions} R&D institutions and ${deps.platforms} platforms; delete or move them first`,
      },
      params: deps,
    });
  await deleteVersioned(ctx.db, TARGET, id, version);
}
