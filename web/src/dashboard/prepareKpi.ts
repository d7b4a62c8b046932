import type { Dashboard } from '../api/indicators';
import type { Message } from '../../../src/domain/message';
import { unitSpec, type UnitSpec } from '../indicators/format';
import type { DrillTarget } from '../indicators/paths';
import { drillOf } from './chartModel';

/**
 * A KPI card's view (指标卡): the value, its year-on-year change, whether that change is good
 * news for this indicator (more R&D institutions is, a larger rank number is not), and where the
 * figure comes from.
 */
export type Kpi = Dashboard['kpis'][number];
export type Tone = 'good' | 'bad' | 'neutral';

export interface KpiView {
  code: string;
  name: Message;
  unit: UnitSpec;
  value: number | null;
  change: number | null;
  /** Shares change by points, so their percent change is left out. */
  changePercent: number | null;
  arrow: 'up' | 'down' | null;
  tone: Tone;
  /** A rank's change in places: 上升 6 位 when its number went from 50 to 44. */
  rankMove: RankMove | null;
  /** What the change line can say: the change, or why there is none. */
  comparison: Comparison;
  previousPeriod: string | null;
  source: 'computed' | 'official';
  /** Computed: the day the count stands for; official: the publication day. */
  asOf: string | null;
  /** Official: where the figure was published. */
  sourceNote: string | null;
  drill: DrillTarget;
}

export interface RankMove {
  direction: 'up' | 'down' | 'same';
  places: number;
  /** The wording's key: one place is said in the singular. */
  wording: 'up' | 'upOne' | 'down' | 'downOne' | 'same';
}

/** A smaller rank number is a higher place, so a change of −6 moves up 6 places. */
export function rankMove(change: number): RankMove {
  const direction = change < 0 ? 'up' : change > 0 ? 'down' : 'same';
  const places = Math.abs(change);
  return { direction, places, wording: direction !== 'same' && places === 1 ? `${direction}One` : direction };
}

/**
 * `noPreviousYear` only when the year before lies before the catalogue's first year; a year
 * that exists but has no figure (an official value not entered) says so instead.
 */
export type Comparison = 'change' | 'noPreviousYear' | 'noPreviousValue' | 'noValue';

export function comparisonOf(kpi: Pick<Kpi, 'value' | 'previous' | 'change'>): Comparison {
  if (kpi.previous === null) return 'noPreviousYear';
  if (kpi.value.value === null) return 'noValue';
  return kpi.previous.value === null || kpi.change === null ? 'noPreviousValue' : 'change';
}

export function toneOf(change: number | null, direction: Kpi['indicator']['direction']): Tone {
  if (change === null || change === 0) return 'neutral';
  return change > 0 === (direction === 'higher_is_better') ? 'good' : 'bad';
}

export function prepareKpi(kpi: Kpi, city: string): KpiView {
  const { indicator: ind, value, previous, change } = kpi;
  const rank = ind.unit === 'rank' && change !== null ? rankMove(change) : null;
  return {
    code: ind.code,
    name: ind.name,
    unit: unitSpec(ind.unit, ind.decimals),
    value: value.value,
    change,
    // A rank moves by places, not by a percentage of its number.
    changePercent: ind.unit === 'percent' || ind.unit === 'rank' ? null : kpi.change_percent,
    arrow: arrowOf(rank ? -(change ?? 0) : change),
    tone: toneOf(change, ind.direction),
    rankMove: rank,
    comparison: comparisonOf(kpi),
    previousPeriod: previous?.period ?? null,
    source: value.source,
    asOf: value.as_of,
    sourceNote: value.source_note ?? null,
    drill: drillOf(value, city),
  };
}

function arrowOf(change: number | null): KpiView['arrow'] {
  return change === null || change === 0 ? null : change > 0 ? 'up' : 'down';
}
