import { describe, expect, it } from 'vitest';
import { loadCity } from '../../config.js';
import { organizationCreate } from '../../contracts/organizations.js';
import { platformCreate } from '../../contracts/platforms.js';
import { qualificationCreate } from '../../contracts/qualifications.js';
import { rdInstitutionCreate } from '../../contracts/rdInstitutions.js';
import type { CityConfig } from '../../domain/city.js';
import { confirmedFeatureCount, type FeatureClaim } from '../../domain/fourGlobal.js';
import { platformTypeCodes } from '../../domain/innovationPlatform.js';
import { qualificationTypeCodes } from '../../domain/qualification.js';
import { rdInstitutionCategoryCodes } from '../../domain/rdInstitution.js';
import { checkOrganizationFields, checkPlatformFields, checkQualificationFields, checkRdInstitutionFields } from '../../domain/recordRules.js';
import { validateUscc } from '../../domain/uscc.js';
import { DEMO_AS_OF, demoRegistry, type DemoRdInstitution } from './generator.js';
import { namedOrganizations, namedPlatforms, namedRdInstitutions } from './namedEntities.js';

const changsha = loadCity('changsha');
const demo = demoRegistry(changsha);
const today = '2026-11-26';

const duplicates = (keys: string[]) => keys.filter((k, i) => keys.indexOf(k) !== i);
const countBy = <T>(items: T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {});
const confirmed = (r: DemoRdInstitution) => {
  const claims: Record<string, FeatureClaim | null> = {};
  for (const [f, c] of Object.entries(r.four_global ?? {})) claims[f] = c ? { evidence: c.evidence ?? null, confirmedOn: c.confirmed_on ?? null } : null;
  return confirmedFeatureCount(claims);
};
/** Dates of things that happened (founding, recognition, confirmation, start of validity); a validity may end later. */
const eventDatesOf = (record: object): string[] =>
  Object.entries(record).flatMap(([k, v]) => (typeof v === 'string' && /(_on|_from)$/.test(k) ? [v] : v && typeof v === 'object' ? eventDatesOf(v) : []));

describe('demoRegistry', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(demoRegistry(changsha)).toEqual(demo);
    expect(demoRegistry(changsha, 7)).not.toEqual(demo);
  });

  it('has the sizes of a registry that feels real', () => {
    expect(demo.organizations.length).toBeGreaterThanOrEqual(350);
    expect(demo.organizations.length).toBeLessThanOrEqual(450);
    expect(demo.qualifications.length).toBeGreaterThanOrEqual(250);
    expect(demo.qualifications.length).toBeLessThanOrEqual(350);
    expect(demo.rdInstitutions.length).toBeGreaterThanOrEqual(300);
    expect(demo.rdInstitutions.length).toBeLessThanOrEqual(400);
    expect(demo.platforms.length).toBeGreaterThanOrEqual(100);
    expect(demo.platforms.length).toBeLessThanOrEqual(140);
  });

  it('passes every domain rule and contract', () => {
    const hostId = { host_org_id: 1 };
    for (const o of demo.organizations) {
      expect(checkOrganizationFields(changsha, o, today), o.name).toEqual([]);
      expect(validateUscc(o.uscc).warnings, o.uscc).toEqual([]);
      expect(organizationCreate.safeParse(o).success, o.name).toBe(true);
    }
    for (const { uscc: _, ...q } of demo.qualifications) {
      expect(checkQualificationFields(q)).toEqual([]);
      expect(qualificationCreate.safeParse({ ...q, organization_id: 1 }).success).toBe(true);
    }
    for (const { host_uscc: _, ...r } of demo.rdInstitutions) {
      expect(checkRdInstitutionFields(changsha, r, today), r.name).toEqual([]);
      expect(rdInstitutionCreate.safeParse({ ...r, ...hostId }).success, r.name).toBe(true);
    }
    for (const { host_uscc: _, ...p } of demo.platforms) {
      expect(checkPlatformFields(changsha, p, today), p.name).toEqual([]);
      expect(platformCreate.safeParse({ ...p, ...hostId }).success, p.name).toBe(true);
    }
  });

  it('dates no event after the demo day', () => {
    const all = [...demo.organizations, ...demo.qualifications, ...demo.rdInstitutions, ...demo.platforms].flatMap(eventDatesOf);
    expect(all.length).toBeGreaterThan(1000);
    expect(all.filter((d) => d > DEMO_AS_OF)).toEqual([]);
    expect(DEMO_AS_OF).toBe(today);
  });

  it('keeps natural keys unique and references resolvable', () => {
    const usccs = new Set(demo.organizations.map((o) => o.uscc));
    expect(duplicates(demo.organizations.map((o) => o.uscc))).toEqual([]);
    expect(duplicates(demo.qualifications.map((q) => `${q.uscc}|${q.qualification}|${q.valid_from}`))).toEqual([]);
    expect(duplicates(demo.rdInstitutions.map((r) => `${r.host_uscc}|${r.name}`))).toEqual([]);
    expect(duplicates(demo.platforms.map((p) => `${p.host_uscc}|${p.name}`))).toEqual([]);
    const refs = [...demo.qualifications.map((q) => q.uscc), ...demo.rdInstitutions.map((r) => r.host_uscc), ...demo.platforms.map((p) => p.host_uscc)];
    expect(refs.filter((u) => !usccs.has(u))).toEqual([]);
  });

  it('dates records after their organization was founded', () => {
    const founded = new Map(demo.organizations.map((o) => [o.uscc, o.founded_on ?? '1900-01-01']));
    expect(demo.qualifications.filter((q) => q.valid_from < (founded.get(q.uscc) ?? ''))).toEqual([]);
    expect(demo.rdInstitutions.filter((r) => r.established_on && r.established_on < (founded.get(r.host_uscc) ?? ''))).toEqual([]);
    expect(demo.platforms.filter((p) => p.recognized_on && p.recognized_on < (founded.get(p.host_uscc) ?? ''))).toEqual([]);
  });

  it('covers all nine districts with every kind of record', () => {
    const nine = changsha.districts.map((d) => d.code).sort();
    expect(nine).toHaveLength(9);
    expect(Object.keys(countBy(demo.organizations.filter((o) => o.district_code), (o) => o.district_code ?? '')).sort()).toEqual(nine);
    expect(Object.keys(countBy(demo.rdInstitutions, (r) => r.district_code)).sort()).toEqual(nine);
    expect(demo.organizations.filter((o) => o.zone).length).toBeGreaterThan(demo.organizations.length / 4);
  });

  it('favours Yuelu, Yuhua, Changsha County and Kaifu', () => {
    const byDistrict = countBy(demo.organizations, (o) => o.district_code ?? '');
    const busiest = Object.entries(byDistrict).sort(([, a], [, b]) => b - a).slice(0, 4).map(([code]) => code);
    expect(busiest).toContain('430104');
    expect(busiest).toContain('430121');
  });

  it('includes the named entities of the 2025 report', () => {
    const names = (records: { name: string }[]) => records.map((r) => r.name);
    expect(names(demo.organizations)).toEqual(expect.arrayContaining(names(namedOrganizations)));
    expect(names(demo.platforms)).toEqual(
      expect.arrayContaining(['岳麓山实验室', '湘江实验室', '芙蓉实验室', '岳麓山工业创新中心', '国家超级计算长沙中心', '大飞机地面动力学试验平台', '国家战略性稀有金属矿产高效开发技术创新中心']),
    );
    expect(names(demo.rdInstitutions)).toEqual(expect.arrayContaining(['巴斯夫杉杉电池材料研究院', '松雅湖人工智能创新中心', '马栏山音视频实验室', '国防科技大学磁浮技术团队']));
    expect(demo.platforms).toEqual(expect.arrayContaining(namedPlatforms));
    expect(demo.rdInstitutions).toEqual(expect.arrayContaining(namedRdInstitutions));
    const rareMetals = demo.platforms.find((p) => p.name === '国家战略性稀有金属矿产高效开发技术创新中心');
    expect(rareMetals).toMatchObject({ status: 'under_construction', recognized_on: '2026-01-31', type: 'national_tech_innovation_center' });
  });

  it('gives every named organization a synthetic credit code', () => {
    expect(namedOrganizations.every((o) => o.uscc.slice(8, 11) === 'DEM')).toBe(true);
    expect(demo.organizations.every((o) => o.uscc.slice(8, 11) === 'DEM')).toBe(true);
  });

  it('spans every code list and the intended shares', () => {
    expect(Object.keys(countBy(demo.platforms, (p) => p.type)).sort()).toEqual([...platformTypeCodes].sort());
    expect(Object.keys(countBy(demo.rdInstitutions, (r) => r.category)).sort()).toEqual([...rdInstitutionCategoryCodes].sort());
    const quals = countBy(demo.qualifications, (q) => q.qualification);
    expect(Object.keys(quals).sort()).toEqual([...qualificationTypeCodes].sort());
    expect(quals.little_giant).toBe(25);
    expect(quals.sci_tech_leading_enterprise).toBeGreaterThanOrEqual(3);
    const founded = demo.organizations.map((o) => o.founded_on).filter((d): d is string => !!d);
    expect(founded.every((d) => d >= '1990-01-01' && d <= '2025-12-31')).toBe(true);
  });

  it('makes tech-SME registrations yearly and high-tech certificates three-year', () => {
    for (const q of demo.qualifications.filter((x) => x.qualification === 'tech_sme')) expect(q.valid_to).toBe(`${q.valid_from.slice(0, 4)}-12-31`);
    for (const q of demo.qualifications.filter((x) => x.qualification === 'high_tech_enterprise')) {
      const end = new Date(`${q.valid_from}T00:00:00Z`);
      end.setUTCFullYear(end.getUTCFullYear() + 3);
      end.setUTCDate(end.getUTCDate() - 1);
      expect(q.valid_to).toBe(end.toISOString().slice(0, 10));
    }
  });

  it('grows R&D institutions toward 2025 and confirms four-global features with evidence', () => {
    const byYear = countBy(demo.rdInstitutions.filter((r) => r.established_on), (r) => (r.established_on ?? '').slice(0, 4));
    expect(Object.keys(byYear).sort()[0]).toBe('2016');
    expect(byYear['2025']).toBeGreaterThan(byYear['2020'] ?? 0);
    const counts = demo.rdInstitutions.map(confirmed);
    const withAny = counts.filter((n) => n >= 1).length;
    const withAll = counts.filter((n) => n === 4).length;
    expect(withAny / counts.length).toBeGreaterThan(0.4);
    expect(withAll).toBeGreaterThan(10);
    expect(withAll).toBeLessThan(withAny / 2);
    for (const r of demo.rdInstitutions) {
      for (const claim of Object.values(r.four_global ?? {})) {
        if (!claim?.confirmed_on) continue;
        expect(claim.evidence?.trim()).toBeTruthy();
        if (r.established_on) expect(claim.confirmed_on >= r.established_on).toBe(true);
      }
    }
  });

  it('files concept-verification centers and pilot platforms from August 2024, national key labs from 2022', () => {
    const filed = demo.platforms.filter((p) => p.type === 'concept_verification_center' || p.type === 'pilot_platform');
    expect(filed.length).toBeGreaterThan(20);
    expect(filed.every((p) => p.recognized_on && p.recognized_on >= '2024-08-01')).toBe(true);
    const keyLabs = demo.platforms.filter((p) => p.type === 'national_key_lab' && p.status === 'active');
    expect(keyLabs.length).toBeGreaterThan(10);
    expect(keyLabs.every((p) => p.recognized_on && p.recognized_on >= '2022-01-01' && p.recognized_on <= '2025-12-31')).toBe(true);
    expect(demo.platforms.filter((p) => p.status === 'active').length / demo.platforms.length).toBeGreaterThan(0.9);
  });

  it('builds a demo for another city from its own configuration', () => {
    const other: CityConfig = {
      ...changsha,
      code: '430200',
      name: { zh: '株洲市', en: 'Zhuzhou' },
      districts: [
        { code: '430202', name: { zh: '荷塘区', en: 'Hetang District' } },
        { code: '430211', name: { zh: '天元区', en: 'Tianyuan District' } },
      ],
      retiredDistricts: [],
      placeholderCodes: [],
      zones: [{ code: 'demo_zone', name: { zh: '示范区', en: 'Demo Zone' }, innovationZone: true }],
    };
    const registry = demoRegistry(other);
    expect(registry.organizations.some((o) => o.name.includes('岳麓山'))).toBe(false);
    expect(registry.organizations.every((o) => checkOrganizationFields(other, o, today).length === 0)).toBe(true);
    expect(registry.platforms.every((p) => checkPlatformFields(other, p, today).length === 0)).toBe(true);
    expect(registry.organizations.some((o) => o.name.startsWith('株洲'))).toBe(true);
  });
});
