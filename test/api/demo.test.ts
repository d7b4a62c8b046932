import { beforeAll, describe, expect, it } from 'vitest';
import { demoRegistry } from '../../src/modules/demo/generator.js';
import { seedDemo, seedDemoIfEmpty, type SeedCounts } from '../../src/modules/demo/seed.js';
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

describe('demo registry', () => {
  beforeAll(async () => {
    t = await createTestApp();
    first = await seedDemoIfEmpty(t.ctx);
  }, 120_000);

  it('loads everything on an empty database, through the services', () => {
    const demo = demoRegistry(t.ctx.city);
    expect(first).toEqual({
      organizations: demo.organizations.length,
      qualifications: demo.qualifications.length,
      rd_institutions: demo.rdInstitutions.length,
      platforms: demo.platforms.length,
    });
  });

  it('adds nothing the second time, and does not seed a registry that has data', async () => {
    expect(await seedDemo(t.ctx)).toEqual({ organizations: 0, qualifications: 0, rd_institutions: 0, platforms: 0 });
    expect(await seedDemoIfEmpty(t.ctx)).toBeNull();
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
    const keyLabs = await list('/api/v1/platforms?filter=type:national_key_lab,recognized_on:>2021-12-31&per_page=1');
    expect(keyLabs.meta.count).toBeGreaterThan(10);
    const allFour = await list('/api/v1/rd-institutions?filter=global_feature_count:4&per_page=1');
    expect(allFour.meta.count).toBeGreaterThan(10);
  });
});
