import { checkCalendarDate, checkDateRange, checkNotInFuture } from './calendarDate.js';
import type { CityConfig } from './city.js';
import { checkDistrictCode } from './district.js';
import { codesOf, violation, type CodeList, type Message, type RuleViolation } from './message.js';
import type { FieldViolation } from './recordRules.js';
import { checkContractYuan } from './techContract.js';
import { checkZone } from './zone.js';

/**
 * Key-technology projects, achievements, their transfers and incubations (重点攻关项目、科技成果、
 * 成果转化与孵化; issue 14). Programmes and achievement types change with policy, so they are data
 * (config/market/programmes.json, achievement-types.json, loaded by src/config.ts); statuses, flags
 * and transfer modes are the rules' own vocabulary.
 */

/** The code lists of this part of the registry, as configured. */
export interface AchievementCodes {
  /** Funding programmes of key-technology projects (重点研发计划、关键核心技术攻关…). */
  programmes: Record<string, Message>;
  /** Kinds of achievement: product, equipment, process, new drug, … */
  achievementTypes: Record<string, Message>;
}

export const projectStatuses = {
  planned: { zh: '计划中', en: 'Planned' },
  ongoing: { zh: '实施中', en: 'Ongoing' },
  completed: { zh: '已结题', en: 'Completed' },
  terminated: { zh: '已终止', en: 'Terminated' },
} as const satisfies CodeList<string>;
export type ProjectStatus = keyof typeof projectStatuses;
export const projectStatusCodes = codesOf(projectStatuses);

/** What an achievement is claimed to be; each claim needs evidence. */
export const achievementFlags = {
  key_tech_breakthrough: { zh: '突破关键核心技术（“卡脖子”）', en: 'Key-technology breakthrough' },
  first_of_kind: { zh: '首台（套）', en: 'First of its kind' },
  fills_domestic_gap: { zh: '填补国内空白', en: 'Fills a domestic gap' },
  globally_leading: { zh: '全球领先', en: 'Globally leading' },
  independently_controllable: { zh: '自主可控', en: 'Independently controllable' },
} as const satisfies CodeList<string>;
export type AchievementFlag = keyof typeof achievementFlags;
export const achievementFlagCodes = codesOf(achievementFlags);

export const transferModes = {
  transfer: { zh: '转让', en: 'Transfer' },
  licence: { zh: '许可', en: 'Licence' },
  equity: { zh: '作价投资', en: 'Equity' },
  joint_implementation: { zh: '合作实施', en: 'Joint implementation' },
} as const satisfies CodeList<string>;
export type TransferMode = keyof typeof transferModes;
export const transferModeCodes = codesOf(transferModes);

/** The earliest year an achievement may carry: the registry's history does not reach further. */
export const FIRST_ACHIEVEMENT_YEAR = 1949;

const at = (field: string, problems: readonly (RuleViolation | null)[]): FieldViolation[] =>
  problems.filter((p): p is RuleViolation => p !== null).map((p) => ({ ...p, field }));
const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

function knownCode(field: string, list: Record<string, Message>, value: string | undefined, what: Message): FieldViolation[] {
  if (value === undefined || list[value]) return [];
  const allowed = Object.keys(list).join(', ');
  return at(field, [violation(`${field}.unknown`, `未知${what.zh}：${value}（可选：${allowed}）`, `Unknown ${what.en}: ${value} (one of: ${allowed})`, { value, allowed })]);
}

/** Organizations after the first: each once, and not the first again. */
function otherOrganizations(field: string, first: number | undefined, others: readonly number[] | undefined): FieldViolation[] {
  if (others === undefined) return [];
  const repeated = others.find((id, i) => others.indexOf(id) !== i || id === first);
  if (repeated === undefined) return [];
  return at(field, [violation('organizations.repeated', `主体 ${repeated} 重复列出`, `Organization ${repeated} is listed twice`, { id: repeated })]);
}

/** At most one host: an R&D institution or a platform. */
function oneHost(input: { rd_institution_id?: number | null; platform_id?: number | null }): FieldViolation[] {
  if (!given(input.rd_institution_id) || !given(input.platform_id)) return [];
  return at('platform_id', [violation('host.both', '依托载体只能是研发机构或创新平台之一', 'The host is an R&D institution or a platform, not both', {})]);
}

function place(city: CityConfig, input: { district_code?: string | null; zone?: string | null }): FieldViolation[] {
  return [...(given(input.district_code) ? at('district_code', [checkDistrictCode(city, input.district_code)]) : []), ...(given(input.zone) ? at('zone', [checkZone(city, input.zone)]) : [])];
}

export interface ProjectFields {
  lead_org_id?: number;
  partner_org_ids?: readonly number[];
  programme?: string;
  budget?: string;
  start_on?: string;
  end_on?: string;
  status?: string;
  rd_institution_id?: number | null;
  platform_id?: number | null;
  district_code?: string | null;
  zone?: string | null;
}

/** A project that has begun or ended cannot start (or end) after today; a planned one may. */
function projectDates(input: ProjectFields, today: string): FieldViolation[] {
  const { start_on: start, end_on: end, status } = input;
  const started = status === 'ongoing' || status === 'completed' || status === 'terminated';
  return [
    ...(start === undefined ? [] : at('start_on', [checkCalendarDate(start) ?? (started ? checkNotInFuture(start, today) : null)])),
    ...(end === undefined ? [] : at('end_on', [checkCalendarDate(end) ?? (status === 'completed' ? checkNotInFuture(end, today) : null) ?? (start === undefined || checkCalendarDate(start) ? null : checkDateRange(start, end))])),
  ];
}

/** Every rule of a project at once; cross-field rules run when their fields are all in the input. */
export function checkProjectFields(codes: AchievementCodes, city: CityConfig, input: ProjectFields, today: string): FieldViolation[] {
  return [
    ...knownCode('programme', codes.programmes, input.programme, { zh: '项目计划类别', en: 'programme' }),
    ...(input.budget === undefined ? [] : at('budget', [checkContractYuan(input.budget, { allowZero: true })])),
    ...otherOrganizations('partner_org_ids', input.lead_org_id, input.partner_org_ids),
    ...projectDates(input, today),
    ...oneHost(input),
    ...place(city, input),
  ];
}

export interface AchievementFields {
  type?: string;
  year?: number;
  organization_ids?: readonly number[];
  evidence?: string | null;
  rd_institution_id?: number | null;
  platform_id?: number | null;
  district_code?: string | null;
  zone?: string | null;
  key_tech_breakthrough?: boolean;
  first_of_kind?: boolean;
  fills_domestic_gap?: boolean;
  globally_leading?: boolean;
  independently_controllable?: boolean;
}

function achievementYear(year: number | undefined, today: string): FieldViolation[] {
  const current = Number(today.slice(0, 4));
  if (year === undefined || (year >= FIRST_ACHIEVEMENT_YEAR && year <= current)) return [];
  if (year > current) return at('year', [violation('year.future', `成果年份 ${year} 晚于今年`, `The achievement's year ${year} is after this year`, { value: year, max: current })]);
  return at('year', [violation('year.too_early', `成果年份须不早于 ${FIRST_ACHIEVEMENT_YEAR} 年`, `An achievement's year is ${FIRST_ACHIEVEMENT_YEAR} or later`, { value: year, min: FIRST_ACHIEVEMENT_YEAR })]);
}

/** A claimed flag (卡脖子, 首台套, 全球领先 …) is reported to the city: it needs its evidence. */
function flagEvidence(input: AchievementFields): FieldViolation[] {
  const claimed = achievementFlagCodes.filter((f) => input[f] === true);
  if (claimed.length === 0 || input.evidence === undefined || (input.evidence !== null && input.evidence.trim() !== '')) return [];
  return at('evidence', [violation('evidence.required', `声明${claimed.map((f) => achievementFlags[f].zh).join('、')}须提供佐证材料`, `Claiming ${claimed.map((f) => achievementFlags[f].en.toLowerCase()).join(', ')} needs evidence`, { flags: claimed.join(', ') })]);
}

export function checkAchievementFields(codes: AchievementCodes, city: CityConfig, input: AchievementFields, today: string): FieldViolation[] {
  const orgs = input.organization_ids;
  return [
    ...knownCode('type', codes.achievementTypes, input.type, { zh: '成果类型', en: 'achievement type' }),
    ...achievementYear(input.year, today),
    ...(orgs !== undefined && orgs.length === 0 ? at('organization_ids', [violation('organizations.required', '请至少填写一个完成单位（第一个为成果所有单位）', 'Give at least one organization (the first owns the achievement)', {})]) : []),
    ...(orgs === undefined ? [] : otherOrganizations('organization_ids', orgs[0], orgs.slice(1))),
    ...flagEvidence(input),
    ...oneHost(input),
    ...place(city, input),
  ];
}

export interface TransferFields {
  mode?: string;
  amount?: string;
  transferred_on?: string;
}

export function checkTransferFields(input: TransferFields, today: string): FieldViolation[] {
  return [
    ...(input.mode === undefined || (transferModeCodes as readonly string[]).includes(input.mode)
      ? []
      : at('mode', [violation('mode.unknown', `未知转化方式：${input.mode}`, `Unknown transfer mode: ${input.mode}`, { value: input.mode, allowed: transferModeCodes.join(', ') })])),
    ...(input.amount === undefined ? [] : at('amount', [checkContractYuan(input.amount, { allowZero: true })])),
    ...(input.transferred_on === undefined ? [] : at('transferred_on', [checkCalendarDate(input.transferred_on) ?? checkNotInFuture(input.transferred_on, today)])),
  ];
}

/** A transfer is dated in or after its achievement's year: what does not exist yet cannot change hands. */
export function checkTransferAfterAchievement(transferredOn: string, achievementYear: number): FieldViolation[] {
  if (Number(transferredOn.slice(0, 4)) >= achievementYear) return [];
  return at('transferred_on', [violation('transferred_on.before_achievement', `转化日期 ${transferredOn} 早于成果年份 ${achievementYear}`, `The transfer date ${transferredOn} is before the achievement's year ${achievementYear}`, { value: transferredOn, year: achievementYear })]);
}

/**
 * A transfer's technology contract is the achievement owner's sale: the contract's seller must be
 * the organization that owns the achievement (the one that can transfer it).
 */
export function checkTransferContract(contractSellerId: number, achievementOwnerId: number): FieldViolation[] {
  if (contractSellerId === achievementOwnerId) return [];
  return at('tech_contract_id', [
    violation('tech_contract.other_seller', `技术合同的卖方（主体 ${contractSellerId}）不是成果所有单位（主体 ${achievementOwnerId}）`, `The contract's seller (organization ${contractSellerId}) is not the achievement's owner (organization ${achievementOwnerId})`, { seller_org_id: contractSellerId, owner_org_id: achievementOwnerId }),
  ]);
}

export interface IncubationFields {
  achievement_id?: number | null;
  rd_institution_id?: number | null;
  incubated_on?: string;
}

export function checkIncubationFields(input: IncubationFields, today: string): FieldViolation[] {
  const problems = input.incubated_on === undefined ? [] : at('incubated_on', [checkCalendarDate(input.incubated_on) ?? checkNotInFuture(input.incubated_on, today)]);
  if (input.achievement_id === null && input.rd_institution_id === null)
    problems.push(...at('achievement_id', [violation('incubation.source_required', '请填写孵化所依托的成果或研发机构', 'Give the achievement or the R&D institution the enterprise was incubated from', {})]));
  return problems;
}
