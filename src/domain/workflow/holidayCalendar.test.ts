import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../calendarDate.js';
import { parseHolidayCalendar, uncoveredYears } from './holidayCalendar.js';

const cnJson = JSON.parse(readFileSync(new URL('../../../config/calendars/cn.json', import.meta.url), 'utf8')) as { years: Record<string, { source: string }> };

function problemsOf(years: unknown): string {
  try {
    parseHolidayCalendar({ years }, 'test');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected parseHolidayCalendar to throw');
}

const year = (holidays: unknown[], workdays: unknown[] = []) => ({ source: '国办发明电', holidays, workdays });

describe('config/calendars/cn.json (法定节假日与调休)', () => {
  const cn = parseHolidayCalendar(cnJson, 'cn.json');

  it('holds 2025 and 2026, each with its State Council notice', () => {
    expect([...cn.years]).toEqual([2025, 2026]);
    expect(cnJson.years['2025']!.source).toContain('国办发明电〔2024〕12号');
    expect(cnJson.years['2026']!.source).toContain('国办发明电〔2025〕7号');
  });

  it('lists 28 holidays and 5 make-up days in 2025, 33 and 6 in 2026', () => {
    const inYear = (set: ReadonlySet<number>, y: number) => [...set].filter((d) => d >= dayNumber(`${y}-01-01`) && d <= dayNumber(`${y}-12-31`)).length;
    expect([inYear(cn.holidays, 2025), inYear(cn.workdays, 2025)]).toEqual([28, 5]);
    expect([inYear(cn.holidays, 2026), inYear(cn.workdays, 2026)]).toEqual([33, 6]);
  });
});

describe('parseHolidayCalendar', () => {
  it('accepts a holiday on a weekend (Sunday 15 February 2026) and an empty calendar', () => {
    expect(parseHolidayCalendar({ years: { 2026: year(['2026-02-15'], ['2026-02-14']) } }, 'test').holidays.has(dayNumber('2026-02-15'))).toBe(true);
    expect(parseHolidayCalendar({ years: {} }, 'test').years.size).toBe(0);
  });

  it('refuses a date that is not a real day written YYYY-MM-DD', () => {
    const message = problemsOf({ 2025: year(['2025-02-30', '2025-1-28', 20250101]) });
    expect(message).toMatch(/^Invalid holiday calendar test:/);
    expect(message).toContain('years.2025.holidays[0]: "2025-02-30" is not a date written YYYY-MM-DD');
    expect(message).toContain('years.2025.holidays[1]: "2025-1-28" is not a date');
    expect(message).toContain('years.2025.holidays[2]: 20250101 is not a date');
  });

  it('refuses a day listed both as a holiday and as a make-up working day', () => {
    expect(problemsOf({ 2025: year(['2025-10-11'], ['2025-10-11']) })).toContain('2025-10-11 is listed both as a holiday and as a make-up working day');
  });

  it('refuses a make-up working day on a weekday, which is worked anyway', () => {
    expect(problemsOf({ 2025: year([], ['2025-10-10']) })).toContain('years.2025.workdays: 2025-10-10 is a Friday, a working day anyway');
  });

  it('refuses a date outside its year, a repeated date, a missing source and a bad year, all at once', () => {
    const message = problemsOf({ 2026: { holidays: ['2025-10-01', '2026-10-01', '2026-10-01'], workdays: ['2025-12-27'] }, '26': year([]) });
    expect(message).toContain('years.2026.holidays[0]: 2025-10-01 is not in 2026 (nor in the December before)');
    expect(message).toContain('2026-10-01 is listed more than once as one of the holidays');
    expect(message).toContain('years.2026.source: expected the notice the dates come from');
    expect(message).toContain('years.26: expected a year from 1900 to 2100');
    expect(message).not.toContain('2025-12-27'); // a notice may reach into the December before its year
  });

  it('refuses a file without years', () => {
    expect(() => parseHolidayCalendar({ holidays: [] }, 'test')).toThrow('years: expected an object keyed by year');
  });
});

describe('uncoveredYears', () => {
  const cn = parseHolidayCalendar(cnJson, 'cn.json');
  it('names this year when the calendar lacks it, and from December the next', () => {
    expect(uncoveredYears(cn, '2026-06-01')).toEqual([]);
    expect(uncoveredYears(cn, '2026-11-30')).toEqual([]);
    expect(uncoveredYears(cn, '2026-12-01')).toEqual([2027]);
    expect(uncoveredYears(cn, '2027-03-01')).toEqual([2027]);
    expect(uncoveredYears(cn, '2024-12-15')).toEqual([2024]);
  });
});
