import { describe, expect, it } from 'vitest';
import { loadAchievementCodes, loadCity } from '../../config.js';
import { yuan } from '../../domain/yuan.js';
import { planAchievements, planProblems, PUBLISHED_ACHIEVEMENTS_2025 as P, type Pools } from './achievements.js';
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
});
