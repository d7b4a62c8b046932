import { useEChart } from '../components/useEChart';
import type { SankeyOption } from './model';

interface Props {
  option: SankeyOption;
  height: number;
  label: string;
}

const loadSankey = () => import('./echartsSankey');

/** The chain's Sankey (useEChart). */
export function SankeyChart({ option, height, label }: Props) {
  const box = useEChart(loadSankey, option);
  return <div ref={box} role="img" aria-label={label} data-testid="chain-sankey" style={{ width: '100%', height }} />;
}
