import { checkCalendarDate, checkNotInFuture, compareDates } from './calendarDate.js';
import type { CityConfig } from './city.js';
import { checkDistrictCode } from './district.js';
import { citywide, reachOf, type Caller } from './permissions.js';
import { codesOf, violation, type CodeList, type RuleViolation } from './message.js';
import type { FieldViolation } from './recordRules.js';
import { checkZone } from './zone.js';

/**
 * Talent introductions (人才引进) and recruitment calls (招贤令), issue 14. A person's name,
 * contacts and identity number are personal information (PIPL, 个人信息保护法): the rules here never
 * put them in a message, because a problem's message reaches readers the data is masked from.
 */

/** Who was brought to the city, in the categories of the city's yearly report. */
export const talentCategories = {
  nobel_laureate: { zh: '诺贝尔奖得主', en: 'Nobel laureate' },
  academician: { zh: '两院院士', en: 'Academician' },
  overseas_team: { zh: '海外高层次人才团队', en: 'Overseas high-level team' },
  leading_talent: { zh: '领军人才', en: 'Leading talent' },
  young_talent: { zh: '青年人才', en: 'Young talent' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies CodeList<string>;
export type TalentCategory = keyof typeof talentCategories;
export const talentCategoryCodes = codesOf(talentCategories);

/** Full time in the city, or flexible (柔性引进: part of the year, without moving). */
export const talentModes = {
  full_time: { zh: '全职引进', en: 'Full time' },
  flexible: { zh: '柔性引进', en: 'Flexible' },
} as const satisfies CodeList<string>;
export type TalentMode = keyof typeof talentModes;
export const talentModeCodes = codesOf(talentModes);

/** A recruitment call is open until the end of its deadline day, in the city's calendar. */
export const recruitmentCallStatuses = {
  open: { zh: '征集中', en: 'Open' },
  closed: { zh: '已截止', en: 'Closed' },
} as const satisfies CodeList<string>;
export type RecruitmentCallStatus = keyof typeof recruitmentCallStatuses;
export const recruitmentCallStatusCodes = codesOf(recruitmentCallStatuses);

export const recruitmentCallStatus = (deadline: string, today: string): RecruitmentCallStatus => (compareDates(deadline, today) >= 0 ? 'open' : 'closed');

/**
 * Whether a caller sees introduced people's personal information: an administrator, or an officer
 * whose area is the whole city (the city's talent office); a district's officer, an organization
 * user and the public see it masked (PIPL: only those whose work needs it).
 */
export function seesPersonalData(caller: Caller): boolean {
  const reach = reachOf(caller, 'talent.personal_data.read');
  return reach === 'all' || (reach === 'area' && citywide(caller));
}

/**
 * A name as shown to a reader without the personal-data permission: the first character of each
 * word kept, every other one starred (张三丰 → 张**, John Smith → J*** S****). A one-character
 * name would be shown whole, so it becomes a single star. The database's masked view
 * (`maskedNameSql`, talent/queries.ts) applies the same rule.
 */
export function maskPersonName(name: string): string {
  if ([...name].length <= 1) return '*';
  return name.replace(/(?<=\S)\S/gu, '*');
}

/** GB 11643 weights of the first 17 digits, and the check character for each sum mod 11. */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character of an 18-character resident identity number's first 17 digits (GB 11643-1999). */
export function residentIdCheckCharacter(first17: string): string {
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0);
  return ID_CHECK[sum % 11]!;
}

/** Whether a year, month and day name a day of the Gregorian calendar (a birth date may be long past: no range of years). */
function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** An 18-character resident identity number: 17 digits, a valid birth date, the right check character. The number is never echoed. */
export function checkResidentId(value: string): RuleViolation | null {
  const id = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return violation('id_number.format', '身份证号码应为 18 位：17 位数字加 1 位校验码（数字或 X）', 'A resident ID number has 18 characters: 17 digits and a check character (a digit or X)');
  if (!isRealDay(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return violation('id_number.birth_date', '身份证号码中的出生日期不是有效日期', 'The birth date inside the resident ID number is not a real date');
  if (residentIdCheckCharacter(id) !== id[17]) return violation('id_number.check_digit', '身份证号码校验码不正确（GB 11643）', 'The resident ID number’s check character is wrong (GB 11643)');
  return null;
}

const PHONE = /^\+?[0-9][0-9 -]{5,22}[0-9]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const checkPhone = (v: string) => (PHONE.test(v) ? null : violation('phone.format', '联系电话格式不正确（数字，可含 +、空格和短横线）', 'The phone number is not valid (digits, with +, spaces and dashes allowed)'));
const checkEmail = (v: string) => (EMAIL.test(v) ? null : violation('email.format', '电子邮箱格式不正确', 'The email address is not valid'));

/** A talent introduction's fields as the API carries them; a key left out (a partial update) is not judged. */
export interface TalentIntroductionFields {
  phone?: string | null;
  email?: string | null;
  id_number?: string | null;
  introduced_on?: string;
  district_code?: string | null;
  zone?: string | null;
}

const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null && v !== '';

const at = (field: string, problem: RuleViolation | null): FieldViolation[] => (problem ? [{ ...problem, field }] : []);

/** Every rule of an introduction at once, each tied to its field (category and mode are closed lists, checked by the contract). */
export function checkTalentIntroductionFields(city: CityConfig, input: TalentIntroductionFields, today: string): FieldViolation[] {
  return [
    ...(given(input.phone) ? at('phone', checkPhone(input.phone)) : []),
    ...(given(input.email) ? at('email', checkEmail(input.email)) : []),
    ...(given(input.id_number) ? at('id_number', checkResidentId(input.id_number)) : []),
    ...(input.introduced_on === undefined ? [] : at('introduced_on', checkCalendarDate(input.introduced_on) ?? checkNotInFuture(input.introduced_on, today))),
    ...(given(input.district_code) ? at('district_code', checkDistrictCode(city, input.district_code)) : []),
    ...(given(input.zone) ? at('zone', checkZone(city, input.zone)) : []),
  ];
}

/** A recruitment call's fields as the API carries them. */
export interface RecruitmentCallFields {
  published_on?: string | null;
  deadline?: string;
  district_code?: string | null;
  zone?: string | null;
}

/** A call's deadline is not before its publication; the publication is not in the future. */
export function checkRecruitmentCallFields(city: CityConfig, input: RecruitmentCallFields, today: string): FieldViolation[] {
  const { published_on: published, deadline } = input;
  const order =
    given(published) && deadline !== undefined && !checkCalendarDate(published) && !checkCalendarDate(deadline) && compareDates(deadline, published) < 0
      ? violation('deadline.before_published', `截止日期 ${deadline} 早于发布日期 ${published}`, `The deadline ${deadline} is before the publication date ${published}`, { deadline, published_on: published })
      : null;
  return [
    ...(given(published) ? at('published_on', checkCalendarDate(published) ?? checkNotInFuture(published, today)) : []),
    ...(deadline === undefined ? [] : at('deadline', checkCalendarDate(deadline) ?? order)),
    ...(given(input.district_code) ? at('district_code', checkDistrictCode(city, input.district_code)) : []),
    ...(given(input.zone) ? at('zone', checkZone(city, input.zone)) : []),
  ];
}
