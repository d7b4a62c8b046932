import { describe, expect, it } from 'vitest';
import { trendOption } from './trend';

describe('trend line', () => {
  it('draws the years in order with a gap for a year without a value', () => {
    const option = trendOption([
      { period: '2023', value: 5 },
      { period: '2024', value: null },
      { period: '2025', value: 8 },
    ]) as { xAxis: { data: string[] }; series: Array<{ data: Array<number | null>; connectNulls: boolean }> };
    expect(option.xAxis.data).toEqual(['2023', '2024', '2025']);
    expect(option.series[0]!.data).toEqual([5, null, 8]);
    expect(option.series[0]!.connectNulls).toBe(false);
  });
});
