import { describe, expect, it } from 'vitest';
import { checkCalendarDate, checkDateRange, checkNotInFuture, compareDates, isBefore, parseCalendarDate, todayIn } from './calendarDate.js';

describe('parseCalendarDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2025-12-31', '2025-01-01', '1900-01-01', '2100-12-31', '2025-04-30'])(
    'accepts %s unchanged',
    (s) => {
      expect(parseCalendarDate(s)).toBe(s);
    },
  );

  it.each([
    ['2025-02-30', 'no 30 February'],
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'century, not a leap year'],
    ['2025-04-31', 'April has 30 days'],
    ['2025-13-01', 'month 13'],
    ['2025-00-10', 'month 0'],
    ['2025-01-00', 'day 0'],
    ['1899-12-31', 'before 1900'],
    ['2101-01-01', 'after 2100'],
    ['2025-1-05', 'unpadded month'],
    ['2025/01/05', 'slashes'],
    ['20250105', 'no separators'],
    [' 2025-01-05', 'leading space'],
    ['2025-01-05T00:00:00Z', 'a timestamp'],
    ['２０２５-01-05', 'full-width digits'],
    ['', 'empty'],
  ])('rejects %s (%s)', (s) => {
    expect(parseCalendarDate(s)).toBeNull();
  });
});

describe('checkCalendarDate', () => {
  it('passes a valid date', () => {
    expect(checkCalendarDate('2024-02-29')).toBeNull();
  });
  it('names the value in both languages', () => {
    const problem = checkCalendarDate('2025-02-30');
    expect(problem).toMatchObject({ code: 'date.invalid', params: { value: '2025-02-30' } });
    expect(problem?.message.zh).toContain('2025-02-30');
    expect(problem?.message.en).toContain('2025-02-30');
  });
});

describe('compareDates / isBefore', () => {
  it('orders canonical dates', () => {
    expect(compareDates('2024-12-31', '2025-01-01')).toBe(-1);
    expect(compareDates('2025-01-01', '2025-01-01')).toBe(0);
    expect(compareDates('2025-10-01', '2025-09-30')).toBe(1);
    expect(isBefore('2024-12-31', '2025-01-01')).toBe(true);
    expect(isBefore('2025-01-01', '2025-01-01')).toBe(false);
  });
});

describe('todayIn', () => {
  const instant = new Date('2025-06-30T17:30:00Z');
  it('gives the Changsha day at 01:30 Beijing time', () => {
    expect(todayIn('Asia/Shanghai', instant)).toBe('2025-07-01');
  });
  it('follows the given time zone', () => {
    expect(todayIn('UTC', instant)).toBe('2025-06-30');
    expect(todayIn('America/New_York', instant)).toBe('2025-06-30');
  });
  it('returns a canonical date', () => {
    expect(parseCalendarDate(todayIn('Asia/Shanghai'))).not.toBeNull();
  });
});

describe('checkDateRange', () => {
  it('allows an end on or after the start', () => {
    expect(checkDateRange('2025-01-01', '2027-12-31')).toBeNull();
    expect(checkDateRange('2025-01-01', '2025-01-01')).toBeNull();
  });
  it('rejects an end before the start', () => {
    const problem = checkDateRange('2025-01-01', '2024-12-31');
    expect(problem).toMatchObject({ code: 'date.range', params: { from: '2025-01-01', to: '2024-12-31' } });
    expect(problem?.message.zh).toBe('结束日期 2024-12-31 早于开始日期 2025-01-01');
  });
  it('leaves invalid dates to checkCalendarDate', () => {
    expect(checkDateRange('2025-02-30', '2025-01-01')).toBeNull();
  });
});

describe('checkNotInFuture', () => {
  it('allows today and the past', () => {
    expect(checkNotInFuture('2025-06-01', '2025-06-01')).toBeNull();
    expect(checkNotInFuture('1998-03-15', '2025-06-01')).toBeNull();
  });
  it('rejects a later day', () => {
    expect(checkNotInFuture('2025-06-02', '2025-06-01')).toMatchObject({
      code: 'date.future',
      params: { value: '2025-06-02', today: '2025-06-01' },
    });
  });
  it('leaves invalid dates to checkCalendarDate', () => {
    expect(checkNotInFuture('2099-02-30', '2025-06-01')).toBeNull();
  });
});
