import type { Indicator, Observation } from '../api/indicators';
import { drillOf, type ChartModel, type ChartText } from './chartModel';

/**
 * The "four global" funnel (四个全球漏斗): every R&D institution → those with at least one
 * feature → those with all four. Each stage is drawn against the first, and labelled with its
 * share of it.
 */
export interface FunnelStage {
  indicator: Indicator;
  value: Observation;
}

/** Each stage's share of the first, 0–1; null without a first stage to compare with. */
export function shareOfFirst(values: ReadonlyArray<number | null>): Array<number | null> {
  const first = values[0] ?? null;
  return values.map((v) => (first && v !== null ? v / first : null));
}

/** Darker for the narrower, rarer stages. */
const SHADES = ['#93b4f5', '#4f7fe8', '#1d4ed8'];

export function prepareFunnel(stages: readonly FunnelStage[], text: ChartText & { share: (ratio: number) => string }, side: 'zh' | 'en'): ChartModel {
  const values = stages.map((s) => s.value.value);
  const shares = shareOfFirst(values);
  const labelOf = (i: number) => {
    const share = shares[i];
    return `${text.format(values[i] ?? null)}${i > 0 && share !== null && share !== undefined ? `  (${text.share(share)})` : ''}`;
  };
  return {
    option: {
      tooltip: { trigger: 'item', formatter: (p) => (Array.isArray(p) ? '' : `${p.name}: ${labelOf(p.dataIndex)}`) },
      series: [
        {
          type: 'funnel',
          sort: 'none',
          min: 0,
          max: Math.max(1, values[0] ?? 0),
          minSize: '4%',
          left: '2%',
          width: '46%',
          top: 8,
          bottom: 8,
          gap: 3,
          label: { show: true, position: 'right', width: 240, overflow: 'break', lineHeight: 18, formatter: (p) => `${p.name}\n${labelOf(p.dataIndex)}` },
          labelLine: { show: true },
          data: stages.map((s, i) => ({ name: s.indicator.name[side], value: values[i] ?? 0, itemStyle: { color: SHADES[i % SHADES.length] } })),
          cursor: 'pointer',
        },
      ],
    },
    drill: stages.map((s) => drillOf(s.value, text.city)),
  };
}
