import type { Observation } from '../api/indicators';
import { drillOf, GRID, type ChartModel, type ChartText } from './chartModel';

/** Trend lines and breakdown bars: one indicator's observations → an ECharts option and its drill-downs. */

const asNumber = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/**
 * The years up to and including `period`: the dashboard's trends stop at the year it shows, since
 * a running year's partial flow would read as a fall (the indicator page shows it, marked).
 */
export function throughPeriod(points: readonly Observation[], period: string): Observation[] {
  return points.filter((p) => p.period <= period);
}

/** A line over the years; the year shown elsewhere on the page is marked with a larger dot. */
export function prepareTrend(points: readonly Observation[], name: string, text: ChartText, marked?: string): ChartModel {
  return {
    option: {
      grid: GRID,
      tooltip: { trigger: 'axis', valueFormatter: (v) => text.format(asNumber(v)) },
      xAxis: { type: 'category', boundaryGap: false, data: points.map((p) => p.period) },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => text.format(v) } },
      series: [
        {
          type: 'line',
          name,
          data: points.map((p) => ({ value: p.value ?? '-', symbolSize: p.period === marked ? 11 : 6 })),
          areaStyle: { opacity: 0.08 },
        },
      ],
    },
    drill: points.map((p) => drillOf(p, text.city)),
  };
}

export interface BreakdownOptions {
  /** Label of records with no key (no district given). */
  noneLabel: string;
  side: 'zh' | 'en';
  /** A district breakdown leads to each district's value; other keys lead nowhere. */
  byDistrict: boolean;
}

/** Horizontal bars, largest on top, so long district names stay readable. */
export function prepareBreakdown(points: readonly Observation[], name: string, text: ChartText, opts: BreakdownOptions): ChartModel {
  const sorted = [...points].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  const label = (o: Observation) => o.breakdown_label?.[opts.side] ?? o.breakdown_key ?? opts.noneLabel;
  return {
    option: {
      grid: GRID,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => text.format(asNumber(v)) },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => text.format(v) } },
      yAxis: { type: 'category', inverse: true, data: sorted.map(label) },
      series: [
        {
          type: 'bar',
          name,
          data: sorted.map((o) => o.value ?? '-'),
          label: { show: true, position: 'right', formatter: (p) => text.format(asNumber(p.value)) },
          barMaxWidth: 22,
          cursor: opts.byDistrict ? 'pointer' : 'default',
        },
      ],
    },
    drill: sorted.map((o) => (opts.byDistrict && o.breakdown_key ? drillOf(o, text.city, o.breakdown_key) : null)),
  };
}
