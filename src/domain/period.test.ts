import { describe, expect, it } from 'vitest';
import { elapsedShare, formatPeriod, isViolation, parsePeriod, periodBounds, shiftDate } from './period.js';

describe('periods', () => {
  it('reads years and quarters and refuses anything else', () => {
    expect(parsePeriod('2025')).toEqual({ kind: 'year', year: 2025 });
    expect(parsePeriod('2025Q3')).toEqual({ kind: 'quarter', year: 2025, quarter: 3 });
    for (const bad of ['25', '2025Q5', '2025-01', '', '1900', 'x2025']) {
      const v = parsePeriod(bad);
      expect(isViolation(v) && v.code).toBe('period.invalid');
    }
    expect(formatPeriod({ kind: 'quarter', year: 2024, quarter: 1 })).toBe('2024Q1');
  });

  it('gives the first and last day, leap February included', () => {
    expect(periodBounds({ kind: 'year', year: 2025 })).toEqual({ start: '2025-01-01', end: '2025-12-31' });
    expect(periodBounds({ kind: 'quarter', year: 2024, quarter: 1 })).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodBounds({ kind: 'quarter', year: 2025, quarter: 4 })).toEqual({ start: '2025-10-01', end: '2025-12-31' });
    expect(shiftDate('2025-01-01', -1)).toBe('2024-12-31');
    expect(shiftDate('2024-02-28', 1)).toBe('2024-02-29');
  });

  it('measures the elapsed share in days', () => {
    const y = { kind: 'year', year: 2026 } as const;
    expect(elapsedShare(y, '2025-12-31')).toBe(0);
    expect(elapsedShare(y, '2026-01-01')).toBeCloseTo(1 / 365);
    expect(elapsedShare(y, '2026-07-02')).toBeCloseTo(183 / 365);
    expect(elapsedShare(y, '2026-12-31')).toBe(1);
    expect(elapsedShare(y, '2027-03-01')).toBe(1);
  });
});
