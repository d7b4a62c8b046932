import { beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../src/modules/accounts/sessions.js';
import { updateUser } from '../../src/modules/accounts/users.js';
import { systemActor } from '../../src/modules/audit/trail.js';
import { loadWorkflows } from '../../src/modules/filings/definitions.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountsInfo, ensureDemoAccounts } from '../../src/modules/demo/accounts.js';
import { demoRegistry } from '../../src/modules/demo/generator.js';
import { PUBLISHED_2025 } from '../../src/modules/demo/figures.js';
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
let seedSeconds = 0;

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

describe('demo registry', () => {
  beforeAll(async () => {
    t = await createTestApp();
    const started = performance.now();
    first = await seedDemoIfEmpty(t.ctx);
    seedSeconds = (performance.now() - started) / 1000;
    console.log(`demo seed on ${t.db.engine}: ${seedSeconds.toFixed(1)} s`);
  }, 120_000);

  it('loads everything on an empty database, in bulk', () => {
    const demo = demoRegistry(t.ctx.city);
    expect(first).toEqual({
      organizations: demo.organizations.length,
      qualifications: demo.qualifications.length,
      rd_institutions: demo.rdInstitutions.length,
      platforms: demo.platforms.length,
      official_values: demoOfficialFigures.length,
      targets: demoTargets2026.length,
    });
    // Measured alone it takes 5–8 s (docs/demo-data.md); the bound leaves room for parallel test files.
    expect(seedSeconds).toBeLessThan(30);
  });

  it('adds nothing the second time, and does not seed a registry that has data', async () => {
    expect(await seedDemo(t.ctx)).toEqual({ organizations: 0, qualifications: 0, rd_institutions: 0, platforms: 0, official_values: 0, targets: 0 });
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
