import { sparkline, type TrendPoint } from './trend';

const WIDTH = 240;
const HEIGHT = 56;

/** A card's five-year line. Decorative: the card states the figure in words, the indicator's page every year. */
export function TrendLine({ points }: { points: readonly TrendPoint[] }) {
  const { path, dots } = sparkline(points, WIDTH, HEIGHT);
  return (
    <svg className="portal-trend" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden focusable="false">
      <path d={path} fill="none" stroke="#1d4ed8" strokeWidth={2} vectorEffect="non-scaling-stroke" />
      {dots.map((d) => (
        <circle key={d.period} cx={d.x} cy={d.y} r={2.5} fill="#1d4ed8" />
      ))}
    </svg>
  );
}
