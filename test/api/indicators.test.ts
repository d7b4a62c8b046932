import { beforeAll, describe, expect, it } from 'vitest';
import { dashboard, indicatorCatalogue, observationList, target, targetList, type Observation } from '../../src/contracts/indicators.js';
import { createOrganization, createPlatform, createQualification, createRdInstitution } from '../support/factories.js';
import { loadCatalogue } from '../../src/modules/indicators/catalogue.js';
import { IndicatorEngine } from '../../src/modules/indicators/engine.js';
import { createTestApp, type TestApp } from '../support/testApp.js';
import { errorAt, expectProblem } from './helpers.js';

/**
 * The indicator engine over a small registry whose every count is known: each value must equal
 * the hand count, and the drill-down must return exactly that many rows.
 */

let t: TestApp;
const TODAY = '2026-07-02'; // 183 of 365 days of 2026 passed
const confirmed = (on: string) => ({ evidence: '海外分支机构', confirmed_on: on });

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const values = async (code: string, query = ''): Promise<Observation[]> => observationList.parse(await get(`/api/v1/indicators/${code}/observations${query}`)).results;
const valueOf = async (code: string, period: number, area = '') => (await values(code, `?period=${period}${area ? `&area=${area}` : ''}`))[0]!;
const rows = async (code: string, query: string) => get(`/api/v1/indicators/${code}/rows?${query}&per_page=200`) as Promise<{ meta: { count: number }; results: Array<{ id: number; name: string }>; entity: string; filter: string | null }>;

beforeAll(async () => {
  t = await createTestApp({ today: () => TODAY });
  const a = await createOrganization(t.app, { district_code: '430104' });
  const b = await createOrganization(t.app, { district_code: '430105', zone: null });
  // R&D institutions: 2 before 2024, 2 in 2024, 3 in 2025 (2 in innovation zones), 1 in 2026.
  await createRdInstitution(t.app, { host_org_id: a.id, established_on: '2019-05-01', four_global: { global_layout: confirmed('2023-03-01'), global_tasks: confirmed('2023-03-01'), global_resources: confirmed('2024-06-01'), global_results: confirmed('2025-02-01') } });
  await createRdInstitution(t.app, { host_org_id: a.id, established_on: '2023-12-31', four_global: { global_tasks: confirmed('2025-12-31') } });
  await createRdInstitution(t.app, { host_org_id: b.id, established_on: '2024-01-01', district_code: '430105', zone: null, four_global: { global_layout: confirmed('2026-01-05') } });
  await createRdInstitution(t.app, { host_org_id: b.id, established_on: '2024-08-08', district_code: '430105', zone: 'kaifu_st_valley' });
  await createRdInstitution(t.app, { host_org_id: a.id, established_on: '2025-01-01', zone: 'xiangjiang_science_city' });
  await createRdInstitution(t.app, { host_org_id: b.id, established_on: '2025-06-30', district_code: '430105', zone: 'kaifu_st_valley', category: 'new_type_rd_institution' });
  await createRdInstitution(t.app, { host_org_id: a.id, established_on: '2025-12-31', zone: 'changsha_hitech_zone' });
  await createRdInstitution(t.app, { host_org_id: a.id, established_on: '2026-03-01' });
  // Platforms: 2 national active by 2025 (one a key lab recognized in 2025), 1 revoked, 1 provincial.
  await createPlatform(t.app, { host_org_id: a.id, type: 'national_key_lab', level: 'national', recognized_on: '2025-04-01' });
  await createPlatform(t.app, { host_org_id: b.id, type: 'national_tech_innovation_center', level: 'national', recognized_on: '2020-04-01', district_code: '430105', zone: null });
  await createPlatform(t.app, { host_org_id: b.id, type: 'national_key_lab', level: 'national', recognized_on: '2018-04-01', status: 'revoked', district_code: '430105', zone: null });
  await createPlatform(t.app, { host_org_id: a.id, type: 'concept_verification_center', level: 'municipal', recognized_on: '2024-09-01' });
  // Tech-based SMEs: a holds two overlapping listings for 2025 (counted once); b was listed for 2024 only.
  await createQualification(t.app, { organization_id: a.id, qualification: 'tech_sme', valid_from: '2025-03-01', valid_to: '2025-12-31' });
  await createQualification(t.app, { organization_id: a.id, qualification: 'tech_sme', valid_from: '2025-05-01', valid_to: '2026-04-30' });
  await createQualification(t.app, { organization_id: b.id, qualification: 'tech_sme', valid_from: '2024-04-01', valid_to: '2025-12-30' });
}, 60_000);

describe('indicator catalogue', () => {
  it('lists every code the issue names, with units and sources', async () => {
    const catalogue = indicatorCatalogue.parse(await get('/api/v1/indicators'));
    const codes = catalogue.results.map((i) => i.code);
    for (const code of ['rd_institutions.count', 'rd_institutions.new', 'rd_institutions.global_any', 'rd_institutions.global_all', 'rd_institutions.new_in_zones_share', 'platforms.national.count', 'platforms.national_key_lab.new', 'platforms.concept_verification_center.count', 'platforms.pilot_platform.count', 'enterprises.tech_sme.count', 'enterprises.little_giant.count', 'rd_expenditure', 'gdp', 'rd_intensity', 'rank.wipo_gii_cluster', 'rank.nature_index_science_city', 'rank.china_city_innovation']) {
      expect(codes).toContain(code);
    }
    expect(catalogue.first_year).toBe(2016);
    const one = await get('/api/v1/indicators/rd_institutions.global_any');
    expect(one).toMatchObject({ source: 'computed', measure: 'stock', rows_entity: 'rd_institutions', unit: 'count' });
    expect((await get('/api/v1/indicators/rd_intensity')).source).toBe('computed');
    expect((await get('/api/v1/indicators/gdp')).source).toBe('official');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/indicators/no.such' }), 404);
  });
});

describe('computed values and their rows', () => {
  const cases: Array<[string, number, string, number]> = [
    ['rd_institutions.count', 2023, '', 2],
    ['rd_institutions.count', 2024, '', 4],
    ['rd_institutions.count', 2025, '', 7],
    ['rd_institutions.count', 2025, '430105', 3],
    ['rd_institutions.count', 2026, '', 8],
    ['rd_institutions.new', 2025, '', 3],
    ['rd_institutions.new', 2024, '430104', 0],
    ['rd_institutions.global_any', 2022, '', 0],
    ['rd_institutions.global_any', 2024, '', 1],
    ['rd_institutions.global_any', 2025, '', 2],
    ['rd_institutions.global_any', 2026, '', 3],
    ['rd_institutions.global_all', 2024, '', 0],
    ['rd_institutions.global_all', 2025, '', 1],
    ['platforms.national.count', 2019, '', 0],
    ['platforms.national.count', 2025, '', 2],
    ['platforms.national_key_lab.new', 2025, '', 1],
    ['platforms.concept_verification_center.count', 2025, '', 1],
    ['enterprises.tech_sme.count', 2024, '', 1],
    ['enterprises.tech_sme.count', 2025, '', 1],
    ['enterprises.tech_sme.count', 2025, '430105', 0],
  ];
  it.each(cases)('%s %i %s = %i, and the drill-down has as many rows', async (code, period, area, expected) => {
    const v = await valueOf(code, period, area);
    expect(v).toMatchObject({ code, period: String(period), value: expected, source: 'computed', unit: 'count' });
    const r = await rows(code, `period=${period}${area ? `&area=${area}` : ''}`);
    expect(r.meta.count).toBe(expected);
  });

  it('gives a series from the first year, stamped as of the period end or today', async () => {
    const series = await values('rd_institutions.count');
    expect(series.map((o) => o.period)).toEqual(Array.from({ length: 11 }, (_, i) => String(2016 + i)));
    expect(series.map((o) => o.value)).toEqual([0, 0, 0, 1, 1, 1, 1, 2, 4, 7, 8]);
    expect(series[9]!.as_of).toBe('2025-12-31');
    expect(series[10]!.as_of).toBe(TODAY);
  });

  it('computes a share with its numerator and denominator, and lists the part', async () => {
    const v = await valueOf('rd_institutions.new_in_zones_share', 2025);
    expect(v).toMatchObject({ numerator: 2, denominator: 3, unit: 'percent' });
    expect(v.value).toBeCloseTo(66.667, 2);
    expect((await rows('rd_institutions.new_in_zones_share', 'period=2025')).meta.count).toBe(3);
    const part = await rows('rd_institutions.new_in_zones_share', 'period=2025&part=part');
    expect(part.meta.count).toBe(2);
    expect(part.filter).toContain('innovation_zone:true');
  });

  it('drills a distinct count down to the organizations, each once', async () => {
    const r = await rows('enterprises.tech_sme.count', 'period=2025');
    expect(r.entity).toBe('organizations');
    expect(r.filter).toBeNull();
    expect(r.meta.count).toBe(1);
  });

  it('returns the same rows as the registry list with the filter it names, and takes the list’s own filters', async () => {
    const r = await rows('rd_institutions.count', 'period=2025');
    const list = await get(`/api/v1/rd-institutions?filter=${encodeURIComponent(r.filter!)}&per_page=200`);
    expect(list.results.map((x: { id: number }) => x.id).sort()).toEqual(r.results.map((x) => x.id).sort());
    const narrowed = await rows('rd_institutions.count', 'period=2025&filter=district_code:430105');
    expect(narrowed.meta.count).toBe(3);
  });

  it('breaks down by district with every district present, and by category', async () => {
    const byDistrict = await values('rd_institutions.count', '?period=2025&breakdown=district');
    expect(byDistrict.find((o) => o.breakdown_key === '430104')!.value).toBe(4);
    expect(byDistrict.find((o) => o.breakdown_key === '430105')!).toMatchObject({ value: 3, breakdown_label: { zh: '开福区', en: 'Kaifu District' } });
    expect(byDistrict.find((o) => o.breakdown_key === '430181')!.value).toBe(0);
    expect(byDistrict).toHaveLength(9);
    const byCategory = await values('rd_institutions.new', '?period=2025&breakdown=category&area=430105');
    // Keys with nothing in the period asked for are left out (enterprise R&D centers of 2024 here).
    expect(byCategory).toEqual([expect.objectContaining({ breakdown_key: 'new_type_rd_institution', value: 1 })]);
  });

  it('recomputes when the rows behind a value change', async () => {
    expect((await valueOf('platforms.pilot_platform.count', 2025)).value).toBe(0);
    const p = await createPlatform(t.app, { type: 'pilot_platform', level: 'municipal', recognized_on: '2025-10-10' });
    expect((await valueOf('platforms.pilot_platform.count', 2025)).value).toBe(1);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/platforms/${p.id}`, headers: { 'if-match': `"${p.version}"` }, payload: { status: 'revoked' } });
    expect(res.statusCode, res.body).toBe(200);
    expect((await valueOf('platforms.pilot_platform.count', 2025)).value).toBe(0);
  });

  it('recomputes every indicator at once, to the same values', async () => {
    const engine = new IndicatorEngine(t.ctx, loadCatalogue(t.ctx.city));
    await engine.recomputeAll();
    const versions = await engine.versions();
    for (const code of ['rd_institutions.count', 'rd_institutions.global_all', 'enterprises.tech_sme.count', 'platforms.national.count']) {
      expect((await engine.value(code, 2025, t.ctx.city.code, versions)).value).toBe((await valueOf(code, 2025)).value);
    }
  });

  it('names the field of a bad query', async () => {
    const bad = async (url: string, field: string, code: string) => expect(errorAt(expectProblem(await t.app.inject({ method: 'GET', url }), 400), field).code).toBe(code);
    await bad('/api/v1/indicators/rd_institutions.count/observations?period=20x5', 'period', 'period.invalid');
    await bad('/api/v1/indicators/rd_institutions.count/observations?period=2015', 'period', 'period.out_of_range');
    await bad('/api/v1/indicators/rd_institutions.count/observations?period=2025Q2', 'period', 'period.quarter_not_computed');
    await bad('/api/v1/indicators/rd_institutions.count/observations?area=430122', 'area', 'area.unknown');
    await bad('/api/v1/indicators/rd_institutions.count/observations?breakdown=colour', 'breakdown', 'breakdown.unknown');
    await bad('/api/v1/indicators/gdp/rows?period=2025', 'code', 'indicator.no_rows');
    await bad('/api/v1/indicators/rd_institutions.count/rows?period=2025&filter=colour:red', 'filter', 'filter.unknown_field');
  });
});

describe('official statistics', () => {
  const post = (code: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/indicators/${code}/values`, payload });

  it('keeps every revision, shows the newest, and derives intensity and growth from them', async () => {
    const source = '长沙市统计局《2025年长沙市国民经济和社会发展统计公报》';
    expect((await post('rd_expenditure', { period: '2024', value: 472.75, source, published_on: '2025-03-20' })).statusCode).toBe(201);
    expect((await post('rd_expenditure', { period: '2025', value: 510.0, source: '初步核算 preliminary', published_on: '2026-01-20' })).statusCode).toBe(201);
    const revised = await post('rd_expenditure', { period: '2025', value: 511.56, source, published_on: '2026-03-20', note: '修订 revised' });
    expect(revised.json()).toMatchObject({ value: 511.56, current: true, area: '430100' });
    expect((await post('gdp', { period: '2025', value: 15_225, source, published_on: '2026-03-20' })).statusCode).toBe(201);

    expect(await valueOf('rd_expenditure', 2025)).toMatchObject({ value: 511.56, source: 'official', as_of: '2026-03-20', source_note: source });
    expect((await valueOf('rd_intensity', 2025)).value).toBeCloseTo(3.36, 4);
    expect((await valueOf('rd_expenditure.growth', 2025)).value).toBeCloseTo(8.21, 2);
    expect((await valueOf('rd_intensity', 2024)).value).toBeNull();
    const history = (await get('/api/v1/indicators/rd_expenditure/values?period=2025')).results;
    expect(history.map((h: { value: number; current: boolean }) => [h.value, h.current])).toEqual([[511.56, true], [510, false]]);
  });

  it('refuses a value for a computed indicator, and a bad body field by field', async () => {
    expect(errorAt(expectProblem(await post('rd_institutions.count', { period: '2025', value: 1, source: 'x', published_on: '2026-01-01' }), 400), 'code').code).toBe('indicator.computed');
    expectProblem(await post('gdp', { period: '2025', value: 'lots', source: '', published_on: '2026-02-30' }), 400, ['value', 'source', 'published_on']);
  });
});

describe('targets', () => {
  it('judges a target against the year so far and cascades it to districts that add up', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/targets', payload: { indicator_code: 'rd_institutions.count', period: '2026', comparator: '>=', value: 10 } });
    expect(res.statusCode, res.body).toBe(201);
    const city = target.parse(res.json());
    // From 7 at the end of 2025 to 8 now, half-way through the year: projected 8.99, more than 10 % short of 10.
    expect(city).toMatchObject({ current: 8, baseline: 7, status: 'off_track', area: '430100', districts: { count: 0, sum: 0 } });
    expect(city.projected).toBeCloseTo(7 + 365 / 183, 5);
    expect(city.progress).toBeCloseTo(1 / 3, 5);
    expect(city.elapsed).toBeCloseTo(183 / 365, 5);

    const again = await t.app.inject({ method: 'POST', url: '/api/v1/targets', payload: { indicator_code: 'rd_institutions.count', period: '2026', comparator: '>=', value: 12 } });
    expect(errorAt(expectProblem(again, 409), 'indicator_code').code).toBe('target.exists');

    const cascade = await t.app.inject({ method: 'POST', url: `/api/v1/targets/${city.id}/cascade`, payload: {} });
    expect(cascade.statusCode, cascade.body).toBe(200);
    const parts = targetList.parse(cascade.json()).results;
    expect(parts).toHaveLength(9);
    expect(parts.reduce((s, p) => s + p.value, 0)).toBe(10);
    // 5 of 8 institutions are in Yuelu (430104), 3 in Kaifu (430105) in 2026.
    expect(parts.find((p) => p.area === '430104')!.value).toBe(6);
    expect(parts.find((p) => p.area === '430105')!.value).toBe(4);
    expect(target.parse(await get(`/api/v1/targets/${city.id}`)).districts).toEqual({ count: 9, sum: 10 });

    const patched = await t.app.inject({ method: 'PATCH', url: `/api/v1/targets/${city.id}`, headers: { 'if-match': `"${city.version}"` }, payload: { value: 8 } });
    expect(patched.json()).toMatchObject({ value: 8, status: 'achieved', version: 2 });
    expectProblem(await t.app.inject({ method: 'PATCH', url: `/api/v1/targets/${city.id}`, headers: { 'if-match': `"${city.version}"` }, payload: { value: 9 } }), 412);
  });

  it('refuses to cascade a share, and a target on an unknown indicator or area', async () => {
    const share = await t.app.inject({ method: 'POST', url: '/api/v1/targets', payload: { indicator_code: 'rd_institutions.new_in_zones_share', period: '2026', comparator: '≈', value: 70, tolerance: 2 } });
    expect(share.statusCode, share.body).toBe(201);
    expectProblem(await t.app.inject({ method: 'POST', url: `/api/v1/targets/${share.json().id}/cascade`, payload: {} }), 409);
    const shape = await t.app.inject({ method: 'POST', url: '/api/v1/targets', payload: { indicator_code: 'rd_institutions.count', period: '2026', comparator: '>', value: 'ten' } });
    expectProblem(shape, 400, ['comparator', 'value']);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/targets', payload: { indicator_code: 'no.such', period: '2040', comparator: '>=', value: 1, area: '430122' } });
    expectProblem(bad, 400, ['indicator_code', 'period', 'area']);
  });
});

describe('dashboard', () => {
  it('answers everything in one reply, for the last complete year by default', async () => {
    const d = dashboard.parse(await get('/api/v1/dashboard'));
    expect(d.period).toBe('2025');
    expect(d.target_period).toBe('2026');
    expect(d).toMatchObject({ running_period: '2026', as_of: '2025-12-31' });
    expect(dashboard.parse(await get('/api/v1/dashboard?period=2026')).as_of).toBe(TODAY);
    const kpi = d.kpis.find((k) => k.indicator.code === 'rd_institutions.count')!;
    expect(kpi).toMatchObject({ value: { value: 7 }, previous: { value: 4 }, change: 3 });
    expect(kpi.change_percent).toBeCloseTo(75, 5);
    expect(d.funnel.map((f) => f.value.value)).toEqual([7, 2, 1]);
    expect(d.map.points).toHaveLength(9);
    expect(d.trends[0]!.points).toHaveLength(11);
    expect(d.targets.map((x) => x.indicator_code)).toContain('rd_institutions.count');
  });
});
