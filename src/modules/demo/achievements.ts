import { checkAchievementFields, checkIncubationFields, checkProjectFields, checkTransferAfterAchievement, checkTransferFields, type AchievementCodes, type AchievementFlag, type TransferMode } from '../../domain/achievement.js';
import type { CityConfig } from '../../domain/city.js';
import { compileSegmentMapper, type IndustrialChains, type MappedFacts } from '../../domain/industrialChain.js';
import type { FieldViolation } from '../../domain/recordRules.js';
import { DEMO_AS_OF } from './genContext.js';
import { Random } from './random.js';
import { INDUSTRIES } from './vocabulary.js';

/**
 * The demo's key-technology projects, achievements, transfers and incubations (issue 14), planned
 * over records the registry already holds (`Pools`, read after the main load) so that the computed
 * indicators give changsha-2025.md's figures exactly (PUBLISHED_ACHIEVEMENTS_2025) and the 2026
 * targets have a year to date. Pure and seeded; every record passes the services' rules.
 */

/** changsha-2025.md's figures of this part, all of 2025. */
export const PUBLISHED_ACHIEVEMENTS_2025 = {
  keyTechBreakthroughs: 137,
  globallyLeadingOrControllable: 19,
  newTypeInstitutions: 16,
  newTypeTransfers: 89,
  newTypeIncubations: 39,
  yueluIicProjects: 40,
  yueluIicResults: 22,
  xiangjiangLandmarks: 10,
  furongAchievements: 5,
  furongTransfersOver10m: 4,
} as const;

/** An R&D institution or platform with its host (the organization that owns what it makes). */
export interface Hosted {
  id: number;
  host: number;
}

export interface Pools {
  /** Established organizations that make, own and receive achievements (enterprises, universities, institutes). */
  owners: number[];
  /** Enterprises founded from 2018 on, by founding day: what incubations create (each one once). */
  newEnterprises: { id: number; founded_on: string }[];
  /** New-type R&D institutions existing before 2021 (新型研发机构). */
  newTypeInstitutions: Hosted[];
  /** The named platforms, when the registry holds them (Changsha). */
  platforms: { xiangjiang?: Hosted; furong?: Hosted; yueluIic?: Hosted };
  /** What an organization works on, when known: its projects and achievements are of that field. */
  fields?: ReadonlyMap<number, ResearchField>;
}

export type ResearchField = 'machinery' | 'energy_materials' | 'electronics' | 'medicine' | 'agriculture';

/** A topic of research, its field and the achievement types it yields (a drug topic gives drugs, not software). */
interface Topic {
  title: string;
  field: ResearchField;
  types: readonly string[];
}

const topic = (title: string, field: ResearchField, types: readonly string[]): Topic => ({ title, field, types });
export const TOPICS: readonly Topic[] = [
  topic('高端轴承', 'machinery', ['product', 'standard']),
  topic('工程机械电液控制', 'machinery', ['equipment', 'product']),
  topic('磁浮交通', 'machinery', ['equipment', 'process']),
  topic('航空发动机部件', 'machinery', ['product', 'process']),
  topic('工程装备智能运维', 'machinery', ['software', 'process']),
  topic('先进储能材料', 'energy_materials', ['product', 'process']),
  topic('稀有金属提取', 'energy_materials', ['process', 'standard']),
  topic('固态电池', 'energy_materials', ['product', 'process']),
  topic('车规级芯片', 'electronics', ['product', 'standard']),
  topic('工业软件', 'electronics', ['software']),
  topic('大模型推理加速', 'electronics', ['software', 'product']),
  topic('智能网联汽车', 'electronics', ['product', 'software', 'standard']),
  topic('超高清视频', 'electronics', ['software', 'equipment', 'standard']),
  topic('肿瘤早筛', 'medicine', ['medical_device', 'process']),
  topic('创新药物', 'medicine', ['new_drug']),
  topic('中药制剂', 'medicine', ['new_drug', 'process']),
  topic('医学影像', 'medicine', ['medical_device', 'software']),
  topic('杂交水稻育种', 'agriculture', ['variety']),
  topic('分子育种', 'agriculture', ['variety', 'process']),
];
const TOPICS_OF = new Map<ResearchField, Topic[]>();
for (const t of TOPICS) TOPICS_OF.set(t.field, [...(TOPICS_OF.get(t.field) ?? []), t]);

/**
 * An organization's field by its GB/T 4754 class (more specific prefixes first); undefined for
 * one that researches anything (universities, R&D institutes: the caller asks its chains then).
 */
const FIELD_BY_CODE: readonly (readonly [string, ResearchField])[] = [
  ['M7330', 'agriculture'], ['M734', 'medicine'], ['C3985', 'energy_materials'], ['C358', 'medicine'], ['C384', 'energy_materials'],
  ['A', 'agriculture'], ['C13', 'agriculture'], ['C14', 'agriculture'], ['B', 'energy_materials'], ['C32', 'energy_materials'], ['C38', 'energy_materials'], ['D44', 'energy_materials'],
  ['C27', 'medicine'], ['Q84', 'medicine'], ['C34', 'machinery'], ['C35', 'machinery'], ['C37', 'machinery'], ['C43', 'machinery'], ['L711', 'machinery'],
  ['C39', 'electronics'], ['C40', 'electronics'], ['I', 'electronics'], ['R87', 'electronics'],
];

export function fieldOfIndustryCode(code: string | null): ResearchField | undefined {
  return code === null ? undefined : FIELD_BY_CODE.find(([prefix]) => code.startsWith(prefix))?.[1];
}

/** An organization as the field is read from it. */
export interface FieldFacts extends MappedFacts {
  id: number;
  uscc: string;
}

/**
 * Each organization's field: its industry code's, else that of the industry its name carries (a
 * "…液压件产业技术研究院" is an institute, M7320, of hydraulics), else that of the chain it is mapped
 * to (a chain's field is its rules' first industry code with one: an audio-video laboratory
 * hand-mapped to AI applications researches electronics, not drugs); absent when none tells.
 */
export function researchFields(orgs: readonly FieldFacts[], chains: IndustrialChains): Map<number, ResearchField> {
  const mapper = compileSegmentMapper(chains);
  const chainField = new Map<string, ResearchField>();
  for (const chain of chains.chains) {
    const field = chain.segments.flatMap((s) => s.rules.flatMap((r) => r.industryCodes ?? [])).map(fieldOfIndustryCode).find((f) => f !== undefined);
    if (field) for (const s of chain.segments) chainField.set(s.id, field);
  }
  const out = new Map<number, ResearchField>();
  for (const o of orgs) {
    const named = INDUSTRIES.find((i) => o.name.includes(i.name.zh));
    const field =
      fieldOfIndustryCode(o.industryCode ?? null) ?? fieldOfIndustryCode(named?.code ?? null) ?? mapper.organization(o.uscc, o).map((s) => chainField.get(s)).find((f) => f !== undefined);
    if (field) out.set(o.id, field);
  }
  return out;
}

export interface DemoProject {
  title: string;
  lead_org_id: number;
  partner_org_ids: number[];
  programme: string;
  budget: string;
  start_on: string;
  end_on: string;
  status: 'ongoing' | 'completed';
  platform_id: number | null;
}
export interface DemoAchievement {
  title: string;
  type: string;
  flags: AchievementFlag[];
  year: number;
  organization_ids: number[];
  rd_institution_id: number | null;
  platform_id: number | null;
  /** Index into the plan's projects. */
  project: number | null;
  evidence: string | null;
}
export interface DemoTransfer {
  /** Index into the plan's achievements. */
  achievement: number;
  receiver_org_id: number;
  mode: TransferMode;
  amount: string;
  transferred_on: string;
}
export interface DemoIncubation {
  enterprise_org_id: number;
  achievement: number | null;
  rd_institution_id: number | null;
  incubated_on: string;
}
export interface AchievementPlan {
  projects: DemoProject[];
  achievements: DemoAchievement[];
  transfers: DemoTransfer[];
  incubations: DemoIncubation[];
}

const YEARS = [2021, 2022, 2023, 2024, 2025, 2026] as const;
/** Per year (2021 … 2026 to the demo day): flagged achievements and background volumes around the 2025 figures. */
const KEY_TECH = [96, 108, 117, 124, PUBLISHED_ACHIEVEMENTS_2025.keyTechBreakthroughs, 128];
const LEADING = [11, 13, 15, 17, PUBLISHED_ACHIEVEMENTS_2025.globallyLeadingOrControllable, 16];
const OTHER_ACHIEVEMENTS = [170, 180, 190, 200, 210, 200];
const OTHER_TRANSFERS = [420, 470, 510, 540, 560, 600];
const OTHER_INCUBATIONS = [150, 165, 180, 190, 200, 215];
const NEW_TYPE_TRANSFERS = [40, 52, 63, 75, PUBLISHED_ACHIEVEMENTS_2025.newTypeTransfers, 90];
const NEW_TYPE_INCUBATIONS = [18, 22, 27, 33, PUBLISHED_ACHIEVEMENTS_2025.newTypeIncubations, 40];
const PROJECTS = [50, 55, 60, 65, 70, 60];
const PROGRAMMES = ['national_key_rd', 'provincial_key_rd', 'provincial_ten_technologies', 'municipal_key_core_tech', 'municipal_major_special', 'enterprise_self_funded'];
const MODES: readonly (readonly [TransferMode, number])[] = [['transfer', 40], ['licence', 30], ['equity', 15], ['joint_implementation', 15]];

const lastDay = (year: number) => (year === 2026 ? DEMO_AS_OF : `${year}-12-31`);
const evidenceOf = (flags: readonly AchievementFlag[]) => (flags.length ? `演示数据：第三方评价报告（${flags.join(', ')}） Demo: third-party assessment report` : null);

class Planner {
  readonly plan: AchievementPlan = { projects: [], achievements: [], transfers: [], incubations: [] };
  /** Achievements made by each institution, platform or (key −1) the rest, by year. */
  private readonly made = new Map<number, { index: number; year: number; owner: number }[]>();
  private enterpriseCursor = 0;
  /** The transfers' natural keys so far (achievement, receiver, day): the table holds each once. */
  private readonly transferKeys = new Set<string>();

  constructor(
    private readonly rng: Random,
    private readonly pools: Pools,
  ) {}

  /** A topic of the organization's field, or of any when its field is not known. One draw either way. */
  private topicFor(org: number): Topic {
    const field = this.pools.fields?.get(org);
    return this.rng.pick((field && TOPICS_OF.get(field)) || TOPICS);
  }

  private remember(source: number, index: number, year: number, owner: number): void {
    const list = this.made.get(source) ?? [];
    list.push({ index, year, owner });
    this.made.set(source, list);
  }

  project(year: number, lead: number, platform: number | null): number {
    const start = this.rng.dateBetween(`${year}-01-01`, lastDay(year));
    const end = `${year + this.rng.int(1, 3)}-12-31`;
    const partners = this.rng.sample(this.pools.owners.filter((o) => o !== lead).slice(0, 400), this.rng.int(0, 3));
    this.plan.projects.push({
      title: `${this.topicFor(lead).title}关键技术攻关（${year}-${this.plan.projects.length + 1}）`,
      lead_org_id: lead,
      partner_org_ids: partners,
      programme: this.rng.pick(PROGRAMMES),
      budget: `${this.rng.int(50, 3000) * 10000}.00`,
      start_on: start,
      end_on: end,
      status: end <= DEMO_AS_OF ? 'completed' : 'ongoing',
      platform_id: platform,
    });
    return this.plan.projects.length - 1;
  }

  achievement(year: number, owner: number, source: { institution?: Hosted; platform?: Hosted } = {}, flags: AchievementFlag[] = [], project: number | null = null): number {
    const partner = this.rng.chance(0.3) ? [this.rng.pick(this.pools.owners)].filter((o) => o !== owner) : [];
    const about = this.topicFor(owner);
    this.plan.achievements.push({
      title: `${about.title}${flags.includes('key_tech_breakthrough') ? '核心技术突破' : '成果'}（${year}-${this.plan.achievements.length + 1}）`,
      type: this.rng.pick(about.types),
      flags,
      year,
      organization_ids: [owner, ...partner],
      rd_institution_id: source.institution?.id ?? null,
      platform_id: source.platform?.id ?? null,
      project,
      evidence: evidenceOf(flags),
    });
    const index = this.plan.achievements.length - 1;
    this.remember(source.institution?.id ?? (source.platform ? -source.platform.id : 0), index, year, owner);
    return index;
  }

  /** A transfer of one of `source`'s achievements of `year` or the three before. */
  transfer(year: number, source: number, amount?: string): void {
    const candidates = (this.made.get(source) ?? []).filter((a) => a.year <= year && a.year >= year - 3);
    const made = this.rng.pick(candidates);
    const receivers = this.pools.owners.slice(0, 2000);
    const pickReceiver = () => {
      let receiver = this.rng.pick(receivers);
      while (receiver === made.owner) receiver = this.rng.pick(receivers);
      return receiver;
    };
    let receiver = pickReceiver();
    const mode = this.rng.weighted(MODES);
    const sum = amount ?? `${this.rng.int(5, 800) * 10000}.00`;
    const on = this.rng.dateBetween(`${year}-01-01`, lastDay(year));
    // Drawn in this order so the demo's other figures stay what they were; a repeated key draws again.
    while (this.transferKeys.has(`${made.index} ${receiver} ${on}`)) receiver = pickReceiver();
    this.transferKeys.add(`${made.index} ${receiver} ${on}`);
    this.plan.transfers.push({ achievement: made.index, receiver_org_id: receiver, mode, amount: sum, transferred_on: on });
  }

  /** An enterprise founded in `year` incubated from `source`: with one of its achievements, or (an institution) on its own. */
  incubation(year: number, source: number, institution: number | null): void {
    const enterprise = this.nextEnterprise(year);
    const candidates = (this.made.get(source) ?? []).filter((a) => a.year <= year);
    const achievement = institution === null || this.rng.chance(0.5) ? this.rng.pick(candidates).index : null;
    const from = enterprise.founded_on > `${year}-01-01` ? enterprise.founded_on : `${year}-01-01`;
    this.plan.incubations.push({ enterprise_org_id: enterprise.id, achievement, rd_institution_id: achievement === null ? institution : null, incubated_on: this.rng.dateBetween(from, lastDay(year)) });
  }

  /** The next enterprise not yet incubated founded in `year` or the three before (a young firm). */
  private nextEnterprise(year: number): { id: number; founded_on: string } {
    const found = this.pools.newEnterprises.findIndex((e, i) => i >= this.enterpriseCursor && e.founded_on >= `${year - 3}-01-01` && e.founded_on <= lastDay(year));
    if (found < 0) throw new Error(`demo achievements: no enterprise founded in ${year - 3}–${year} left to incubate`);
    this.enterpriseCursor = found + 1;
    return this.pools.newEnterprises[found]!;
  }
}

/** `total` split into `parts` whole shares as even as they can be (89 over 16: 5 and 6). */
const spread = (total: number, parts: number): number[] => Array.from({ length: parts }, (_, i) => Math.floor(total / parts) + (i < total % parts ? 1 : 0));

/** The flags of the year's `k`-th flagged achievement: every one a breakthrough, the first `leading` also leading or controllable. */
const flagsOf = (k: number, leading: number): AchievementFlag[] =>
  k < leading ? ['key_tech_breakthrough', k % 2 === 0 ? 'globally_leading' : 'independently_controllable'] : ['key_tech_breakthrough'];

export function planAchievements(pools: Pools, seed: number): AchievementPlan {
  const rng = new Random(seed ^ 0x14);
  const p = new Planner(rng, pools);
  const { xiangjiang, furong, yueluIic } = pools.platforms;
  const institutions = pools.newTypeInstitutions;
  const reporting = institutions.slice(0, PUBLISHED_ACHIEVEMENTS_2025.newTypeInstitutions);
  YEARS.forEach((year, y) => {
    // The named platforms' records: 2025 exactly as reported, other years a few.
    const named: { platform: Hosted; count: number; flagged: number }[] = [];
    if (xiangjiang) named.push({ platform: xiangjiang, count: year === 2025 ? PUBLISHED_ACHIEVEMENTS_2025.xiangjiangLandmarks : 4, flagged: year === 2025 ? 6 : 2 });
    if (furong) named.push({ platform: furong, count: year === 2025 ? PUBLISHED_ACHIEVEMENTS_2025.furongAchievements : 2, flagged: year === 2025 ? 2 : 1 });
    let yueluProjects: number[] = [];
    if (yueluIic) {
      yueluProjects = Array.from({ length: year === 2025 ? PUBLISHED_ACHIEVEMENTS_2025.yueluIicProjects : 6 }, () => p.project(year, yueluIic.host, yueluIic.id));
      named.push({ platform: yueluIic, count: year === 2025 ? PUBLISHED_ACHIEVEMENTS_2025.yueluIicResults : 5, flagged: year === 2025 ? 12 : 3 });
    }
    for (let i = 0; i < PROJECTS[y]!; i++) p.project(year, rng.pick(pools.owners), null);
    let flagged = 0;
    const nextFlags = () => flagsOf(flagged++, LEADING[y]!);
    for (const { platform, count, flagged: f } of named)
      for (let i = 0; i < count; i++) p.achievement(year, platform.host, { platform }, i < f ? nextFlags() : [], platform === yueluIic ? rng.pick(yueluProjects) : null);
    // Every new-type institution makes two a year, so each has something to transfer.
    for (const institution of institutions) for (let i = 0; i < 2; i++) p.achievement(year, institution.host, { institution });
    while (flagged < KEY_TECH[y]!) p.achievement(year, rng.pick(pools.owners), {}, nextFlags());
    for (let i = 0; i < OTHER_ACHIEVEMENTS[y]!; i++) p.achievement(year, rng.pick(pools.owners));

    // 2025: the reporting institutions only, each with a share; other years any of them.
    const transferring = year === 2025 ? reporting : institutions;
    spread(NEW_TYPE_TRANSFERS[y]!, transferring.length).forEach((n, i) => { for (let k = 0; k < n; k++) p.transfer(year, transferring[i]!.id); });
    spread(NEW_TYPE_INCUBATIONS[y]!, transferring.length).forEach((n, i) => { for (let k = 0; k < n; k++) p.incubation(year, transferring[i]!.id, transferring[i]!.id); });
    if (furong && year === 2025) {
      // Four of Furong Laboratory's transfers reach 10 million yuan; a fifth does not.
      for (const amount of ['12000000.00', '15500000.00', '10000000.00', '23000000.00', '3200000.00']) p.transfer(year, -furong.id, amount);
    }
    for (let i = 0; i < OTHER_TRANSFERS[y]!; i++) p.transfer(year, 0);
    for (let i = 0; i < OTHER_INCUBATIONS[y]!; i++) p.incubation(year, 0, null);
  });
  return p.plan;
}

/** Every rule the services apply, on every planned record; the first record that breaks one stops the load. */
export function planProblems(plan: AchievementPlan, codes: AchievementCodes, city: CityConfig, today: string): { what: string; problems: FieldViolation[] } | null {
  const checks: [string, () => FieldViolation[]][] = [
    ...plan.projects.map((r, i) => [`project ${i}`, () => checkProjectFields(codes, city, r, today)] as [string, () => FieldViolation[]]),
    ...plan.achievements.map((r, i) => [`achievement ${i}`, () => checkAchievementFields(codes, city, { ...r, ...Object.fromEntries(r.flags.map((f) => [f, true])) }, today)] as [string, () => FieldViolation[]]),
    ...plan.transfers.map((r, i) => [`transfer ${i}`, () => [...checkTransferFields(r, today), ...checkTransferAfterAchievement(r.transferred_on, plan.achievements[r.achievement]!.year)]] as [string, () => FieldViolation[]]),
    ...plan.incubations.map((r, i) => [`incubation ${i}`, () => checkIncubationFields(r, today)] as [string, () => FieldViolation[]]),
  ];
  for (const [what, check] of checks) {
    const problems = check();
    if (problems.length) return { what, problems };
  }
  return null;
}
