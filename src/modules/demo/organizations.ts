import type { Message } from '../../domain/message.js';
import type { OrganizationKind } from '../../domain/organization.js';
import { demoUscc, type RegistrationType } from './codes.js';
import { STREAM, type GenContext, type Host } from './genContext.js';
import { roleOf, type Population, type Role } from './population.js';
import { fromDays, type Random } from './random.js';
import type { DemoOrganization } from './types.js';
import { COMPANY_FORMS, FOREIGN_BRANDS, INDUSTRIES, STREETS, type Industry } from './vocabulary.js';

/** Serials below this are reserved for the named entities. */
const FIRST_GENERATED_SERIAL = 101;

const REGISTRATION: Record<Role, RegistrationType> = { sme: '91', large: '91', foreign: '91', newType: '52', institute: '12', finance: '91' };

const KIND: Record<Role, OrganizationKind> = {
  sme: 'enterprise',
  large: 'enterprise',
  foreign: 'enterprise',
  newType: 'new_type_rd_institution',
  institute: 'research_institute',
  finance: 'financial_institution',
};

const t = (zh: string, en: string): Message => ({ zh, en });

const LARGE_FORMS: readonly (readonly [Message, number])[] = [
  [t('股份有限公司', 'Co., Ltd.'), 3],
  [t('集团有限公司', 'Group Co., Ltd.'), 1],
  [t('有限公司', 'Co., Ltd.'), 1],
];
const FINANCIAL_FORMS: readonly Message[] = [
  t('科技小额贷款有限公司', 'Technology Microcredit Co., Ltd.'),
  t('创业投资有限公司', 'Venture Capital Co., Ltd.'),
  t('融资担保有限公司', 'Financing Guarantee Co., Ltd.'),
  t('村镇银行股份有限公司', 'Rural Bank Co., Ltd.'),
];
const NEW_TYPE_FORMS: readonly Message[] = [
  t('产业技术研究院', 'Industrial Technology Research Institute'),
  t('创新研究院', 'Innovation Institute'),
  t('协同创新中心', 'Collaborative Innovation Center'),
];

/** A generated organization's record and the host view other tables name their records with. */
export interface GeneratedOrganization {
  record: DemoOrganization;
  host: Host;
}

/**
 * Organization `i` of the population. Its own random stream decides the words, so the record is
 * the same whether it is built for the organizations table or as the host of another record.
 */
export function generatedOrganization(g: GenContext, p: Population, i: number): GeneratedOrganization {
  const rng = g.recordRandom(STREAM.organization, i);
  const uscc = usccFrom(g, p, i, rng);
  const role = roleOf(p, i);
  const industry = INDUSTRIES[p.industry[i] ?? 0] ?? null;
  const district = districtOf(g, p, i);
  const zone = g.city.zones[p.zone[i] ?? -1]?.code ?? null;
  const { name, label } = naming(g, rng, role, p.trades.name(p.trade[i] ?? 0), industry?.name ?? t('', ''));
  const record: DemoOrganization = {
    uscc,
    name: name.zh,
    name_en: name.en,
    kind: KIND[role],
    industry_code: industryCode(role, industry),
    district_code: district,
    zone,
    founded_on: fromDays(p.founded[i] ?? 0),
    address: address(g, rng, district),
  };
  return {
    record,
    host: { uscc: record.uscc, kind: record.kind, name, label, district, zone, foundedOn: record.founded_on ?? null, industry },
  };
}

/** Firms are of their industry's class; institutes do R&D (M7320 工程和技术研究和试验发展); lenders are non-bank finance (J6639). */
function industryCode(role: Role, industry: Industry | null): string | null {
  if (role === 'institute' || role === 'newType') return 'M7320';
  if (role === 'finance') return 'J6639';
  return industry?.code ?? null;
}

export const districtOf = (g: GenContext, p: Population, i: number): string => g.city.districts[p.district[i] ?? 0]?.code ?? g.city.code;

/** The credit code of organization `i`, without building the rest of its record. */
export function generatedUscc(g: GenContext, p: Population, i: number): string {
  return usccFrom(g, p, i, g.recordRandom(STREAM.organization, i));
}

/** The first draw of an organization's stream: registered by the city or by its district (characters 3–8). */
function usccFrom(g: GenContext, p: Population, i: number, rng: Random): string {
  const registeredAt = rng.chance(0.4) ? g.city.code : districtOf(g, p, i);
  return demoUscc(REGISTRATION[roleOf(p, i)], registeredAt, FIRST_GENERATED_SERIAL + i);
}

/**
 * Registered names follow 行政区划 + 字号 + 行业 + 组织形式; the trade name (字号) is the
 * organization's own, so no two names are alike.
 */
function naming(g: GenContext, rng: Random, role: Role, trade: Message, industry: Message): { name: Message; label: Message } {
  const place = rng.chance(0.6) ? g.cityShort : g.provinceShort;
  const spaced = (...parts: string[]) => parts.filter(Boolean).join(' ');
  if (role === 'foreign') {
    const [brandZh, brandEn] = rng.pick(FOREIGN_BRANDS);
    const label = { zh: `${brandZh}${trade.zh}`, en: `${brandEn} ${trade.en}` };
    return { name: { zh: `${label.zh}（${g.cityShort.zh}）${industry.zh}有限公司`, en: `${label.en} (${g.cityShort.en}) ${industry.en} Co., Ltd.` }, label };
  }
  const form = formOf(rng, role);
  const field = role === 'finance' ? t('', '') : industry;
  return { name: { zh: `${place.zh}${trade.zh}${field.zh}${form.zh}`, en: spaced(place.en, trade.en, field.en, form.en) }, label: trade };
}

function formOf(rng: Random, role: Role): Message {
  if (role === 'finance') return rng.pick(FINANCIAL_FORMS);
  if (role === 'newType') return rng.pick(NEW_TYPE_FORMS);
  if (role === 'institute') return t('研究院', 'Research Institute');
  return rng.weighted(role === 'large' ? LARGE_FORMS : COMPANY_FORMS);
}

function address(g: GenContext, rng: Random, districtCode: string): string {
  const district = g.districtByCode(districtCode);
  const base = `${g.city.province.zh}${g.city.name.zh}${district?.name.zh ?? ''}`;
  const streets = STREETS[districtCode];
  return streets ? `${base}${rng.pick(streets)}${rng.int(1, 999)}号` : base;
}

/** A named (real) organization as a host: its full name is its label; its industry is not modelled. */
export function hostOf(record: DemoOrganization): Host {
  const name = { zh: record.name, en: record.name_en ?? record.name };
  return {
    uscc: record.uscc,
    kind: record.kind,
    name,
    label: name,
    district: record.district_code ?? null,
    zone: record.zone ?? null,
    foundedOn: record.founded_on ?? null,
    industry: null,
  };
}
