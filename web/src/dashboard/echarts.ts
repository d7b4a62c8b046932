import { BarChart, FunnelChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, VisualMapContinuousComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * ECharts, as much of it as the charts need (ChartOption in chartModel.ts names the same parts):
 * the full build is about three times the size. SVG keeps text crisp at any zoom and in the DOM.
 */
use([BarChart, FunnelChart, HeatmapChart, LineChart, GridComponent, TooltipComponent, VisualMapContinuousComponent, SVGRenderer]);

export { init };
