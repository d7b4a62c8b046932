import type { ListQuery } from '../../contracts/common.js';
import type { RdInstitution, RdInstitutionCreate, RdInstitutionPatch } from '../../contracts/rdInstitutions.js';
import type { ListPage } from '../../db/list/sql.js';
import { fourGlobalFeatureCodes } from '../../domain/fourGlobal.js';
import { checkRdInstitutionFields } from '../../domain/recordRules.js';
import type { ServiceContext } from '../shared/context.js';
import { listRecords } from '../shared/listRecords.js';
import { notFound, validationFailed } from '../shared/errors.js';
import { deleteVersioned, iso, updateVersioned } from '../shared/records.js';
import { assertOrganizationExists } from '../organizations/service.js';
import { assertNameFreeUnderHost } from '../shared/references.js';
import * as q from './queries.js';

export const RD_INSTITUTION = { zh: '研发机构', en: 'R&D institution' };
const TARGET = { table: 'rd_institutions', columns: q.COLUMNS, joins: q.JOINS, entity: RD_INSTITUTION };

export function presentRdInstitution(row: q.RdInstitutionRow): RdInstitution {
  const claim = (f: (typeof fourGlobalFeatureCodes)[number]) => ({ evidence: row[`${f}_evidence`], confirmed_on: row[`${f}_confirmed_on`] });
  return {
    id: row.id,
    host_org_id: row.host_org_id,
    host_name: row.host_name,
    name: row.name,
    name_en: row.name_en,
    category: row.category as RdInstitution['category'],
    level: row.level as RdInstitution['level'],
    established_on: row.established_on,
    district_code: row.district_code,
    zone: row.zone,
    four_global: { global_layout: claim('global_layout'), global_tasks: claim('global_tasks'), global_resources: claim('global_resources'), global_results: claim('global_results') },
    global_feature_count: row.global_feature_count,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

/** The nested "four global" claims map onto two columns per feature; a null claim clears both. */
function toColumns(input: Partial<RdInstitutionCreate>): Record<string, unknown> {
  const { four_global, ...rest } = input;
  const out: Record<string, unknown> = { ...rest };
  if (rest.zone === '') out.zone = null;
  for (const f of fourGlobalFeatureCodes) {
    const claim = four_global?.[f];
    if (claim === undefined) continue;
    if (claim === null || claim.evidence !== undefined) out[`${f}_evidence`] = claim?.evidence || null;
    if (claim === null || claim.confirmed_on !== undefined) out[`${f}_confirmed_on`] = claim?.confirmed_on ?? null;
  }
  return out;
}

/** A partial claim in a patch keeps the stored half, so the rule sees the claim as it will be. */
function mergeClaims(stored: RdInstitution['four_global'], patch: NonNullable<RdInstitutionPatch['four_global']>): NonNullable<RdInstitutionPatch['four_global']> {
  return Object.fromEntries(
    fourGlobalFeatureCodes.map((f) => {
      const p = patch[f];
      return [f, p === undefined ? undefined : p === null ? null : { ...stored[f], ...Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)) }];
    }),
  );
}

export async function listRdInstitutions(ctx: ServiceContext, query: ListQuery): Promise<ListPage<RdInstitution>> {
  const spec = q.rdInstitutionListSpec(ctx.city);
  return listRecords(ctx.db, spec, query, presentRdInstitution);
}

export async function getRdInstitution(ctx: ServiceContext, id: number): Promise<RdInstitution> {
  const row = await q.findById(ctx.db, id);
  if (!row) throw notFound(RD_INSTITUTION, id);
  return presentRdInstitution(row);
}

function checkRules(ctx: ServiceContext, input: Partial<RdInstitutionCreate>) {
  const problems = checkRdInstitutionFields(ctx.city, input, ctx.clock.today());
  if (problems.length) throw validationFailed(problems);
}

/** A new record has no stored claims: what a claim leaves out, it does not have. */
const NO_CLAIMS = Object.fromEntries(fourGlobalFeatureCodes.map((f) => [f, { evidence: null, confirmed_on: null }])) as RdInstitution['four_global'];

export async function createRdInstitution(ctx: ServiceContext, input: RdInstitutionCreate): Promise<RdInstitution> {
  checkRules(ctx, input.four_global ? { ...input, four_global: mergeClaims(NO_CLAIMS, input.four_global) } : input);
  await assertOrganizationExists(ctx, input.host_org_id, 'host_org_id');
  assertNameFreeUnderHost(await q.findByHostAndName(ctx.db, input.host_org_id, input.name));
  return getRdInstitution(ctx, await q.insert(ctx.db, toColumns(input)));
}

/** `current` is the row as the caller already read it (locked, in the caller's transaction); else it is read here. */
export async function updateRdInstitution(ctx: ServiceContext, id: number, version: number, patch: RdInstitutionPatch, current?: q.RdInstitutionRow): Promise<RdInstitution> {
  const { version: _, ...changes } = patch;
  current ??= await q.findById(ctx.db, id);
  if (!current) throw notFound(RD_INSTITUTION, id);
  checkRules(ctx, { ...changes, ...(changes.four_global ? { four_global: mergeClaims(presentRdInstitution(current).four_global, changes.four_global) } : {}) });
  if (changes.host_org_id !== undefined) await assertOrganizationExists(ctx, changes.host_org_id, 'host_org_id');
  if (changes.host_org_id !== undefined || changes.name !== undefined)
    assertNameFreeUnderHost(await q.findByHostAndName(ctx.db, changes.host_org_id ?? current.host_org_id, changes.name ?? current.name), id);
  return presentRdInstitution(await updateVersioned<q.RdInstitutionRow>(ctx.db, TARGET, id, version, toColumns(changes), q.WRITABLE));
}

export async function deleteRdInstitution(ctx: ServiceContext, id: number, version: number | undefined): Promise<void> {
  await deleteVersioned(ctx.db, TARGET, id, version);
}
