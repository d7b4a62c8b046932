import type { ECElementEvent, EChartsType } from 'echarts/core';
import { useEffect, useRef } from 'react';
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

/**
 * Draws a prepared chart and nothing else: one ECharts instance per mount, options replaced as
 * they change, resized with its container, disposed on unmount. ECharts is loaded on first use,
 * so pages paint their figures without waiting for it and only chart pages download it.
 */
export function EChart<Target = DrillTarget>({ model, onDrill, height, label, testId }: Props<Target>) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  // The click handler and a late-loading chart read the latest model and callback.
  const latest = useRef({ model, onDrill });
  useEffect(() => {
    latest.current = { model, onDrill };
  });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let release = () => {};
    let unmounted = false;
    void import('./echarts').then(({ init }) => {
      if (unmounted) return;
      const instance = init(el, undefined, { renderer: 'svg' });
      instance.on('click', (e: ECElementEvent) => {
        const target = latest.current.model.drill[e.dataIndex];
        if (target) latest.current.onDrill?.(target);
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

  return <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
