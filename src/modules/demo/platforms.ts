import type { PlatformStatus, PlatformType } from '../../domain/innovationPlatform.js';
import type { RecognitionLevel } from '../../domain/level.js';
import type { Message } from '../../domain/message.js';
import { PUBLISHED_2025 } from './figures.js';
import { DEMO_AS_OF, STREAM, type GenContext, type Host } from './genContext.js';
import { HostPool, poolOf, type HostDirectory } from './hosting.js';
import type { NamedCounts } from './namedCounts.js';
import type { Population, Role } from './population.js';
import { fromDays, Permutation, toDays, type Random } from './random.js';
import type { DemoPlatform } from './types.js';
import { INDUSTRIES, LAB_FIELDS } from './vocabulary.js';

/**
 * Innovation platforms (创新平台) of every type. The national platforms active by the end of 2025,
 * the national key laboratories of 2025 and the concept-verification centers and pilot-scale
 * platforms filed by then are drawn in exactly the published numbers (less the named platforms);
 * around them: state key laboratories since reorganized, platforms still being built or revoked,
 * filings of 2026, and the provincial and municipal centers. Generated platforms sit only on
 * generated hosts, so no real organization is credited with one.
 */

/** What a kind of platform is, where it is hosted, when it was recognized. */
interface Kind {
  type: PlatformType;
  /** How many at 1×: a number, the published figure less the named platforms, or what makes up the national figure. */
  count: number | 'published' | 'remainder';
  pool: Role[];
  /** Recognition dates (认定/备案); null: not yet recognized. */
  recognized: readonly [string, string] | null;
  /** Names drawn from a numbered list of fields rather than from the host. */
  fields?: FieldList;
  /** Kinds sharing a group are given to a host once (host-named records stay unique). */
  group: string;
  /** The previous kind's records, reorganized: same host and field. */
  successorOf?: string;
  /** National, active and recognized by the end of 2025: counts toward the published national figure. */
  national2025?: true;
  innovationShare: number;
  make: (c: MakeContext) => Spec;
}

interface Spec {
  level: RecognitionLevel;
  authority: string;
  status: PlatformStatus;
  name: Message;
}

interface MakeContext {
  g: GenContext;
  rng: Random;
  host: Host;
  /** The field (领域) of a field-named platform. */
  field: Message;
  recognizedOn: string | null;
}

type FieldList = 'lab' | 'industry' | 'industryTopic' | 'topic';

const t = (zh: string, en: string): Message => ({ zh, en });
const MOST = '科学技术部';
const NDRC = '国家发展和改革委员会';
const FILING_STARTS = '2024-08-01';
const SCIENCE: Role[] = ['institute', 'newType'];
const industryOf = (rng: Random, host: Host) => host.industry ?? rng.pick(INDUSTRIES);
const topicOf = (rng: Random, host: Host) => rng.pick(industryOf(rng, host).topics);

const keyLab = (status: PlatformStatus) => ({ field }: MakeContext): Spec => ({
  level: 'national',
  authority: MOST,
  status,
  name: t(`${field.zh}全国重点实验室`, `National Key Laboratory of ${field.en}`),
});

/** Filed with the city bureau, some with the province (concept verification 概念验证, pilot scale 中试). */
const filed = (c: MakeContext, status: PlatformStatus, name: Message): Spec => {
  const provincial = c.rng.chance(0.25);
  return {
    level: provincial ? 'provincial' : 'municipal',
    authority: provincial ? `${c.g.city.province.zh}${c.rng.pick(['科学技术厅', '工业和信息化厅'])}` : `${c.g.city.name.zh}科学技术局`,
    status,
    name,
  };
};

const conceptCenter = ({ rng, host }: MakeContext) => {
  const topic = topicOf(rng, host);
  return t(`${host.label.zh}${topic.zh}概念验证中心`, `${host.label.en} ${topic.en} Concept Verification Center`);
};

const pilotPlatform = ({ rng, host }: MakeContext) => {
  const industry = industryOf(rng, host).name;
  const [kindZh, kindEn] = rng.chance(0.7) ? ['中试平台', 'Pilot-scale Platform'] : ['中试基地', 'Pilot-scale Base'];
  return t(`${host.label.zh}${industry.zh}${kindZh}`, `${host.label.en} ${industry.en} ${kindEn}`);
};

/** Provincial and municipal centers recognized before 2018 are sometimes revoked at review. */
const reviewed = (c: MakeContext): PlatformStatus => ((c.recognizedOn ?? '') < '2018-01-01' && c.rng.chance(0.08) ? 'revoked' : 'active');

const KINDS: Record<string, Kind> = {
  stateKeyLab: {
    type: 'national_key_lab', count: 6, pool: SCIENCE, recognized: ['2006-01-01', '2015-12-31'], fields: 'lab', group: 'keyLab', innovationShare: 0,
    make: ({ field }) => ({ level: 'national', authority: MOST, status: 'reorganized', name: t(`${field.zh}国家重点实验室`, `State Key Laboratory of ${field.en}`) }),
  },
  reorganizedKeyLab: {
    type: 'national_key_lab', count: 6, pool: SCIENCE, recognized: ['2022-05-01', '2023-12-31'], fields: 'lab', group: 'keyLab', successorOf: 'stateKeyLab', national2025: true, innovationShare: 0,
    make: keyLab('active'),
  },
  keyLab: {
    type: 'national_key_lab', count: 16, pool: [...SCIENCE, 'large'], recognized: ['2022-01-01', '2024-12-31'], fields: 'lab', group: 'keyLab', national2025: true, innovationShare: 0.1,
    make: keyLab('active'),
  },
  keyLab2025: {
    type: 'national_key_lab', count: 'published', pool: [...SCIENCE, 'large'], recognized: ['2025-01-01', '2025-12-31'], fields: 'lab', group: 'keyLab', national2025: true, innovationShare: 0.2,
    make: keyLab('active'),
  },
  engineeringCenter: {
    type: 'national_engineering_research_center', count: 24, pool: [...SCIENCE, 'sme', 'large'], recognized: ['2011-01-01', '2024-12-31'], fields: 'lab', group: 'nerc', national2025: true, innovationShare: 0.1,
    make: ({ field }) => ({ level: 'national', authority: NDRC, status: 'active', name: t(`${field.zh}国家工程研究中心`, `National Engineering Research Center for ${field.en}`) }),
  },
  labBase: {
    type: 'national_lab_base', count: 2, pool: SCIENCE, recognized: ['2021-01-01', '2025-12-31'], fields: 'lab', group: 'nationalLab', national2025: true, innovationShare: 0.5,
    make: ({ g, field }) => ({ level: 'national', authority: MOST, status: 'active', name: t(`${field.zh}国家实验室${g.cityShort.zh}基地`, `${field.en} National Laboratory, ${g.cityShort.en} Base`) }),
  },
  /** The city is bidding for a national laboratory: no recognition date yet. */
  nationalLab: {
    type: 'national_lab', count: 1, pool: SCIENCE, recognized: null, fields: 'lab', group: 'nationalLab', innovationShare: 1,
    make: ({ field }) => ({ level: 'national', authority: MOST, status: 'under_construction', name: t(`${field.zh}国家实验室（筹）`, `National Laboratory of ${field.en} (preparatory)`) }),
  },
  /** 国家工程技术研究中心: recognized by MOST until the 2017 reorganization of national S&T bases; none since. */
  engineeringTechCenter: {
    type: 'other', count: 15, pool: [...SCIENCE, 'large'], recognized: ['2000-01-01', '2015-12-31'], fields: 'lab', group: 'netrc', national2025: true, innovationShare: 0.1,
    make: ({ field }) => ({ level: 'national', authority: MOST, status: 'active', name: t(`国家${field.zh}工程技术研究中心`, `National ${field.en} Engineering Technology Research Center`) }),
  },
  cooperationBase: {
    type: 'other', count: 12, pool: [...SCIENCE, 'large', 'foreign'], recognized: ['2012-01-01', '2020-12-31'], fields: 'lab', group: 'intlBase', national2025: true, innovationShare: 0.2,
    make: ({ field }) => ({ level: 'national', authority: MOST, status: 'active', name: t(`国家${field.zh}国际科技合作基地`, `National International S&T Cooperation Base for ${field.en}`) }),
  },
  /** 国家企业技术中心: named after the enterprise; they make up the national figure. */
  enterpriseTechCenter: {
    type: 'other', count: 'remainder', pool: ['large'], recognized: ['2008-01-01', '2025-12-31'], group: 'netc', national2025: true, innovationShare: 0,
    make: ({ host }) => ({ level: 'national', authority: NDRC, status: 'active', name: t(`${host.name.zh}技术中心`, `${host.name.en} Technology Center`) }),
  },
  enterpriseTechCenter2026: {
    type: 'other', count: 3, pool: ['large'], recognized: ['2026-01-01', DEMO_AS_OF], group: 'netc', innovationShare: 0,
    make: ({ host }) => ({ level: 'national', authority: NDRC, status: 'active', name: t(`${host.name.zh}技术中心`, `${host.name.en} Technology Center`) }),
  },
  revokedEnterpriseTechCenter: {
    type: 'other', count: 1, pool: ['large'], recognized: ['2009-01-01', '2014-12-31'], group: 'netc', innovationShare: 0,
    make: ({ host }) => ({ level: 'national', authority: NDRC, status: 'revoked', name: t(`${host.name.zh}技术中心`, `${host.name.en} Technology Center`) }),
  },
  conceptCenter: {
    type: 'concept_verification_center', count: 'published', pool: ['sme', 'large', ...SCIENCE], recognized: [FILING_STARTS, '2025-12-31'], group: 'concept', innovationShare: 0.4,
    make: (c) => filed(c, 'active', conceptCenter(c)),
  },
  conceptCenter2026: {
    type: 'concept_verification_center', count: 6, pool: ['sme', 'large', ...SCIENCE], recognized: ['2026-01-01', DEMO_AS_OF], group: 'concept', innovationShare: 0.4,
    make: (c) => filed(c, 'active', conceptCenter(c)),
  },
  pilotPlatform: {
    type: 'pilot_platform', count: 'published', pool: ['sme', 'large', 'newType'], recognized: [FILING_STARTS, '2025-12-31'], group: 'pilot', innovationShare: 0.4,
    make: (c) => filed(c, 'active', pilotPlatform(c)),
  },
  /** Filed, but still being fitted out: not counted until it runs. */
  pilotPlatformBuilding: {
    type: 'pilot_platform', count: 3, pool: ['sme', 'large', 'newType'], recognized: ['2025-03-01', '2025-12-31'], group: 'pilot', innovationShare: 0.4,
    make: (c) => filed(c, 'under_construction', pilotPlatform(c)),
  },
  pilotPlatform2026: {
    type: 'pilot_platform', count: 14, pool: ['sme', 'large', 'newType'], recognized: ['2026-01-01', DEMO_AS_OF], group: 'pilot', innovationShare: 0.4,
    make: (c) => filed(c, c.rng.chance(0.3) ? 'under_construction' : 'active', pilotPlatform(c)),
  },
  industrialCenter: {
    type: 'industrial_innovation_center', count: 3, pool: ['sme', 'large', 'newType'], recognized: ['2019-01-01', '2025-12-31'], fields: 'industry', group: 'industrial', innovationShare: 0.3,
    make: ({ g, field }) => ({
      level: 'provincial',
      authority: `${g.city.province.zh}发展和改革委员会`,
      status: 'active',
      name: t(`${g.provinceShort.zh}${field.zh}产业创新中心`, `${g.provinceShort.en} ${field.en} Industrial Innovation Center`),
    }),
  },
  provincialCenter: {
    type: 'other', count: 30, pool: [...SCIENCE, 'sme', 'large'], recognized: ['2012-01-01', '2025-12-31'], fields: 'industryTopic', group: 'provincialCenter', innovationShare: 0.2,
    make: (c) => ({
      level: 'provincial',
      authority: `${c.g.city.province.zh}科学技术厅`,
      status: reviewed(c),
      name: t(`${c.g.city.province.zh}${c.field.zh}工程技术研究中心`, `${c.g.provinceShort.en} ${c.field.en} Engineering Technology Research Center`),
    }),
  },
  municipalCenter: {
    type: 'other', count: 25, pool: [...SCIENCE, 'sme', 'large'], recognized: ['2012-01-01', '2025-12-31'], group: 'municipalCenter', innovationShare: 0.2,
    make: (c) => {
      const topic = topicOf(c.rng, c.host);
      return {
        level: 'municipal',
        authority: `${c.g.city.name.zh}科学技术局`,
        status: reviewed(c),
        name: t(`${c.g.city.name.zh}${c.host.label.zh}${topic.zh}工程技术研究中心`, `${c.g.cityShort.en} ${c.host.label.en} ${topic.en} Engineering Technology Research Center`),
      };
    },
  },
  provincialCooperationBase: {
    type: 'other', count: 10, pool: [...SCIENCE, 'sme', 'large', 'foreign'], recognized: ['2012-01-01', '2025-12-31'], fields: 'topic', group: 'coopBase', innovationShare: 0.2,
    make: (c) => ({
      level: 'provincial',
      authority: `${c.g.city.province.zh}科学技术厅`,
      status: 'active',
      name: t(`${c.g.city.province.zh}${c.field.zh}国际科技合作基地`, `${c.g.provinceShort.en} ${c.field.en} International S&T Cooperation Base`),
    }),
  },
};

const KIND_NAMES = Object.keys(KINDS);
const GROUPS = [...new Set(Object.values(KINDS).map((k) => k.group))];

const FIELD_LISTS: Record<FieldList, readonly Message[]> = {
  lab: LAB_FIELDS,
  industry: INDUSTRIES.map((i) => i.name),
  industryTopic: INDUSTRIES.flatMap((i) => i.topics.map((topic) => (topic.zh.includes(i.name.zh) ? topic : t(`${i.name.zh}${topic.zh}`, `${i.name.en} ${topic.en}`)))),
  topic: INDUSTRIES.flatMap((i) => i.topics),
};

export interface PlatformPlan {
  size: number;
  kind: Uint8Array;
  host: Int32Array;
  recognized: Int32Array;
  /** Field number within the kind's list, −1 for host-named platforms. */
  field: Int32Array;
  order: Permutation;
  fields: Record<FieldList, Permutation>;
}

/** How many of each kind at 1×: the published counts less the named platforms, the national remainder worked out. */
function kindCounts(named: NamedCounts): number[] {
  const published: Record<string, number> = {
    keyLab2025: PUBLISHED_2025.newNationalKeyLabs - named.newNationalKeyLabs,
    conceptCenter: PUBLISHED_2025.conceptVerificationCenters - named.conceptVerificationCenters,
    pilotPlatform: PUBLISHED_2025.pilotPlatforms - named.pilotPlatforms,
  };
  const fixed = KIND_NAMES.map((n) => {
    const count = KINDS[n]?.count;
    return count === 'published' ? (published[n] ?? 0) : typeof count === 'number' ? count : 0;
  });
  const national = KIND_NAMES.reduce((sum, n, i) => (KINDS[n]?.national2025 ? sum + (fixed[i] ?? 0) : sum), 0);
  const remainder = PUBLISHED_2025.nationalPlatforms - named.nationalPlatforms - national;
  if (remainder < 0) throw new Error('demo figures: more national platforms planned than published');
  return KIND_NAMES.map((n, i) => (KINDS[n]?.count === 'remainder' ? remainder : (fixed[i] ?? 0)));
}

export function planPlatforms(g: GenContext, p: Population, named: NamedCounts): PlatformPlan {
  const rng = g.planRandom(STREAM.platformPlan);
  const counts = kindCounts(named).map((n) => n * g.scale);
  const size = counts.reduce((a, b) => a + b, 0);
  const plan: PlatformPlan = {
    size,
    kind: new Uint8Array(size),
    host: new Int32Array(size),
    recognized: new Int32Array(size).fill(-1),
    field: new Int32Array(size).fill(-1),
    order: new Permutation(size, rng),
    fields: Object.fromEntries(Object.entries(FIELD_LISTS).map(([list, fields]) => [list, new Permutation(fields.length, rng)])) as Record<FieldList, Permutation>,
  };
  const given = new Uint16Array(p.size);
  // Kinds of a group share a list of fields, each field once.
  const fieldsTaken: Record<string, number> = {};
  const nextField = (counter: string) => (fieldsTaken[counter] = (fieldsTaken[counter] ?? 0) + 1) - 1;
  const placed: Record<string, number[]> = {};
  let k = 0;
  KIND_NAMES.forEach((name, kindIndex) => {
    const kind = KINDS[name] as Kind;
    const bit = 1 << GROUPS.indexOf(kind.group);
    const predecessors = kind.successorOf ? (placed[kind.successorOf] ?? []) : [];
    const pool = new HostPool(poolOf(p, ...kind.pool), (org) => ((given[org] ?? 0) & bit) !== 0);
    placed[name] = [];
    for (let n = 0; n < (counts[kindIndex] ?? 0); n++, k++) {
      const recognized = kind.recognized ? rng.int(toDays(kind.recognized[0]), toDays(kind.recognized[1])) : -1;
      const predecessor = predecessors[n];
      const host = predecessor !== undefined ? (plan.host[predecessor] ?? 0) : pool.pick(rng, (org) => recognized < 0 || (p.founded[org] ?? 0) < recognized);
      if (host < 0) throw new Error(`demo generator: no organization can host a ${name}`);
      given[host] = (given[host] ?? 0) | bit;
      plan.kind[k] = kindIndex;
      plan.host[k] = host;
      plan.recognized[k] = recognized;
      if (kind.fields) plan.field[k] = predecessor !== undefined ? (plan.field[predecessor] ?? 0) : nextField(`${kind.fields}:${kind.group}`);
      placed[name]?.push(k);
    }
  });
  return plan;
}

/** Record `j` of the platforms table. */
export function platformAt(g: GenContext, plan: PlatformPlan, hosts: HostDirectory, j: number): DemoPlatform {
  const k = plan.order.at(j);
  const rng = g.recordRandom(STREAM.platform, k);
  const kind = KINDS[KIND_NAMES[plan.kind[k] ?? 0] ?? ''] as Kind;
  const host = hosts.host(plan.host[k] ?? 0);
  const recognized = plan.recognized[k] ?? -1;
  const recognizedOn = recognized < 0 ? null : fromDays(recognized);
  const { field, labelled } = fieldOf(plan, kind, plan.field[k] ?? -1);
  const spec = kind.make({ g, rng, host, field: labelled ? t(`${host.label.zh}${field.zh}`, `${host.label.en} ${field.en}`) : field, recognizedOn });
  const district = host.district ?? g.city.districts[g.districtIndex(rng)]?.code ?? g.city.code;
  const innovation = rng.chance(kind.innovationShare) ? g.innovationPlace(rng, district) : null;
  return {
    host_uscc: host.uscc,
    name: spec.name.zh,
    name_en: spec.name.en,
    type: kind.type,
    level: spec.level,
    recognized_on: recognizedOn,
    authority: spec.authority,
    status: spec.status,
    district_code: innovation?.district ?? district,
    zone: innovation ? innovation.zone : host.zone,
  };
}

/**
 * Field number n: the n-th field of the list while it lasts (unique names, as real laboratories
 * have); past it, the host's trade name goes in front — unique because a host gets each group once.
 */
function fieldOf(plan: PlatformPlan, kind: Kind, n: number): { field: Message; labelled: boolean } {
  if (!kind.fields || n < 0) return { field: t('', ''), labelled: false };
  const list = FIELD_LISTS[kind.fields];
  const perm = plan.fields[kind.fields];
  const field = list[n < list.length ? perm.at(n) : n % list.length] ?? t('', '');
  return { field, labelled: n >= list.length };
}
