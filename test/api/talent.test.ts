import { describe, expect, it } from 'vitest';
import { recruitmentCall, talentIntroduction, talentIntroductionList, type TalentIntroductionCreate } from '../../src/contracts/talent.js';
import { maskPersonName } from '../../src/domain/talent.js';
import { createOrganization } from '../support/factories.js';
import { createTestApp, type Acting } from '../support/testApp.js';
import { errorAt, expectProblem } from './helpers.js';

const t = await createTestApp({ today: () => '2025-12-31' });
const { app } = t;

const YUELU = '430104';
const FURONG = '430102';
const yueluHost = await createOrganization(app, { name: '岳麓引才测试研究院', district_code: YUELU, zone: null });
const furongHost = await createOrganization(app, { name: '芙蓉引才测试公司', district_code: FURONG, zone: null });

// Unique strings planted in the personal fields: no reply to a caller without the permission may hold any of them.
const PLANTED = {
  zhName: '虚构甲乙丙丁',
  enName: 'Zyxwvu Qponmlk',
  phone: '+86 139-7531-8642',
  email: 'planted.person.q7x@example.org',
  idNumber: '11010519491231002X',
};

const as = (who: Acting | null, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, version?: number) =>
  (who ? app.inject : t.anonymous)({ method, url, headers: { ...(who?.headers ?? {}), ...(version ? { 'if-match': `"${version}"` } : {}) }, ...(payload ? { payload } : {}) });

const input = (overrides: Partial<TalentIntroductionCreate> = {}): TalentIntroductionCreate => ({
  person_name: PLANTED.zhName,
  phone: PLANTED.phone,
  email: PLANTED.email,
  id_number: PLANTED.idNumber,
  category: 'academician',
  mode: 'full_time',
  host_org_id: yueluHost.id,
  introduced_on: '2025-04-01',
  field: '新材料',
  ...overrides,
});

async function introduce(overrides: Partial<TalentIntroductionCreate> = {}) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/talent-introductions', payload: input(overrides) });
  expect(res.statusCode, res.body).toBe(201);
  return talentIntroduction.parse(res.json());
}

const zh = await introduce();
const en = await introduce({ person_name: PLANTED.enName, host_org_id: furongHost.id, category: 'nobel_laureate', mode: 'flexible', id_number: null });
const call = recruitmentCall.parse(
  (await app.inject({ method: 'POST', url: '/api/v1/recruitment-calls', payload: { org_id: yueluHost.id, title: '岳麓山实验室招贤令', positions: 12, description: '首席科学家 2 名，青年骨干 10 名', published_on: '2025-10-01', deadline: '2026-01-31' } })).json(),
);

const cityOfficer = await t.actAs('officer');
const yueluOfficer = await t.actAs('officer', { districts: [YUELU] });
const hostUser = await t.actAs('org_user', { organizationIds: [yueluHost.id] });
const scopedAdmin = await t.actAs('admin', { scopes: ['talent.read', 'talent.write', 'audit.read', 'imports.read'] });

describe('talent introductions (人才引进): the record', () => {
  it('keeps what was entered, in the host’s place by default, and shows it whole to an administrator and a city-wide officer', async () => {
    expect(zh).toMatchObject({ person_name: PLANTED.zhName, phone: PLANTED.phone, email: PLANTED.email, id_number: PLANTED.idNumber, personal_data: 'full', district_code: YUELU, host_name: '岳麓引才测试研究院', category_name: { zh: '两院院士', en: 'Academician' } });
    const seen = talentIntroduction.parse((await as(cityOfficer, 'GET', `/api/v1/talent-introductions/${zh.id}`)).json());
    expect(seen.person_name).toBe(PLANTED.zhName);
  });

  it('masks the name and leaves out contacts and the ID number for a district officer, the host’s user and a token without the scope', async () => {
    for (const who of [yueluOfficer, hostUser, scopedAdmin]) {
      const res = await as(who, 'GET', `/api/v1/talent-introductions/${zh.id}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(talentIntroduction.parse(res.json())).toMatchObject({ person_name: maskPersonName(PLANTED.zhName), phone: null, email: null, id_number: null, personal_data: 'masked' });
    }
    const page = talentIntroductionList.parse((await as(scopedAdmin, 'GET', '/api/v1/talent-introductions')).json());
    expect(page.results.find((r) => r.id === en.id)?.person_name).toBe('Z***** Q******');
  });

  it('is not public, and an organization user or a district officer sees only its own host’s or area’s', async () => {
    expectProblem(await as(null, 'GET', '/api/v1/talent-introductions'), 401);
    const own = talentIntroductionList.parse((await as(hostUser, 'GET', '/api/v1/talent-introductions')).json());
    expect(own.results.map((r) => r.id)).toEqual([zh.id]);
    expectProblem(await as(yueluOfficer, 'GET', `/api/v1/talent-introductions/${en.id}`), 404);
    expect(errorAt(expectProblem(await as(hostUser, 'POST', '/api/v1/talent-introductions', input({ host_org_id: furongHost.id })), 403), 'permission').code).toBe('permission.organization');
  });

  it('searches names only for callers who may see them', async () => {
    const byName = (who: Acting) => as(who, 'GET', `/api/v1/talent-introductions?search=${encodeURIComponent('甲乙')}`);
    expect(talentIntroductionList.parse((await byName(cityOfficer)).json()).results.map((r) => r.id)).toEqual([zh.id]);
    expect(talentIntroductionList.parse((await byName(yueluOfficer)).json()).results).toEqual([]);
  });

  it('answers bad input with the field named, never echoing personal data', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/talent-introductions', payload: input({ id_number: '110105194912310021', phone: 'call me', category: 'astronaut' as never, introduced_on: '2026-02-01' }) });
    const problem = expectProblem(res, 400, ['category', 'id_number', 'introduced_on', 'phone']);
    expect(JSON.stringify(problem)).not.toContain('110105194912310021');
    expect(errorAt(problem, 'id_number').code).toBe('id_number.check_digit');
  });

  it('keeps personal data out of the audit log, even for an administrator', async () => {
    const changed = await as(null, 'GET', '/api/v1/audit?filter=entity:talent_introductions&per_page=200');
    expect(changed.statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: '/api/v1/audit?filter=entity:talent_introductions&per_page=200' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results.length).toBeGreaterThanOrEqual(2);
    for (const value of Object.values(PLANTED)) expect(res.body).not.toContain(value);
  });
});

describe('recruitment calls (招贤令)', () => {
  it('are public, open through the deadline day in the city’s calendar', async () => {
    const res = await as(null, 'GET', `/api/v1/recruitment-calls/${call.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(recruitmentCall.parse(res.json())).toMatchObject({ status: 'open', org_name: '岳麓引才测试研究院', positions: 12, district_code: YUELU });
    const closed = await as(null, 'GET', '/api/v1/recruitment-calls?filter=status:closed');
    expect(closed.json().results).toEqual([]);
  });

  it('refuses a deadline before publication and a caller outside the organization', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/recruitment-calls', payload: { org_id: yueluHost.id, title: 'x', positions: 0, published_on: '2025-10-01', deadline: '2025-09-01' } });
    expectProblem(res, 400, ['deadline', 'positions']);
    expect(errorAt(expectProblem(await as(hostUser, 'POST', '/api/v1/recruitment-calls', { org_id: furongHost.id, title: '芙蓉招贤', positions: 1, deadline: '2026-03-01' }), 403), 'permission').code).toBe('permission.organization');
  });
});
