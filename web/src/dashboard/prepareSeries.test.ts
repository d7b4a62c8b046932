import { describe, expect, it } from 'vitest';
import { prepareBreakdown, prepareTrend, throughPeriod } from './prepareSeries';
import { district, observation, TEXT } from './testFixtures';

const seriesOf = (option: ReturnType<typeof prepareTrend>['option']) => (Array.isArray(option.series) ? option.series[0] : option.series) as Record<string, unknown>;

describe('trend lines', () => {
  const points = [observation({ period: '2024', value: 255 }), observation({ period: '2025', value: 344 }), observation({ period: '2026', value: null })];

  it('put the years on the axis, mark the year shown, and leave a gap for a missing value', () => {
    const { option, drill } = prepareTrend(points, 'R&D institutions', TEXT, '2025');
    expect(option.xAxis).toMatchObject({ data: ['2024', '2025', '2026'] });
    expect(seriesOf(option).data).toEqual([
      { value: 255, symbolSize: 6 },
      { value: 344, symbolSize: 11 },
      { value: '-', symbolSize: 6 },
    ]);
    expect(drill).toEqual([
      { code: 'rd_institutions.count', period: '2024' },
      { code: 'rd_institutions.count', period: '2025' },
      { code: 'rd_institutions.count', period: '2026' },
    ]);
  });

  it('stop at the year shown, leaving out the running year', () => {
    expect(throughPeriod(points, '2025').map((p) => p.period)).toEqual(['2024', '2025']);
  });

  it('keep a district’s trend on that district when drilling down', () => {
    expect(prepareTrend([observation({ area: '430104' })], 'x', TEXT).drill).toEqual([{ code: 'rd_institutions.count', period: '2025', area: '430104' }]);
  });
});

describe('breakdown bars', () => {
  const points = [district('430102', '芙蓉区', 'Furong District', 12), district('430104', '岳麓区', 'Yuelu District', 40), observation({ breakdown_key: null, breakdown_label: null, value: 3 })];

  it('sort the largest first, label in the language asked for, and lead each district to its value', () => {
    const { option, drill } = prepareBreakdown(points, 'x', TEXT, { noneLabel: 'None', side: 'en', byDistrict: true });
    expect(option.yAxis).toMatchObject({ data: ['Yuelu District', 'Furong District', 'None'] });
    expect(seriesOf(option).data).toEqual([40, 12, 3]);
    expect(drill).toEqual([{ code: 'rd_institutions.count', period: '2025', area: '430104' }, { code: 'rd_institutions.count', period: '2025', area: '430102' }, null]);
  });

  it('lead nowhere for keys that are not districts', () => {
    const byCategory = [observation({ breakdown_key: 'new_type_rd_institution', breakdown_label: { zh: '新型研发机构', en: 'New-type' }, value: 5 })];
    const { option, drill } = prepareBreakdown(byCategory, 'x', TEXT, { noneLabel: '未填', side: 'zh', byDistrict: false });
    expect(option.yAxis).toMatchObject({ data: ['新型研发机构'] });
    expect(drill).toEqual([null]);
  });
});
