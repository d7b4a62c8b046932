import { LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/** Only what the portal's trend lines draw: the rest of ECharts stays out of the portal's chunks. */
use([LineChart, GridComponent, SVGRenderer]);

export { init };
