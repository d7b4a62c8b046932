import { describe, expect, it } from 'vitest';
import { loadCity } from '../../config.js';
import { organizationCreate } from '../../contracts/organizations.js';
import { platformCreate } from '../../contracts/platforms.js';
import { qualificationCreate } from '../../contracts/qualifications.js';
import { rdInstitutionCreate } from '../../contracts/rdInstitutions.js';
import type { CityConfig } from '../../domain/city.js';
import { fourGlobalFeatureCodes } from '../../domain/fourGlobal.js';
import { platformTypeCodes } from '../../domain/innovationPlatform.js';
import { qualificationTypeCodes } from '../../domain/qualification.js';
import { rdInstitutionCategoryCodes } from '../../domain/rdInstitution.js';
import { checkOrganizationFields, checkPlatformFields, checkQualificationFields, checkRdInstitutionFields } from '../../domain/recordRules.js';
import { normalizeUscc, validateUscc } from '../../domain/uscc.js';
import { demoUscc } from './codes.js';
import { DEMO_AS_OF, DEMO_TABLES, demoRegistry, planDemo, type DemoRegistry } from './generator.js';
import { namedOrganizations, namedPlatforms, namedRdInstitutions } from './namedEntities.js';
import { BLOCKED_TRADE_PAIRS, LAB_FIELDS, TRADE_CHARACTERS } from './vocabulary.js';

const changsha = loadCity('changsha');
const demo = demoRegistry(changsha);
const today = DEMO_AS_OF;

const duplicates = (keys: string[]) => {
  const seen = new Set<string>();
  return keys.filter((k) => seen.size === seen.add(k).size);
};
const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};
/** Dates of things that happened (founding, recognition, confirmation, start of validity); a validity may end later. */
const eventDatesOf = (record: object): string[] =>
  Object.entries(record).flatMap(([k, v]) => (typeof v === 'string' && /(_on|_from)$/.test(k) ? [v] : v && typeof v === 'object' ? eventDatesOf(v) : []));
const naturalKeys = (r: DemoRegistry) => ({
  organizations: r.organizations.map((o) => o.uscc),
  qualifications: r.qualifications.map((q) => `${q.uscc}|${q.qualification}|${q.valid_from}`),
  rdInstitutions: r.rdInstitutions.map((i) => `${i.host_uscc}|${i.name}`),
  platforms: r.platforms.map((p) => `${p.host_uscc}|${p.name}`),
});

describe('demoRegistry', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(JSON.stringify(demoRegistry(changsha))).toBe(JSON.stringify(demo));
    const other = demoRegistry(changsha, { seed: 7 });
    expect(other.organizations.slice(40, 60)).not.toEqual(demo.organizations.slice(40, 60));
    expect(other.rdInstitutions.slice(10, 30)).not.toEqual(demo.rdInstitutions.slice(10, 30));
  });

  it('writes the same records table by table, in chunks of any size', () => {
    const plan = planDemo(changsha);
    const chunks = [...plan.rows('qualifications', 997)];
    expect(chunks.slice(0, -1).every((c) => c.length >= 997)).toBe(true);
    expect(chunks.flat()).toEqual(demo.qualifications);
    expect([...planDemo(changsha).rows('rd_institutions', 500)].flat()).toEqual(demo.rdInstitutions);
  });

  it('has the size of Changsha’s registry', () => {
    expect(demo.organizations.length).toBeGreaterThan(13_000);
    expect(demo.organizations.length).toBeLessThan(16_000);
    expect(demo.qualifications.length).toBeGreaterThan(65_000);
    expect(demo.qualifications.length).toBeLessThan(85_000);
    expect(demo.rdInstitutions.length).toBeGreaterThan(5_000);
    expect(demo.rdInstitutions.length).toBeLessThan(5_300);
    expect(demo.platforms.length).toBeGreaterThan(300);
    expect(demo.platforms.length).toBeLessThan(400);
  });

  it('passes every domain rule and contract', () => {
    const hostId = { host_org_id: 1 };
    const badOrganizations = demo.organizations.filter(
      (o) =>
        checkOrganizationFields(changsha, o, today).length > 0 ||
        validateUscc(o.uscc).warnings.length > 0 ||
        normalizeUscc(o.uscc) !== o.uscc ||
        !organizationCreate.safeParse(o).success,
    );
    expect(badOrganizations).toEqual([]);
    const badQualifications = demo.qualifications.filter(
      ({ uscc: _, ...q }) => checkQualificationFields(q).length > 0 || !qualificationCreate.safeParse({ ...q, organization_id: 1 }).success,
    );
    expect(badQualifications).toEqual([]);
    const badInstitutions = demo.rdInstitutions.filter(
      ({ host_uscc: _, ...r }) => checkRdInstitutionFields(changsha, r, today).length > 0 || !rdInstitutionCreate.safeParse({ ...r, ...hostId }).success,
    );
    expect(badInstitutions).toEqual([]);
    const badPlatforms = demo.platforms.filter(
      ({ host_uscc: _, ...p }) => checkPlatformFields(changsha, p, today).length > 0 || !platformCreate.safeParse({ ...p, ...hostId }).success,
    );
    expect(badPlatforms).toEqual([]);
  }, 30_000);

  it('dates no event after the demo day', () => {
    const all = [...demo.organizations, ...demo.qualifications, ...demo.rdInstitutions, ...demo.platforms].flatMap(eventDatesOf);
    expect(all.length).toBeGreaterThan(90_000);
    expect(all.filter((d) => d > DEMO_AS_OF)).toEqual([]);
  });

  it('keeps natural keys and names unique and references resolvable', () => {
    const keys = naturalKeys(demo);
    for (const list of Object.values(keys)) expect(duplicates(list)).toEqual([]);
    expect(duplicates(demo.organizations.map((o) => o.name))).toEqual([]);
    expect(duplicates(demo.rdInstitutions.map((r) => r.name))).toEqual([]);
    expect(duplicates(demo.platforms.map((p) => p.name))).toEqual([]);
    const usccs = new Set(keys.organizations);
    const refs = [...demo.qualifications.map((q) => q.uscc), ...demo.rdInstitutions.map((r) => r.host_uscc), ...demo.platforms.map((p) => p.host_uscc)];
    expect(refs.filter((u) => !usccs.has(u))).toEqual([]);
  });

  it('dates records after their organization was founded', () => {
    const founded = new Map(demo.organizations.map((o) => [o.uscc, o.founded_on ?? '1900-01-01']));
    expect(demo.qualifications.filter((q) => q.valid_from <= (founded.get(q.uscc) ?? ''))).toEqual([]);
    expect(demo.rdInstitutions.filter((r) => r.established_on && r.established_on <= (founded.get(r.host_uscc) ?? ''))).toEqual([]);
    expect(demo.platforms.filter((p) => p.recognized_on && p.recognized_on <= (founded.get(p.host_uscc) ?? ''))).toEqual([]);
  });

  it('covers all nine districts with every kind of record', () => {
    const nine = changsha.districts.map((d) => d.code).sort();
    expect(nine).toHaveLength(9);
    expect(Object.keys(countBy(demo.organizations.filter((o) => o.district_code), (o) => o.district_code ?? '')).sort()).toEqual(nine);
    expect(Object.keys(countBy(demo.rdInstitutions, (r) => r.district_code)).sort()).toEqual(nine);
    expect(Object.keys(countBy(demo.platforms, (p) => p.district_code)).sort()).toEqual(nine);
    expect(demo.organizations.filter((o) => o.zone).length).toBeGreaterThan(demo.organizations.length / 4);
  });

  it('favours Yuelu, Yuhua, Changsha County and Kaifu', () => {
    const byDistrict = countBy(demo.organizations, (o) => o.district_code ?? '');
    const busiest = Object.entries(byDistrict).sort(([, a], [, b]) => b - a).slice(0, 4).map(([code]) => code);
    expect(busiest.sort()).toEqual(['430104', '430105', '430111', '430121']);
  });

  it('includes the named entities of the 2025 report', () => {
    const names = (records: { name: string }[]) => records.map((r) => r.name);
    expect(demo.organizations).toEqual(expect.arrayContaining(namedOrganizations));
    expect(names(demo.platforms)).toEqual(
      expect.arrayContaining(['岳麓山实验室', '湘江实验室', '芙蓉实验室', '岳麓山工业创新中心', '国家超级计算长沙中心', '大飞机地面动力学试验平台', '国家战略性稀有金属矿产高效开发技术创新中心']),
    );
    expect(names(demo.rdInstitutions)).toEqual(expect.arrayContaining(['巴斯夫杉杉电池材料研究院', '松雅湖人工智能创新中心', '马栏山音视频实验室', '国防科技大学磁浮技术团队']));
    expect(demo.platforms).toEqual(expect.arrayContaining(namedPlatforms));
    expect(demo.rdInstitutions).toEqual(expect.arrayContaining(namedRdInstitutions));
    const rareMetals = demo.platforms.find((p) => p.name === '国家战略性稀有金属矿产高效开发技术创新中心');
    expect(rareMetals).toMatchObject({ status: 'under_construction', recognized_on: '2026-01-31', type: 'national_tech_innovation_center' });
  });

  it('gives every organization a synthetic credit code', () => {
    expect(demo.organizations.every((o) => o.uscc.slice(8, 11) === 'DEM')).toBe(true);
    // Past 99,999 organizations (10× and 100×) serials go on in letters, still valid and distinct.
    const big = [99_999, 100_000, 100_001, 1_440_820].map((n) => demoUscc('91', '430100', n));
    expect(big.map((u) => validateUscc(u))).toEqual(big.map((u) => ({ normalized: u, violations: [], warnings: [] })));
    expect(new Set(big.map((u) => u.slice(11, 16))).size).toBe(4);
  });

  it('spans every code list', () => {
    expect(Object.keys(countBy(demo.platforms, (p) => p.type)).sort()).toEqual([...platformTypeCodes].sort());
    expect(Object.keys(countBy(demo.rdInstitutions, (r) => r.category)).sort()).toEqual([...rdInstitutionCategoryCodes].sort());
    expect(Object.keys(countBy(demo.qualifications, (q) => q.qualification)).sort()).toEqual([...qualificationTypeCodes].sort());
    const founded = demo.organizations.map((o) => o.founded_on).filter((d): d is string => !!d);
    expect(founded.every((d) => d >= '1956-01-01' && d <= '2025-12-31')).toBe(true);
  });

  it('registers tech SMEs yearly and gives certificates three years', () => {
    const threeYears = (from: string) => {
      const end = new Date(`${from}T00:00:00Z`);
      end.setUTCFullYear(end.getUTCFullYear() + 3);
      end.setUTCDate(end.getUTCDate() - 1);
      return end.toISOString().slice(0, 10);
    };
    const validTo = (q: DemoRegistry['qualifications'][number]) =>
      q.qualification === 'tech_sme' ? `${q.valid_from.slice(0, 4)}-12-31` : q.qualification === 'sci_tech_leading_enterprise' ? null : threeYears(q.valid_from);
    expect(demo.qualifications.filter((q) => q.valid_to !== validTo(q))).toEqual([]);
    const smeYears = countBy(
      demo.qualifications.filter((q) => q.qualification === 'tech_sme'),
      (q) => q.valid_from.slice(0, 4),
    );
    expect(Object.keys(smeYears).sort()).toEqual(['2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026']);
  });

  it('confirms four-global features with evidence, never before the institution existed', () => {
    for (const r of demo.rdInstitutions) {
      for (const f of fourGlobalFeatureCodes) {
        const claim = r.four_global?.[f];
        if (!claim?.confirmed_on) continue;
        expect(claim.evidence?.trim()).toBeTruthy();
        if (r.established_on) expect(claim.confirmed_on > r.established_on).toBe(true);
      }
    }
    const pending = demo.rdInstitutions.filter((r) => fourGlobalFeatureCodes.some((f) => r.four_global?.[f]?.evidence && !r.four_global[f]?.confirmed_on));
    expect(pending.length).toBeGreaterThan(500);
  });

  it('files concept-verification centers and pilot platforms from August 2024, national key labs from 2022', () => {
    const filed = demo.platforms.filter((p) => p.type === 'concept_verification_center' || p.type === 'pilot_platform');
    expect(filed.every((p) => p.recognized_on && p.recognized_on >= '2024-08-01')).toBe(true);
    const keyLabs = demo.platforms.filter((p) => p.type === 'national_key_lab' && p.status === 'active');
    expect(keyLabs.every((p) => p.recognized_on && p.recognized_on >= '2022-01-01' && p.recognized_on <= '2025-12-31')).toBe(true);
    // Each reorganized state key laboratory lives on as a national key laboratory of its host.
    const stateLabs = demo.platforms.filter((p) => p.status === 'reorganized');
    for (const lab of stateLabs) expect(keyLabs.some((k) => k.host_uscc === lab.host_uscc && k.name === lab.name.replace('国家重点实验室', '全国重点实验室'))).toBe(true);
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
    expect(registry.rdInstitutions.every((r) => checkRdInstitutionFields(other, r, today).length === 0)).toBe(true);
    expect(registry.platforms.every((p) => checkPlatformFields(other, p, today).length === 0)).toBe(true);
    expect(registry.organizations.some((o) => o.name.startsWith('株洲'))).toBe(true);
  });
});

describe('demo vocabulary', () => {
  it('composes trade names from distinct characters with their pinyin', () => {
    expect(duplicates(TRADE_CHARACTERS.map(([zh]) => zh))).toEqual([]);
    expect(TRADE_CHARACTERS.every(([zh, pinyin]) => zh.length === 1 && /^[a-z]+$/.test(pinyin))).toBe(true);
    expect([...BLOCKED_TRADE_PAIRS].every((pair) => pair.length === 2)).toBe(true);
    expect(duplicates(LAB_FIELDS.map((f) => f.zh))).toEqual([]);
  });
});

describe('demo registry at a larger scale', () => {
  const scale = 3;
  const big = demoRegistry(changsha, { scale });

  it('multiplies every generated population and keeps names and keys unique', () => {
    const generated = (r: DemoRegistry) => ({
      organizations: r.organizations.length - namedOrganizations.length,
      rdInstitutions: r.rdInstitutions.length - namedRdInstitutions.length,
      platforms: r.platforms.length - namedPlatforms.length,
    });
    const one = generated(demo);
    expect(generated(big)).toEqual({ organizations: scale * one.organizations, rdInstitutions: scale * one.rdInstitutions, platforms: scale * one.platforms });
    for (const list of Object.values(naturalKeys(big))) expect(duplicates(list)).toEqual([]);
    // Past 18,632 organizations the trade names (字号) take a third character.
    expect(big.organizations.length).toBeGreaterThan(18_632);
    expect(duplicates(big.organizations.map((o) => o.name))).toEqual([]);
    expect(duplicates(big.rdInstitutions.map((r) => r.name))).toEqual([]);
    expect(duplicates(big.platforms.map((p) => p.name))).toEqual([]);
  });

  it('passes the domain rules', () => {
    expect(big.organizations.filter((o) => checkOrganizationFields(changsha, o, today).length > 0)).toEqual([]);
    expect(big.rdInstitutions.filter((r) => checkRdInstitutionFields(changsha, r, today).length > 0)).toEqual([]);
    expect(big.platforms.filter((p) => checkPlatformFields(changsha, p, today).length > 0)).toEqual([]);
  });

  it('refuses a scale that is not a whole number', () => {
    expect(() => planDemo(changsha, { scale: 0.5 })).toThrow(/whole number/);
    expect(DEMO_TABLES).toEqual(['organizations', 'qualifications', 'rd_institutions', 'platforms']);
  });
});
