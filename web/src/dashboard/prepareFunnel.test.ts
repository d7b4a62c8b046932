import { describe, expect, it } from 'vitest';
import { prepareFunnel, shareOfFirst } from './prepareFunnel';
import { indicator, observation, TEXT } from './testFixtures';

const stage = (code: string, en: string, value: number) => ({ indicator: indicator({ code, name: { zh: en, en } }), value: observation({ code, value }) });

describe('four global funnel', () => {
  const stages = [stage('rd_institutions.count', 'All', 4344), stage('rd_institutions.global_any', 'Any feature', 2799), stage('rd_institutions.global_all', 'All four', 590)];

  it('computes each stage’s share of the first', () => {
    expect(shareOfFirst([4344, 2799, 590]).map((s) => s?.toFixed(3))).toEqual(['1.000', '0.644', '0.136']);
    expect(shareOfFirst([0, 1])).toEqual([null, null]);
    expect(shareOfFirst([10, null])).toEqual([1, null]);
  });

  it('keeps the stages in order, against the first, and leads each to its indicator', () => {
    const { option, drill } = prepareFunnel(stages, TEXT, 'en');
    const series = (Array.isArray(option.series) ? option.series[0] : option.series) as { sort: string; max: number; data: unknown[] };
    expect(series).toMatchObject({ sort: 'none', max: 4344 });
    expect(series.data).toMatchObject([
      { name: 'All', value: 4344 },
      { name: 'Any feature', value: 2799 },
      { name: 'All four', value: 590 },
    ]);
    expect(drill.map((d) => d?.code)).toEqual(['rd_institutions.count', 'rd_institutions.global_any', 'rd_institutions.global_all']);
  });
});
