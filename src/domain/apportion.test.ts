import { describe, expect, it } from 'vitest';
import { apportion } from './apportion.js';

describe('apportion', () => {
  it('splits in proportion and keeps the total', () => {
    expect(apportion(12_500, [5, 3, 2])).toEqual([6_250, 3_750, 2_500]);
    const parts = apportion(100, [1, 1, 1]);
    expect(parts).toEqual([34, 33, 33]);
    expect(apportion(10, [0, 0])).toEqual([5, 5]);
    expect(apportion(1.5, [1, 2], 2)).toEqual([0.5, 1]);
    expect(apportion(7, [])).toEqual([]);
  });

  it('always sums to the total', () => {
    for (let n = 1; n < 12; n++) {
      const weights = Array.from({ length: n }, (_, i) => ((i * 7919) % 13) + (i % 3 === 0 ? 0 : 0.5));
      const parts = apportion(12_345, weights);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(12_345);
      parts.forEach((p) => expect(Number.isInteger(p)).toBe(true));
    }
  });
});
