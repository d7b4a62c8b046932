import { describe, expect, it } from 'vitest';
import { growthPercent, percentOf, seriesTable } from './indicatorSeries.js';

describe('series table', () => {
  it('counts a record in every year of its range, per area, key and for the city', () => {
    const t = seriesTable(
      [
        { area: '430104', key: 'a', from: 2014, to: null, n: 2, part: 1 }, // before the first year: counts from it
        { area: '430104', key: 'b', from: 2018, to: 2019, n: 1, part: 0 },
        { area: '430105', key: 'a', from: 2020, to: 2020, n: 5, part: 5 },
        { area: null, key: null, from: 2019, to: null, n: 1, part: 0 },
        { area: '430105', key: 'a', from: 2030, to: null, n: 9, part: 0 }, // after the last year: nowhere
      ],
      2016,
      2020,
      '430100',
    );
    expect(t.get('430100')!.map((c) => c.n)).toEqual([2, 2, 3, 4, 8]);
    expect(t.get('430100')!.map((c) => c.part)).toEqual([1, 1, 1, 1, 6]);
    expect(t.get('430104', 'a')!.map((c) => c.n)).toEqual([2, 2, 2, 2, 2]);
    expect(t.get('430104')!.map((c) => c.n)).toEqual([2, 2, 3, 3, 2]);
    expect(t.get('', null)!.map((c) => c.n)).toEqual([0, 0, 0, 1, 1]);
    expect(t.get('430102')).toBeUndefined();
    expect(t.keys('430100')).toEqual(['a', 'b', null]);
    expect(t.areas().sort()).toEqual(['', '430104', '430105']);
  });

  it('divides and grows in percent, refusing to divide by zero', () => {
    expect(percentOf(603, 861)).toBeCloseTo(70.034843, 5);
    expect(percentOf(1, 0)).toBeNull();
    expect(growthPercent(511.56, 472.75)).toBeCloseTo(8.2094, 3);
    expect(growthPercent(5, 0)).toBeNull();
    expect(growthPercent(null, 3)).toBeNull();
  });
});
