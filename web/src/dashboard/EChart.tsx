import { useEChart } from '../components/useEChart';
import type { DrillTarget } from '../indicators/paths';
import type { ChartModel } from './chartModel';

interface Props<Target> {
  model: ChartModel<Target>;
  /** Called with the drill-down of the clicked data item, when it has one. */
  onDrill?: (target: Target) => void;
  height: number;
  /** Names the chart for screen readers. */
  label: string;
  testId?: string;
}

const loadECharts = () => import('./echarts');

/** Draws a prepared chart and nothing else (useEChart), a click on a data item drilling down. */
export function EChart<Target = DrillTarget>({ model, onDrill, height, label, testId }: Props<Target>) {
  const box = useEChart(loadECharts, model.option, (e) => {
    const target = model.drill[e.dataIndex];
    if (target) onDrill?.(target);
  });
  return <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
