import { violation, type RuleViolation } from './message.js';

/**
 * Statistical periods (统计期). Indicators are kept per calendar year; a quarter is written
 * `2025Q3` so the model has room for quarterly figures, though the engine computes years only.
 */
export type Period = { kind: 'year'; year: number } | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 };

const PERIOD = /^(\d{4})(?:Q([1-4]))?$/;
const FIRST_YEAR = 1978;
const LAST_YEAR = 2100;

export function parsePeriod(text: string): Period | RuleViolation {
  const m = PERIOD.exec(text);
  const year = m ? Number(m[1]) : NaN;
  if (!m || year < FIRST_YEAR || year > LAST_YEAR) {
    return violation('period.invalid', `统计期“${text}”应为年份（如 2025）`, `Period "${text}" must be a year such as 2025`, { value: text });
  }
  return m[2] ? { kind: 'quarter', year, quarter: Number(m[2]) as 1 | 2 | 3 | 4 } : { kind: 'year', year };
}

export const isViolation = (v: Period | RuleViolation): v is RuleViolation => 'code' in v;

export function formatPeriod(p: Period): string {
  return p.kind === 'year' ? String(p.year) : `${p.year}Q${p.quarter}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First and last day of the period, as calendar dates. */
export function periodBounds(p: Period): { start: string; end: string } {
  if (p.kind === 'year') return { start: `${p.year}-01-01`, end: `${p.year}-12-31` };
  const firstMonth = (p.quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(p.year, lastMonth, 0)).getUTCDate();
  return { start: `${p.year}-${pad(firstMonth)}-01`, end: `${p.year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The day before / after a calendar date (for strict list filters such as `date:<…`). */
export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * How much of the period has passed on `today` (0 before it starts, 1 once it has ended),
 * counted in whole days: a target's status compares progress with this.
 */
export function elapsedShare(p: Period, today: string): number {
  const { start, end } = periodBounds(p);
  if (today < start) return 0;
  if (today > end) return 1;
  const day = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;
  return (day(today) - day(start) + 1) / (day(end) - day(start) + 1);
}
