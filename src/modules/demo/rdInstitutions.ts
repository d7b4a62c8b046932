import { fourGlobalFeatureCodes, type FourGlobalFeature } from '../../domain/fourGlobal.js';
import type { RecognitionLevel } from '../../domain/level.js';
import type { Message } from '../../domain/message.js';
import { rdInstitutionCategoryCodes, type RdInstitutionCategory } from '../../domain/rdInstitution.js';
import { evidenceFor } from './evidence.js';
import { NEW_RD_INSTITUTIONS, PERIOD_END, PUBLISHED_2025 } from './figures.js';
import { DEMO_AS_OF_DAYS, STREAM, type GenContext, type Host } from './genContext.js';
import { HostPool, namedRef, poolOf, type HostDirectory } from './hosting.js';
import type { NamedCounts } from './namedCounts.js';
import { roleOf, type Population } from './population.js';
import { fromDays, Permutation, toDays, weightedSample, yearOfDays, type Random } from './random.js';
import type { DemoRdInstitution } from './types.js';
import { INDUSTRIES, MEDICAL_INDUSTRIES } from './vocabulary.js';

/**
 * R&D institutions (研发机构). The plan fixes, per institution, what the published figures count —
 * the year it was established, whether a 2025 institution sits in an innovation zone, and how many
 * "four global" features were confirmed by the end of 2025 — in exactly the published numbers; the
 * record (name, level, dates within the year, evidence) is drawn from its own random stream.
 */

const CATEGORY = Object.fromEntries(rdInstitutionCategoryCodes.map((c, i) => [c, i])) as Record<RdInstitutionCategory, number>;

/** Category mix of new institutions; new-type R&D institutions (新型研发机构) appear from 2017. */
function categoryWeights(year: number): (readonly [RdInstitutionCategory, number])[] {
  return [
    ['enterprise_rd_center', year < 2016 ? 70 : 66],
    ['new_type_rd_institution', year < 2017 ? 0 : 8],
    ['foreign_rd_center', year < 2016 ? 3 : 4],
    ['academic_rd_institution', year < 2016 ? 20 : 14],
    ['other', 8],
  ];
}

/** "Four global" status at the end of 2025, the figures' day. */
const CLAIMS = { none: 0, all: 1, some: 2, establishedLater: 3 } as const;

/** Where a 2025 institution must be: in an innovation zone (1), outside (0), or anywhere (−1). */
const PLACE = { innovation: 1, outside: 0, anywhere: -1 } as const;

/** Categories whose institutions of one host take distinct name suffixes, one per slot. */
const NAMED_BY_SLOT = new Set<RdInstitutionCategory>(['enterprise_rd_center', 'foreign_rd_center', 'new_type_rd_institution']);
/** Institutions of a host get distinct name suffixes, one per slot. */
const CENTER_SUFFIXES: readonly Message[] = [
  { zh: '研究院', en: 'Research Institute' },
  { zh: '技术中心', en: 'Technology Center' },
  { zh: '工程技术研究中心', en: 'Engineering Technology Research Center' },
  { zh: '研发中心', en: 'R&D Center' },
];
const FOREIGN_SUFFIXES: readonly Message[] = [
  { zh: '研发中心', en: 'R&D Center' },
  { zh: '技术研究院', en: 'Technology Institute' },
  { zh: '创新中心', en: 'Innovation Center' },
];
const NEW_TYPE_SUFFIXES: readonly Message[] = [
  { zh: '创新中心', en: 'Innovation Center' },
  { zh: '技术研究院', en: 'Technology Institute' },
  { zh: '协同创新中心', en: 'Collaborative Innovation Center' },
];

const LEVELS: Record<RdInstitutionCategory, readonly (readonly [RecognitionLevel, number])[]> = {
  // About 9 % national: the report's 2026 target of about 50 new high-level enterprise centers a year.
  enterprise_rd_center: [['national', 9], ['provincial', 27], ['municipal', 42], ['none', 22]],
  new_type_rd_institution: [['provincial', 40], ['municipal', 40], ['none', 20]],
  foreign_rd_center: [['provincial', 30], ['municipal', 40], ['none', 30]],
  academic_rd_institution: [['national', 5], ['provincial', 35], ['municipal', 30], ['none', 30]],
  other: [['provincial', 50], ['municipal', 30], ['none', 20]],
};

/** Foreign-invested centers are the likeliest to be global in all four ways. */
const ALL_FOUR_WEIGHT: Record<RdInstitutionCategory, number> = {
  foreign_rd_center: 6,
  new_type_rd_institution: 2.5,
  academic_rd_institution: 1.5,
  enterprise_rd_center: 1,
  other: 0.4,
};
const SOME_WEIGHT: Record<RdInstitutionCategory, number> = {
  foreign_rd_center: 2,
  new_type_rd_institution: 1.6,
  academic_rd_institution: 1.3,
  enterprise_rd_center: 1,
  other: 0.6,
};

/** Four-global reviews started with the programme, in 2023; a confirmation comes a month or more after founding. */
const REVIEWS_START = toDays('2023-03-01');
const REVIEW_LAG_DAYS = 30;
const END_2025 = toDays(PERIOD_END);
const START_2026 = END_2025 + 1;
/** Enterprise R&D centers this old mostly belong to the large enterprises. */
const EARLY_CENTERS = toDays('2014-01-01');

export interface InstitutionPlan {
  size: number;
  /** Day established. */
  established: Int32Array;
  category: Uint8Array;
  /** Host reference (hosting.ts). */
  host: Int32Array;
  /** The partner enterprise of a joint center, else −1. */
  partner: Int32Array;
  /** Which of its host's institutions it is: picks a distinct name suffix. */
  slot: Uint8Array;
  place: Int8Array;
  claims: Uint8Array;
  /** Output order: records are not listed by year. */
  order: Permutation;
}

export function planRdInstitutions(g: GenContext, p: Population, named: NamedCounts, namedAcademicHosts: number): InstitutionPlan {
  const rng = g.planRandom(STREAM.rdInstitutionPlan);
  const years = Object.keys(NEW_RD_INSTITUTIONS).map(Number).sort((a, b) => a - b);
  const perYear = years.map((y) => (NEW_RD_INSTITUTIONS[y] ?? 0) - named.newRdInstitutions(y, years[0] ?? y));
  if (perYear.some((n) => n < 0)) throw new Error('demo figures: the named institutions exceed a year of the curve');
  const size = perYear.reduce((a, b) => a + b, 0) * g.scale;
  const plan: InstitutionPlan = {
    size,
    established: new Int32Array(size),
    category: new Uint8Array(size),
    host: new Int32Array(size),
    partner: new Int32Array(size).fill(-1),
    slot: new Uint8Array(size),
    place: new Int8Array(size).fill(PLACE.anywhere),
    claims: new Uint8Array(size),
    order: new Permutation(size, rng),
  };
  const hosting = new Hosting(p, rng, namedAcademicHosts);
  let k = 0;
  years.forEach((year, y) => {
    const last = Math.min(toDays(`${year}-12-31`), DEMO_AS_OF_DAYS);
    for (let n = 0; n < (perYear[y] ?? 0) * g.scale; n++, k++) {
      const established = rng.int(toDays(`${year}-01-01`), last);
      const category = rng.weighted(categoryWeights(year));
      plan.established[k] = established;
      plan.category[k] = CATEGORY[category];
      hosting.assign(plan, k, category, established);
    }
  });
  placeNewInstitutions(g, rng, plan, named);
  assignClaims(g, rng, plan, named);
  return plan;
}

/** Finds hosts that existed before the institution and have a free name slot. */
class Hosting {
  /** Institutions named by slot hosted so far: the next one takes the next name suffix. */
  private readonly hosted: Uint8Array;
  private readonly workstation: Uint8Array;
  private readonly pools: Record<'sme' | 'large' | 'foreign' | 'ownNewType' | 'newType' | 'workstation' | 'institute', HostPool>;
  private readonly partners: Int32Array;
  private readonly partnerOrder: Permutation;
  private partnersTaken = 0;

  constructor(
    private readonly p: Population,
    private readonly rng: Random,
    private readonly namedAcademicHosts: number,
  ) {
    this.hosted = new Uint8Array(p.size);
    this.workstation = new Uint8Array(p.size);
    const full = (cap: number) => (org: number) => (this.hosted[org] ?? 0) >= cap;
    this.pools = {
      sme: new HostPool(p.members.sme, full(CENTER_SUFFIXES.length)),
      large: new HostPool(p.members.large, full(CENTER_SUFFIXES.length)),
      foreign: new HostPool(p.members.foreign, full(FOREIGN_SUFFIXES.length)),
      // A new-type R&D institution is first of all the organization itself: one each.
      ownNewType: new HostPool(p.members.newType, full(1)),
      newType: new HostPool(poolOf(p, 'newType', 'institute'), (org) => (this.hosted[org] ?? 0) >= (roleOf(p, org) === 'newType' ? 1 : NEW_TYPE_SUFFIXES.length)),
      workstation: new HostPool(poolOf(p, 'sme', 'large', 'institute'), (org) => this.workstation[org] === 1),
      institute: new HostPool(p.members.institute, () => false),
    };
    this.partners = poolOf(p, 'sme', 'large');
    this.partnerOrder = new Permutation(this.partners.length, rng);
  }

  assign(plan: InstitutionPlan, k: number, category: RdInstitutionCategory, established: number): void {
    const { pools } = this;
    let host: number;
    if (category === 'academic_rd_institution') {
      host = this.namedAcademicHosts > 0 ? namedRef(this.rng.int(0, this.namedAcademicHosts - 1)) : this.pick([pools.institute], established);
      plan.partner[k] = this.partners[this.partnerOrder.at(this.partnersTaken++ % this.partners.length)] ?? 0;
    } else if (category === 'other') {
      host = this.pick([pools.workstation], established);
      this.workstation[host] = 1;
    } else if (category === 'foreign_rd_center') {
      host = this.pick([pools.foreign], established);
    } else if (category === 'new_type_rd_institution') {
      host = this.pick([pools.ownNewType, pools.newType], established);
    } else {
      const early = established < EARLY_CENTERS;
      host = this.pick(early || this.rng.chance(0.25) ? [pools.large, pools.sme] : [pools.sme, pools.large], established);
    }
    plan.host[k] = host;
    if (NAMED_BY_SLOT.has(category)) {
      const slot = this.hosted[host] ?? 0;
      plan.slot[k] = slot;
      this.hosted[host] = slot + 1;
    }
  }

  /** An organization of the first pool that has one founded before the institution. */
  private pick(pools: HostPool[], established: number): number {
    for (const pool of pools) {
      const org = pool.pick(this.rng, (o) => (this.p.founded[o] ?? 0) < established);
      if (org >= 0) return org;
    }
    throw new Error('demo generator: no organization can host an R&D institution');
  }
}

/** Exactly the published number of 2025's new institutions (less the named ones) go to innovation zones. */
function placeNewInstitutions(g: GenContext, rng: Random, plan: InstitutionPlan, named: NamedCounts): void {
  const of2025: number[] = [];
  for (let k = 0; k < plan.size; k++) if (yearOfDays(plan.established[k] ?? 0) === 2025) of2025.push(k);
  const inZones = g.hasInnovationZones() ? (PUBLISHED_2025.newInInnovationZones - named.newInInnovationZones) * g.scale : 0;
  const chosen = new Set(rng.sample(of2025, inZones));
  for (const k of of2025) plan.place[k] = chosen.has(k) ? PLACE.innovation : PLACE.outside;
}

/**
 * Of the institutions existing at the end of 2025, exactly the published numbers have all four
 * and one to three features confirmed by then (less the named ones), drawn with weights by
 * category; only those founded early enough for a review in 2025 qualify.
 */
function assignClaims(g: GenContext, rng: Random, plan: InstitutionPlan, named: NamedCounts): void {
  const eligible: number[] = [];
  for (let k = 0; k < plan.size; k++) {
    const established = plan.established[k] ?? 0;
    plan.claims[k] = established > END_2025 ? CLAIMS.establishedLater : CLAIMS.none;
    if (established + REVIEW_LAG_DAYS <= END_2025) eligible.push(k);
  }
  const categoryOf = (k: number) => rdInstitutionCategoryCodes[plan.category[k] ?? 0] ?? 'other';
  const all = weightedSample(rng, Int32Array.from(eligible), (k) => ALL_FOUR_WEIGHT[categoryOf(k)], (PUBLISHED_2025.globalAll - named.globalAll) * g.scale);
  for (const k of all) plan.claims[k] = CLAIMS.all;
  const rest = Int32Array.from(eligible.filter((k) => plan.claims[k] === CLAIMS.none));
  const someCount = (PUBLISHED_2025.globalAny - PUBLISHED_2025.globalAll - named.globalSome) * g.scale;
  for (const k of weightedSample(rng, rest, (k) => SOME_WEIGHT[categoryOf(k)], someCount)) plan.claims[k] = CLAIMS.some;
}

/** Record `j` of the institutions table. */
export function rdInstitutionAt(g: GenContext, plan: InstitutionPlan, hosts: HostDirectory, j: number): DemoRdInstitution {
  const k = plan.order.at(j);
  const rng = g.recordRandom(STREAM.rdInstitution, k);
  const category = rdInstitutionCategoryCodes[plan.category[k] ?? 0] ?? 'other';
  const host = hosts.host(plan.host[k] ?? 0);
  const partner = (plan.partner[k] ?? -1) >= 0 ? hosts.host(plan.partner[k] ?? 0) : null;
  const title = nameOf(g, rng, category, host, partner, plan.slot[k] ?? 0);
  const established = plan.established[k] ?? 0;
  return {
    host_uscc: host.uscc,
    name: title.zh,
    name_en: title.en,
    category,
    level: rng.weighted(LEVELS[category]),
    established_on: fromDays(established),
    ...placeOf(g, rng, host, plan.place[k] ?? PLACE.anywhere),
    four_global: fourGlobal(g, rng, plan.claims[k] ?? CLAIMS.none, established),
  };
}

const industryOf = (rng: Random, host: Host) => host.industry ?? rng.pick(INDUSTRIES);
const MEDICAL_TOPICS = INDUSTRIES.filter((i) => MEDICAL_INDUSTRIES.includes(i.name.zh)).flatMap((i) => i.topics);
const topicOf = (rng: Random, host: Host): Message => rng.pick(industryOf(rng, host).topics);
const at = (list: readonly Message[], slot: number): Message => list[slot % list.length] ?? { zh: '', en: '' };

function nameOf(g: GenContext, rng: Random, category: RdInstitutionCategory, host: Host, partner: Host | null, slot: number): Message {
  const { label } = host;
  if (category === 'academic_rd_institution') {
    // A hospital works with its partner on medicine, whatever else the partner makes.
    const topic = host.kind === 'hospital' ? rng.pick(MEDICAL_TOPICS) : topicOf(rng, partner ?? host);
    const partnerLabel = partner?.label ?? label;
    return { zh: `${label.zh}—${partnerLabel.zh}${topic.zh}联合研发中心`, en: `${label.en}–${partnerLabel.en} ${topic.en} Joint R&D Center` };
  }
  if (category === 'other') return { zh: `${host.name.zh}院士专家工作站`, en: `${host.name.en} Academician Expert Workstation` };
  const field = rng.chance(0.5) ? industryOf(rng, host).name : topicOf(rng, host);
  if (category === 'foreign_rd_center') {
    const region = rng.pick([g.cityShort, { zh: '亚太', en: 'Asia-Pacific' }, { zh: '中国', en: 'China' }]);
    const suffix = at(FOREIGN_SUFFIXES, slot);
    return { zh: `${label.zh}${region.zh}${field.zh}${suffix.zh}`, en: `${label.en} ${region.en} ${field.en} ${suffix.en}` };
  }
  if (category === 'new_type_rd_institution') {
    // A new-type R&D institution (新型研发机构) is often the organization itself.
    if (slot === 0 && host.kind === 'new_type_rd_institution' && rng.chance(0.6)) return host.name;
    const topic = topicOf(rng, host);
    const suffix = at(NEW_TYPE_SUFFIXES, slot);
    return { zh: `${g.cityShort.zh}${label.zh}${topic.zh}${suffix.zh}`, en: `${g.cityShort.en} ${label.en} ${topic.en} ${suffix.en}` };
  }
  const suffix = at(CENTER_SUFFIXES, slot);
  return { zh: `${label.zh}${field.zh}${suffix.zh}`, en: `${label.en} ${field.en} ${suffix.en}` };
}

function placeOf(g: GenContext, rng: Random, host: Host, place: number): { district_code: string; zone: string | null } {
  const district = host.district ?? g.city.districts[g.districtIndex(rng)]?.code ?? g.city.code;
  const inZone = place === PLACE.innovation || (place === PLACE.anywhere && rng.chance(0.3));
  const innovation = inZone ? g.innovationPlace(rng, district) : null;
  if (innovation) return { district_code: innovation.district, zone: innovation.zone };
  if (place === PLACE.outside && g.isInnovationZone(host.zone)) return { district_code: district, zone: g.plainZoneFor(rng, district, 0.5) };
  return { district_code: district, zone: host.zone };
}

type Claims = NonNullable<DemoRdInstitution['four_global']>;

/** Claims by the plan's status at the end of 2025; later confirmations and pending claims around it. */
function fourGlobal(g: GenContext, rng: Random, status: number, established: number): Claims {
  const home = g.cityShort.zh;
  const claims = Object.fromEntries(fourGlobalFeatureCodes.map((f) => [f, null])) as Claims;
  const confirm = (f: FourGlobalFeature, day: number) => (claims[f] = { evidence: evidenceFor(rng, home, f), confirmed_on: fromDays(day) });
  const pend = (f: FourGlobalFeature) => (claims[f] = { evidence: evidenceFor(rng, home, f), confirmed_on: null });
  const open = () => fourGlobalFeatureCodes.filter((f) => claims[f] === null);
  const earliest = established + REVIEW_LAG_DAYS;

  if (status === CLAIMS.all || status === CLAIMS.some) {
    const count = status === CLAIMS.all ? 4 : rng.weighted([[1, 5], [2, 3], [3, 2]] as const);
    for (const day of reviewDays(rng, Math.max(earliest, REVIEWS_START), END_2025, count)) confirm(rng.pick(open()), day);
  }
  if (status === CLAIMS.none && rng.chance(0.15)) confirmIn2026(rng, earliest, rng.int(1, 2), open, confirm);
  if (status === CLAIMS.establishedLater && rng.chance(0.15)) confirmIn2026(rng, earliest, rng.int(1, 4), open, confirm);
  if (status === CLAIMS.some && rng.chance(0.25)) confirmIn2026(rng, earliest, 1, open, confirm);
  const pending = open();
  if (pending.length > 0 && rng.chance(0.3)) pend(rng.pick(pending));
  return claims;
}

/** `count` review days in [from, to]: usually one review confirms them all, sometimes a second adds more. */
function reviewDays(rng: Random, from: number, to: number, count: number): number[] {
  const first = rng.int(from, to);
  const second = rng.chance(0.4) ? rng.int(first, to) : first;
  const atFirst = second === first ? count : rng.int(1, count);
  return Array.from({ length: count }, (_, i) => (i < atFirst ? first : second));
}

function confirmIn2026(rng: Random, earliest: number, count: number, open: () => FourGlobalFeature[], confirm: (f: FourGlobalFeature, day: number) => unknown): void {
  const from = Math.max(earliest, START_2026);
  if (from > DEMO_AS_OF_DAYS) return;
  for (const day of reviewDays(rng, from, DEMO_AS_OF_DAYS, Math.min(count, open().length))) confirm(rng.pick(open()), day);
}
