import { fourGlobalFeatureCodes } from '../../domain/fourGlobal.js';
import type { RecognitionLevel } from '../../domain/level.js';
import type { Message } from '../../domain/message.js';
import type { RdInstitutionCategory } from '../../domain/rdInstitution.js';
import { evidenceFor } from './evidence.js';
import { DEMO_AS_OF, spread, type GenContext, type Host, type HostPools } from './genContext.js';
import { addDays, earlierOf, laterOf } from './random.js';
import type { DemoRdInstitution } from './types.js';
import { INDUSTRIES, MEDICAL_INDUSTRIES, type Industry } from './vocabulary.js';

/** R&D institutions (研发机构) of the generated hosts; numbers grow toward 2025 as in Changsha. */

const ESTABLISHED_YEARS = [
  [2016, 3], [2017, 4], [2018, 5], [2019, 6], [2020, 7], [2021, 9], [2022, 11], [2023, 14], [2024, 18], [2025, 19],
] as const;

const LEVELS: Record<RdInstitutionCategory, readonly (readonly [RecognitionLevel, number])[]> = {
  enterprise_rd_center: [['national', 3], ['provincial', 30], ['municipal', 45], ['none', 22]],
  new_type_rd_institution: [['provincial', 40], ['municipal', 40], ['none', 20]],
  foreign_rd_center: [['provincial', 30], ['municipal', 40], ['none', 30]],
  academic_rd_institution: [['national', 5], ['provincial', 35], ['municipal', 30], ['none', 30]],
  other: [['provincial', 50], ['municipal', 30], ['none', 20]],
};

const CENTER_SUFFIXES: readonly Message[] = [
  { zh: '研究院', en: 'Research Institute' },
  { zh: '技术中心', en: 'Technology Center' },
  { zh: '工程技术研究中心', en: 'Engineering Technology Research Center' },
  { zh: '研发中心', en: 'R&D Center' },
];

const industryOf = (g: GenContext, host: Host): Industry => host.industry ?? g.rng.pick(INDUSTRIES);
const topicOf = (g: GenContext, host: Host): Message => g.rng.pick(industryOf(g, host).topics);

type Namer = (g: GenContext, host: Host, pools: HostPools) => Message;

const enterpriseCenter: Namer = (g, host) => {
  const field = g.rng.chance(0.5) ? industryOf(g, host).name : topicOf(g, host);
  const suffix = g.rng.pick(CENTER_SUFFIXES);
  return { zh: `${host.label.zh}${field.zh}${suffix.zh}`, en: `${host.label.en} ${field.en} ${suffix.en}` };
};

const FOREIGN_SUFFIXES: readonly Message[] = [
  { zh: '研发中心', en: 'R&D Center' },
  { zh: '技术研究院', en: 'Technology Institute' },
  { zh: '创新中心', en: 'Innovation Center' },
];

const foreignCenter: Namer = (g, host) => {
  const region = g.rng.pick([g.cityShort, { zh: '亚太', en: 'Asia-Pacific' }, { zh: '中国', en: 'China' }]);
  const field = g.rng.chance(0.5) ? industryOf(g, host).name : topicOf(g, host);
  const suffix = g.rng.pick(FOREIGN_SUFFIXES);
  return { zh: `${host.label.zh}${region.zh}${field.zh}${suffix.zh}`, en: `${host.label.en} ${region.en} ${field.en} ${suffix.en}` };
};

/** A new-type R&D institution (新型研发机构) is often the organization itself. */
const newTypeInstitution: Namer = (g, host) => {
  if (host.kind === 'new_type_rd_institution' && g.rng.chance(0.6)) return host.name;
  const topic = topicOf(g, host);
  return { zh: `${g.cityShort.zh}${host.label.zh}${topic.zh}创新中心`, en: `${g.cityShort.en} ${host.label.en} ${topic.en} Innovation Center` };
};

/** A university or hospital with a fictitious partner enterprise: clearly not a real institute. */
const jointCenter: Namer = (g, host, pools) => {
  const medical = pools.enterprises.filter((e) => e.industry !== null && MEDICAL_INDUSTRIES.includes(e.industry.name.zh));
  const partner = g.rng.pick(host.kind === 'hospital' && medical.length > 0 ? medical : pools.enterprises);
  const topic = topicOf(g, partner);
  return { zh: `${host.label.zh}—${partner.label.zh}${topic.zh}联合研发中心`, en: `${host.label.en}–${partner.label.en} ${topic.en} Joint R&D Center` };
};

const workstation: Namer = (_g, host) => ({ zh: `${host.name.zh}院士专家工作站`, en: `${host.name.en} Academician Expert Workstation` });

interface Batch {
  category: RdInstitutionCategory;
  hosts: Host[];
  name: Namer;
}

function batches(g: GenContext, pools: HostPools): Batch[] {
  const academicHosts = pools.academic.length > 0 ? pools.academic : pools.institutes;
  return [
    { category: 'enterprise_rd_center', hosts: spread(g, pools.enterprises, 205), name: enterpriseCenter },
    { category: 'foreign_rd_center', hosts: spread(g, pools.foreign, 28), name: foreignCenter },
    { category: 'new_type_rd_institution', hosts: spread(g, [...pools.newType, ...pools.institutes], 28), name: newTypeInstitution },
    { category: 'academic_rd_institution', hosts: spread(g, academicHosts, 65), name: jointCenter },
    // One workstation per host: its name is the host's.
    { category: 'other', hosts: g.rng.sample(pools.enterprises, 18), name: workstation },
  ];
}

function establishedOn(g: GenContext, host: Host): string {
  const founded = host.foundedOn;
  const y = g.yearFrom(ESTABLISHED_YEARS, founded ? Number(founded.slice(0, 4)) : 0);
  const from = founded ? earlierOf(laterOf(`${y}-01-01`, addDays(founded, 1)), `${y}-12-31`) : `${y}-01-01`;
  return g.rng.dateBetween(from, `${y}-12-31`);
}

/** Most institutions set up in 2025 sit in an innovation zone (一城一区三基地); fewer before. */
function placeOf(g: GenContext, host: Host, established: string): { district_code: string; zone: string | null } {
  const district = host.district ?? g.district().code;
  const innovationShare = established.startsWith('2025') ? 0.7 : 0.3;
  const innovation = g.rng.chance(innovationShare) ? g.innovationPlace(district) : null;
  return innovation ? { district_code: innovation.district, zone: innovation.zone } : { district_code: district, zone: host.zone };
}

/**
 * Four-global claims: about half the institutions have one to three confirmed features and about
 * one in ten all four (foreign centers more often); some carry a claim still pending review.
 */
function fourGlobal(g: GenContext, category: RdInstitutionCategory, established: string): NonNullable<DemoRdInstitution['four_global']> {
  const allFour = category === 'foreign_rd_center' ? 0.3 : 0.1;
  const r = g.rng.next();
  const count = r < allFour ? 4 : r < allFour + 0.5 ? g.rng.int(1, 3) : 0;
  const confirmed = new Set(g.rng.sample(fourGlobalFeatureCodes, count));
  const rest = fourGlobalFeatureCodes.filter((f) => !confirmed.has(f));
  const pending = rest.length > 0 && g.rng.chance(0.25) ? g.rng.pick(rest) : null;
  const reviewFrom = earlierOf(laterOf(addDays(established, 90), '2023-03-01'), DEMO_AS_OF);
  const reviewedOn = g.rng.dateBetween(reviewFrom, earlierOf('2026-11-20', DEMO_AS_OF));
  const claims: NonNullable<DemoRdInstitution['four_global']> = {};
  for (const f of fourGlobalFeatureCodes) {
    if (confirmed.has(f)) claims[f] = { evidence: evidenceFor(g, f), confirmed_on: reviewedOn };
    else if (f === pending) claims[f] = { evidence: evidenceFor(g, f), confirmed_on: null };
    else claims[f] = null;
  }
  return claims;
}

export function generateRdInstitutions(g: GenContext, pools: HostPools): DemoRdInstitution[] {
  return batches(g, pools).flatMap(({ category, hosts, name }) =>
    hosts.map((host) => {
      const title = g.uniqueName('rd_institution', () => name(g, host, pools));
      const established = establishedOn(g, host);
      return {
        host_uscc: host.uscc,
        name: title.zh,
        name_en: title.en,
        category,
        level: g.rng.weighted(LEVELS[category]),
        established_on: established,
        ...placeOf(g, host, established),
        four_global: fourGlobal(g, category, established),
      };
    }),
  );
}
