import { SankeyChart } from 'echarts/charts';
import { TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/** ECharts with only what the chain's Sankey draws (SankeyOption in model.ts names the same parts). */
use([SankeyChart, TooltipComponent, SVGRenderer]);

export { init };
