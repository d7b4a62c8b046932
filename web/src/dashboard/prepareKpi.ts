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
  previousPeriod: string | null;
  source: 'computed' | 'official';
  /** Computed: the day the count stands for; official: the publication day. */
  asOf: string | null;
  /** Official: where the figure was published. */
  sourceNote: string | null;
  drill: DrillTarget;
}

export function toneOf(change: number | null, direction: Kpi['indicator']['direction']): Tone {
  if (change === null || change === 0) return 'neutral';
  return change > 0 === (direction === 'higher_is_better') ? 'good' : 'bad';
}

export function prepareKpi(kpi: Kpi, city: string): KpiView {
  const { indicator: ind, value, previous, change } = kpi;
  return {
    code: ind.code,
    name: ind.name,
    unit: unitSpec(ind.unit, ind.decimals),
    value: value.value,
    change,
    changePercent: ind.unit === 'percent' ? null : kpi.change_percent,
    arrow: change === null || change === 0 ? null : change > 0 ? 'up' : 'down',
    tone: toneOf(change, ind.direction),
    previousPeriod: previous?.period ?? null,
    source: value.source,
    asOf: value.as_of,
    sourceNote: value.source_note ?? null,
    drill: drillOf(value, city),
  };
}
