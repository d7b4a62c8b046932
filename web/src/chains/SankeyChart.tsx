import type { EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';
import type { SankeyOption } from './model';

interface Props {
  option: SankeyOption;
  height: number;
  label: string;
}

/** The chain's Sankey: one ECharts instance per mount, loaded on first use, options replaced as they change, disposed on unmount. */
export function SankeyChart({ option, height, label }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef(option);
  useEffect(() => {
    latest.current = option;
  });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let release = () => {};
    let unmounted = false;
    void import('./echartsSankey').then(({ init }) => {
      if (unmounted) return;
      const instance = init(el, undefined, { renderer: 'svg' });
      instance.setOption(latest.current);
      const resize = new ResizeObserver(() => instance.resize());
      resize.observe(el);
      chart.current = instance;
      release = () => {
        resize.disconnect();
        instance.dispose();
        chart.current = null;
      };
    });
    return () => {
      unmounted = true;
      release();
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={box} role="img" aria-label={label} data-testid="chain-sankey" style={{ width: '100%', height }} />;
}
