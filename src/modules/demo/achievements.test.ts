import { describe, expect, it } from 'vitest';
import { loadAchievementCodes, loadCity } from '../../config.js';
import { yuan } from '../../domain/yuan.js';
import { loadIndustrialChains } from '../../config.js';
import { planAchievements, planProblems, PUBLISHED_ACHIEVEMENTS_2025 as P, researchFields, TOPICS, type Pools, type ResearchField } from './achievements.js';
import { ORG } from './namedEntities.js';
import { DEMO_AS_OF } from './genContext.js';

/** Pools shaped like the demo's: established owners, young enterprises of every year, 24 new-type institutions, the three named platforms. */
const pools: Pools = {
  owners: Array.from({ length: 600 }, (_, i) => i + 1),
  newEnterprises: Array.from({ length: 9 * 400 }, (_, i) => ({ id: 10_000 + i, founded_on: `${2018 + Math.floor(i / 400)}-${String((i % 12) + 1).padStart(2, '0')}-15` })).filter((e) => e.founded_on <= DEMO_AS_OF),
  newTypeInstitutions: Array.from({ length: 24 }, (_, i) => ({ id: 500 + i, host: 700 + i })),
  platforms: { xiangjiang: { id: 91, host: 801 }, furong: { id: 92, host: 802 }, yueluIic: { id: 93, host: 803 } },
};
const plan = planAchievements(pools, 2025);
const of2025 = plan.achievements.filter((a) => a.year === 2025);
const transfers2025 = plan.transfers.filter((t) => t.transferred_on.startsWith('2025'));
const incubations2025 = plan.incubations.filter((i) => i.incubated_on.startsWith('2025'));
const institutionOf = (achievement: number | null) => (achievement === null ? null : plan.achievements[achievement]!.rd_institution_id);
const newType = new Set(pools.newTypeInstitutions.map((i) => i.id));

describe('the demo’s projects, achievements, transfers and incubations', () => {
  it('pass every rule the services apply', () => {
    expect(planProblems(plan, loadAchievementCodes(), loadCity('changsha'), DEMO_AS_OF)).toBeNull();
  });

  it('flag 137 key-technology breakthroughs in 2025, 19 of them globally leading or independently controllable', () => {
    expect(of2025.filter((a) => a.flags.includes('key_tech_breakthrough'))).toHaveLength(P.keyTechBreakthroughs);
    expect(of2025.filter((a) => a.flags.includes('globally_leading') || a.flags.includes('independently_controllable'))).toHaveLength(P.globallyLeadingOrControllable);
  });

  it('give 16 new-type institutions 89 transfers and 39 incubations in 2025', () => {
    const fromNewType = transfers2025.filter((t) => newType.has(institutionOf(t.achievement) ?? -1));
    expect(fromNewType).toHaveLength(P.newTypeTransfers);
    expect(new Set(fromNewType.map((t) => institutionOf(t.achievement)))).toHaveProperty('size', P.newTypeInstitutions);
    expect(incubations2025.filter((i) => newType.has(i.rd_institution_id ?? institutionOf(i.achievement) ?? -1))).toHaveLength(P.newTypeIncubations);
  });

  it('give the named laboratories their reported figures', () => {
    const on = (platform: number) => of2025.filter((a) => a.platform_id === platform).length;
    expect(plan.projects.filter((p) => p.platform_id === 93 && p.start_on.startsWith('2025'))).toHaveLength(P.yueluIicProjects);
    expect([on(93), on(91), on(92)]).toEqual([P.yueluIicResults, P.xiangjiangLandmarks, P.furongAchievements]);
    const furong = transfers2025.filter((t) => plan.achievements[t.achievement]!.platform_id === 92);
    expect(furong.filter((t) => yuan(t.amount).gte(10_000_000))).toHaveLength(P.furongTransfersOver10m);
  });

  it('transfer to another organization than the owner, after the achievement, and incubate each enterprise once, after its founding', () => {
    for (const t of plan.transfers) {
      const a = plan.achievements[t.achievement]!;
      expect(t.receiver_org_id).not.toBe(a.organization_ids[0]);
      expect(Number(t.transferred_on.slice(0, 4))).toBeGreaterThanOrEqual(a.year);
    }
    const founded = new Map(pools.newEnterprises.map((e) => [e.id, e.founded_on]));
    expect(new Set(plan.incubations.map((i) => i.enterprise_org_id)).size).toBe(plan.incubations.length);
    for (const i of plan.incubations) expect(i.incubated_on >= founded.get(i.enterprise_org_id)!).toBe(true);
  });

  it('holds each natural key once, as the tables’ UNIQUE constraints do, even when few organizations receive many transfers', () => {
    const few = planAchievements({ ...pools, owners: pools.owners.slice(0, 5), newTypeInstitutions: pools.newTypeInstitutions.slice(0, 1) }, 2025);
    for (const p of [plan, few]) {
      const once = <T>(records: readonly T[], key: (r: T) => string) => expect(new Set(records.map(key)).size).toBe(records.length);
      once(p.projects, (r) => `${r.lead_org_id} ${r.title}`);
      once(p.achievements, (r) => `${r.organization_ids[0]} ${r.title} ${r.year}`);
      once(p.transfers, (r) => `${r.achievement} ${r.receiver_org_id} ${r.transferred_on}`);
      once(p.incubations, (r) => String(r.enterprise_org_id));
    }
  });

  it('is the same plan for the same seed', () => {
    expect(planAchievements(pools, 2025)).toEqual(plan);
  });

  it('give an organization of a known field projects and achievements of that field, each of a type its topic yields', () => {
    const fieldCycle: ResearchField[] = ['machinery', 'energy_materials', 'electronics', 'medicine', 'agriculture'];
    // Every fifth owner's field is not known: it researches anything.
    const fields = new Map([...pools.owners, 700, 701, 801, 802, 803].filter((o) => o % 5 !== 0).map((o) => [o, fieldCycle[o % fieldCycle.length]!] as const));
    const fitted = planAchievements({ ...pools, fields }, 2025);
    const topicOf = (title: string) => TOPICS.find((t) => title.startsWith(t.title))!;
    for (const a of fitted.achievements) {
      const about = topicOf(a.title);
      expect(about.types, a.title).toContain(a.type);
      const field = fields.get(a.organization_ids[0]!);
      if (field) expect(about.field, `${a.title} of ${a.organization_ids[0]}`).toBe(field);
    }
    for (const p of fitted.projects) if (fields.has(p.lead_org_id)) expect(topicOf(p.title).field, p.title).toBe(fields.get(p.lead_org_id));
    // Drugs only from medicine, varieties only from agriculture.
    expect(fitted.achievements.filter((a) => a.type === 'new_drug').every((a) => topicOf(a.title).field === 'medicine')).toBe(true);
    expect(fitted.achievements.filter((a) => a.type === 'variety').every((a) => topicOf(a.title).field === 'agriculture')).toBe(true);
    // The published figures do not depend on the fields.
    expect(fitted.achievements.map((a) => [a.year, a.flags, a.platform_id, a.rd_institution_id])).toEqual(plan.achievements.map((a) => [a.year, a.flags, a.platform_id, a.rd_institution_id]));
    expect(fitted.transfers).toEqual(plan.transfers);
  });

  it('read a field from the industry code, else from the chain the organization is mapped to, else none', () => {
    const chains = loadIndustrialChains(loadCity('changsha'));
    const org = (id: number, o: { uscc: string; name: string; industry_code?: string | null; kind: string }) => ({ id, uscc: o.uscc, name: o.name, kind: o.kind, industryCode: o.industry_code ?? null });
    const fields = researchFields(
      [org(1, ORG.malanshanLab), org(2, ORG.xiangya), org(3, ORG.hybridRice), org(4, ORG.hnu), org(5, ORG.sany), org(6, ORG.crimm), org(7, { ...ORG.hnu, industry_code: null, name: '星驰液压科技有限公司' }), org(8, { ...ORG.hnu, industry_code: 'M7320', name: '长沙橘奥数字创意创新研究院' })],
      chains,
    );
    expect(Object.fromEntries(fields)).toEqual({ 1: 'electronics', 2: 'medicine', 3: 'agriculture', 5: 'machinery', 6: 'energy_materials', 7: 'machinery', 8: 'electronics' });
  });
});
