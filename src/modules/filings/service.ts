import type { ApplicationCreate, ApplicationPatch, ApplicationSummary, ApplicationView } from '../../contracts/workflows.js';
import type { Queryable } from '../../db/client.js';
import { belowMinimum, formProblems, type FormData } from '../../domain/workflow/applicationForm.js';
import type { FilingType, WorkflowPath, WorkflowState, WorkflowTransition } from '../../domain/workflow/definition.js';
import { exclusionLabels, type Exclusion } from '../../domain/workflow/expertDraw.js';
import { availableActions, fire, requirementMessages, stateOf } from '../../domain/workflow/engine.js';
import { workingDaysAfter } from '../../domain/workflow/workingDays.js';
import { addDays } from '../../domain/calendarDate.js';
import { can } from '../../domain/permissions.js';
import { lockTechContract } from '../techContracts/service.js';
import type { AuditActor } from '../audit/trail.js';
import { AppError, notFound, validationFailed } from '../shared/errors.js';
import { authorize, type Principal } from '../shared/principal.js';
import { organizationPlace } from '../organizations/service.js';
import { iso } from '../shared/records.js';
import { write, type RecordLock } from '../shared/write.js';
import type { FilingsContext } from './context.js';
import { writeSubject } from './filing.js';
import { currentReviews, evidenceOf, factsOf, outcomeOf, partiesOf } from './parties.js';
import * as q from './queries.js';

/** Filing applications (备案申请): create and edit a draft, read one, move it along its path. */

export const APPLICATION = { zh: '备案申请', en: 'Application' };

export function filingTypeOf(ctx: FilingsContext, code: string): { type: FilingType; path: WorkflowPath } {
  const type = ctx.workflows.types.get(code);
  if (!type) throw validationFailed([{ field: 'filing_type', code: 'filing_type.unknown', message: { zh: `没有“${code}”这一备案类型`, en: `There is no filing type "${code}"` }, params: { value: code } }]);
  return { type, path: ctx.workflows.paths.get(type.path)! };
}

/** A 409 that names what stands in the way, in both languages. */
export const workflowConflict = (code: string, message: { zh: string; en: string }, params?: Record<string, unknown>) =>
  new AppError('conflict', { zh: '当前状态下不能进行此操作', en: 'Not possible in the application’s current state' }, [{ field: 'action', code, message, ...(params ? { params } : {}) }]);

/** The field of expertise reviewers are drawn from: required by a type with expert review, a known one when given. */
function checkField(ctx: FilingsContext, field: string | undefined, type?: FilingType): void {
  if (field === undefined) {
    if (type?.review) throw validationFailed([{ field: 'field', code: 'field.required', message: { zh: '请选择专业领域', en: 'Choose the field of expertise' } }]);
    return;
  }
  if (!(field in ctx.workflows.expertiseFields))
    throw validationFailed([{ field: 'field', code: 'field.unknown', message: { zh: `没有“${field}”这一专业领域`, en: `There is no field of expertise "${field}"` }, params: { value: field } }]);
}

function checkForm(ctx: FilingsContext, type: FilingType, data: FormData): void {
  const problems = formProblems(type.form, data, ctx.city, { complete: false });
  if (problems.length) throw validationFailed(problems);
}

/**
 * A new application's starting values (fill once, reuse): what the applicant wrote in its latest
 * earlier application of the same type (about the same institution, for a "four global" one),
 * overlaid with what the registry knows now, which is the truth where the two differ.
 */
async function prefill(db: Queryable, type: FilingType, organizationId: number, institutionId: number | null): Promise<FormData> {
  const source = institutionId !== null ? 'rd_institutions' : 'organizations';
  const [stored, earlier] = await Promise.all([q.prefillSource(db, source, institutionId ?? organizationId), q.latestApplicationData(db, organizationId, type.code, institutionId)]);
  const row = stored ?? {};
  const data: Record<string, string | number | boolean | null> = {};
  const previous = earlier ?? {};
  for (const f of type.form) {
    const v = f.prefill ? row[f.prefill] : undefined;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') data[f.key] = v;
    else if (previous[f.key] !== undefined && previous[f.key] !== null) data[f.key] = previous[f.key]!;
  }
  return data;
}

/** Starts a draft for an organization the caller acts for (403 otherwise), where the applicant lies. */
export async function createApplication(ctx: FilingsContext, principal: Principal, actor: AuditActor, input: ApplicationCreate): Promise<ApplicationView> {
  if (ctx.workflows.types.get(input.filing_type)?.subject.kind === 'tech_contract') return createRegistration(ctx, principal, actor, input);
  const applicant = await organizationPlace(ctx, input.organization_id);
  authorize(principal, 'applications.write', applicant ?? { organizationId: input.organization_id, districtCode: null, zone: null });
  const { type, path } = filingTypeOf(ctx, input.filing_type);
  checkField(ctx, input.field, type);
  if (!applicant) throw validationFailed([{ field: 'organization_id', code: 'organization.not_found', message: { zh: `主体 ${input.organization_id} 不存在`, en: `Organization ${input.organization_id} does not exist` } }]);
  const institutionId = type.subject.kind === 'four_global' ? await subjectInstitution(ctx.db, input) : null;
  const data = input.data ?? (await prefill(ctx.db, type, input.organization_id, institutionId));
  checkForm(ctx, type, data);
  const now = ctx.clock.now();
  const id = await write(ctx, actor, { action: 'create', entity: 'applications' }, async ({ db }) => {
    const id = await q.insertApplication(db, { filing_type: type.code, state: path.initial, organization_id: input.organization_id, rd_institution_id: institutionId, tech_contract_id: null, district_code: applicant.districtCode, zone: applicant.zone, field: input.field ?? null, data, now, today: ctx.clock.today(), created_by: principal.userId });
    await q.insertEvent(db, { applicationId: id, at: now, userId: principal.userId, username: principal.username, kind: 'created', to: path.initial });
    return { result: id, recordId: id, after: { filing_type: type.code, organization_id: input.organization_id, rd_institution_id: institutionId, field: input.field, data } };
  });
  return viewApplication(ctx, principal, id);
}

/**
 * A contract's registration (技术合同认定登记): the seller applies for one of its draft contracts,
 * or a registrar of the contract's area enters it for the seller. It lies where the contract does;
 * a contract has one registration under way at a time (the contract is locked while this is judged).
 */
async function createRegistration(ctx: FilingsContext, principal: Principal, actor: AuditActor, input: ApplicationCreate): Promise<ApplicationView> {
  // Neither an applicant nor a registrar (an expert, the public): refused as the route refuses them.
  if (!can(principal, 'applications.review')) authorize(principal, 'applications.write');
  const { type, path } = filingTypeOf(ctx, input.filing_type);
  const bad = (code: string, zh: string, en: string) => validationFailed([{ field: 'tech_contract_id', code, message: { zh, en } }]);
  if (input.tech_contract_id === undefined) throw bad('tech_contract.required', '请选择要登记的技术合同', 'Name the contract to register');
  checkField(ctx, input.field, type);
  const data = input.data ?? {};
  checkForm(ctx, type, data);
  const now = ctx.clock.now();
  const endStates = path.states.filter((s) => s.terminal).map((s) => s.code);
  const id = await write(ctx, actor, { action: 'create', entity: 'applications' }, async ({ db }) => {
    const contract = await lockTechContract({ ...ctx, db }, input.tech_contract_id!);
    const place = contract && { organizationId: contract.seller_org_id, districtCode: contract.district_code, zone: contract.zone };
    if (!contract || !place || !can(principal, 'tech_contracts.read', place)) throw bad('tech_contract.not_found', `技术合同 ${input.tech_contract_id} 不存在`, `Technology contract ${input.tech_contract_id} does not exist`);
    if (!can(principal, 'applications.review', place)) authorize(principal, 'applications.write', place);
    if (contract.seller_org_id !== input.organization_id) throw bad('tech_contract.not_sellers', '只有卖方可以申请登记该合同', 'Only the seller applies to register the contract');
    if (contract.status !== 'draft')
      throw workflowConflict('tech_contract.not_draft', { zh: `该合同状态为“${contract.status}”，只有草稿可以申请登记`, en: `The contract is ${contract.status}: only a draft is applied for` }, { status: contract.status });
    const open = await q.openContractApplications(db, contract.id, endStates);
    if (open.length) throw workflowConflict('tech_contract.application_open', { zh: `该合同已有登记申请（${open[0]}）`, en: `The contract already has a registration application (${open[0]})` }, { application_id: open[0] });
    const id = await q.insertApplication(db, { filing_type: type.code, state: path.initial, organization_id: contract.seller_org_id, rd_institution_id: null, tech_contract_id: contract.id, district_code: contract.district_code, zone: contract.zone, field: input.field ?? null, data, now, today: ctx.clock.today(), created_by: principal.userId });
    await q.insertEvent(db, { applicationId: id, at: now, userId: principal.userId, username: principal.username, kind: 'created', to: path.initial });
    return { result: id, recordId: id, after: { filing_type: type.code, organization_id: contract.seller_org_id, tech_contract_id: contract.id, data } };
  });
  return viewApplication(ctx, principal, id);
}

/** A "four global" confirmation is about one institution of the applicant's. */
async function subjectInstitution(db: Queryable, input: ApplicationCreate): Promise<number> {
  const bad = (zh: string, en: string) => validationFailed([{ field: 'rd_institution_id', code: 'rd_institution.subject', message: { zh, en } }]);
  if (input.rd_institution_id === undefined) throw bad('请选择要认定的研发机构', 'Name the R&D institution to confirm');
  const host = await q.institutionHost(db, input.rd_institution_id);
  if (host === undefined) throw bad(`研发机构 ${input.rd_institution_id} 不存在`, `R&D institution ${input.rd_institution_id} does not exist`);
  if (host !== input.organization_id) throw bad('该研发机构不属于申请单位', 'The institution is not hosted by the applicant');
  return input.rd_institution_id;
}

/** The caller's part in an application: someone who is no party to it is not told it exists. */
async function partyTo(db: Queryable, principal: Principal, app: q.ApplicationRow) {
  const evidence = await evidenceOf(db, app.id);
  const parties = await partiesOf(db, principal, app, evidence.draw);
  if (parties.length === 1) throw notFound(APPLICATION, app.id);
  return { evidence, parties };
}

async function loadForParty(ctx: FilingsContext, db: Queryable, principal: Principal, id: number) {
  const app = await q.findApplication(db, id);
  if (!app) throw notFound(APPLICATION, id);
  return { app, ...(await partyTo(db, principal, app)), ...filingTypeOf(ctx, app.filing_type) };
}

/**
 * The application a write changes, read and locked once by `write`; `check` refuses a caller who
 * may not do this (404, 409) before the version the client saw is compared (stale → 412).
 */
export function applicationRecord(id: number, check: (app: q.ApplicationRow, db: Queryable) => Promise<void>, version?: number): RecordLock<q.ApplicationRow> {
  return { id, noun: APPLICATION, lock: q.lockApplication, guard: check, expectedVersion: () => version };
}

/** Only the applicant edits, and only while the application is a draft or returned for revision. */
export async function updateApplication(ctx: FilingsContext, principal: Principal, actor: AuditActor, id: number, version: number, patch: ApplicationPatch): Promise<ApplicationView> {
  if (patch.field !== undefined) checkField(ctx, patch.field);
  const now = ctx.clock.now();
  const editable = async (app: q.ApplicationRow, db: Queryable) => {
    const { parties } = await partyTo(db, principal, app);
    if (!parties.includes('applicant')) throw workflowConflict('workflow.party', { zh: '只有申请单位可以修改申请', en: 'Only the applicant edits an application' });
    if (app.state !== 'draft' && app.state !== 'returned') throw workflowConflict('application.not_editable', { zh: '只有草稿或退回修改的申请可以修改', en: 'Only a draft or an application returned for revision can be edited' });
  };
  await write(ctx, actor, { action: 'update', entity: 'applications', record: applicationRecord(id, editable, version) }, async ({ db }, app: q.ApplicationRow) => {
    const { type } = filingTypeOf(ctx, app.filing_type);
    const data = patch.data ?? app.data;
    checkForm(ctx, type, data);
    const changes = { ...(patch.data ? { data } : {}), ...(patch.field ? { field: patch.field } : {}) };
    await q.updateApplication(db, id, version, changes, now);
    return { result: null, before: { field: app.field, data: app.data }, after: { field: patch.field ?? app.field, data } };
  });
  return viewApplication(ctx, principal, id);
}

/**
 * Fires one transition of the application's path. The row is locked, so two officers acting at
 * once are served one after the other: the second finds the state moved and gets a 409 (or a 412
 * when it named the version it saw). Filing writes the registry in the same transaction.
 */
export async function transition(ctx: FilingsContext, principal: Principal, actor: AuditActor, id: number, body: { action: string; reason?: string | undefined; reason_code?: string | undefined; version?: number | undefined }): Promise<ApplicationView> {
  const now = ctx.clock.now();
  const today = ctx.clock.today();
  let party!: Awaited<ReturnType<typeof partyTo>>;
  const record = applicationRecord(id, async (app, db) => void (party = await partyTo(db, principal, app)), body.version);
  await write(ctx, actor, { action: body.action, entity: 'applications', record }, async (tx, app: q.ApplicationRow) => {
    const { type, path } = filingTypeOf(ctx, app.filing_type);
    const firing = fire(path, app.state, body.action, party.parties, factsOf(type, ctx.city, app, party.evidence, today, { text: body.reason, code: body.reason_code }));
    if (!firing.ok) {
      const r = firing.refusal;
      if (r.kind === 'requirements') throw new AppError('conflict', { zh: '尚不满足操作条件', en: 'The conditions for this action are not met' }, r.unmet.map((u) => ({ field: 'action', code: `workflow.requires.${u.requirement}`, message: u.message })));
      if (r.kind === 'unknown_action') throw validationFailed([{ field: 'action', code: 'workflow.unknown_action', message: r.message }]);
      throw workflowConflict(`workflow.${r.kind}`, r.message, { state: app.state });
    }
    const reasonCode = chosenReason(ctx, firing.transition, body.reason_code);
    const to = firing.to.code;
    const changes: Record<string, unknown> = { state: to, state_since: now, state_day: today };
    if (to === 'submitted') changes.submitted_at = now;
    // The loader makes sure a path with a notice has its type's length.
    if (to === 'public_notice') Object.assign(changes, { notice_from: today, notice_to: workingDaysAfter(today, type.noticeWorkingDays!, ctx.calendar) });
    // A decision ends the application (or files it); revoking later keeps the decision's date.
    const decides = firing.to.terminal ? to !== 'revoked' : to === 'filed';
    if (decides) Object.assign(changes, { decided_at: now, decision_reason: body.reason?.trim() || null });
    if (to === 'revoked') changes.decision_reason = body.reason!.trim();
    const filed = await writeSubject(tx, type, app, to, today, reasonCode);
    if (filed) Object.assign(changes, { filed_entity: filed.entity, filed_record_id: filed.id });
    await q.updateApplication(tx.db, id, app.version, changes, now);
    await q.insertEvent(tx.db, { applicationId: id, at: now, userId: principal.userId, username: principal.username, kind: body.action, from: app.state, to, comment: body.reason?.trim() || null, ...(reasonCode ? { details: { reason_code: reasonCode } } : {}) });
    return {
      result: null,
      before: { state: app.state },
      after: { state: to, ...(body.reason ? { reason: body.reason.trim() } : {}), ...(reasonCode ? { reason_code: reasonCode } : {}), ...(filed ? { filed_entity: filed.entity, filed_record_id: filed.id } : {}) },
    };
  });
  return viewApplication(ctx, principal, id);
}

/** The reason code an action chooses from its list (400 for one not in it); null for an action without a list. */
function chosenReason(ctx: FilingsContext, t: WorkflowTransition, code: string | undefined): string | null {
  if (t.reasonCodes === undefined) return null;
  const list = ctx.workflows.reasonCodes.get(t.reasonCodes)!;
  if (code !== undefined && list[code]) return code;
  const allowed = Object.keys(list).join(', ');
  throw validationFailed([{ field: 'reason_code', code: 'reason_code.unknown', message: { zh: `未知理由：${code}（可选：${allowed}）`, en: `Unknown reason: ${code} (one of: ${allowed})` }, params: { value: code, allowed } }]);
}

/** The last day a state's party has: working days, or calendar days where the rule says so. */
function lastDayOf(ctx: FilingsContext, state: WorkflowState | undefined, since: string): string | null {
  if (state?.deadlineDays) return workingDaysAfter(since, state.deadlineDays, ctx.calendar);
  return state?.deadlineCalendarDays ? addDays(since, state.deadlineCalendarDays) : null;
}

export function presentSummary(ctx: FilingsContext, app: q.ApplicationRow): ApplicationSummary {
  const { type, path } = filingTypeOf(ctx, app.filing_type);
  const state = stateOf(path, app.state);
  const lastDay = lastDayOf(ctx, state, app.state_day);
  return {
    id: app.id,
    filing_type: app.filing_type,
    filing_type_name: type.name,
    state: app.state,
    state_label: state?.label ?? { zh: app.state, en: app.state },
    organization_id: app.organization_id,
    organization_name: app.organization_name,
    subject: app.subject,
    rd_institution_id: app.rd_institution_id,
    tech_contract_id: app.tech_contract_id,
    district_code: app.district_code,
    zone: app.zone,
    field: app.field,
    state_since: iso(app.state_since),
    // The end of the last working day, in the city's time; overdue follows the server's today.
    deadline: lastDay ? iso(new Date(Date.parse(`${lastDay}T00:00:00+08:00`) + 86_400_000 - 1)) : null,
    overdue: lastDay !== null && ctx.clock.today() > lastDay,
    waiting_for: state?.waitingFor ?? null,
    submitted_at: app.submitted_at ? iso(app.submitted_at) : null,
    decided_at: app.decided_at ? iso(app.decided_at) : null,
    notice_from: app.notice_from,
    notice_to: app.notice_to,
    filed_entity: app.filed_entity,
    filed_record_id: app.filed_record_id,
    created_at: iso(app.created_at),
    updated_at: iso(app.updated_at),
    version: app.version,
  };
}

/** One application as the caller may see it: officers see every review; an expert, their own; the applicant, the outcome. */
export async function viewApplication(ctx: FilingsContext, principal: Principal, id: number): Promise<ApplicationView> {
  const { app, evidence, parties, type, path } = await loadForParty(ctx, ctx.db, principal, id);
  // The reason is typed when the action is taken: offered actions do not wait for it.
  const facts = { ...factsOf(type, ctx.city, app, evidence, ctx.clock.today(), {}), reason_given: true, reason_code_given: true };
  const officer = parties.includes('officer');
  const ownExpertId = parties.includes('expert') ? (await q.findExpert(ctx.db, { userId: principal.userId! }))?.id : undefined;
  const reviews = currentReviews(evidence).filter((r) => officer || r.expert_id === ownExpertId);
  return {
    ...presentSummary(ctx, app),
    data: app.data,
    decision_reason: app.decision_reason,
    parties,
    actions: availableActions(path, app.state, parties, facts).map((a) => ({ ...a, unmet: a.unmet.map((r) => ({ requirement: r, message: requirementMessages[r] })), ...reasonChoices(ctx, path, app.state, a.action) })),
    below_minimum: belowMinimum(type.form, app.data),
    draw: officer && evidence.draw ? await presentDraw(ctx.db, evidence.draw) : null,
    reviews: reviews.map((r) => ({ expert_id: r.expert_id, expert_name: officer ? r.expert_name : null, scores: r.scores, total: Number(r.total), comment: r.comment, submitted_at: iso(r.submitted_at) })),
    review_outcome: officer || parties.includes('applicant') ? outcomeOf(type, evidence) : null,
    objections: evidence.objections.map((o) => ({ id: o.id, lodged_at: iso(o.lodged_at), name: officer ? o.name : '—', text: o.text, upheld: o.upheld, resolution: o.resolution, resolved_at: o.resolved_at ? iso(o.resolved_at) : null })),
    evaluations: evidence.evaluations.map((e) => ({ year: e.year, result: e.result, comment: e.comment, evaluated_at: iso(e.evaluated_at) })),
    attachments: evidence.attachments.map((a) => ({ id: a.id, checklist_item: a.checklist_item, file_name: a.file_name, content_type: a.content_type, size: a.size, sha256: a.sha256, uploaded_at: iso(a.uploaded_at) })),
    timeline: (await q.listEvents(ctx.db, id)).map((e) => ({
      at: iso(e.at),
      username: officer ? e.username : null,
      kind: e.kind,
      label: eventLabel(path, e.kind),
      from_state: e.from_state,
      to_state: e.to_state,
      comment: e.comment,
      details: officer ? e.details : null,
    })),
  };
}

/** The reasons an action chooses from, where it has a list (the page's picker). */
function reasonChoices(ctx: FilingsContext, path: WorkflowPath, state: string, action: string) {
  const name = path.transitions.find((t) => t.action === action && t.from.includes(state))?.reasonCodes;
  const list = name === undefined ? undefined : ctx.workflows.reasonCodes.get(name);
  return list ? { reason_codes: Object.entries(list).map(([code, label]) => ({ code, label })) } : {};
}

/** A timeline event's name: a transition's label, or one of the steps inside a state. */
export const eventLabel = (path: WorkflowPath, kind: string) => path.transitions.find((t) => t.action === kind)?.label ?? eventLabels[kind] ?? { zh: kind, en: kind };

const eventLabels: Record<string, { zh: string; en: string }> = {
  created: { zh: '创建申请', en: 'Created' },
  experts_drawn: { zh: '抽取评审专家', en: 'Experts drawn' },
  review_submitted: { zh: '专家提交评分', en: 'An expert scored' },
  objection_lodged: { zh: '收到异议', en: 'Objection lodged' },
  objection_resolved: { zh: '异议已处理', en: 'Objection resolved' },
  evaluated: { zh: '年度评价', en: 'Annual evaluation' },
  attachment_added: { zh: '上传材料', en: 'Document uploaded' },
  attachment_removed: { zh: '删除材料', en: 'Document removed' },
};

async function presentDraw(db: Queryable, d: q.DrawRow): Promise<NonNullable<ApplicationView['draw']>> {
  const names = new Map((await q.listExperts(db)).map((e) => [e.id, e.display_name ?? e.username]));
  return {
    seed: d.seed,
    field: d.field,
    requested: d.requested,
    eligible: d.eligible,
    excluded: d.excluded.map((x) => ({ id: x.id, reason: x.reason, label: exclusionLabels[x.reason as Exclusion] ?? { zh: x.reason, en: x.reason } })),
    drawn: d.drawn.map((id) => ({ id, name: names.get(id) ?? null })),
    drawn_at: iso(d.drawn_at),
  };
}
