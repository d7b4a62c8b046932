import { beforeAll, describe, expect, it } from 'vitest';
import { dashboard, observationList, targetList } from '../../src/contracts/indicators.js';
import { seedDemoIfEmpty } from '../../src/modules/demo/seed.js';
import { createTestApp, type TestApp } from '../support/testApp.js';

/**
 * The demo registry reproduces Changsha's published 2025 figures (changsha-2025.md). Every figure
 * here is read from the indicator engine's API, never from the generator's counters, and every
 * computed one is checked against the number of rows its drill-down returns.
 */

let t: TestApp;
const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const value = async (code: string, period = 2025) => observationList.parse(await get(`/api/v1/indicators/${code}/observations?period=${period}`)).results[0]!;
const rowCount = async (code: string, query = '') => ((await get(`/api/v1/indicators/${code}/rows?period=2025&per_page=1${query}`)) as { meta: { count: number } }).meta.count;

beforeAll(async () => {
  t = await createTestApp({ today: () => '2026-11-27' });
  await seedDemoIfEmpty(t.ctx);
}, 300_000);

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
    expect((await value('technologies.key_breakthroughs')).value).toBe(137);
    expect((await value('technologies.globally_leading')).value).toBe(19);
  });

  it('tracks the 2026 targets', async () => {
    const targets = targetList.parse(await get('/api/v1/targets?period=2026')).results;
    expect(Object.fromEntries(targets.map((x) => [x.indicator_code, [x.comparator, x.value]]))).toEqual({
      'technologies.key_breakthroughs': ['>=', 130],
      'technologies.globally_leading': ['>=', 15],
      'rd_institutions.new_enterprise_rd_centers': ['≈', 50],
      'enterprises.tech_sme.count': ['>=', 12_500],
      'achievements.transferred_or_incubated': ['>=', 1_000],
    });
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
});
