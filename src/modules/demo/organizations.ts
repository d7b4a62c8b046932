import type { OrganizationKind } from '../../domain/organization.js';
import type { Message } from '../../domain/message.js';
import { demoUscc, type RegistrationType } from './codes.js';
import type { GenContext, Host } from './genContext.js';
import type { DemoOrganization } from './types.js';
import { COMPANY_FORMS, FOREIGN_BRANDS, INDUSTRIES, STREETS, TRADE_NAMES, type Industry, type TradeName } from './vocabulary.js';

/** How many generated organizations of each sort (the rest of the total are enterprises). */
const MIX = { research_institute: 15, new_type_rd_institution: 22, financial_institution: 6, foreign: 14 };

type Sort = 'enterprise' | 'foreign' | 'research_institute' | 'new_type_rd_institution' | 'financial_institution';

const REGISTRATION: Record<Sort, RegistrationType> = {
  enterprise: '91',
  foreign: '91',
  financial_institution: '91',
  research_institute: '12',
  new_type_rd_institution: '52',
};

/** Founding years: most firms are young, institutes old, new-type R&D institutions date from 2016 on. */
const FOUNDING_YEARS: Record<Sort, readonly [number, number]> = {
  enterprise: [1990, 2025],
  foreign: [2000, 2023],
  financial_institution: [1995, 2020],
  research_institute: [1990, 2015],
  new_type_rd_institution: [2016, 2024],
};

const FINANCIAL_FORMS: readonly Message[] = [
  { zh: '科技小额贷款有限公司', en: 'Technology Microcredit Co., Ltd.' },
  { zh: '创业投资有限公司', en: 'Venture Capital Co., Ltd.' },
  { zh: '融资担保有限公司', en: 'Financing Guarantee Co., Ltd.' },
  { zh: '村镇银行股份有限公司', en: 'Rural Bank Co., Ltd.' },
];

const NEW_TYPE_FORMS: readonly Message[] = [
  { zh: '产业技术研究院', en: 'Industrial Technology Research Institute' },
  { zh: '创新研究院', en: 'Innovation Institute' },
  { zh: '协同创新中心', en: 'Collaborative Innovation Center' },
];

function plan(total: number): Sort[] {
  const special = MIX.research_institute + MIX.new_type_rd_institution + MIX.financial_institution + MIX.foreign;
  return [
    ...Array<Sort>(MIX.research_institute).fill('research_institute'),
    ...Array<Sort>(MIX.new_type_rd_institution).fill('new_type_rd_institution'),
    ...Array<Sort>(MIX.financial_institution).fill('financial_institution'),
    ...Array<Sort>(MIX.foreign).fill('foreign'),
    ...Array<Sort>(Math.max(0, total - special)).fill('enterprise'),
  ];
}

const KIND: Record<Sort, OrganizationKind> = {
  enterprise: 'enterprise',
  foreign: 'enterprise',
  financial_institution: 'financial_institution',
  research_institute: 'research_institute',
  new_type_rd_institution: 'new_type_rd_institution',
};

interface Naming {
  name: Message;
  label: Message;
}

function prefixOf(g: GenContext): Message {
  return g.rng.chance(0.6) ? g.cityShort : g.provinceShort;
}

function nameFor(g: GenContext, sort: Sort, trade: TradeName, industry: Industry): Naming {
  const [tradeZh, tradeEn] = trade;
  const label = { zh: tradeZh, en: tradeEn };
  if (sort === 'foreign') {
    const [brandZh, brandEn] = g.rng.pick(FOREIGN_BRANDS);
    return {
      name: { zh: `${brandZh}（${g.cityShort.zh}）${industry.name.zh}有限公司`, en: `${brandEn} (${g.cityShort.en}) ${industry.name.en} Co., Ltd.` },
      label: { zh: brandZh, en: brandEn },
    };
  }
  const prefix = prefixOf(g);
  const form =
    sort === 'financial_institution'
      ? g.rng.pick(FINANCIAL_FORMS)
      : sort === 'new_type_rd_institution'
        ? g.rng.pick(NEW_TYPE_FORMS)
        : sort === 'research_institute'
          ? { zh: '研究院', en: 'Research Institute' }
          : g.rng.weighted(COMPANY_FORMS);
  const field = sort === 'financial_institution' ? { zh: '', en: '' } : industry.name;
  return {
    name: { zh: `${prefix.zh}${tradeZh}${field.zh}${form.zh}`, en: [prefix.en, tradeEn, field.en, form.en].filter(Boolean).join(' ') },
    label,
  };
}

function address(g: GenContext, districtCode: string): string {
  const district = g.districtByCode(districtCode);
  const base = `${g.city.province.zh}${g.city.name.zh}${district?.name.zh ?? ''}`;
  const streets = STREETS[districtCode];
  return streets ? `${base}${g.rng.pick(streets)}${g.rng.int(1, 999)}号` : base;
}

function foundedOn(g: GenContext, sort: Sort): string {
  const [from, to] = FOUNDING_YEARS[sort];
  // Later years weigh more: the registry is dominated by firms founded in the last decade.
  const years = Array.from({ length: to - from + 1 }, (_, i) => [from + i, 1 + i * 0.25] as const);
  const year = g.rng.weighted(years);
  return g.rng.dateBetween(`${year}-01-01`, `${year}-12-31`);
}

/** `total` fictitious organizations with serials from `firstSerial`, as hosts for the other records. */
export function generateOrganizations(g: GenContext, firstSerial: number, total: number): { records: DemoOrganization[]; hosts: Host[] } {
  const industries = INDUSTRIES.map((i) => [i, i.weight] as const);
  const records: DemoOrganization[] = [];
  const hosts: Host[] = [];
  plan(total).forEach((sort, i) => {
    const industry = g.rng.weighted(industries);
    const { name, label } = g.unique('organization', () => nameFor(g, sort, g.rng.pick(TRADE_NAMES), industry), (n) => n.name.zh);
    const district = g.district().code;
    const zone = g.zoneFor(district, sort === 'new_type_rd_institution' ? 0.85 : 0.55);
    const registeredAt = g.rng.chance(0.4) ? g.city.code : district;
    const record: DemoOrganization = {
      uscc: demoUscc(REGISTRATION[sort], registeredAt, firstSerial + i),
      name: name.zh,
      name_en: name.en,
      kind: KIND[sort],
      district_code: district,
      zone,
      founded_on: foundedOn(g, sort),
      address: address(g, district),
    };
    records.push(record);
    hosts.push({
      uscc: record.uscc,
      kind: record.kind,
      name,
      label,
      district,
      zone,
      foundedOn: record.founded_on ?? null,
      industry,
      foreign: sort === 'foreign',
    });
  });
  return { records, hosts };
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
    foreign: false,
  };
}
