import type { EChartsCoreOption, ECElementEvent, EChartsType, init } from 'echarts/core';
import { useEffect, useRef, type RefObject } from 'react';

/** A module registering the charts a page draws and giving ECharts' `init`, loaded on first use. */
export type EChartsLoader = () => Promise<{ init: typeof init }>;

/**
 * One ECharts instance in the returned element, per mount: loaded on first use (so pages paint
 * their figures without waiting for it and only chart pages download it), options replaced as they
 * change, resized with its container, disposed on unmount. `onClick` and a late-loading chart read
 * the latest option and handler. `load` must be the same function on every render.
 */
export function useEChart(load: EChartsLoader, option: EChartsCoreOption, onClick?: (e: ECElementEvent) => void): RefObject<HTMLDivElement | null> {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef({ option, onClick });
  useEffect(() => {
    latest.current = { option, onClick };
  });

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let release = () => {};
    let unmounted = false;
    void load().then(({ init }) => {
      if (unmounted) return;
      const instance = init(el, undefined, { renderer: 'svg' });
      instance.on('click', (e) => latest.current.onClick?.(e as ECElementEvent));
      instance.setOption(latest.current.option);
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
  }, [load]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return box;
}
