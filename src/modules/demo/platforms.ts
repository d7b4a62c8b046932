import type { PlatformStatus, PlatformType } from '../../domain/innovationPlatform.js';
import type { RecognitionLevel } from '../../domain/level.js';
import type { Message } from '../../domain/message.js';
import { DEMO_AS_OF, spread, type GenContext, type Host, type HostPools } from './genContext.js';
import { earlierOf } from './random.js';
import type { DemoPlatform } from './types.js';
import { INDUSTRIES, LAB_FIELDS, type Industry } from './vocabulary.js';

/**
 * Innovation platforms (创新平台) of every type: national key laboratories built or reorganized
 * in 2022–2025, concept-verification centers and pilot-scale platforms filed since August 2024
 * (when Changsha began filing them), and the provincial and municipal centers around them.
 */

/** Concept-verification centers and pilot-scale platforms are filed from this day on. */
const FILING_STARTS = '2024-08-01';

interface Spec {
  type: PlatformType;
  level: RecognitionLevel;
  authority: string | null;
  recognizedOn: string | null;
  status: PlatformStatus;
  name: Message;
}

type Maker = (g: GenContext, host: Host) => Spec;

const industryOf = (g: GenContext, host: Host): Industry => host.industry ?? g.rng.pick(INDUSTRIES);
const topicOf = (g: GenContext, host: Host): Message => g.rng.pick(industryOf(g, host).topics);
/** 工业机器人 already says 机器人: the industry word is dropped when the topic contains it. */
const fieldOf = (industry: Message, topic: Message): Message =>
  topic.zh.includes(industry.zh) ? topic : { zh: `${industry.zh}${topic.zh}`, en: `${industry.en} ${topic.en}` };
const upTo = (g: GenContext, from: string, to: string) => g.rng.dateBetween(from, earlierOf(to, DEMO_AS_OF));

const authorities = (g: GenContext) => ({
  most: '科学技术部',
  ndrc: '国家发展和改革委员会',
  provinceSt: `${g.city.province.zh}科学技术厅`,
  provinceIt: `${g.city.province.zh}工业和信息化厅`,
  provinceDev: `${g.city.province.zh}发展和改革委员会`,
  citySt: `${g.city.name.zh}科学技术局`,
});

const nationalKeyLab: Maker = (g) => {
  const field = g.rng.pick(LAB_FIELDS);
  return {
    type: 'national_key_lab',
    level: 'national',
    authority: authorities(g).most,
    recognizedOn: upTo(g, '2022-01-01', '2025-12-31'),
    status: 'active',
    name: { zh: `${field.zh}全国重点实验室`, en: `National Key Laboratory of ${field.en}` },
  };
};

/** A state key laboratory of the old system, since reorganized into a national key laboratory. */
const stateKeyLab: Maker = (g) => {
  const field = g.rng.pick(LAB_FIELDS);
  return {
    type: 'national_key_lab',
    level: 'national',
    authority: authorities(g).most,
    recognizedOn: upTo(g, '2006-01-01', '2015-12-31'),
    status: 'reorganized',
    name: { zh: `${field.zh}国家重点实验室`, en: `State Key Laboratory of ${field.en}` },
  };
};

const engineeringCenter: Maker = (g) => {
  const field = g.rng.pick(LAB_FIELDS);
  return {
    type: 'national_engineering_research_center',
    level: 'national',
    authority: authorities(g).ndrc,
    recognizedOn: upTo(g, '2011-01-01', '2024-12-31'),
    status: 'active',
    name: { zh: `${field.zh}国家工程研究中心`, en: `National Engineering Research Center for ${field.en}` },
  };
};

const nationalLabBase: Maker = (g) => {
  const field = g.rng.pick(LAB_FIELDS);
  return {
    type: 'national_lab_base',
    level: 'national',
    authority: authorities(g).most,
    recognizedOn: upTo(g, '2021-01-01', '2025-12-31'),
    status: 'active',
    name: { zh: `${field.zh}国家实验室${g.cityShort.zh}基地`, en: `${field.en} National Laboratory, ${g.cityShort.en} Base` },
  };
};

/** The city is bidding for a national laboratory: no recognition date yet. */
const nationalLab: Maker = (g) => {
  const field = g.rng.pick(LAB_FIELDS);
  return {
    type: 'national_lab',
    level: 'national',
    authority: authorities(g).most,
    recognizedOn: null,
    status: 'under_construction',
    name: { zh: `${field.zh}国家实验室（筹）`, en: `National Laboratory of ${field.en} (preparatory)` },
  };
};

const conceptCenter: Maker = (g, host) => {
  const topic = topicOf(g, host);
  return {
    type: 'concept_verification_center',
    level: 'municipal',
    authority: authorities(g).citySt,
    recognizedOn: upTo(g, FILING_STARTS, '2026-10-31'),
    status: 'active',
    name: { zh: `${host.label.zh}${topic.zh}概念验证中心`, en: `${host.label.en} ${topic.en} Concept Verification Center` },
  };
};

const pilotPlatform: Maker = (g, host) => {
  const industry = industryOf(g, host).name;
  const provincial = g.rng.chance(0.3);
  const filed = upTo(g, FILING_STARTS, '2026-10-31');
  const [kindZh, kindEn] = g.rng.chance(0.7) ? ['中试平台', 'Pilot-scale Platform'] : ['中试基地', 'Pilot-scale Base'];
  return {
    type: 'pilot_platform',
    level: provincial ? 'provincial' : 'municipal',
    authority: provincial ? authorities(g).provinceIt : authorities(g).citySt,
    recognizedOn: filed,
    // Platforms filed this year are often still being fitted out.
    status: filed >= '2026-01-01' && g.rng.chance(0.3) ? 'under_construction' : 'active',
    name: { zh: `${host.label.zh}${industry.zh}${kindZh}`, en: `${host.label.en} ${industry.en} ${kindEn}` },
  };
};

const industrialCenter: Maker = (g, host) => {
  const industry = industryOf(g, host).name;
  return {
    type: 'industrial_innovation_center',
    level: 'provincial',
    authority: authorities(g).provinceDev,
    recognizedOn: upTo(g, '2019-01-01', '2025-12-31'),
    status: 'active',
    name: { zh: `${g.provinceShort.zh}${industry.zh}产业创新中心`, en: `${g.provinceShort.en} ${industry.en} Industrial Innovation Center` },
  };
};

/** Provincial and municipal engineering centers and international cooperation bases. */
const otherCenter: Maker = (g, host) => {
  const topic = topicOf(g, host);
  const field = fieldOf(industryOf(g, host).name, topic);
  const recognizedOn = upTo(g, '2012-01-01', '2025-12-31');
  const status: PlatformStatus = recognizedOn < '2018-01-01' && g.rng.chance(0.08) ? 'revoked' : 'active';
  const variant = g.rng.weighted([['provincial', 5], ['municipal', 4], ['cooperation', 2]] as const);
  const base = { type: 'other' as const, recognizedOn, status };
  if (variant === 'provincial')
    return { ...base, level: 'provincial', authority: authorities(g).provinceSt, name: { zh: `${g.city.province.zh}${field.zh}工程技术研究中心`, en: `${g.provinceShort.en} ${field.en} Engineering Technology Research Center` } };
  if (variant === 'municipal')
    return { ...base, level: 'municipal', authority: authorities(g).citySt, name: { zh: `${g.city.name.zh}${host.label.zh}${topic.zh}工程技术研究中心`, en: `${g.cityShort.en} ${host.label.en} ${topic.en} Engineering Technology Research Center` } };
  return { ...base, level: 'provincial', authority: authorities(g).provinceSt, name: { zh: `${g.city.province.zh}${topic.zh}国际科技合作基地`, en: `${g.provinceShort.en} ${topic.en} International S&T Cooperation Base` } };
};

/** Hosts that existed before `date` (a platform is not recognized before its host is founded). */
const foundedBy = (hosts: readonly Host[], date: string) => hosts.filter((h) => h.foundedOn === null || h.foundedOn < date);

/** Generated platforms sit only on generated hosts, so no real organization is credited with one. */
function batches(g: GenContext, pools: HostPools): Array<{ hosts: Host[]; make: Maker; innovationShare: number }> {
  const science = [...pools.institutes, ...pools.newType];
  const mixed = [...science, ...pools.enterprises];
  const applied = [...pools.enterprises, ...pools.newType];
  return [
    { hosts: [...spread(g, foundedBy(science, '2022-01-01'), 9), ...spread(g, foundedBy(pools.enterprises, '2022-01-01'), 5)], make: nationalKeyLab, innovationShare: 0 },
    { hosts: spread(g, foundedBy(science, '2006-01-01'), 3), make: stateKeyLab, innovationShare: 0 },
    { hosts: spread(g, foundedBy(mixed, '2011-01-01'), 6), make: engineeringCenter, innovationShare: 0 },
    { hosts: spread(g, foundedBy(science, '2021-01-01'), 2), make: nationalLabBase, innovationShare: 0.5 },
    { hosts: spread(g, science, 1), make: nationalLab, innovationShare: 1 },
    { hosts: spread(g, foundedBy(mixed, FILING_STARTS), 14), make: conceptCenter, innovationShare: 0.4 },
    { hosts: spread(g, foundedBy(applied, FILING_STARTS), 30), make: pilotPlatform, innovationShare: 0.4 },
    { hosts: spread(g, foundedBy(applied, '2019-01-01'), 3), make: industrialCenter, innovationShare: 0.3 },
    { hosts: spread(g, foundedBy(mixed, '2012-01-01'), 48), make: otherCenter, innovationShare: 0.2 },
  ];
}

export function generatePlatforms(g: GenContext, pools: HostPools): DemoPlatform[] {
  return batches(g, pools).flatMap(({ hosts, make, innovationShare }) =>
    hosts.map((host) => {
      const spec = g.unique('platform', () => make(g, host), (s) => s.name.zh);
      const district = host.district ?? g.district().code;
      const innovation = g.rng.chance(innovationShare) ? g.innovationPlace(district) : null;
      return {
        host_uscc: host.uscc,
        name: spec.name.zh,
        name_en: spec.name.en,
        type: spec.type,
        level: spec.level,
        recognized_on: spec.recognizedOn,
        authority: spec.authority,
        status: spec.status,
        district_code: innovation?.district ?? district,
        zone: innovation ? innovation.zone : host.zone,
      };
    }),
  );
}
