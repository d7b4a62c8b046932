import { dayNumber, parseCalendarDate } from '../calendarDate.js';

/**
 * A holiday calendar (节假日安排): per year, the public holidays (法定节假日, not working days) and
 * the make-up working days (调休上班, a Saturday or Sunday that is worked) a government publishes —
 * in mainland China, the State Council General Office's yearly notice. A city names its calendar
 * (`config/calendars/<name>.json`); years the calendar does not list count Monday to Friday.
 * Loading the file is the caller's job; this module only checks it.
 */
export interface HolidayCalendar {
  /** The years whose notice the calendar holds. */
  years: ReadonlySet<number>;
  /** Day numbers (calendarDate's `dayNumber`): a Set, since every day of every period is looked up. */
  holidays: ReadonlySet<number>;
  workdays: ReadonlySet<number>;
}

/** 0 = Sunday … 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
const weekdayOf = (day: number): number => (((day + 4) % 7) + 7) % 7;

export const isWeekend = (day: number): boolean => {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
};

const YEAR = /^\d{4}$/;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Problems = string[];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The dates of one list of a year. A notice may reach into the December before its year (a New
 * Year holiday or its make-up day), no further: a date elsewhere is most likely a typo.
 */
function readDates(entry: Record<string, unknown>, key: 'holidays' | 'workdays', year: number, path: string, problems: Problems): string[] {
  const value = entry[key];
  if (!Array.isArray(value)) {
    problems.push(`${path}.${key}: expected an array of dates`);
    return [];
  }
  const dates: string[] = [];
  value.forEach((item, i) => {
    const at = `${path}.${key}[${i}]`;
    if (typeof item !== 'string' || parseCalendarDate(item) === null) {
      problems.push(`${at}: ${JSON.stringify(item)} is not a date written YYYY-MM-DD`);
      return;
    }
    if (!item.startsWith(`${year}-`) && !item.startsWith(`${year - 1}-12-`)) problems.push(`${at}: ${item} is not in ${year} (nor in the December before)`);
    else dates.push(item);
  });
  return dates;
}

/**
 * Checks already-parsed JSON: `{ "years": { "2026": { "source", "holidays": [dates], "workdays": [dates] } } }`.
 * A holiday may fall on a weekend (it changes nothing); a make-up working day must be a Saturday
 * or Sunday, since a weekday is a working day already — the check that catches a mistyped date.
 * Throws one Error listing every problem found, so the file is fixed in one pass.
 */
export function parseHolidayCalendar(json: unknown, label: string): HolidayCalendar {
  const fail = (problems: Problems) => new Error(`Invalid holiday calendar ${label}:\n- ${problems.join('\n- ')}`);
  if (!isRecord(json) || !isRecord(json.years)) throw fail(['years: expected an object keyed by year']);
  const problems: Problems = [];
  const years = new Set<number>();
  const listed = new Map<string, string>();
  const calendar = { years, holidays: new Set<number>(), workdays: new Set<number>() };
  for (const [key, entry] of Object.entries(json.years)) {
    const path = `years.${key}`;
    const year = Number(key);
    if (!YEAR.test(key) || parseCalendarDate(`${key}-01-01`) === null) {
      problems.push(`${path}: expected a year from 1900 to 2100`);
      continue;
    }
    if (!isRecord(entry)) {
      problems.push(`${path}: expected an object with source, holidays and workdays`);
      continue;
    }
    years.add(year);
    if (typeof entry.source !== 'string' || entry.source.trim() === '') problems.push(`${path}.source: expected the notice the dates come from`);
    for (const list of ['holidays', 'workdays'] as const) {
      for (const date of readDates(entry, list, year, path, problems)) {
        const earlier = listed.get(date);
        if (earlier === list) problems.push(`${date} is listed more than once as one of the ${list}`);
        else if (earlier) problems.push(`${date} is listed both as a holiday and as a make-up working day`);
        listed.set(date, list);
        const day = dayNumber(date);
        if (list === 'workdays' && !isWeekend(day)) problems.push(`${path}.workdays: ${date} is a ${WEEKDAY_NAMES[weekdayOf(day)]}, a working day anyway; a make-up working day (调休上班) is a Saturday or Sunday`);
        calendar[list].add(day);
      }
    }
  }
  if (problems.length > 0) throw fail(problems);
  return calendar;
}

/**
 * The years whose working days the server is about to count but the calendar does not hold:
 * this year, and from December the next, as the next notice is usually published in the autumn.
 */
export function uncoveredYears(calendar: HolidayCalendar, today: string): number[] {
  const year = Number(today.slice(0, 4));
  const needed = today.slice(5, 7) === '12' ? [year, year + 1] : [year];
  return needed.filter((y) => !calendar.years.has(y));
}
