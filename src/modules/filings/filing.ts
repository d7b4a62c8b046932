import { fourGlobalFeatureCodes, type FourGlobalFeature } from '../../domain/fourGlobal.js';
import type { FilingSubject, FilingType } from '../../domain/workflow/definition.js';
import type { ServiceContext } from '../shared/context.js';
import { auditNested } from '../shared/write.js';
import { createPlatform, getPlatform, updatePlatform } from '../platforms/service.js';
import { createRdInstitution, getRdInstitution, updateRdInstitution } from '../rdInstitutions/service.js';
import type { ContractStatus } from '../../domain/techContract.js';
import { followRegistration } from '../techContracts/service.js';
import type { ApplicationRow } from './queries.js';

/**
 * What filing writes to the registry (备案入库), in the transaction that closes the application,
 * through the registry's own services (so the same rules hold) and into the audit log as a write
 * of its own (`auditNested`: appended by the transition's `write`, just before its entry). Revoking undoes what filing meant: a platform is marked revoked, a recognized
 * institution loses its category, confirmed "four global" features lose their confirmation.
 */

export interface Filed {
  entity: 'platforms' | 'rd_institutions' | 'tech_contracts';
  id: number;
}

/**
 * What a transition to `to` writes to the registry: filing and revoking, or — for a subject that
 * follows its application (a contract under registration) — its status for the new state. The
 * record written, if the application should name it.
 */
export async function writeSubject(ctx: ServiceContext, type: FilingType, app: ApplicationRow, to: string, today: string, reasonCode: string | null): Promise<Filed | undefined> {
  const s = type.subject;
  if (s.kind === 'tech_contract') {
    const status = s.contractStatus[to] as ContractStatus;
    const { before, after } = await followRegistration(ctx, app.tech_contract_id!, status, reasonCode);
    if (before.status !== after.status) auditNested(ctx, { action: 'update', entity: 'tech_contracts', recordId: after.id, before, after });
    return status === 'registered' ? { entity: 'tech_contracts', id: after.id } : undefined;
  }
  if (to === 'filed') return fileRecord(ctx, s, app, today);
  if (to === 'revoked') await revokeRecord(ctx, s, app);
  return undefined;
}

type RecordSubject = Exclude<FilingSubject, { kind: 'tech_contract' }>;

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

async function fileRecord(ctx: ServiceContext, s: RecordSubject, app: ApplicationRow, today: string): Promise<Filed> {
  const { city } = ctx;
  const d = app.data;
  if (s.kind === 'platform') {
    const created = await createPlatform(ctx, {
      host_org_id: app.organization_id,
      name: text(d.name)!,
      name_en: text(d.name_en),
      type: s.platformType as never,
      level: s.level as never,
      recognized_on: today,
      authority: `${city.name.zh}科学技术局`,
      status: 'active',
      district_code: text(d.district_code)!,
      zone: text(d.zone),
    });
    auditNested(ctx, { action: 'create', entity: 'platforms', recordId: created.id, after: created });
    return { entity: 'platforms', id: created.id };
  }
  if (s.kind === 'rd_institution') {
    const created = await createRdInstitution(ctx, {
      host_org_id: app.organization_id,
      name: text(d.name)!,
      name_en: text(d.name_en),
      category: s.category as never,
      level: s.level as never,
      established_on: text(d.established_on),
      district_code: text(d.district_code)!,
      zone: text(d.zone),
    });
    auditNested(ctx, { action: 'create', entity: 'rd_institutions', recordId: created.id, after: created });
    return { entity: 'rd_institutions', id: created.id };
  }
  const id = app.rd_institution_id!;
  const before = await getRdInstitution(ctx, id);
  const claims = Object.fromEntries(
    claimedFeatures(d).map((f) => [f, { evidence: text(d[`${f}_evidence`]) ?? before.four_global[f].evidence, confirmed_on: today }]),
  );
  const after = await updateRdInstitution(ctx, id, before.version, { four_global: claims });
  auditNested(ctx, { action: 'update', entity: 'rd_institutions', recordId: id, before, after });
  return { entity: 'rd_institutions', id };
}

export const claimedFeatures = (d: ApplicationRow['data']): FourGlobalFeature[] => fourGlobalFeatureCodes.filter((f) => d[`${f}_claimed`] === true);

async function revokeRecord(ctx: ServiceContext, subject: RecordSubject, app: ApplicationRow): Promise<void> {
  const id = app.filed_record_id!;
  if (app.filed_entity === 'platforms') {
    const before = await getPlatform(ctx, id);
    const after = await updatePlatform(ctx, id, before.version, { status: 'revoked' });
    auditNested(ctx, { action: 'update', entity: 'platforms', recordId: id, before, after });
    return;
  }
  const before = await getRdInstitution(ctx, id);
  const patch =
    subject.kind === 'four_global'
      ? { four_global: Object.fromEntries(claimedFeatures(app.data).map((f) => [f, { evidence: before.four_global[f].evidence, confirmed_on: null }])) }
      : { category: 'other' as const };
  const after = await updateRdInstitution(ctx, id, before.version, patch);
  auditNested(ctx, { action: 'update', entity: 'rd_institutions', recordId: id, before, after });
}
