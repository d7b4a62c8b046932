import { useEChart } from '../components/useEChart';
import type { GraphChartModel } from './model';

interface Props {
  model: GraphChartModel;
  /** Called with the clicked node's record URL (a click on an edge leads nowhere). */
  onOpen: (url: string) => void;
  height: number;
  label: string;
}

const loadGraph = () => import('./echartsGraph');

/** The neighbourhood graph (useEChart). Unlike the dashboard's EChart, a click tells nodes from edges (both carry a data index). */
export function GraphChart({ model, onOpen, height, label }: Props) {
  const box = useEChart(loadGraph, model.option, (e) => {
    const url = e.dataType === 'node' ? model.drill[e.dataIndex] : undefined;
    if (url) onOpen(url);
  });
  return <div ref={box} role="img" aria-label={label} data-testid="graph-chart" style={{ width: '100%', height }} />;
}
