import { describe, expect, it } from 'vitest';
import { loadRegionLists } from '../../src/config.js';
import { buyerRegions, registryMeta, type RegistryMeta } from '../../src/contracts/meta.js';
import { fourGlobalFeatureCodes } from '../../src/domain/fourGlobal.js';
import { platformStatusCodes, platformTypeCodes } from '../../src/domain/innovationPlatform.js';
import { recognitionLevelCodes } from '../../src/domain/level.js';
import { organizationKindCodes } from '../../src/domain/organization.js';
import { qualificationTypeCodes } from '../../src/domain/qualification.js';
import { rdInstitutionCategoryCodes } from '../../src/domain/rdInstitution.js';
import { createTestApp } from '../support/testApp.js';

const { app, anonymous } = await createTestApp();

async function meta(): Promise<RegistryMeta> {
  const res = await app.inject({ method: 'GET', url: '/api/v1/meta' });
  expect(res.statusCode).toBe(200);
  return registryMeta.parse(res.json());
}

describe('GET /api/v1/meta', () => {
  it('describes Changsha: its nine districts, retired codes with successors, and zones', async () => {
    const { city } = await meta();
    expect(city).toMatchObject({ code: '430100', name: { zh: '长沙市', en: 'Changsha' }, province: { zh: '湖南省', en: 'Hunan' }, time_zone: 'Asia/Shanghai' });
    expect(city.districts.map((d) => d.code)).toEqual(['430102', '430103', '430104', '430105', '430111', '430112', '430121', '430181', '430182']);
    expect(city.districts.find((d) => d.code === '430104')?.label).toEqual({ zh: '岳麓区', en: 'Yuelu District' });
    expect(city.retired_districts).toEqual([
      { code: '430122', label: { zh: '望城县', en: 'Wangcheng County' }, successor: '430112' },
      { code: '430124', label: { zh: '宁乡县', en: 'Ningxiang County' }, successor: '430182' },
    ]);
    expect(city.zones.find((z) => z.code === 'xiangjiang_science_city')).toMatchObject({ label: { zh: '湘江科学城' }, innovation_zone: true, tile: { row: 1, col: 1 } });
    expect(city.zones.find((z) => z.code === 'changsha_hitech_zone')?.innovation_zone).toBe(false);
  });

  it('lists every code list the contracts accept, in order, with zh and en labels', async () => {
    const { code_lists } = await meta();
    const codes = (name: string) => code_lists[name]?.map((e) => e.code);
    expect(codes('organization_kind')).toEqual(organizationKindCodes);
    expect(codes('qualification')).toEqual(qualificationTypeCodes);
    expect(codes('rd_institution_category')).toEqual(rdInstitutionCategoryCodes);
    expect(codes('level')).toEqual(recognitionLevelCodes);
    expect(codes('platform_type')).toEqual(platformTypeCodes);
    expect(codes('platform_status')).toEqual(platformStatusCodes);
    expect(codes('four_global_feature')).toEqual(fourGlobalFeatureCodes);
    for (const entry of Object.values(code_lists).flat()) {
      expect(entry.label.zh, entry.code).not.toBe('');
      expect(entry.label.en, entry.code).not.toBe('');
    }
    expect(code_lists.qualification?.find((e) => e.code === 'high_tech_enterprise')?.label).toEqual({ zh: '高新技术企业', en: 'High-tech enterprise' });
  });

  it('takes no path below it', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/meta/districts' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('GET /api/v1/meta/regions', () => {
  it('gives anyone the counties a buyer in China may be in, by province and city, as the contracts accept them', async () => {
    const res = await anonymous({ method: 'GET', url: '/api/v1/meta/regions' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    const { provinces } = buyerRegions.parse(res.json());
    const hunan = provinces.find((p) => p.code === '43')!;
    expect(hunan.label).toEqual({ zh: '湖南省', en: 'Hunan' });
    expect(hunan.children.find((c) => c.code === '4301')!.children.find((d) => d.code === '430104')!.label).toEqual({ zh: '岳麓区', en: 'Yuelu District' });
    const counties = provinces.flatMap((p) => p.children.flatMap((c) => c.children.map((d) => d.code)));
    expect(counties.length).toBe(loadRegionLists().counties.size);
  });
});
