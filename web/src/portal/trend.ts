import type { EChartsCoreOption } from 'echarts/core';

export interface TrendPoint {
  period: string;
  value: number | null;
}

/** A sparkline: the years on a hidden axis, a gap where a year has no value, no axes or labels to read. */
export function trendOption(points: readonly TrendPoint[]): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    xAxis: { type: 'category', show: false, boundaryGap: false, data: points.map((p) => p.period) },
    yAxis: { type: 'value', show: false, scale: true },
    series: [{ type: 'line', data: points.map((p) => p.value), connectNulls: false, symbol: 'circle', symbolSize: 4, lineStyle: { width: 2, color: '#1d4ed8' }, itemStyle: { color: '#1d4ed8' }, silent: true }],
  };
}
