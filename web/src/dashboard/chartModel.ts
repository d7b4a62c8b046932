import type { BarSeriesOption, FunnelSeriesOption, HeatmapSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Observation } from '../api/indicators';
import type { DrillTarget } from '../indicators/paths';

/** The ECharts options the dashboard draws: only the series and components registered in echarts.ts. */
export type ChartOption = ComposeOption<
  BarSeriesOption | FunnelSeriesOption | HeatmapSeriesOption | LineSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

/** What a chart draws, and where each data item of its one series leads (by data index; null: nowhere). */
export interface ChartModel<Target = DrillTarget> {
  option: ChartOption;
  drill: Array<Target | null>;
}

/** How a prepare function writes values, and which area is the whole city (no `area` in a link). */
export interface ChartText {
  format: (value: number | null) => string;
  city: string;
}

/** The drill-down of one observation, for the area it is of (or another, such as its district key). */
export function drillOf(o: Observation, city: string, area: string = o.area): DrillTarget {
  return area === city ? { code: o.code, period: o.period } : { code: o.code, period: o.period, area };
}

/** Grid margins with the axis labels kept inside the chart's box. */
export const GRID: GridComponentOption = { left: 8, right: 24, top: 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' };
