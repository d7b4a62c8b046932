import { randomBytes } from 'node:crypto';
import type { ApplicationView } from '../../contracts/workflows.js';
import type { FilingType } from '../../domain/workflow/definition.js';
import { drawExperts } from '../../domain/workflow/expertDraw.js';
import { periodEnded } from '../../domain/workflow/workingDays.js';
import { scoreProblems, totalScore } from '../../domain/workflow/reviewScores.js';
import type { Queryable } from '../../db/client.js';
import type { AuditActor } from '../audit/trail.js';
import type { ServiceContext } from '../shared/context.js';
import { notFound, validationFailed } from '../shared/errors.js';
import { anonymousPrincipal, type Principal } from '../shared/principal.js';
import type { FilingsContext } from './context.js';
import { partiesOf } from './parties.js';
import * as q from './queries.js';
import { APPLICATION, applicationRecord, filingTypeOf, viewApplication, workflowConflict } from './service.js';
import { write } from '../shared/write.js';

/**
 * Steps inside a state, which do not move the application: drawing experts, scoring, objections
 * to a public notice and their resolution, annual evaluations. Each is on the timeline and in the
 * audit log.
 */

type Party = 'applicant' | 'officer' | 'expert';

/** Through the one write path: the application locked, the caller's part and the state checked, `work` run, the event recorded, the audit entry last. */
async function step(
  ctx: FilingsContext,
  principal: Principal,
  actor: AuditActor,
  id: number,
  need: { party: Party | null; states: readonly string[]; kind: string },
  work: (tx: ServiceContext, app: q.ApplicationRow, now: Date) => Promise<{ details?: unknown; comment?: string | null; audit: unknown }>,
): Promise<void> {
  const now = ctx.clock.now();
  const allowed = async (app: q.ApplicationRow, db: Queryable) => {
    if (need.party) {
      const parties = await partiesOf(db, principal, app, await q.latestDraw(db, id));
      if (parties.length === 1) throw notFound(APPLICATION, id);
      if (!parties.includes(need.party)) throw workflowConflict('workflow.party', partyNeeded[need.party]);
    }
    if (!need.states.includes(app.state)) {
      const { path } = filingTypeOf(ctx, app.filing_type);
      const label = path.states.find((s) => s.code === app.state)?.label ?? { zh: app.state, en: app.state };
      throw workflowConflict('workflow.state', { zh: `申请处于“${label.zh}”状态，不能进行此操作`, en: `Not possible while the application is ${label.en.toLowerCase()}` }, { state: app.state });
    }
  };
  await write(ctx, actor, { action: need.kind, entity: 'applications', record: applicationRecord(id, allowed) }, async (tx, app: q.ApplicationRow) => {
    const done = await work(tx, app, now);
    await q.insertEvent(tx.db, { applicationId: id, at: now, userId: principal.userId, username: principal.username, kind: need.kind, comment: done.comment ?? null, details: done.details });
    return { result: null, after: done.audit };
  });
}

const partyNeeded: Record<Party, { zh: string; en: string }> = {
  applicant: { zh: '只有申请单位可以进行此操作', en: 'Only the applicant may do this' },
  officer: { zh: '只有负责的审核员可以进行此操作', en: 'Only an officer in charge may do this' },
  expert: { zh: '只有抽中的评审专家可以评分', en: 'Only an expert drawn for this application may score it' },
};

/** The type's expert review; a type without one (a contract registration) has no experts to draw or scores to take. */
function reviewOf(ctx: FilingsContext, app: q.ApplicationRow): NonNullable<FilingType['review']> {
  const { type } = filingTypeOf(ctx, app.filing_type);
  if (type.review) return type.review;
  throw workflowConflict('workflow.no_review', { zh: `“${type.name.zh}”没有专家评审`, en: `${type.name.en} has no expert review` });
}

/** Draws the reviewers at random from the pool (seed recorded, so the draw can be replayed). */
export async function drawForApplication(ctx: FilingsContext, principal: Principal, actor: AuditActor, id: number, count: number | undefined): Promise<ApplicationView> {
  await step(ctx, principal, actor, id, { party: 'officer', states: ['formal_check'], kind: 'experts_drawn' }, async ({ db: tx }, app, now) => {
    const review = reviewOf(ctx, app);
    const requested = count ?? review.experts;
    if (requested < review.experts)
      throw validationFailed([{ field: 'count', code: 'draw.too_few', message: { zh: `本类申请至少需要 ${review.experts} 位评审专家`, en: `This filing type needs at least ${review.experts} reviewers` }, params: { min: review.experts } }]);
    const pool = await q.listExperts(tx);
    const poolFacts = pool.map((e) => ({ id: e.id, active: e.active, fields: e.fields, organizationId: e.organization_id, conflicts: e.conflicts }));
    const seed = randomBytes(16).toString('hex');
    const draw = drawExperts(poolFacts, app.field ?? '', app.organization_id, requested, seed);
    if (draw.drawn.length < requested)
      throw workflowConflict(
        'draw.not_enough_experts',
        { zh: `专家库中符合领域且无需回避的专家只有 ${draw.eligible.length} 位，少于所需的 ${requested} 位`, en: `Only ${draw.eligible.length} experts in the pool match the field without a conflict of interest; ${requested} are needed` },
        { eligible: draw.eligible.length, requested },
      );
    await q.insertDraw(tx, { applicationId: id, seed, field: app.field ?? '', requested, pool: poolFacts, eligible: draw.eligible, excluded: draw.excluded, drawn: draw.drawn, drawnBy: principal.userId, at: now });
    return { details: { seed, drawn: draw.drawn }, audit: { seed, field: app.field, requested, drawn: draw.drawn, excluded: draw.excluded } };
  });
  return viewApplication(ctx, principal, id);
}

/** A drawn expert scores every criterion; scoring again replaces the earlier scores until the review closes. */
export async function submitReview(ctx: FilingsContext, principal: Principal, actor: AuditActor, id: number, body: { scores: Record<string, number>; comment: string }): Promise<ApplicationView> {
  await step(ctx, principal, actor, id, { party: 'expert', states: ['expert_review'], kind: 'review_submitted' }, async ({ db: tx }, app, now) => {
    const problems = scoreProblems(reviewOf(ctx, app).criteria, body.scores);
    if (problems.length) throw validationFailed(problems.map(({ field, ...v }) => ({ field, ...v })));
    const expert = (await q.findExpert(tx, { userId: principal.userId! }))!;
    const total = totalScore(body.scores);
    await q.upsertReview(tx, { applicationId: id, expertId: expert.id, scores: body.scores, total, comment: body.comment, at: now });
    // The timeline says an expert scored, not who or how: reviews stay with the officers.
    return { audit: { expert_id: expert.id, scores: body.scores, total, comment: body.comment } };
  });
  return viewApplication(ctx, principal, id);
}

/** Anyone may object during a notice's days (异议); the name and contact stay with the officers. */
export async function lodgeObjection(ctx: FilingsContext, actor: AuditActor, id: number, body: { name: string; contact: string; text: string }): Promise<{ id: number }> {
  let objectionId = 0;
  await step(ctx, anonymousPrincipal, actor, id, { party: null, states: ['public_notice'], kind: 'objection_lodged' }, async ({ db: tx }, app, now) => {
    if (app.notice_to && periodEnded(app.notice_to, ctx.clock.today())) throw workflowConflict('notice.closed', { zh: '公示期已结束，不再受理异议', en: 'The notice period is over: objections are no longer accepted' });
    objectionId = await q.insertObjection(tx, { applicationId: id, at: now, name: body.name, contact: body.contact, text: body.text });
    return { details: { objection_id: objectionId }, audit: { objection_id: objectionId, ...body } };
  });
  return { id: objectionId };
}

export async function resolveObjection(ctx: FilingsContext, principal: Principal, actor: AuditActor, id: number, objectionId: number, body: { upheld: boolean; resolution: string }): Promise<ApplicationView> {
  await step(ctx, principal, actor, id, { party: 'officer', states: ['public_notice'], kind: 'objection_resolved' }, async ({ db: tx }, _app, now) => {
    if (!(await q.resolveObjection(tx, { applicationId: id, id: objectionId, upheld: body.upheld, resolution: body.resolution, by: principal.userId, at: now })))
      throw workflowConflict('objection.not_open', { zh: `异议 ${objectionId} 不存在或已处理`, en: `Objection ${objectionId} does not exist or was resolved already` });
    return { comment: body.resolution, details: { objection_id: objectionId, upheld: body.upheld }, audit: { objection_id: objectionId, ...body } };
  });
  return viewApplication(ctx, principal, id);
}

/** The annual evaluation of a filed platform or institution (年度评价); an "unqualified" one allows revocation. */
export async function evaluate(ctx: FilingsContext, principal: Principal, actor: AuditActor, id: number, body: { year: number; result: string; comment?: string | undefined }): Promise<ApplicationView> {
  await step(ctx, principal, actor, id, { party: 'officer', states: ['filed'], kind: 'evaluated' }, async ({ db: tx }, _app, now) => {
    if (!(await q.insertEvaluation(tx, { applicationId: id, year: body.year, result: body.result, comment: body.comment?.trim() || null, by: principal.userId, at: now })))
      throw workflowConflict('evaluation.exists', { zh: `${body.year} 年度已评价`, en: `${body.year} has been evaluated already` }, { year: body.year });
    return { comment: body.comment ?? null, details: { year: body.year, result: body.result }, audit: body };
  });
  return viewApplication(ctx, principal, id);
}

/** The notices running now (公示), for everyone: what is to be filed, for whom, until when. */
export async function currentNotices(ctx: FilingsContext) {
  const today = ctx.clock.today();
  const rows = await q.currentNotices(ctx.db);
  return {
    results: rows.map((app) => ({
      application_id: app.id,
      filing_type_name: filingTypeOf(ctx, app.filing_type).type.name,
      organization_name: app.organization_name,
      subject: app.subject ?? app.organization_name,
      notice_from: app.notice_from!,
      notice_to: app.notice_to!,
      objections_open: !periodEnded(app.notice_to!, today),
    })),
  };
}

