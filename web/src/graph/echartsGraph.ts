import { GraphChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/** ECharts with only what the innovation graph draws (GraphChartOption in model.ts names the same parts). */
use([GraphChart, LegendComponent, TooltipComponent, SVGRenderer]);

export { init };
