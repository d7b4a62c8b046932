import { describe, expect, it } from 'vitest';
import type { ApplicationView } from '../../src/contracts/workflows.js';
import { loadHolidayCalendar } from '../../src/config.js';
import { drawExperts, type PoolExpert } from '../../src/domain/workflow/expertDraw.js';
import { workingDaysAfter } from '../../src/domain/workflow/workingDays.js';
import { verifyAudit } from '../../src/modules/audit/service.js';
import { createOrganization, createRdInstitution } from '../support/factories.js';
import { createTestApp, type Acting } from '../support/testApp.js';
import { errorAt, expectProblem } from './helpers.js';

/**
 * The filing workflows (issue 5) through the API: each of the four from draft to filed (and the
 * registry and the indicator that show it), to rejected, withdrawn and revoked; every illegal
 * transition a 409 naming why; two officers at once; the expert draw reproducible; objections
 * to a public notice; another organization's application not even visible.
 */

// A Friday, in the past of any run: the 5-working-day notice runs to Friday 2026-11-20, filing on Monday 2026-11-23.
const NOTICE_DAY = '2026-11-13';
const FILING_DAY = '2026-11-23';
let today = NOTICE_DAY;
const t = await createTestApp({ today: () => today });
const { app } = t;

const YUELU = '430104';
const FURONG = '430102';
const applicant = await createOrganization(app, { district_code: YUELU, name: '长沙中试科技有限公司' });
const other = await createOrganization(app, { district_code: FURONG });
const expertHome = await createOrganization(app, { district_code: FURONG, name: '专家所在大学' });
const as = {
  orgUser: await t.actAs('org_user', { organizationIds: [applicant.id], via: 'session' }),
  otherOrgUser: await t.actAs('org_user', { organizationIds: [other.id], via: 'session' }),
  officer: await t.actAs('officer', { via: 'session' }),
  officer2: await t.actAs('officer', { via: 'session' }),
  furongOfficer: await t.actAs('officer', { districts: [FURONG], via: 'session' }),
  hitechOfficer: await t.actAs('officer', { zones: ['changsha_hitech_zone'], via: 'session' }),
};

/** Five experts in the pool: three eligible for advanced manufacturing, one of the applicant's organization, one with a declared conflict, one of another field. */
const experts: Array<Acting & { expertId: number }> = [];
async function addExpert(fields: string[], extra: { organization_id?: number; conflicts?: number[] } = {}) {
  const who = await t.actAs('expert', { via: 'session' });
  const res = await app.inject({ method: 'POST', url: '/api/v1/experts', payload: { user_id: who.userId, fields, ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  const e = { ...who, expertId: res.json<{ id: number }>().id };
  experts.push(e);
  return e;
}
for (let i = 0; i < 4; i++) await addExpert(['advanced_manufacturing', 'new_materials'], { organization_id: expertHome.id });
const sameOrgExpert = await addExpert(['advanced_manufacturing'], { organization_id: applicant.id });
const conflictedExpert = await addExpert(['advanced_manufacturing'], { conflicts: [applicant.id] });
await addExpert(['biomedicine']);

const call = (who: Acting | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, headers: Record<string, string> = {}) =>
  (who ? app.inject({ method, url, headers: { ...who.headers, ...headers }, ...(payload ? { payload } : {}) }) : t.anonymous({ method, url, ...(payload ? { payload } : {}) }));
const view = (res: { statusCode: number; body: string; json: <T>() => T }, status = 200): ApplicationView => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<ApplicationView>();
};
const act = (who: Acting, id: number, action: string, reason?: string) => call(who, 'POST', `/api/v1/applications/${id}/transitions`, { action, ...(reason ? { reason } : {}) });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
async function upload(who: Acting, id: number, item: string, bytes = PDF, fileName = `${item}.pdf`) {
  const boundary = '----starcity';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="checklist_item"\r\n\r\n${item}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({ method: 'POST', url: `/api/v1/applications/${id}/attachments`, headers: { ...who.headers, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: body });
}

const pilotData = {
  name: '长沙先进制造中试平台',
  district_code: YUELU,
  operating_years: 3,
  site_area_m2: 2500,
  equipment_value_10k_yuan: 1200,
  pilot_projects: 25,
  full_time_staff: 14,
  technical_staff: 9,
  pilot_lines: '两条中试线：材料成型与装配测试',
};

async function start(type: string, data?: object, extra: object = {}) {
  return view(await call(as.orgUser, 'POST', '/api/v1/applications', { filing_type: type, organization_id: applicant.id, field: 'advanced_manufacturing', ...(data ? { data } : {}), ...extra }), 201);
}

async function uploadChecklist(id: number, who: Acting = as.orgUser) {
  const types = (await call(null, 'GET', '/api/v1/filing-types')).json<{ results: Array<{ code: string; checklist: Array<{ key: string; required: boolean }> }> }>();
  const a = view(await call(who, 'GET', `/api/v1/applications/${id}`));
  for (const item of types.results.find((x) => x.code === a.filing_type)!.checklist.filter((c) => c.required)) expect((await upload(who, id, item.key)).statusCode).toBe(201);
}

/** Submit → check → draw → review (every drawn expert scores `score` per criterion) → notice. */
async function toNotice(id: number, score = (max: number) => Math.round(max * 0.9)): Promise<ApplicationView> {
  view(await act(as.orgUser, id, 'submit'));
  view(await act(as.officer, id, 'start_check'));
  const drawn = view(await call(as.officer, 'POST', `/api/v1/applications/${id}/expert-draw`, {}));
  view(await act(as.officer, id, 'pass_check'));
  const types = (await call(null, 'GET', '/api/v1/filing-types')).json<{ results: Array<{ code: string; review: { criteria: Array<{ key: string; max: number }> } }> }>();
  const criteria = types.results.find((x) => x.code === drawn.filing_type)!.review.criteria;
  for (const d of drawn.draw!.drawn) {
    const expert = experts.find((e) => e.expertId === d.id)!;
    view(await call(expert, 'POST', `/api/v1/applications/${id}/reviews`, { scores: Object.fromEntries(criteria.map((c) => [c.key, score(c.max)])), comment: '条件具备，同意' }));
  }
  return view(await act(as.officer, id, 'open_notice'));
}

async function fileAfterNotice(id: number): Promise<ApplicationView> {
  today = FILING_DAY;
  try {
    return view(await act(as.officer, id, 'file'));
  } finally {
    today = NOTICE_DAY;
  }
}

const indicator = async (code: string) => (await call(as.otherOrgUser, 'GET', `/api/v1/indicators/${code}/observations?period=2026&area=430100`)).json<{ results: Array<{ value: number }> }>().results[0]!.value;

describe('pilot-scale platform filing (中试平台备案), draft to filed, then evaluated and revoked', () => {
  it('runs the whole path, refusing each step that comes too early, and files the platform into the registry and the indicator', async () => {
    const before = await indicator('platforms.pilot_platform.count');
    const draft = await start('pilot_platform');
    expect(draft).toMatchObject({ state: 'draft', state_label: { zh: '草稿' }, data: { district_code: YUELU }, parties: ['public', 'applicant'] });
    expect(draft.actions.map((a) => a.action).sort()).toEqual(['submit', 'withdraw']);

    // Too early: the form and the documents are incomplete.
    const early = expectProblem(await act(as.orgUser, draft.id, 'submit'), 409);
    expect(early.errors.map((e) => e.code).sort()).toEqual(['workflow.requires.checklist_complete', 'workflow.requires.form_complete']);
    const bad = expectProblem(await call(as.orgUser, 'PATCH', `/api/v1/applications/${draft.id}`, { data: { ...pilotData, site_area_m2: 'big', colour: 'red' } }, { 'if-match': `"${draft.version}"` }), 400);
    expect(bad.errors.map((e) => e.field).sort()).toEqual(['data.colour', 'data.site_area_m2']);
    const filled = view(await call(as.orgUser, 'PATCH', `/api/v1/applications/${draft.id}`, { data: { ...pilotData, site_area_m2: 1800 } }, { 'if-match': `"${draft.version}"` }));
    expect(filled.below_minimum).toEqual([{ key: 'site_area_m2', label: expect.objectContaining({ zh: '场地面积' }), value: 1800, min: 2000 }]);
    const notPdf = expectProblem(await upload(as.orgUser, draft.id, 'site_proof', Buffer.from('MZ not a document'), 'x.exe'), 400);
    expect(errorAt(notPdf, 'file').code).toBe('file.type');
    expect(errorAt(expectProblem(await upload(as.orgUser, draft.id, 'tax_returns'), 400), 'checklist_item').code).toBe('checklist.unknown_item');
    await uploadChecklist(draft.id);

    // Officers cannot submit for the applicant; the applicant cannot check its own application.
    expect(errorAt(expectProblem(await act(as.officer, draft.id, 'submit'), 409), 'action').code).toBe('workflow.party');
    view(await act(as.orgUser, draft.id, 'submit'));
    expect(errorAt(expectProblem(await act(as.orgUser, draft.id, 'start_check'), 409), 'action').code).toBe('workflow.party');
    expect(expectProblem(await call(as.orgUser, 'PATCH', `/api/v1/applications/${draft.id}`, { data: pilotData }, { 'if-match': '"3"' }), 409).errors[0]!.code).toBe('application.not_editable');

    // Two officers take it at once: one wins, the other is told it moved on.
    const [a, b] = await Promise.all([act(as.officer, draft.id, 'start_check'), act(as.officer2, draft.id, 'start_check')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(errorAt(expectProblem(a.statusCode === 409 ? a : b, 409), 'action').code).toBe('workflow.state');

    expect(errorAt(expectProblem(await act(as.officer, draft.id, 'pass_check'), 409), 'action').code).toBe('workflow.requires.experts_drawn');
    const drawn = view(await call(as.officer, 'POST', `/api/v1/applications/${draft.id}/expert-draw`, {}));
    const draw = drawn.draw!;
    expect(draw.drawn).toHaveLength(3);
    expect(draw.excluded.map((x) => [x.id, x.reason])).toEqual(
      expect.arrayContaining([
        [sameOrgExpert.expertId, 'same_organization'],
        [conflictedExpert.expertId, 'declared_conflict'],
      ]),
    );
    expect(draw.drawn.map((d) => d.id)).not.toContain(sameOrgExpert.expertId);
    // Reproducible: the recorded seed and pool give the same experts again.
    const pool: PoolExpert[] = experts.map((e, i) => ({ id: e.expertId, active: true, fields: i < 6 ? ['advanced_manufacturing'] : ['biomedicine'], organizationId: e === sameOrgExpert ? applicant.id : i < 4 ? expertHome.id : null, conflicts: e === conflictedExpert ? [applicant.id] : [] }));
    expect(drawExperts(pool, 'advanced_manufacturing', applicant.id, 3, draw.seed).drawn).toEqual(draw.drawn.map((d) => d.id));

    view(await act(as.officer, draft.id, 'pass_check'));
    expect(expectProblem(await act(as.officer, draft.id, 'open_notice'), 409).errors.map((e) => e.code)).toContain('workflow.requires.reviews_complete');
    const outsider = experts.find((e) => !draw.drawn.some((d) => d.id === e.expertId))!;
    expectProblem(await call(outsider, 'POST', `/api/v1/applications/${draft.id}/reviews`, { scores: { conditions: 20 }, comment: '—' }), 404);
    const scorer = experts.find((e) => e.expertId === draw.drawn[0]!.id)!;
    const badScores = expectProblem(await call(scorer, 'POST', `/api/v1/applications/${draft.id}/reviews`, { scores: { conditions: 31, services: 20, colour: 1 }, comment: '—' }), 400);
    expect(badScores.errors.map((e) => e.field).sort()).toEqual(['scores.colour', 'scores.conditions', 'scores.mechanism', 'scores.team']);
    // An expert sees the application and their own scores only.
    const asExpert = view(await call(scorer, 'GET', `/api/v1/applications/${draft.id}`));
    expect(asExpert.parties).toContain('expert');
    expect(asExpert.draw).toBeNull();

    const notice = await (async () => {
      for (const d of draw.drawn) {
        const e = experts.find((x) => x.expertId === d.id)!;
        view(await call(e, 'POST', `/api/v1/applications/${draft.id}/reviews`, { scores: { conditions: 27, services: 26, team: 17, mechanism: 18 }, comment: '具备中试条件' }));
      }
      return view(await act(as.officer, draft.id, 'open_notice'));
    })();
    expect(notice).toMatchObject({ state: 'public_notice', notice_from: NOTICE_DAY, notice_to: '2026-11-20', review_outcome: { mean: 88, passed: true, pass_score: 70 } });
    expect(notice.reviews).toHaveLength(3);

    // The public sees the notice and objects; filing waits for the period and the objection.
    const notices = (await call(null, 'GET', '/api/v1/notices')).json<{ results: Array<{ application_id: number; subject: string; objections_open: boolean }> }>().results;
    expect(notices).toContainEqual(expect.objectContaining({ application_id: draft.id, subject: pilotData.name, objections_open: true }));
    const objection = await call(null, 'POST', `/api/v1/notices/${draft.id}/objections`, { name: '张三', contact: '13800000000', text: '场地面积不足两千平方米' });
    expect(objection.statusCode, objection.body).toBe(201);
    const early2 = expectProblem(await act(as.officer, draft.id, 'file'), 409);
    expect(early2.errors.map((e) => e.code).sort()).toEqual(['workflow.requires.notice_ended', 'workflow.requires.objections_resolved']);
    today = FILING_DAY;
    try {
      expect(errorAt(expectProblem(await call(null, 'POST', `/api/v1/notices/${draft.id}/objections`, { name: '李四', contact: 'x', text: '太晚了' }), 409), 'action').code).toBe('notice.closed');
      const objectionId = objection.json<{ id: number }>().id;
      view(await call(as.officer, 'POST', `/api/v1/applications/${draft.id}/objections/${objectionId}/resolution`, { upheld: false, resolution: '经核实，场地面积 2500 平方米，异议不成立' }));
      const filed = view(await act(as.officer, draft.id, 'file'));
      expect(filed).toMatchObject({ state: 'filed', filed_entity: 'platforms' });
      // Filing's own write enters the platform it created, just before the filing, by the officer who filed.
      const entries = await t.db.query<{ e: string }>("SELECT entity || ':' || action || ':' || record_id || ':' || username AS e FROM audit_log ORDER BY id DESC LIMIT 2");
      expect(entries.rows.map((r) => r.e).reverse()).toEqual([`platforms:create:${filed.filed_record_id}:${as.officer.username}`, `applications:file:${draft.id}:${as.officer.username}`]);
      const platform = (await call(as.otherOrgUser, 'GET', `/api/v1/platforms/${filed.filed_record_id}`)).json<Record<string, unknown>>();
      expect(platform).toMatchObject({ name: pilotData.name, type: 'pilot_platform', level: 'municipal', status: 'active', host_org_id: applicant.id, district_code: YUELU, recognized_on: FILING_DAY });
      expect(await indicator('platforms.pilot_platform.count')).toBe(before + 1);

      // After filing: withdrawal is over; revocation needs an unqualified evaluation and a reason.
      expect(errorAt(expectProblem(await act(as.orgUser, draft.id, 'withdraw'), 409), 'action').code).toBe('workflow.state');
      expect(expectProblem(await act(as.officer, draft.id, 'revoke'), 409).errors.map((e) => e.code).sort()).toEqual(['workflow.requires.reason_given', 'workflow.requires.unqualified_evaluation']);
      view(await call(as.officer, 'POST', `/api/v1/applications/${draft.id}/evaluations`, { year: 2026, result: 'unqualified', comment: '中试服务未开展' }));
      expect(errorAt(expectProblem(await call(as.officer, 'POST', `/api/v1/applications/${draft.id}/evaluations`, { year: 2026, result: 'qualified' }), 409), 'action').code).toBe('evaluation.exists');
      const revoked = view(await act(as.officer, draft.id, 'revoke', '年度评价不合格'));
      expect(revoked).toMatchObject({ state: 'revoked', decision_reason: '年度评价不合格' });
      expect((await call(as.otherOrgUser, 'GET', `/api/v1/platforms/${filed.filed_record_id}`)).json()).toMatchObject({ status: 'revoked' });
      expect(await indicator('platforms.pilot_platform.count')).toBe(before);
      expect(revoked.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['created', 'attachment_added', 'submit', 'start_check', 'experts_drawn', 'pass_check', 'review_submitted', 'open_notice', 'objection_lodged', 'objection_resolved', 'file', 'evaluated', 'revoke']));
      expect(revoked.actions).toEqual([]);
    } finally {
      today = NOTICE_DAY;
    }
  });
});

describe('the other three filings', () => {
  it('concept-verification center: returned for revision, resubmitted, then rejected with a reason; nothing enters the registry', async () => {
    const data = { name: '岳麓山概念验证中心', district_code: YUELU, verification_services: '原理验证与样机开发', verified_projects: 12, full_time_staff: 6 };
    const a = await start('concept_verification_center', data);
    await uploadChecklist(a.id);
    view(await act(as.orgUser, a.id, 'submit'));
    view(await act(as.officer, a.id, 'start_check'));
    expect(errorAt(expectProblem(await act(as.officer, a.id, 'return'), 409), 'action').code).toBe('workflow.requires.reason_given');
    const returned = view(await act(as.officer, a.id, 'return', '请补充近三年项目清单'));
    expect(returned.state).toBe('returned');
    view(await call(as.orgUser, 'PATCH', `/api/v1/applications/${a.id}`, { data: { ...data, verified_projects: 15 } }, { 'if-match': `"${returned.version}"` }));
    view(await act(as.orgUser, a.id, 'submit'));
    view(await act(as.officer, a.id, 'start_check'));
    const rejected = view(await act(as.officer, a.id, 'reject', '服务能力不足'));
    expect(rejected).toMatchObject({ state: 'rejected', decision_reason: '服务能力不足', filed_record_id: null, actions: [] });
    expect(errorAt(expectProblem(await act(as.orgUser, a.id, 'submit'), 409), 'action').code).toBe('workflow.state');
  });

  it('a review below the pass mark cannot open the notice; the officer rejects it', async () => {
    const a = await start('concept_verification_center', { name: '低分概念验证中心', district_code: YUELU, verification_services: '样机', verified_projects: 10, full_time_staff: 5 });
    await uploadChecklist(a.id);
    await expect(toNotice(a.id, (max) => Math.round(max * 0.5))).rejects.toThrow();
    const stuck = view(await call(as.officer, 'GET', `/api/v1/applications/${a.id}`));
    expect(stuck).toMatchObject({ state: 'expert_review', review_outcome: { passed: false, pass_score: 70 } });
    expect(stuck.review_outcome!.mean).toBeLessThan(70);
    expect(errorAt(expectProblem(await act(as.officer, a.id, 'open_notice'), 409), 'action').code).toBe('workflow.requires.review_passed');
    expect(view(await act(as.officer, a.id, 'reject', '评审未通过')).state).toBe('rejected');
  });

  it('new-type R&D institution recognition: filed, the institution is created in the registry', async () => {
    await addExpert(['advanced_manufacturing']); // it takes five reviewers
    const before = await indicator('rd_institutions.count');
    const a = await start('new_rd_institution', {
      name: '湘江新型研发院',
      district_code: YUELU,
      established_on: '2024-03-01',
      independent_legal_person: true,
      research_directions: '先进材料共性技术',
      rd_staff: 60,
      rd_expenditure_10k_yuan: 3000,
      income_sources: '技术合同与政府项目',
    });
    await uploadChecklist(a.id);
    await toNotice(a.id);
    const filed = await fileAfterNotice(a.id);
    expect(filed.filed_entity).toBe('rd_institutions');
    const institution = (await call(as.otherOrgUser, 'GET', `/api/v1/rd-institutions/${filed.filed_record_id}`)).json();
    expect(institution).toMatchObject({ name: '湘江新型研发院', category: 'new_type_rd_institution', level: 'municipal', host_org_id: applicant.id, established_on: '2024-03-01' });
    expect(await indicator('rd_institutions.count')).toBe(before + 1);
  });

  it('"four global" confirmation: pre-filled from the institution; filing confirms the claimed features on the filing day', async () => {
    const institution = await createRdInstitution(app, { host_org_id: applicant.id, district_code: YUELU, four_global: { global_layout: { evidence: '新加坡分中心', confirmed_on: null } } });
    expectProblem(await call(as.orgUser, 'POST', '/api/v1/applications', { filing_type: 'four_global', organization_id: applicant.id, field: 'advanced_manufacturing' }), 400, ['rd_institution_id']);
    const a = await start('four_global', undefined, { rd_institution_id: institution.id });
    expect(a.data).toEqual({ global_layout_evidence: '新加坡分中心' });
    view(await call(as.orgUser, 'PATCH', `/api/v1/applications/${a.id}`, { data: { ...a.data, global_layout_claimed: true, global_tasks_claimed: true, global_tasks_evidence: '承接德国客户研发任务', global_resources_claimed: false, global_results_claimed: false } }, { 'if-match': `"${a.version}"` }));
    await uploadChecklist(a.id);
    await toNotice(a.id);
    await fileAfterNotice(a.id);
    const after = (await call(as.otherOrgUser, 'GET', `/api/v1/rd-institutions/${institution.id}`)).json<{ global_feature_count: number; four_global: Record<string, { evidence: string | null; confirmed_on: string | null }> }>();
    expect(after.global_feature_count).toBe(2);
    expect(after.four_global.global_layout).toEqual({ evidence: '新加坡分中心', confirmed_on: FILING_DAY });
    expect(after.four_global.global_tasks).toEqual({ evidence: '承接德国客户研发任务', confirmed_on: FILING_DAY });
    expect(after.four_global.global_results?.confirmed_on).toBeNull();
  });

  it('a new application starts from the applicant’s latest one of the same type, with the registry’s values on top', async () => {
    const again = await start('pilot_platform');
    expect(again.data).toMatchObject({ name: pilotData.name, site_area_m2: 1800, pilot_lines: pilotData.pilot_lines, district_code: YUELU }); // as the first application left it
  });

  it('the applicant withdraws before a decision', async () => {
    const a = await start('pilot_platform', pilotData);
    await uploadChecklist(a.id);
    view(await act(as.orgUser, a.id, 'submit'));
    expect(view(await act(as.orgUser, a.id, 'withdraw')).state).toBe('withdrawn');
    expect(errorAt(expectProblem(await act(as.officer, a.id, 'start_check'), 409), 'action').code).toBe('workflow.state');
  });

  it('a stale If-Match is 412 naming the current version, as on every other record (issue 13); nothing changes', async () => {
    const a = await start('pilot_platform', pilotData);
    const staleVersion = { 'if-match': `"${a.version + 1}"` };
    const edit = expectProblem(await call(as.orgUser, 'PATCH', `/api/v1/applications/${a.id}`, { field: 'new_materials' }, staleVersion), 412);
    expect(errorAt(edit, 'version').params).toEqual({ current: a.version });
    await uploadChecklist(a.id);
    const submit = expectProblem(await call(as.orgUser, 'POST', `/api/v1/applications/${a.id}/transitions`, { action: 'submit' }, staleVersion), 412);
    expect(errorAt(submit, 'version').params).toEqual({ current: a.version });
    const now = view(await call(as.orgUser, 'GET', `/api/v1/applications/${a.id}`));
    expect(now).toMatchObject({ state: 'draft', field: 'advanced_manufacturing', version: a.version });
  });
});

describe('who sees and acts on an application', () => {
  it('another organization’s user and an officer of another district do not see it at all; lists show each caller their own', async () => {
    const a = await start('pilot_platform');
    expectProblem(await call(as.otherOrgUser, 'GET', `/api/v1/applications/${a.id}`), 404);
    expectProblem(await call(as.furongOfficer, 'GET', `/api/v1/applications/${a.id}`), 404);
    expectProblem(await act(as.furongOfficer, a.id, 'start_check'), 404);
    expectProblem(await call(as.otherOrgUser, 'POST', '/api/v1/applications', { filing_type: 'pilot_platform', organization_id: applicant.id, field: 'advanced_manufacturing' }), 403);
    const ids = async (who: Acting) => (await call(who, 'GET', '/api/v1/applications?per_page=200')).json<{ results: Array<{ id: number; organization_id: number }> }>().results;
    expect((await ids(as.orgUser)).every((x) => x.organization_id === applicant.id)).toBe(true);
    expect((await ids(as.orgUser)).map((x) => x.id)).toContain(a.id);
    expect(await ids(as.otherOrgUser)).toEqual([]);
    expect(await ids(as.furongOfficer)).toEqual([]);
    expect(await ids(as.hitechOfficer)).toEqual([]);
    expect((await ids(as.officer)).map((x) => x.id)).toContain(a.id);
    expectProblem(await call(as.orgUser, 'GET', '/api/v1/applications?filter=colour:red'), 400);
  });

  it('an officer limited to a zone sees and handles the applications of organizations in its zone, whatever their district', async () => {
    const zoned = await createOrganization(app, { district_code: FURONG, zone: 'changsha_hitech_zone' });
    const zonedUser = await t.actAs('org_user', { organizationIds: [zoned.id], via: 'session' });
    const a = view(await call(zonedUser, 'POST', '/api/v1/applications', { filing_type: 'pilot_platform', organization_id: zoned.id, field: 'advanced_manufacturing', data: pilotData }), 201);
    expect(a).toMatchObject({ district_code: FURONG, zone: 'changsha_hitech_zone' });
    const ids = async (who: Acting, query = '') => (await call(who, 'GET', `/api/v1/applications?per_page=200${query}`)).json<{ results: Array<{ id: number }> }>().results.map((x) => x.id);
    expect(await ids(as.hitechOfficer)).toEqual([a.id]);
    expect(await ids(as.furongOfficer)).toEqual([a.id]);
    expect(await ids(as.officer, '&filter=zone:changsha_hitech_zone')).toEqual([a.id]);
    await uploadChecklist(a.id, zonedUser);
    view(await act(zonedUser, a.id, 'submit'));
    expect(view(await act(as.hitechOfficer, a.id, 'start_check')).state).toBe('formal_check');
    expectProblem(await act(as.hitechOfficer, (await start('pilot_platform')).id, 'withdraw'), 404);
  });

  it('a draw fails plainly when the pool has too few eligible experts', async () => {
    const a = await start('new_rd_institution', { name: '专家不足研究院', district_code: YUELU, established_on: '2024-01-01', independent_legal_person: true, research_directions: 'x', rd_staff: 5, rd_expenditure_10k_yuan: 10, income_sources: 'x' }, { field: 'new_materials' });
    await uploadChecklist(a.id);
    view(await act(as.orgUser, a.id, 'submit'));
    view(await act(as.officer, a.id, 'start_check'));
    const p = expectProblem(await call(as.officer, 'POST', `/api/v1/applications/${a.id}/expert-draw`, {}), 409);
    expect(errorAt(p, 'action')).toMatchObject({ code: 'draw.not_enough_experts', params: { eligible: 4, requested: 5 } });
  });

  it('documents are served to the application’s parties only', async () => {
    const a = await start('pilot_platform');
    const up = await upload(as.orgUser, a.id, 'site_proof');
    expect(up.statusCode, up.body).toBe(201);
    const { id: attachmentId, sha256 } = up.json<{ id: number; sha256: string }>();
    const got = await call(as.officer, 'GET', `/api/v1/applications/${a.id}/attachments/${attachmentId}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    expectProblem(await call(as.otherOrgUser, 'GET', `/api/v1/applications/${a.id}/attachments/${attachmentId}`), 404);
    expect((await call(as.orgUser, 'DELETE', `/api/v1/applications/${a.id}/attachments/${attachmentId}`)).statusCode).toBe(204);
  });

  it('the inbox tells each party what waits for them and what others did', async () => {
    type Inbox = { waiting: Array<{ id: number; state: string }>; changes: Array<{ application_id: number; kind: string; label: { zh: string } }> };
    const inboxOf = async (who: Acting) => {
      const res = await call(who, 'GET', '/api/v1/inbox');
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Inbox>();
    };
    const a = await start('pilot_platform', pilotData);
    expect((await inboxOf(as.orgUser)).waiting.map((x) => x.id)).toContain(a.id);
    await uploadChecklist(a.id);
    view(await act(as.orgUser, a.id, 'submit'));
    expect((await inboxOf(as.orgUser)).waiting.map((x) => x.id)).not.toContain(a.id);
    expect((await inboxOf(as.officer)).waiting.map((x) => x.id)).toContain(a.id);
    // Submitted waits for an officer 5 working days from the server's day (Friday 13 November), to the
    // end of the last one (China time); overdue after.
    const waiting = view(await call(as.officer, 'GET', `/api/v1/applications/${a.id}`));
    const lastDay = workingDaysAfter(NOTICE_DAY, 5, loadHolidayCalendar('cn'));
    expect(lastDay).toBe('2026-11-20');
    expect(waiting).toMatchObject({ waiting_for: 'officer', deadline: '2026-11-20T15:59:59.999Z', overdue: false });
    today = '2099-01-05';
    try {
      expect(view(await call(as.officer, 'GET', `/api/v1/applications/${a.id}`)).overdue).toBe(true);
    } finally {
      today = NOTICE_DAY;
    }
    expect((await inboxOf(as.furongOfficer)).waiting.map((x) => x.id)).not.toContain(a.id);
    view(await act(as.officer, a.id, 'start_check'));
    const drawn = view(await call(as.officer, 'POST', `/api/v1/applications/${a.id}/expert-draw`, {}));
    view(await act(as.officer, a.id, 'pass_check'));
    const reviewer = experts.find((e) => e.expertId === drawn.draw!.drawn[0]!.id)!;
    expect((await inboxOf(reviewer)).waiting.map((x) => x.id)).toContain(a.id);
    view(await call(reviewer, 'POST', `/api/v1/applications/${a.id}/reviews`, { scores: { conditions: 25, services: 25, team: 15, mechanism: 15 }, comment: '同意' }));
    expect((await inboxOf(reviewer)).waiting.map((x) => x.id)).not.toContain(a.id);
    const changes = (await inboxOf(as.orgUser)).changes.filter((c) => c.application_id === a.id).map((c) => c.kind);
    expect(changes).toEqual(expect.arrayContaining(['start_check', 'pass_check', 'experts_drawn']));
    expect(changes).not.toContain('submit'); // the caller's own step is not news to them
    const drawnNews = (await inboxOf(as.orgUser)).changes.find((c) => c.application_id === a.id && c.kind === 'experts_drawn');
    expect(drawnNews?.label).toEqual({ zh: '抽取评审专家', en: 'Experts drawn' });
  });

  it('officers see which expert accounts may join the pool; list rows name what is filed', async () => {
    const newcomer = await t.actAs('expert', { via: 'session' });
    const candidates = (await call(as.officer, 'GET', '/api/v1/experts/candidates')).json<{ results: Array<{ user_id: number }> }>().results.map((c) => c.user_id);
    expect(candidates).toContain(newcomer.userId);
    expect(candidates).not.toContain(experts[0]!.userId);
    const rows = (await call(as.orgUser, 'GET', `/api/v1/applications?search=${encodeURIComponent(pilotData.name)}&per_page=5`)).json<{ results: Array<{ subject: string | null }> }>().results;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.subject === pilotData.name)).toBe(true);
  });

  it('every step is in the audit log, and the chain holds', async () => {
    const { rows } = await t.db.query<{ action: string }>("SELECT DISTINCT action FROM audit_log WHERE entity = 'applications'");
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['create', 'update', 'submit', 'start_check', 'experts_drawn', 'review_submitted', 'open_notice', 'objection_lodged', 'objection_resolved', 'file', 'evaluated', 'revoke', 'attachment_added', 'attachment_removed', 'withdraw', 'reject', 'return']));
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });
});
