import { useEffect, useMemo, useRef, useState } from 'react';
import { useEChart } from '../components/useEChart';
import { trendOption, type TrendPoint } from './trend';

const loadECharts = () => import('./echartsLine');

/**
 * A card's five-year line, drawn once the card scrolls into view (ECharts loads then, after the
 * page's figures have painted). Decorative: the card states the figures in words for everyone.
 */
export function TrendLine({ points }: { points: readonly TrendPoint[] }) {
  const holder = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = holder.current;
    if (!el || seen) return;
    const watch = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    });
    watch.observe(el);
    return () => watch.disconnect();
  }, [seen]);
  return (
    <div ref={holder} className="portal-trend" aria-hidden>
      {seen && <Chart points={points} />}
    </div>
  );
}

function Chart({ points }: { points: readonly TrendPoint[] }) {
  const option = useMemo(() => trendOption(points), [points]);
  const box = useEChart(loadECharts, option);
  return <div ref={box} style={{ width: '100%', height: '100%' }} />;
}
