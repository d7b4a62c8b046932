import { beforeAll, describe, expect, it } from 'vitest';
import { dashboard, observationList, targetList } from '../../src/contracts/indicators.js';
import { login } from '../../src/modules/accounts/sessions.js';
import { updateUser } from '../../src/modules/accounts/users.js';
import { SESSION_COOKIE } from '../../src/modules/accounts/cookies.js';
import { systemActor } from '../../src/modules/audit/trail.js';
import { loadWorkflows } from '../../src/modules/filings/definitions.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountsInfo, ensureDemoAccounts } from '../../src/modules/demo/accounts.js';
import { demoRegistry } from '../../src/modules/demo/generator.js';
import { DEMO_IP_LOANS } from '../../src/modules/demo/ipLoans.js';
import { PUBLISHED_2025 } from '../../src/modules/demo/figures.js';
import { DEMO_CONTRACTS_PER_YEAR } from '../../src/modules/demo/contracts.js';
import { seedDemo, seedDemoIfEmpty, type SeedCounts } from '../../src/modules/demo/seed.js';
import { demoOfficialFigures, demoTargets2026 } from '../../src/modules/demo/statistics.js';
import { createTestApp, type TestApp } from '../support/testApp.js';

interface ListBody {
  meta: { count: number };
  results: Array<{ name: string; host_name?: string }>;
  group_by: Array<{ key: string | null; count: number }>;
}

let t: TestApp;
let first: SeedCounts | null;

const list = async (path: string): Promise<ListBody> => {
  const res = await t.app.inject({ method: 'GET', url: path });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<ListBody>();
};

const confirmedBy = (op: 'OR' | 'AND') =>
  ['layout', 'tasks', 'resources', 'results'].map((f) => `global_${f}_confirmed_on <= $2`).join(` ${op} `);

/**
 * The published figures' definitions (docs/demo-data.md) as plain SQL over the registry tables:
 * period [$1, $2]; $3 the innovation zones.
 */
const DEFINITIONS_SQL = `
  SELECT
    (SELECT count(*) FROM rd_institutions WHERE COALESCE(established_on, created_at::date) <= $2)::int AS rd_institutions,
    (SELECT count(*) FROM rd_institutions WHERE established_on BETWEEN $1 AND $2)::int AS new_rd_institutions,
    (SELECT count(*) FROM rd_institutions WHERE established_on BETWEEN $1 AND $2 AND zone = ANY($3))::int AS new_in_innovation_zones,
    (SELECT count(*) FROM rd_institutions WHERE COALESCE(established_on, created_at::date) <= $2 AND (${confirmedBy('OR')}))::int AS global_any,
    (SELECT count(*) FROM rd_institutions WHERE COALESCE(established_on, created_at::date) <= $2 AND (${confirmedBy('AND')}))::int AS global_all,
    (SELECT count(*) FROM platforms WHERE level = 'national' AND status = 'active' AND COALESCE(recognized_on, created_at::date) <= $2)::int AS national_platforms,
    (SELECT count(*) FROM platforms WHERE type = 'national_key_lab' AND recognized_on BETWEEN $1 AND $2)::int AS new_national_key_labs,
    (SELECT count(*) FROM platforms WHERE type = 'concept_verification_center' AND status = 'active' AND COALESCE(recognized_on, created_at::date) <= $2)::int AS concept_verification_centers,
    (SELECT count(*) FROM platforms WHERE type = 'pilot_platform' AND status = 'active' AND COALESCE(recognized_on, created_at::date) <= $2)::int AS pilot_platforms,
    (SELECT count(DISTINCT organization_id) FROM qualifications
      WHERE qualification = 'tech_sme' AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2))::int AS tech_smes,
    (SELECT count(DISTINCT organization_id) FROM qualifications
      WHERE qualification = 'little_giant' AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2))::int AS little_giants`;

/** One demo load per engine for the whole file (it is the costliest step of the API suite); the loading tests run first. */
beforeAll(async () => {
  t = await createTestApp({ today: () => '2026-11-27' });
  first = await seedDemoIfEmpty(t.ctx);
}, 300_000);

describe('demo registry', () => {
  it('loads everything on an empty database, in bulk', () => {
    const demo = demoRegistry(t.ctx.city);
    expect(first).toEqual({
      organizations: demo.organizations.length,
      qualifications: demo.qualifications.length,
      rd_institutions: demo.rdInstitutions.length,
      platforms: demo.platforms.length,
      ip_loans: DEMO_IP_LOANS,
      projects: expect.any(Number),
      achievements: expect.any(Number),
      transfers: expect.any(Number),
      incubations: expect.any(Number),
      tech_contracts: Object.values(DEMO_CONTRACTS_PER_YEAR).reduce((a, b) => a + b, 0),
      pending_tech_contracts: expect.any(Number),
      contract_applications: expect.any(Number),
      talent_introductions: expect.any(Number),
      recruitment_calls: expect.any(Number),
      official_values: demoOfficialFigures.length,
      targets: demoTargets2026.length,
    });
  });

  it('adds nothing the second time, and does not seed a registry that has data', async () => {
    expect(await seedDemo(t.ctx)).toEqual({ organizations: 0, qualifications: 0, rd_institutions: 0, platforms: 0, ip_loans: 0, projects: 0, achievements: 0, transfers: 0, incubations: 0, tech_contracts: 0, pending_tech_contracts: 0, contract_applications: 0, talent_introductions: 0, recruitment_calls: 0, official_values: 0, targets: 0 });
    expect(await seedDemoIfEmpty(t.ctx)).toBeNull();
  }, 60_000);

  it('reproduces every published 2025 figure in the database', async () => {
    const zones = t.ctx.city.zones.filter((z) => z.innovationZone).map((z) => z.code);
    const { rows } = await t.db.query<Record<string, number>>(DEFINITIONS_SQL, ['2025-01-01', '2025-12-31', zones]);
    expect(rows[0]).toEqual({
      rd_institutions: PUBLISHED_2025.rdInstitutions,
      new_rd_institutions: PUBLISHED_2025.newRdInstitutions,
      new_in_innovation_zones: PUBLISHED_2025.newInInnovationZones,
      global_any: PUBLISHED_2025.globalAny,
      global_all: PUBLISHED_2025.globalAll,
      national_platforms: PUBLISHED_2025.nationalPlatforms,
      new_national_key_labs: PUBLISHED_2025.newNationalKeyLabs,
      concept_verification_centers: PUBLISHED_2025.conceptVerificationCenters,
      pilot_platforms: PUBLISHED_2025.pilotPlatforms,
      tech_smes: PUBLISHED_2025.techSmes,
      little_giants: PUBLISHED_2025.littleGiants,
    });
    const end2023 = await t.db.query<Record<string, number>>(DEFINITIONS_SQL, ['2023-01-01', '2023-12-31', zones]);
    expect(end2023.rows[0]?.rd_institutions).toBe(PUBLISHED_2025.rdInstitutions / 2);
    const end2024 = await t.db.query<Record<string, number>>(DEFINITIONS_SQL, ['2024-01-01', '2024-12-31', zones]);
    expect(end2024.rows[0]?.tech_smes).toBeLessThan(10_000);
  });

  it('shows the records in the API lists', async () => {
    expect((await list('/api/v1/organizations?per_page=1')).meta.count).toBe(first?.organizations);
    expect((await list('/api/v1/qualifications?per_page=1')).meta.count).toBe(first?.qualifications);
    expect((await list('/api/v1/rd-institutions?per_page=1')).meta.count).toBe(first?.rd_institutions);
    expect((await list('/api/v1/platforms?per_page=1')).meta.count).toBe(first?.platforms);
    for (const entity of ['projects', 'achievements', 'transfers', 'incubations'] as const) {
      expect(first?.[entity]).toBeGreaterThan(0);
      expect((await list(`/api/v1/${entity}?per_page=1`)).meta.count).toBe(first?.[entity]);
    }
  });

  it('reproduces the 2025 talent figures through the indicator API: 2 Nobel laureates (flexible), 7 academicians, 3 overseas teams', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/indicators/talent.introductions/observations?period=2025&breakdown=talent_category' });
    expect(res.statusCode, res.body).toBe(200);
    const byCategory = Object.fromEntries(observationList.parse(res.json()).results.map((o) => [o.breakdown_key, o.value]));
    expect(byCategory).toMatchObject({ nobel_laureate: 2, academician: 7, overseas_team: 3 });
    const laureates = await list('/api/v1/talent-introductions?filter=category:nobel_laureate,introduced_on:>2024-12-31,introduced_on:<2026-01-01&group_by=mode');
    expect(laureates.group_by).toEqual([{ key: 'flexible', key_display_name: { zh: '柔性引进', en: 'Flexible' }, count: 2 }]);
    expect((await list('/api/v1/recruitment-calls?per_page=1')).meta.count).toBe(first?.recruitment_calls);
  });

  it('finds the named laboratories by a Chinese substring', async () => {
    const labs = await list(`/api/v1/platforms?search=${encodeURIComponent('实验室')}&per_page=200`);
    expect(labs.results.map((p) => p.name)).toEqual(expect.arrayContaining(['岳麓山实验室', '湘江实验室', '芙蓉实验室', '杂交水稻全国重点实验室']));
    const basf = await list(`/api/v1/rd-institutions?search=${encodeURIComponent('巴斯夫')}`);
    expect(basf.results).toEqual([expect.objectContaining({ name: '巴斯夫杉杉电池材料研究院', host_name: '巴斯夫杉杉电池材料有限公司' })]);
  });

  it('spreads over all nine districts', async () => {
    const orgs = await list('/api/v1/organizations?group_by=district_code');
    expect(orgs.group_by.filter((b) => b.key !== null)).toHaveLength(9);
    const institutions = await list('/api/v1/rd-institutions?group_by=district_code');
    expect(institutions.group_by.map((b) => b.key).sort()).toEqual(t.ctx.city.districts.map((d) => d.code).sort());
  });

  it('filters the demo like any registry data', async () => {
    const keyLabs = await list('/api/v1/platforms?filter=type:national_key_lab,recognized_on:>2024-12-31&per_page=1');
    expect(keyLabs.meta.count).toBe(PUBLISHED_2025.newNationalKeyLabs);
    const allFour = await list('/api/v1/rd-institutions?filter=global_feature_count:4&per_page=1');
    expect(allFour.meta.count).toBeGreaterThanOrEqual(PUBLISHED_2025.globalAll);
  });
});

/**
 * The demo registry reproduces Changsha's published 2025 figures (changsha-2025.md). Every figure
 * here is read from the indicator engine's API, never from the generator's counters, and every
 * computed one is checked against the number of rows its drill-down returns.
 */
const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const value = async (code: string, period = 2025) => observationList.parse(await get(`/api/v1/indicators/${code}/observations?period=${period}`)).results[0]!;
const rowCount = async (code: string, query = '') => ((await get(`/api/v1/indicators/${code}/rows?period=2025&per_page=1${query}`)) as { meta: { count: number } }).meta.count;

describe('Changsha 2025, as published', () => {
  const counts: Array<[string, number, string]> = [
    ['rd_institutions.count', 4_344, 'R&D institutions'],
    ['rd_institutions.new', 861, 'newly established in 2025'],
    ['rd_institutions.global_any', 2_799, 'with at least one "four global" feature'],
    ['rd_institutions.global_all', 590, 'with all four'],
    ['platforms.national.count', 152, 'national-level innovation platforms'],
    ['platforms.national_key_lab.new', 35, 'national key laboratories built or reorganized'],
    ['platforms.concept_verification_center.count', 13, 'concept-verification centers filed'],
    ['platforms.pilot_platform.count', 58, 'pilot-scale platforms filed'],
    ['enterprises.little_giant.count', 243, '"little giant" enterprises'],
  ];
  it.each(counts)('%s = %i (%s), and its drill-down lists as many rows', async (code, expected) => {
    expect((await value(code)).value).toBe(expected);
    expect(await rowCount(code)).toBe(expected);
  });

  it('has more than 10,000 tech-based SMEs for the first time', async () => {
    const now = (await value('enterprises.tech_sme.count')).value!;
    expect(now).toBeGreaterThan(10_000);
    expect((await value('enterprises.tech_sme.count', 2024)).value).toBeLessThan(10_000);
    expect(await rowCount('enterprises.tech_sme.count')).toBe(now);
  });

  it('has 70 % of 2025’s new institutions in the innovation zones', async () => {
    const share = await value('rd_institutions.new_in_zones_share');
    expect(share.denominator).toBe(861);
    expect(Math.round(share.value!)).toBe(70);
    expect(await rowCount('rd_institutions.new_in_zones_share', '&part=part')).toBe(share.numerator);
  });

  it('broke through 137 key technologies and made 19 globally leading or independently controllable ones', async () => {
    expect((await value('achievements.key_tech_breakthroughs')).value).toBe(137);
    expect(await rowCount('achievements.key_tech_breakthroughs')).toBe(137);
    expect((await value('achievements.globally_leading')).value).toBe(19);
    expect(await rowCount('achievements.globally_leading')).toBe(19);
  });

  it('has 16 new-type R&D institutions with 89 transfers and 39 incubations', async () => {
    const byCategory = async (code: string) => observationList.parse(await get(`/api/v1/indicators/${code}/observations?period=2025&breakdown=institution_category`)).results;
    const newType = (rows: { breakdown_key?: string | null; value: number | null }[]) => rows.find((r) => r.breakdown_key === 'new_type_rd_institution')?.value;
    expect(newType(await byCategory('transfers.count'))).toBe(89);
    expect(newType(await byCategory('incubations.count'))).toBe(39);
    const institutions = (await get('/api/v1/indicators/transfers.count/rows?period=2025&filter=institution_category:new_type_rd_institution&group_by=rd_institution_id')) as { group_by: unknown[] };
    expect(institutions.group_by).toHaveLength(16);
    const total = (await value('transfers_incubations.count')).value;
    expect(total).toBe((await value('transfers.count')).value! + (await value('incubations.count')).value!);
  });

  it('gives the named laboratories’ figures: Yuelu Mountain Industrial Innovation Center 40 / 22, Xiangjiang 10, Furong 5 with 4 transfers of 10 million yuan or more', async () => {
    const platforms = await list(`/api/v1/platforms?search=${encodeURIComponent('实验室')}&per_page=200`);
    const iic = await list(`/api/v1/platforms?search=${encodeURIComponent('岳麓山工业创新中心')}`);
    const idOf = (name: string) => String(([...platforms.results, ...iic.results] as Array<{ id?: number; name: string }>).find((p) => p.name === name)!.id);
    const byPlatform = async (code: string) => Object.fromEntries(observationList.parse(await get(`/api/v1/indicators/${code}/observations?period=2025&breakdown=platform_id`)).results.map((r) => [r.breakdown_key, r.value]));
    const projects = await byPlatform('projects.count');
    const achievements = await byPlatform('achievements.count');
    expect([projects[idOf('岳麓山工业创新中心')], achievements[idOf('岳麓山工业创新中心')]]).toEqual([40, 22]);
    expect(achievements[idOf('湘江实验室')]).toBe(10);
    expect(achievements[idOf('芙蓉实验室')]).toBe(5);
    expect(await rowCount('transfers.count', `&filter=platform_id:${idOf('芙蓉实验室')},amount:>9999999.99`)).toBe(4);
  });

  it('about doubled its R&D institutions since the end of 2023', async () => {
    const ratio = 4_344 / (await value('rd_institutions.count', 2023)).value!;
    expect(ratio).toBeGreaterThan(1.9);
    expect(ratio).toBeLessThan(2.1);
  });

  it('holds the official statistics with their source, and derives the intensity and growth', async () => {
    expect(await value('rd_expenditure')).toMatchObject({ value: 511.56, source: 'official' });
    expect((await value('rd_expenditure')).source_note).toMatch(/长沙晚报/);
    expect((await value('rd_intensity')).value!.toFixed(2)).toBe('3.36');
    expect((await value('rd_expenditure.growth')).value!.toFixed(2)).toBe('8.21');
    expect((await value('rank.wipo_gii_cluster')).value).toBe(44);
    expect((await value('rank.wipo_gii_cluster', 2024)).value).toBe(50);
    expect((await value('rank.nature_index_science_city')).value).toBe(23);
    expect((await value('rank.china_city_innovation')).value).toBe(9);
  });

  it('tracks the 2026 targets', async () => {
    const targets = targetList.parse(await get('/api/v1/targets?period=2026')).results;
    expect(Object.fromEntries(targets.map((x) => [x.indicator_code, [x.comparator, x.value]]))).toEqual({
      'achievements.key_tech_breakthroughs': ['>=', 130],
      'achievements.globally_leading': ['>=', 15],
      'rd_institutions.new_enterprise_rd_centers': ['≈', 50],
      'enterprises.tech_sme.count': ['>=', 12_500],
      'transfers_incubations.count': ['>=', 1_000],
    });
    // Computed from the registry's 2026 so far, so each target has a standing, not "no data".
    for (const code of ['achievements.key_tech_breakthroughs', 'achievements.globally_leading', 'transfers_incubations.count'])
      expect(targets.find((x) => x.indicator_code === code)!.status).not.toBe('no_data');
    const sme = targets.find((x) => x.indicator_code === 'enterprises.tech_sme.count')!;
    expect(sme.baseline).toBe((await value('enterprises.tech_sme.count')).value);
    expect(sme.status).not.toBe('no_data');
  });

  it('shows it all on the dashboard of 2025', async () => {
    const d = dashboard.parse(await get('/api/v1/dashboard'));
    expect(d.period).toBe('2025');
    const kpi = Object.fromEntries(d.kpis.map((k) => [k.indicator.code, k.value.value]));
    expect(kpi).toMatchObject({ 'rd_institutions.count': 4_344, 'rd_institutions.global_all': 590, 'platforms.national.count': 152, 'rank.wipo_gii_cluster': 44 });
    expect(d.funnel.map((f) => f.value.value)).toEqual([4_344, 2_799, 590]);
    expect(d.map.points.reduce((s, p) => s + (p.value ?? 0), 0)).toBe(4_344);
    expect(d.targets).toHaveLength(5);
  });

  it('holds IP-backed loans in every state, losses compensated under the 2023 policy, and their 2025 figures with rows', async () => {
    const byStatus = (await get('/api/v1/ip-loans?group_by=status&per_page=1')) as { group_by: Array<{ key: string; count: number }> };
    expect(byStatus.group_by.map((g) => g.key).sort()).toEqual(['applied', 'approved', 'compensated', 'disbursed', 'overdue', 'repaid']);
    const compensated = (await get('/api/v1/ip-loans?filter=status:compensated&per_page=1')) as { results: Array<{ compensation: { policy: string } }> };
    expect(compensated.results[0]!.compensation.policy).toBe('hunan_ip_pledge_2023');
    const value = async (code: string) => ((await get(`/api/v1/indicators/${code}/observations?period=2025`)) as { results: Array<{ value: number }> }).results[0]!.value;
    expect(await value('ip_loans.amount')).toBeGreaterThan(0);
    expect(await rowCount('ip_loans.firms_financed')).toBe(await value('ip_loans.firms_financed'));
  });

  it('shows the technology market’s 2025 figures on the dashboard, computed from its registered contracts, with their rows', async () => {
    const d = dashboard.parse(await get('/api/v1/dashboard'));
    const kpi = Object.fromEntries(d.kpis.map((k) => [k.indicator.code, k.value]));
    // 153,268,000,000.00 yuan of contracts registered in 2025 (docs/demo-data.md): the report's "over 1,500 亿元".
    expect(kpi['contracts.turnover']).toMatchObject({ value: 1_532.68, source: 'computed' });
    expect(kpi['contracts.count']!.value).toBe(DEMO_CONTRACTS_PER_YEAR[2025]);
    expect(kpi['contracts.tech_transaction']!.value).toBeLessThan(1_532.68);
    expect(await rowCount('contracts.turnover')).toBe(DEMO_CONTRACTS_PER_YEAR[2025]);
    expect(d.trends.find((tr) => tr.indicator.code === 'contracts.turnover')!.points.find((p) => p.period === '2024')!.value).toBe(1_368.9);
    const next = (await t.ctx.db.query<{ last: number }>("SELECT last FROM registration_counters WHERE year = 2025")).rows[0]!.last;
    expect(next).toBe(DEMO_CONTRACTS_PER_YEAR[2025]);
  });
});

describe('demo accounts', () => {
  it('come with the demo registry: one per role, on the documented password, the org user acting for 湖南大学', async () => {
    expect(await ensureDemoAccounts(t.accounts, false)).toEqual([]);
    expect(await ensureDemoAccounts(t.accounts, true)).toEqual(DEMO_ACCOUNTS.map((a) => a.username));
    expect(await ensureDemoAccounts(t.accounts, true)).toEqual([]);
    const orgUser = await login(t.accounts, { username: 'org-user', password: DEMO_PASSWORD, ip: null, userAgent: null }, systemActor('test'));
    expect(orgUser.principal.role).toBe('org_user');
    const org = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${orgUser.principal.organizationIds[0]}` });
    expect(org.json()).toMatchObject({ name: '湖南大学' });
    const district = await login(t.accounts, { username: 'district-officer', password: DEMO_PASSWORD, ip: null, userAgent: null }, systemActor('test'));
    expect(district.principal.districts).toEqual(['430104']);
    const zone = await login(t.accounts, { username: 'zone-officer', password: DEMO_PASSWORD, ip: null, userAgent: null }, systemActor('test'));
    expect(zone.principal).toMatchObject({ districts: [], zones: ['changsha_hitech_zone'] });
    // The expert pool: six reviewers, five in advanced manufacturing (enough for any filing type), one at 湖南大学.
    const pool = await t.app.inject({ method: 'GET', url: '/api/v1/experts' });
    const experts = pool.json<{ results: Array<{ username: string; fields: string[]; organization_id: number | null }> }>().results;
    const known = Object.keys(loadWorkflows().expertiseFields);
    expect(experts.map((e) => e.username).sort()).toEqual(['expert', 'expert-2', 'expert-3', 'expert-4', 'expert-5', 'expert-6']);
    for (const e of experts) for (const f of e.fields) expect(known).toContain(f);
    expect(experts.filter((e) => e.fields.includes('advanced_manufacturing'))).toHaveLength(5);
    expect(experts.find((e) => e.username === 'expert-6')!.organization_id).toBe(orgUser.principal.organizationIds[0]);
  });

  it('find contracts under registration: the org user’s drafts to apply for and one to revise, the registrars’ applications in their inboxes', async () => {
    const as = async (username: string) => ({ cookie: `${SESSION_COOKIE}=${(await login(t.accounts, { username, password: DEMO_PASSWORD, ip: null, userAgent: null }, systemActor('test'))).secret}` });
    const get = async <T>(headers: Record<string, string>, url: string): Promise<T> => {
      const res = await t.app.inject({ method: 'GET', url, headers });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<T>();
    };
    type Waiting = { waiting: Array<{ id: number; filing_type: string; state: string }> };
    const contractApplications = (inbox: Waiting) => inbox.waiting.filter((w) => w.filing_type === 'tech_contract_registration');
    const pending = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM tech_contracts WHERE status <> 'registered'");
    expect(pending.rows[0]!.n).toBe(first!.pending_tech_contracts);
    expect(first!.contract_applications).toBeGreaterThan(0);

    const seller = await as('org-user');
    const own = await get<{ results: Array<{ id: number; status: string; seller_org_id: number }> }>(seller, '/api/v1/tech-contracts?filter=status:draft&per_page=100');
    expect(own.results.length).toBeGreaterThan(0);
    expect(contractApplications(await get<Waiting>(seller, '/api/v1/inbox')).map((w) => w.state)).toContain('returned');
    // A draft nobody has applied for yet: the seller applies.
    const draft = own.results.find((c) => c.status === 'draft')!;
    const applied = await t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: seller, payload: { filing_type: 'tech_contract_registration', organization_id: draft.seller_org_id, tech_contract_id: draft.id } });
    expect(applied.statusCode, applied.body).toBe(201);

    const city = contractApplications(await get<Waiting>(await as('officer'), '/api/v1/inbox'));
    expect(new Set(city.map((w) => w.state))).toEqual(new Set(['submitted', 'registration_check']));
    expect(contractApplications(await get<Waiting>(await as('district-officer'), '/api/v1/inbox')).length).toBeGreaterThan(0);
    expect(contractApplications(await get<Waiting>(await as('zone-officer'), '/api/v1/inbox')).length).toBeGreaterThan(0);
  });

  it('are listed for the login page only while the server runs the demo, and only while on the demo password', async () => {
    expect(await demoAccountsInfo(t.accounts, false)).toEqual({ enabled: false, password: null, accounts: [] });
    const shown = await demoAccountsInfo(t.accounts, true);
    expect(shown).toMatchObject({ enabled: true, password: DEMO_PASSWORD });
    expect(shown.accounts.map((a) => a.username)).toEqual(DEMO_ACCOUNTS.map((a) => a.username));
    const expert = (await t.db.query<{ id: number }>("SELECT id FROM users WHERE username = 'expert'")).rows[0]!;
    await updateUser(t.accounts, expert.id, null, { password: 'Changed-Password-9' }, systemActor('test'));
    expect((await demoAccountsInfo(t.accounts, true)).accounts.map((a) => a.username)).not.toContain('expert');
  });
});
