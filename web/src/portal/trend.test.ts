import { describe, expect, it } from 'vitest';
import { sparkline } from './trend';

const points = (...values: Array<number | null>) => values.map((value, i) => ({ period: String(2021 + i), value }));

describe('sparkline', () => {
  it('spreads the years across the width, the lowest value at the bottom and the highest at the top', () => {
    const line = sparkline(points(10, 20, 30), 106, 56, 3);
    expect(line.dots).toEqual([
      { x: 3, y: 53, period: '2021' },
      { x: 53, y: 28, period: '2022' },
      { x: 103, y: 3, period: '2023' },
    ]);
    expect(line.path).toBe('M3 53 L53 28 L103 3');
  });

  it('breaks the line at a year without a value', () => {
    const line = sparkline(points(1, null, 3, 4), 100, 50, 0);
    expect(line.path).toBe('M0 50 M66.7 16.7 L100 0');
    expect(line.dots.map((d) => d.period)).toEqual(['2021', '2023', '2024']);
  });

  it('draws a flat line in the middle, one year as a dot in the middle, and nothing without values', () => {
    expect(sparkline(points(5, 5), 100, 40, 0).path).toBe('M0 20 L100 20');
    expect(sparkline(points(7), 100, 40, 0).dots).toEqual([{ x: 50, y: 20, period: '2021' }]);
    expect(sparkline(points(null, null), 100, 40)).toEqual({ path: '', dots: [] });
  });
});
