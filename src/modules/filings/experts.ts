import type { z } from 'zod';
import type { expert, expertCreate, expertPatch } from '../../contracts/workflows.js';
import type { FieldProblem } from '../../contracts/common.js';
import type { AuditActor } from '../audit/trail.js';
import { conflict, validationFailed } from '../shared/errors.js';
import { iso } from '../shared/records.js';
import { write } from '../shared/write.js';
import type { FilingsContext } from './context.js';
import * as q from './queries.js';

/** The expert pool (专家库): which expert accounts review, in which fields, where they work and whom they must not review. */

const EXPERT = { zh: '专家', en: 'Expert' };
type Expert = z.output<typeof expert>;

function present(r: q.ExpertRow): Expert {
  return {
    id: r.id,
    user_id: r.user_id,
    username: r.username,
    display_name: r.display_name,
    fields: r.fields,
    organization_id: r.organization_id,
    organization_name: r.organization_name,
    conflicts: r.conflicts,
    active: r.active,
    created_at: iso(r.created_at),
    updated_at: iso(r.updated_at),
    version: r.version,
  };
}

export async function listExperts(ctx: FilingsContext): Promise<{ results: Expert[] }> {
  return { results: (await q.listExperts(ctx.db)).map(present) };
}

/** Accounts that could join the pool: active, with the expert role, not in it yet (officers may not list users otherwise). */
export async function expertCandidates(ctx: FilingsContext) {
  return { results: await q.expertCandidates(ctx.db) };
}

async function problemsOf(ctx: FilingsContext, input: { fields?: string[] | undefined; organization_id?: number | null | undefined; conflicts?: number[] | undefined }): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  (input.fields ?? []).forEach((f, i) => {
    if (!(f in ctx.workflows.expertiseFields)) problems.push({ field: `fields.${i}`, code: 'field.unknown', message: { zh: `没有“${f}”这一专业领域`, en: `There is no field of expertise "${f}"` }, params: { value: f } });
  });
  const orgs = [...(input.organization_id ? [input.organization_id] : []), ...(input.conflicts ?? [])];
  if (orgs.length) {
    const found = await q.existingOrganizations(ctx.db, orgs);
    if (input.organization_id && !found.has(input.organization_id)) problems.push({ field: 'organization_id', code: 'organization.not_found', message: { zh: `主体 ${input.organization_id} 不存在`, en: `Organization ${input.organization_id} does not exist` } });
    (input.conflicts ?? []).forEach((id, i) => {
      if (!found.has(id)) problems.push({ field: `conflicts.${i}`, code: 'organization.not_found', message: { zh: `主体 ${id} 不存在`, en: `Organization ${id} does not exist` } });
    });
  }
  return problems;
}

export async function createExpert(ctx: FilingsContext, actor: AuditActor, input: z.output<typeof expertCreate>): Promise<Expert> {
  const problems = await problemsOf(ctx, input);
  const role = await q.userRole(ctx.db, input.user_id);
  if (role === undefined) problems.push({ field: 'user_id', code: 'user.not_found', message: { zh: `用户 ${input.user_id} 不存在`, en: `User ${input.user_id} does not exist` } });
  else if (role !== 'expert') problems.push({ field: 'user_id', code: 'expert.role', message: { zh: '只有“评审专家”角色的账号可以加入专家库', en: 'Only accounts with the expert role join the pool' } });
  if (problems.length) throw validationFailed(problems);
  if (await q.findExpert(ctx.db, { userId: input.user_id })) throw conflict({ field: 'user_id', code: 'expert.exists', message: { zh: '该用户已在专家库中', en: 'This user is in the pool already' } });
  return write(ctx, actor, { action: 'create', entity: 'experts' }, async ({ db }) => {
    const id = await q.insertExpert(db, { user_id: input.user_id, fields: [...new Set(input.fields)], organization_id: input.organization_id ?? null, conflicts: [...new Set(input.conflicts ?? [])], active: input.active ?? true });
    const created = present((await q.findExpert(db, { id }))!);
    return { result: created, recordId: id, after: created };
  });
}

export async function updateExpert(ctx: FilingsContext, actor: AuditActor, id: number, version: number, patch: z.output<typeof expertPatch>): Promise<Expert> {
  const problems = await problemsOf(ctx, patch);
  if (problems.length) throw validationFailed(problems);
  const record = { id, noun: EXPERT, lock: q.lockExpert, expectedVersion: () => version };
  return write(ctx, actor, { action: 'update', entity: 'experts', record }, async ({ db }, before: q.ExpertRow) => {
    const { version: _, ...fields } = patch;
    const changes = Object.fromEntries(Object.entries({ ...fields, ...(fields.fields ? { fields: [...new Set(fields.fields)] } : {}), ...(fields.conflicts ? { conflicts: [...new Set(fields.conflicts)] } : {}) }).filter(([, v]) => v !== undefined));
    await q.updateExpert(db, id, before.version, changes);
    const after = present((await q.findExpert(db, { id }))!);
    return { result: after, before: present(before), after };
  });
}
