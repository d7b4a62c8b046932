/**
 * A headline card's five-year line (sparkline) as an SVG path: drawn by the browser from a few
 * numbers, no chart library — on a phone the home's first screen must not wait for one.
 */
export interface TrendPoint {
  period: string;
  value: number | null;
}

export interface Sparkline {
  /** `M x y L x y …`; a year without a value breaks the line (a new `M` after it). */
  path: string;
  /** The dots of the years with a value. */
  dots: Array<{ x: number; y: number; period: string }>;
}

/** Lays the points out across `width`, low values at the bottom of `height`, `pad` kept free around. */
export function sparkline(points: readonly TrendPoint[], width: number, height: number, pad = 3): Sparkline {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  if (values.length === 0) return { path: '', dots: [] };
  const [low, high] = [Math.min(...values), Math.max(...values)];
  const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  // A flat line sits in the middle rather than on the floor.
  const y = (v: number) => (high === low ? height / 2 : pad + (height - 2 * pad) * (1 - (v - low) / (high - low)));
  const round = (n: number) => Math.round(n * 10) / 10;
  const placed = points.map((p, i) => (p.value === null ? null : { x: round(points.length > 1 ? pad + i * step : width / 2), y: round(y(p.value)), period: p.period }));
  const path = placed
    .map((dot, i) => (dot === null ? '' : `${i > 0 && placed[i - 1] ? 'L' : 'M'}${dot.x} ${dot.y}`))
    .filter(Boolean)
    .join(' ');
  return { path, dots: placed.filter((d) => d !== null) };
}
