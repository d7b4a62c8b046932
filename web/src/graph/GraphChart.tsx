import type { ECElementEvent, EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';
import type { GraphChartModel } from './model';

interface Props {
  model: GraphChartModel;
  /** Called with the clicked node's record URL (a click on an edge leads nowhere). */
  onOpen: (url: string) => void;
  height: number;
  label: string;
}

/**
 * The neighbourhood graph: one ECharts instance per mount, options replaced as they change,
 * resized with its container, disposed on unmount, loaded on first use. Unlike the dashboard's
 * EChart, a click tells nodes from edges (both carry a data index).
 */
export function GraphChart({ model, onOpen, height, label }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef({ model, onOpen });
  useEffect(() => {
    latest.current = { model, onOpen };
  });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let release = () => {};
    let unmounted = false;
    void import('./echartsGraph').then(({ init }) => {
      if (unmounted) return;
      const instance = init(el, undefined, { renderer: 'svg' });
      instance.on('click', (e: ECElementEvent) => {
        const url = e.dataType === 'node' ? latest.current.model.drill[e.dataIndex] : undefined;
        if (url) latest.current.onOpen(url);
      });
      instance.setOption(latest.current.model.option);
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
    chart.current?.setOption(model.option, { notMerge: true });
  }, [model]);

  return <div ref={box} role="img" aria-label={label} data-testid="graph-chart" style={{ width: '100%', height }} />;
}
