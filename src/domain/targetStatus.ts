/**
 * A target's standing (目标进度): achieved, on track, at risk or off track, judged by where the
 * indicator will end the period if it keeps its pace so far. Pure: the caller supplies the value,
 * the value at the end of the previous period and the share of the period that has passed.
 */
export const comparators = ['>=', '<=', '≈'] as const;
export type Comparator = (typeof comparators)[number];

export const targetStatuses = {
  achieved: { zh: '已达成', en: 'Achieved' },
  on_track: { zh: '进度正常', en: 'On track' },
  at_risk: { zh: '存在风险', en: 'At risk' },
  off_track: { zh: '进度滞后', en: 'Off track' },
  no_data: { zh: '暂无数据', en: 'No data yet' },
} as const;
export type TargetStatus = keyof typeof targetStatuses;

export interface TargetCheck {
  comparator: Comparator;
  target: number;
  /** For `≈`: the accepted distance; 5 % of the target when not given. */
  tolerance: number | null;
  /** The indicator's value for the period so far; null when there is none yet. */
  value: number | null;
  /**
   * A stock (counted "as of the end of the period") grows from last period's value; a flow
   * (counted "within the period") starts from zero each period.
   */
  measure: 'stock' | 'flow';
  /** The value at the end of the previous period (stocks only). */
  baseline: number | null;
  /** Share of the period passed, 0–1. */
  elapsed: number;
}

export interface TargetAssessment {
  status: TargetStatus;
  /** Share of the way from the starting point to the target, 0–1 (for a progress bar). */
  progress: number | null;
  /** Where the value should stand today at an even pace. */
  expected: number;
  /** The value the period ends at if the pace so far holds. */
  projected: number | null;
}

/** Projections within this distance of a `>=`/`<=` target, relative to it, count as at risk. */
const RISK_MARGIN = 0.1;

export function assessTarget(t: TargetCheck): TargetAssessment {
  const start = t.measure === 'stock' ? (t.baseline ?? 0) : 0;
  const expected = start + (t.target - start) * t.elapsed;
  if (t.value === null) return { status: 'no_data', progress: null, expected, projected: null };
  const projected = t.elapsed > 0 && t.elapsed < 1 ? start + (t.value - start) / t.elapsed : t.value;
  return { status: statusOf(t, t.value, projected), progress: progressOf(t, start, t.value), expected, projected };
}

function statusOf(t: TargetCheck, value: number, projected: number): TargetStatus {
  const tolerance = t.tolerance ?? Math.abs(t.target) * 0.05;
  const meets = (v: number) => (t.comparator === '>=' ? v >= t.target : t.comparator === '<=' ? v <= t.target : Math.abs(v - t.target) <= tolerance);
  if (t.elapsed >= 1) return meets(value) ? 'achieved' : 'off_track';
  // Reaching a floor early is final; a ceiling or a band can still be missed before the end.
  if (t.comparator === '>=' && meets(value)) return 'achieved';
  // A flow only grows: once past a ceiling it cannot come back under it.
  if (t.comparator === '<=' && t.measure === 'flow' && value > t.target) return 'off_track';
  if (meets(projected)) return 'on_track';
  const near =
    t.comparator === '>=' ? projected >= t.target - Math.abs(t.target) * RISK_MARGIN
    : t.comparator === '<=' ? projected <= t.target + Math.abs(t.target) * RISK_MARGIN
    : Math.abs(projected - t.target) <= 2 * tolerance;
  return near ? 'at_risk' : 'off_track';
}

function progressOf(t: TargetCheck, start: number, value: number): number {
  const span = t.target - start;
  const raw = t.comparator === '>=' && span > 0 ? (value - start) / span : t.target !== 0 ? value / t.target : 1;
  return Math.min(1, Math.max(0, raw));
}
