import { checkCalendarDate, checkDateRange, checkNotInFuture } from './calendarDate.js';
import type { CityConfig } from './city.js';
import { checkDistrictCode } from './district.js';
import { codesOf, violation, type CodeList, type Message, type RuleViolation } from './message.js';
import type { FieldViolation } from './recordRules.js';
import { checkYuan, yuan } from './yuan.js';
import { checkZone } from './zone.js';

/**
 * Technology contracts (技术合同认定登记, domain guide §5). Types, sub-types and the reasons a
 * contract is not registered change with national rules (new rules took effect in January 2026),
 * so they are data (config/market/*.json, loaded and checked by src/config.ts); this module holds
 * the rules over them.
 */

/** The five statistical types, each with its sub-types (技术开发 → 委托开发, 合作开发 …). */
export interface ContractTypeCatalogue {
  types: Record<string, { name: Message; subTypes: Record<string, Message> }>;
}

/** Codes the market's records use, as configured. */
export interface MarketCodes {
  contractTypes: ContractTypeCatalogue;
  /** Why a contract was not registered (不予登记的理由). */
  notRegisteredReasons: Record<string, Message>;
  /** The technology fields (技术领域) of contract statistics. */
  technologyFields: Record<string, Message>;
}

/** The places a buyer may be in: GB/T 2260 county-level codes and ISO 3166-1 alpha-2 countries. */
export interface RegionLists {
  counties: ReadonlySet<string>;
  countries: ReadonlyMap<string, Message>;
}

/** Where a contract stands; registration itself is a filing workflow (issue 14, later slice). */
export const contractStatuses = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  registered: { zh: '已登记', en: 'Registered' },
  not_registered: { zh: '不予登记', en: 'Not registered' },
  returned: { zh: '已退回', en: 'Returned' },
} as const satisfies CodeList<string>;
export type ContractStatus = keyof typeof contractStatuses;
export const contractStatusCodes = codesOf(contractStatuses);

/** Where the technology goes (技术流向), judged from the buyer's region. */
export const contractFlows = {
  local: { zh: '本市', en: 'Within the city' },
  province: { zh: '省内其他地区', en: 'Elsewhere in the province' },
  domestic: { zh: '国内其他省份', en: 'Elsewhere in China' },
  abroad: { zh: '境外', en: 'Abroad' },
} as const satisfies CodeList<string>;
export type ContractFlow = keyof typeof contractFlows;
export const contractFlowCodes = codesOf(contractFlows);

const COUNTY = /^\d{6}$/;
const COUNTRY = /^[A-Z]{2}$/;

/** The flow of a buyer in `region` (a county code or a country code), or null for an unknown region. */
export function regionFlow(city: CityConfig, regions: RegionLists, region: string): ContractFlow | null {
  if (COUNTRY.test(region)) return region !== 'CN' && regions.countries.has(region) ? 'abroad' : null;
  const county = COUNTY.test(region) && (regions.counties.has(region) || city.districts.some((d) => d.code === region));
  if (!county) return null;
  if (region.slice(0, 4) === city.code.slice(0, 4)) return 'local';
  return region.slice(0, 2) === city.code.slice(0, 2) ? 'province' : 'domestic';
}

export function checkBuyerRegion(city: CityConfig, regions: RegionLists, region: string): RuleViolation | null {
  if (regionFlow(city, regions, region) !== null) return null;
  if (region === 'CN') return violation('region.china_as_country', '境内买方请填写区县代码（GB/T 2260），而非 CN', 'A buyer in China is given by its county code (GB/T 2260), not CN', { value: region });
  return violation(
    'region.unknown',
    `未知地区代码 ${region}：境内填写 6 位区县代码（GB/T 2260），境外填写两位国家代码（ISO 3166-1，如 DE）`,
    `Unknown region ${region}: a 6-digit county code (GB/T 2260) in China, or a two-letter country code (ISO 3166-1, e.g. DE) abroad`,
    { value: region },
  );
}

/** A contract registered elsewhere (its seller outside the city) bought by a buyer in the city: 技术吸纳 inflow. */
export const isInflow = (sellerInCity: boolean, flow: ContractFlow): boolean => !sellerInCity && flow === 'local';

/** A contract's fields as the API carries them; a key left out (a partial update) is not judged. */
export interface TechContractFields {
  type?: string;
  sub_type?: string;
  buyer_org_id?: number | null;
  buyer_name?: string | null;
  buyer_region?: string | null;
  contract_amount?: string;
  transaction_amount?: string;
  signed_on?: string;
  registered_on?: string | null;
  end_on?: string | null;
  technology_field?: string | null;
  district_code?: string | null;
  zone?: string | null;
  status?: string;
  registration_number?: string | null;
  not_registered_reason?: string | null;
}

const at = (field: string, problems: readonly (RuleViolation | null)[]): FieldViolation[] =>
  problems.filter((p): p is RuleViolation => p !== null).map((p) => ({ ...p, field }));

const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

function typeFields(market: MarketCodes, input: TechContractFields): FieldViolation[] {
  const types = market.contractTypes.types;
  if (input.type !== undefined && !types[input.type])
    return at('type', [violation('contract_type.unknown', `未知技术合同类型：${input.type}`, `Unknown technology contract type: ${input.type}`, { value: input.type, allowed: Object.keys(types).join(', ') })]);
  if (input.type === undefined || input.sub_type === undefined || types[input.type]!.subTypes[input.sub_type]) return [];
  const allowed = Object.keys(types[input.type]!.subTypes).join(', ');
  return at('sub_type', [violation('contract_sub_type.unknown', `${types[input.type]!.name.zh}合同没有子类型 ${input.sub_type}（可选：${allowed}）`, `A ${types[input.type]!.name.en} contract has no sub-type ${input.sub_type} (one of: ${allowed})`, { value: input.sub_type, allowed })]);
}

/** A registry organization, or a name with its region: one of the two, never both. */
function buyerFields(city: CityConfig, regions: RegionLists, input: TechContractFields): FieldViolation[] {
  const problems = given(input.buyer_region) ? at('buyer_region', [checkBuyerRegion(city, regions, input.buyer_region)]) : [];
  if (given(input.buyer_org_id) && given(input.buyer_name))
    problems.push(...at('buyer_name', [violation('buyer.both', '买方为登记主体时不再填写买方名称', 'A buyer that is a registry organization takes no separate name', {})]));
  if (input.buyer_org_id === null && input.buyer_name === null)
    problems.push(...at('buyer_name', [violation('buyer.required', '请选择买方主体，或填写买方名称及所在地区', 'Choose the buyer organization, or give the buyer’s name and region', {})]));
  if (given(input.buyer_name) && input.buyer_region === null)
    problems.push(...at('buyer_region', [violation('buyer_region.required', '请填写买方所在地区（区县代码或国家代码）', 'Give the buyer’s region (a county code or a country code)', {})]));
  return problems;
}

/** The largest amount a contract may carry: 10^13 yuan, a thousand times the city's yearly turnover. */
export const MAX_CONTRACT_YUAN = '10000000000000';

/** An amount as entered: a decimal of yuan (exact, never a float), not negative, not absurd; zero only where allowed. */
export function checkContractYuan(value: string, options: { allowZero: boolean }): RuleViolation | null {
  if (/^\s*-/.test(value)) return violation('amount.negative', `金额不能为负数：${value}`, `An amount cannot be negative: ${value}`, { value });
  const format = checkYuan(value);
  if (format) return { ...format, params: { value } };
  if (yuan(value).gt(MAX_CONTRACT_YUAN)) return violation('amount.too_large', `金额超过上限 10 万亿元：${value}`, `The amount is above the limit of 10^13 yuan: ${value}`, { value, max: MAX_CONTRACT_YUAN });
  if (yuan(value).isZero() && !options.allowZero) return violation('amount.zero', '合同成交额须大于零', 'The contract amount must be above zero', { value });
  return null;
}

function amountFields(input: TechContractFields): FieldViolation[] {
  const contract = input.contract_amount === undefined ? null : checkContractYuan(input.contract_amount, { allowZero: false });
  const transaction = input.transaction_amount === undefined ? null : checkContractYuan(input.transaction_amount, { allowZero: true });
  const problems = [...at('contract_amount', [contract]), ...at('transaction_amount', [transaction])];
  if (contract || transaction || input.contract_amount === undefined || input.transaction_amount === undefined) return problems;
  if (yuan(input.transaction_amount).gt(yuan(input.contract_amount)))
    problems.push(
      ...at('transaction_amount', [
        violation('transaction_amount.above_contract', `技术交易额 ${input.transaction_amount} 元高于合同成交额 ${input.contract_amount} 元`, `The technology transaction amount ${input.transaction_amount} yuan is above the contract amount ${input.contract_amount} yuan`, { value: input.transaction_amount, contract_amount: input.contract_amount }),
      ]),
    );
  return problems;
}

function dateFields(input: TechContractFields, today: string): FieldViolation[] {
  const { signed_on: signed, registered_on: registered, end_on: end } = input;
  return [
    ...(signed === undefined ? [] : at('signed_on', [checkCalendarDate(signed) ?? checkNotInFuture(signed, today)])),
    ...(given(registered) ? at('registered_on', [checkCalendarDate(registered) ?? checkNotInFuture(registered, today) ?? (signed === undefined ? null : checkDateRange(signed, registered))]) : []),
    ...(given(end) ? at('end_on', [checkCalendarDate(end) ?? (signed === undefined ? null : checkDateRange(signed, end))]) : []),
  ];
}

/** What each status needs: a registration its date, a refusal its reason; neither belongs to another status. */
function statusFields(market: MarketCodes, input: TechContractFields): FieldViolation[] {
  const { status, not_registered_reason: reason } = input;
  const problems: FieldViolation[] = [];
  if (given(reason) && !market.notRegisteredReasons[reason])
    problems.push(...at('not_registered_reason', [violation('not_registered_reason.unknown', `未知的不予登记理由：${reason}`, `Unknown reason for not registering: ${reason}`, { value: reason, allowed: Object.keys(market.notRegisteredReasons).join(', ') })]));
  if (status === undefined) return problems;
  if (status === 'not_registered' && reason === null)
    problems.push(...at('not_registered_reason', [violation('not_registered_reason.required', '不予登记须注明理由', 'A contract not registered needs the reason', {})]));
  if (status !== 'not_registered' && given(reason))
    problems.push(...at('not_registered_reason', [violation('not_registered_reason.unexpected', '仅不予登记的合同有不予登记理由', 'Only a contract not registered has a reason for it', { status })]));
  if (status === 'registered' && input.registered_on === null)
    problems.push(...at('registered_on', [violation('registered_on.required', '已登记的合同须填写登记日期', 'A registered contract needs its registration date', {})]));
  for (const field of ['registered_on', 'registration_number'] as const)
    if (status !== 'registered' && given(input[field]))
      problems.push(...at(field, [violation(`${field}.unexpected`, '仅已登记的合同有登记日期和登记编号', 'Only a registered contract has a registration date and number', { status })]));
  return problems;
}

/**
 * Every rule of a contract at once, each tied to its field. Cross-field rules run when all their
 * fields are in the input: the route judges the body alone, the service the record as it will be.
 */
export function checkTechContractFields(market: MarketCodes, city: CityConfig, regions: RegionLists, input: TechContractFields, today: string): FieldViolation[] {
  return [
    ...typeFields(market, input),
    ...(given(input.technology_field) && !market.technologyFields[input.technology_field]
      ? at('technology_field', [violation('technology_field.unknown', `未知技术领域：${input.technology_field}`, `Unknown technology field: ${input.technology_field}`, { value: input.technology_field, allowed: Object.keys(market.technologyFields).join(', ') })])
      : []),
    ...buyerFields(city, regions, input),
    ...amountFields(input),
    ...dateFields(input, today),
    ...statusFields(market, input),
    ...(given(input.district_code) ? at('district_code', [checkDistrictCode(city, input.district_code)]) : []),
    ...(given(input.zone) ? at('zone', [checkZone(city, input.zone)]) : []),
  ];
}

/**
 * The last number of a city's yearly sequence. A registration number is 16 digits, and lists,
 * imports and spreadsheets order numbers as text: a seventh digit would sort 1,000,000 before
 * 200,000, so the sequence ends here rather than widening.
 */
export const LAST_REGISTRATION_SEQUENCE = 999_999;

/** A registration number: year, the city's code, a six-digit sequence of that city and year (2025430100000042). */
export function registrationNumber(year: number, cityCode: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > LAST_REGISTRATION_SEQUENCE) throw new RangeError(`A registration sequence is 1 to ${LAST_REGISTRATION_SEQUENCE}, not ${sequence}`);
  return `${year}${cityCode}${String(sequence).padStart(6, '0')}`;
}

/** The year and sequence of one of this city's registration numbers; null for another city's or another form. */
export function registrationSequence(number: string, cityCode: string): { year: number; sequence: number } | null {
  const m = /^(\d{4})(\d{6})(\d{6})$/.exec(number);
  return m && m[2] === cityCode ? { year: Number(m[1]), sequence: Number(m[3]) } : null;
}
