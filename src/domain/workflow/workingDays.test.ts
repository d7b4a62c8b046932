import { describe, expect, it } from 'vitest';
import { loadHolidayCalendar } from '../../config.js';
import { parseHolidayCalendar } from './holidayCalendar.js';
import { periodEnded, workingDaysAfter } from './workingDays.js';

const cn = loadHolidayCalendar('cn');
const weekdaysOnly = parseHolidayCalendar({ years: {} }, 'test');

describe('workingDaysAfter (公示期, deadlines)', () => {
  it('counts working days from the day after publication, skipping weekends', () => {
    expect(workingDaysAfter('2026-11-13', 5, cn)).toBe('2026-11-20'); // Friday → next Friday
    expect(workingDaysAfter('2026-11-16', 5, cn)).toBe('2026-11-23'); // Monday → next Monday
    expect(workingDaysAfter('2026-11-14', 1, cn)).toBe('2026-11-16'); // Saturday → Monday
  });

  it('skips Spring Festival 2026 and counts its Saturday make-up days (调休上班)', () => {
    // Thursday 12 February: Friday 13, Saturday 14 (worked), then 15–23 off, then 24, 25, 26.
    expect(workingDaysAfter('2026-02-12', 5, cn)).toBe('2026-02-26');
    expect(workingDaysAfter('2026-02-12', 5, weekdaysOnly)).toBe('2026-02-19');
    // Published on a holiday: the fifth working day is the make-up Saturday 28 February.
    expect(workingDaysAfter('2026-02-20', 5, cn)).toBe('2026-02-28');
  });

  it('skips National Day 2025 (1–8 October) and counts Sunday 28 September and Saturday 11 October', () => {
    expect(workingDaysAfter('2025-09-26', 5, cn)).toBe('2025-10-10'); // 28, 29, 30 September, 9, 10 October
    expect(workingDaysAfter('2025-09-30', 3, cn)).toBe('2025-10-11'); // 9, 10, Saturday 11
    expect(workingDaysAfter('2025-09-30', 5, cn)).toBe('2025-10-14'); // … then Monday 13, Tuesday 14
    expect(workingDaysAfter('2025-09-26', 10, cn)).toBe('2025-10-16'); // a step's 10-day deadline
  });

  it('crosses into the next year through its New Year holiday', () => {
    expect(workingDaysAfter('2025-12-31', 1, cn)).toBe('2026-01-04'); // 1–3 January off, Sunday 4 worked
  });

  it('counts Monday to Friday in years the calendar does not hold', () => {
    expect(workingDaysAfter('2026-12-31', 1, cn)).toBe('2027-01-01'); // New Year's Day 2027, not listed yet
    expect(workingDaysAfter('2026-12-31', 2, cn)).toBe('2027-01-04');
    expect(workingDaysAfter('2024-09-30', 3, cn)).toBe('2024-10-03'); // National Day 2024, not listed
  });

  it('has ended once its last day is over', () => {
    expect(periodEnded('2026-11-20', '2026-11-20')).toBe(false);
    expect(periodEnded('2026-11-20', '2026-11-21')).toBe(true);
  });
});
