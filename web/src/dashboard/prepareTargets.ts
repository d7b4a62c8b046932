import type { Target } from '../api/targets';

/**
 * Target progress bars (目标进度): how far along each target is, where an even pace would have
 * it today, and the status colour. Also the targets list as city targets with their districts'.
 */
export type Tone = 'success' | 'processing' | 'warning' | 'error' | 'default';

/** antd's status names, so tags and bars share the theme's colours. */
export const STATUS_TONES: Record<Target['status'], Tone> = {
  achieved: 'success',
  on_track: 'processing',
  at_risk: 'warning',
  off_track: 'error',
  no_data: 'default',
};

export interface TargetBar {
  tone: Tone;
  /** 0–100; null when there is no value yet. */
  percent: number | null;
  /** Where an even pace puts the indicator today, on the same 0–100 scale. */
  expectedPercent: number;
}

const clampPercent = (ratio: number) => Math.round(Math.min(1, Math.max(0, ratio)) * 1000) / 10;

/**
 * A floor (>=) measures progress from its starting point, where the expected position is the share
 * of the year passed; a ceiling or a band measures the value against the target itself.
 */
export function targetBar(t: Target): TargetBar {
  const expected = t.comparator === '>=' ? t.elapsed : t.value !== 0 ? t.expected / t.value : 1;
  return { tone: STATUS_TONES[t.status], percent: t.progress === null ? null : clampPercent(t.progress), expectedPercent: clampPercent(expected) };
}

/** True when a city target's district targets do not add up to it (one was edited after the cascade). */
export function districtsDiffer(t: Target): boolean {
  return t.districts !== null && t.districts.count > 0 && Math.abs(t.districts.sum - t.value) > 1e-9 * Math.max(1, Math.abs(t.value));
}

export type TargetRow = Target & { children?: Target[] };

/** City targets first, each with its districts' beneath; a district target whose city one is not listed stands alone. */
export function targetTree(targets: readonly Target[]): TargetRow[] {
  const ids = new Set(targets.map((t) => t.id));
  const childrenOf = new Map<number, Target[]>();
  for (const t of targets) if (t.parent_id !== null && ids.has(t.parent_id)) childrenOf.set(t.parent_id, [...(childrenOf.get(t.parent_id) ?? []), t]);
  return targets
    .filter((t) => t.parent_id === null || !ids.has(t.parent_id))
    .map((t) => {
      const children = childrenOf.get(t.id);
      return children ? { ...t, children } : t;
    });
}
