import { describe, expect, it } from 'vitest';
import { achievement, achievementList, incubation, project, transfer, transferList, type AchievementCreate, type ProjectCreate, type TransferCreate } from '../../src/contracts/achievements.js';
import { observationList } from '../../src/contracts/indicators.js';
import { createOrganization, createPlatform, createRdInstitution } from '../support/factories.js';
import { uniqueKeys } from '../../src/modules/shared/uniqueKeys.js';
import { createTestApp } from '../support/testApp.js';
import { errorAt, expectProblem } from './helpers.js';

/**
 * Projects, achievements, transfers and incubations (issue 14) over the API: the records and
 * what they copy, bad input refused at its field with nothing written, reads and writes by reach,
 * an audit entry per write, and the indicators that count them. One app, data made once.
 */
const t = await createTestApp({ today: () => '2026-12-04' });
const { app, db } = t;

const YUELU = '430104';
const FURONG = '430102';
const owner = await createOrganization(app, { name: '岳麓成果科技有限公司', district_code: YUELU, zone: 'xiangjiang_new_area' });
const partner = await createOrganization(app, { name: '岳麓合作研究院', kind: 'research_institute', district_code: YUELU });
const receiver = await createOrganization(app, { name: '芙蓉受让制造有限公司', district_code: FURONG, zone: null });
const newEnterprise = await createOrganization(app, { name: '芙蓉孵化科技有限公司', district_code: FURONG, zone: null, founded_on: '2025-05-01' });
const spinOff = await createOrganization(app, { name: '芙蓉衍生科技有限公司', district_code: FURONG, zone: null, founded_on: '2025-05-01' });
const university = await createOrganization(app, { name: '芙蓉测试大学', kind: 'university', district_code: FURONG, zone: null });
const institution = await createRdInstitution(app, { host_org_id: university.id, category: 'new_type_rd_institution', district_code: FURONG, zone: null });
const lab = await createPlatform(app, { host_org_id: owner.id, district_code: YUELU });

const post = (path: string, payload: object, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url: `/api/v1/${path}`, payload, headers });
const created = async <T>(path: string, payload: object, parse: (v: unknown) => T, headers: Record<string, string> = {}): Promise<T> => {
  const res = await post(path, payload, headers);
  expect(res.statusCode, res.body).toBe(201);
  return parse(res.json());
};

const projectInput = (o: Partial<ProjectCreate> = {}): ProjectCreate => ({
  title: '高端轴承关键技术攻关',
  lead_org_id: owner.id,
  partner_org_ids: [partner.id],
  programme: 'municipal_key_core_tech',
  budget: '12000000.50',
  start_on: '2025-03-01',
  end_on: '2027-12-31',
  status: 'ongoing',
  platform_id: lab.id,
  ...o,
});
const achievementInput = (o: Partial<AchievementCreate> = {}): AchievementCreate => ({
  title: '高端轴承寿命提升技术',
  type: 'product',
  key_tech_breakthrough: true,
  globally_leading: true,
  year: 2025,
  organization_ids: [owner.id, partner.id],
  evidence: '第三方评价报告',
  ...o,
});

const proj = await created('projects', projectInput(), (v) => project.parse(v));
const made = await created('achievements', achievementInput({ project_id: proj.id }), (v) => achievement.parse(v));
const transferInput = (o: Partial<TransferCreate> = {}): TransferCreate => ({ achievement_id: made.id, receiver_org_id: receiver.id, mode: 'licence', amount: '15000000.00', transferred_on: '2025-09-01', ...o });
const moved = await created('transfers', transferInput(), (v) => transfer.parse(v));

/** Rows of the four tables and of the audit log: a refused write changes none. */
const counts = async () => (await db.query<Record<string, number>>(`SELECT ${['projects', 'project_partners', 'achievements', 'achievement_organizations', 'transfers', 'incubations', 'audit_log'].map((x) => `(SELECT count(*) FROM ${x})::int AS ${x}`).join(', ')}`)).rows[0];
async function refused(path: string, payload: object, status: number, field: string, code?: string) {
  const before = await counts();
  const p = expectProblem(await post(path, payload), status, [field]);
  if (code) expect(errorAt(p, field).code).toBe(code);
  expect(errorAt(p, field).message.zh).toBeTruthy();
  expect(await counts()).toEqual(before);
}

describe('the records', () => {
  it('keeps a project with its partners, exact budget and place (its lead organization’s)', () => {
    expect(proj).toMatchObject({ lead_org_id: owner.id, partner_org_ids: [partner.id], budget: '12000000.50', district_code: YUELU, zone: 'xiangjiang_new_area', host_name: lab.name });
    expect(proj.programme_name.en).toBe('Changsha Key Core Technology Program');
  });

  it('keeps an achievement’s organizations in order, the first its owner', () => {
    expect(made).toMatchObject({ owner_org_id: owner.id, organization_ids: [owner.id, partner.id], project_id: proj.id, district_code: YUELU, key_tech_breakthrough: true });
  });

  it('copies the achievement’s owner and place onto its transfer, and follows the achievement when it changes hands', async () => {
    expect(moved).toMatchObject({ owner_org_id: owner.id, district_code: YUELU, amount: '15000000.00', achievement_title: made.title });
    const other = await created('achievements', achievementInput({ organization_ids: [university.id], rd_institution_id: institution.id, key_tech_breakthrough: false, globally_leading: false, evidence: null }), (v) => achievement.parse(v));
    const tr = await created('transfers', transferInput({ achievement_id: other.id, transferred_on: '2025-10-01' }), (v) => transfer.parse(v));
    expect(tr).toMatchObject({ owner_org_id: university.id, rd_institution_id: institution.id, district_code: FURONG });
    const res = await app.inject({ method: 'PATCH', url: `/api/v1/achievements/${other.id}`, payload: { organization_ids: [partner.id], rd_institution_id: null }, headers: { 'if-match': '"1"' } });
    expect(res.statusCode, res.body).toBe(200);
    const after = transfer.parse((await app.inject({ method: 'GET', url: `/api/v1/transfers/${tr.id}` })).json());
    expect(after).toMatchObject({ owner_org_id: partner.id, rd_institution_id: null, district_code: YUELU });
  });

  it('incubates an enterprise from an institution (its host owns the record) or from an achievement', async () => {
    const fromInstitution = await created('incubations', { enterprise_org_id: newEnterprise.id, rd_institution_id: institution.id, incubated_on: '2025-05-01' }, (v) => incubation.parse(v));
    expect(fromInstitution).toMatchObject({ owner_org_id: university.id, district_code: FURONG, rd_institution_name: institution.name });
    const fromAchievement = await created('incubations', { enterprise_org_id: spinOff.id, achievement_id: made.id, incubated_on: '2025-06-01' }, (v) => incubation.parse(v));
    expect(fromAchievement).toMatchObject({ owner_org_id: owner.id, rd_institution_id: null, achievement_title: made.title });
  });

  it('audits every write in its transaction', async () => {
    const { rows } = await db.query<{ entity: string; action: string }>("SELECT entity, action FROM audit_log WHERE entity IN ('projects', 'achievements', 'transfers', 'incubations') ORDER BY id");
    expect(rows.slice(0, 3)).toEqual([{ entity: 'projects', action: 'create' }, { entity: 'achievements', action: 'create' }, { entity: 'transfers', action: 'create' }]);
    expect(rows).toContainEqual({ entity: 'achievements', action: 'update' });
    expect(rows).toContainEqual({ entity: 'incubations', action: 'create' });
  });
});

describe('bad input is refused at its field, nothing written', () => {
  it.each([
    ['a negative budget', 'projects', projectInput({ budget: '-5' }), 'budget', 'amount.negative'],
    ['NaN as a budget', 'projects', projectInput({ budget: 'NaN' }), 'budget', 'amount.format'],
    ['an unknown programme', 'projects', projectInput({ programme: 'moonshot' }), 'programme', 'programme.unknown'],
    ['an ongoing project that starts next year', 'projects', projectInput({ start_on: '2027-01-01', end_on: '2028-01-01' }), 'start_on', undefined],
    ['an end before the start', 'projects', projectInput({ end_on: '2024-01-01' }), 'end_on', undefined],
    ['the lead again among the partners', 'projects', projectInput({ partner_org_ids: [owner.id] }), 'partner_org_ids', 'organizations.repeated'],
    ['an unknown partner', 'projects', projectInput({ partner_org_ids: [2_000_000] }), 'partner_org_ids', 'reference.not_found'],
    ['an unknown achievement type', 'achievements', achievementInput({ type: 'poem' }), 'type', 'type.unknown'],
    ['a future year', 'achievements', achievementInput({ year: 2027 }), 'year', 'year.future'],
    ['a claim without evidence', 'achievements', achievementInput({ evidence: ' ' }), 'evidence', 'evidence.required'],
    ['no organization', 'achievements', achievementInput({ organization_ids: [] }), 'organization_ids', undefined],
    ['an institution and a platform at once', 'achievements', achievementInput({ rd_institution_id: institution.id, platform_id: lab.id }), 'platform_id', 'host.both'],
    ['an unknown project', 'achievements', achievementInput({ project_id: 2_000_000 }), 'project_id', 'reference.not_found'],
    ['an absurd amount', 'transfers', transferInput({ amount: '99999999999999999' }), 'amount', undefined],
    ['a negative amount', 'transfers', transferInput({ amount: '-1.00' }), 'amount', 'amount.negative'],
    ['a future date', 'transfers', transferInput({ transferred_on: '2027-01-01' }), 'transferred_on', undefined],
    ['a date before the achievement', 'transfers', transferInput({ transferred_on: '2024-12-31' }), 'transferred_on', 'transferred_on.before_achievement'],
    ['an unknown achievement', 'transfers', transferInput({ achievement_id: 2_000_000 }), 'achievement_id', 'reference.not_found'],
    ['an unknown mode', 'transfers', { ...transferInput(), mode: 'gift' }, 'mode', undefined],
    ['the owner as receiver', 'transfers', transferInput({ receiver_org_id: owner.id }), 'receiver_org_id', 'receiver.is_owner'],
    ['an unknown contract', 'transfers', transferInput({ tech_contract_id: 2_000_000 }), 'tech_contract_id', 'reference.not_found'],
    ['no source', 'incubations', { enterprise_org_id: newEnterprise.id, incubated_on: '2025-05-01' }, 'achievement_id', 'incubation.source_required'],
    ['a university as the new enterprise', 'incubations', { enterprise_org_id: university.id, rd_institution_id: institution.id, incubated_on: '2025-05-01' }, 'enterprise_org_id', 'enterprise.not_enterprise'],
    ['a future day', 'incubations', { enterprise_org_id: newEnterprise.id, rd_institution_id: institution.id, incubated_on: '2030-01-01' }, 'incubated_on', undefined],
  ])('%s', async (_what, path, payload, field, code) => {
    await refused(path, payload, 400, field, code);
  });

  it('refuses a contract whose seller is not the achievement’s owner', async () => {
    const contract = await post('tech-contracts', { contract_number: 'CG-1', title: '轴承技术许可', type: 'licence', sub_type: 'patent_licence', seller_org_id: receiver.id, buyer_name: '深圳某公司', buyer_region: '440305', contract_amount: '100.00', transaction_amount: '100.00', signed_on: '2025-08-01' });
    expect(contract.statusCode, contract.body).toBe(201);
    await refused('transfers', transferInput({ tech_contract_id: contract.json<{ id: number }>().id }), 400, 'tech_contract_id', 'tech_contract.other_seller');
    const own = await post('tech-contracts', { contract_number: 'CG-2', title: '轴承技术许可', type: 'licence', sub_type: 'patent_licence', seller_org_id: owner.id, buyer_org_id: receiver.id, contract_amount: '100.00', transaction_amount: '100.00', signed_on: '2025-08-01' });
    expect(own.statusCode, own.body).toBe(201);
    expect((await post('transfers', transferInput({ tech_contract_id: own.json<{ id: number }>().id, transferred_on: '2025-09-02' }))).statusCode).toBe(201);
  });
});

describe('a natural key names one record (docs/data-formats.md)', () => {
  it.each([
    ['a project of the same lead and title', 'projects', () => projectInput({ partner_org_ids: [] }), 'title'],
    ['an achievement of the same owner, title and year', 'achievements', () => achievementInput({ type: 'process' }), 'title'],
    ['a transfer of the same achievement to the same receiver on the same day', 'transfers', () => transferInput({ mode: 'transfer', amount: '1.00' }), 'transferred_on'],
    ['a second incubation of an enterprise', 'incubations', () => ({ enterprise_org_id: newEnterprise.id, achievement_id: made.id, incubated_on: '2025-07-01' }), 'enterprise_org_id'],
  ])('refuses %s: 409 at the key’s field, naming the record it repeats', async (_what, path, input, field) => {
    await refused(path, input(), 409, field, 'natural_key.duplicate');
    const p = expectProblem(await post(path, input()), 409, [field]);
    expect(errorAt(p, field).params).toMatchObject({ existing_id: expect.any(Number) });
  });

  it('refuses an update that would take another record’s key, and lets a record keep its own', async () => {
    const second = await created('projects', projectInput({ title: '第二个攻关项目', partner_org_ids: [] }), (v) => project.parse(v));
    const patch = (title: string) => app.inject({ method: 'PATCH', url: `/api/v1/projects/${second.id}`, payload: { title }, headers: { 'if-match': '"1"' } });
    expect(errorAt(expectProblem(await patch(proj.title), 409, ['title']), 'title').params).toMatchObject({ existing_id: proj.id });
    expect((await patch(second.title)).statusCode).toBe(200);
  });

  it('holds under concurrency: of two creates of one key, one is written and the other is 409', async () => {
    const input = projectInput({ title: '同时提交的项目', partner_org_ids: [] });
    const replies = await Promise.all([post('projects', input), post('projects', input)]);
    expect(replies.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(errorAt(expectProblem(replies.find((r) => r.statusCode === 409)!, 409, ['title']), 'title').code).toBe('natural_key.duplicate');
    expect((await db.query('SELECT id FROM projects WHERE title = $1', [input.title])).rows).toHaveLength(1);
  });

  it.each([
    ['projects', 'INSERT INTO projects (title, lead_org_id, programme, budget, start_on, end_on, status) SELECT title, lead_org_id, programme, budget, start_on, end_on, status FROM projects WHERE id = $1', () => proj.id],
    ['achievements', 'INSERT INTO achievements (title, type, year, owner_org_id) SELECT title, type, year, owner_org_id FROM achievements WHERE id = $1', () => made.id],
    ['transfers', 'INSERT INTO transfers (achievement_id, receiver_org_id, mode, amount, transferred_on, owner_org_id) SELECT achievement_id, receiver_org_id, mode, amount, transferred_on, owner_org_id FROM transfers WHERE id = $1', () => moved.id],
    ['incubations', 'INSERT INTO incubations (enterprise_org_id, rd_institution_id, incubated_on, owner_org_id) SELECT enterprise_org_id, rd_institution_id, incubated_on, owner_org_id FROM incubations WHERE enterprise_org_id = $1', () => newEnterprise.id],
  ] as const)('is a UNIQUE constraint of %s, the one a race meets', async (table, sql, id) => {
    await expect(db.query(sql, [id()])).rejects.toMatchObject({ code: '23505', constraint: uniqueKeys[table].constraint });
  });
});

describe('who reads and writes', () => {
  it('is not public', async () => {
    for (const path of ['projects', 'achievements', 'transfers', 'incubations']) expect((await t.anonymous({ method: 'GET', url: `/api/v1/${path}` })).statusCode).toBe(401);
  });

  it('shows an organization user its own records only, and another’s as missing', async () => {
    const own = await t.actAs('org_user', { organizationIds: [owner.id] });
    const other = await t.actAs('org_user', { organizationIds: [receiver.id] });
    const mine = achievementList.parse((await app.inject({ method: 'GET', url: '/api/v1/achievements', headers: own.headers })).json());
    expect(mine.results.every((a) => a.owner_org_id === owner.id)).toBe(true);
    expect(mine.meta.count).toBeGreaterThan(0);
    expect(achievementList.parse((await app.inject({ method: 'GET', url: '/api/v1/achievements', headers: other.headers })).json()).meta.count).toBe(0);
    expect((await app.inject({ method: 'GET', url: `/api/v1/transfers/${moved.id}`, headers: other.headers })).statusCode).toBe(404);
    expectProblem(await post('achievements', achievementInput(), other.headers), 403);
    expect((await post('achievements', achievementInput({ title: '本单位成果' }), own.headers)).statusCode).toBe(201);
  });

  it('lets an officer read and write its district’s records only', async () => {
    const furong = await t.actAs('officer', { districts: [FURONG] });
    const seen = transferList.parse((await app.inject({ method: 'GET', url: '/api/v1/transfers', headers: furong.headers })).json());
    expect(seen.results.every((x) => x.district_code === FURONG)).toBe(true);
    expect((await app.inject({ method: 'GET', url: `/api/v1/projects/${proj.id}`, headers: furong.headers })).statusCode).toBe(404);
    expectProblem(await app.inject({ method: 'PATCH', url: `/api/v1/projects/${proj.id}`, payload: { title: '改名' }, headers: { ...furong.headers, 'if-match': '"1"' } }), 403);
  });
});

describe('indicators', () => {
  const observed = async (code: string, breakdown = '') =>
    observationList.parse((await app.inject({ method: 'GET', url: `/api/v1/indicators/${code}/observations?period=2025${breakdown}` })).json()).results;

  it('count what the records say, by institution category, and add transfers and incubations', async () => {
    const transfers = (await observed('transfers.count'))[0]!.value!;
    const incubations = (await observed('incubations.count'))[0]!.value!;
    expect(transfers).toBe(transferList.parse((await app.inject({ method: 'GET', url: '/api/v1/transfers?filter=transferred_on:>2024-12-31,transferred_on:<2026-01-01' })).json()).meta.count);
    expect((await observed('transfers_incubations.count'))[0]!.value).toBe(transfers + incubations);
    const byCategory = await observed('incubations.count', '&breakdown=institution_category');
    expect(byCategory.find((o) => o.breakdown_key === 'new_type_rd_institution')?.value).toBe(1);
    expect((await observed('achievements.globally_leading'))[0]!.value).toBe(achievementList.parse((await app.inject({ method: 'GET', url: '/api/v1/achievements?filter=year:2025,leading_or_controllable:true' })).json()).meta.count);
  });

  it('drill down to the caller’s own rows only', async () => {
    const other = await t.actAs('org_user', { organizationIds: [receiver.id] });
    const rows = await app.inject({ method: 'GET', url: '/api/v1/indicators/transfers.count/rows?period=2025', headers: other.headers });
    expect(rows.statusCode, rows.body).toBe(200);
    expect(rows.json<{ meta: { count: number } }>().meta.count).toBe(0);
    expect((await t.anonymous({ method: 'GET', url: '/api/v1/indicators/transfers.count/rows?period=2025' })).statusCode).toBe(401);
  });
});
