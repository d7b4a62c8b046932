import { describe, expect, it } from 'vitest';
import { dashboardYear, isYearToDate } from './dashboardYear';

describe('the dashboard year', () => {
  it('asks for the chosen year’s figures and its targets together', () => {
    expect(dashboardYear('2024')).toEqual({ period: '2024', target_period: '2024' });
  });

  it('leaves both to the server without a year, or with a mistyped one', () => {
    expect(dashboardYear(null)).toEqual({});
    expect(dashboardYear('20x4')).toEqual({});
  });

  it('marks a year year-to-date while its figures stand before its last day', () => {
    expect(isYearToDate('2026', '2026-12-04')).toBe(true);
    expect(isYearToDate('2025', '2025-12-31')).toBe(false);
  });
});
