import { describe, expect, it } from 'vitest';
import { prepareMap, type MapDistrict } from './prepareMap';
import { district, TEXT } from './testFixtures';

const districts: MapDistrict[] = [
  { code: '430105', label: { zh: '开福区', en: 'Kaifu District' }, tile: { row: 0, col: 2 } },
  { code: '430104', label: { zh: '岳麓区', en: 'Yuelu District' }, tile: { row: 1, col: 1 } },
  { code: '430181', label: { zh: '浏阳市', en: 'Liuyang City' }, tile: { row: 1, col: 4 } },
  { code: '430199', label: { zh: '无图区', en: 'Untiled' }, tile: null },
];
const points = [district('430105', '开福区', 'Kaifu District', 30), district('430104', '岳麓区', 'Yuelu District', 120)];

describe('district tile map', () => {
  const { option, drill } = prepareMap(districts, { code: 'rd_institutions.count', period: '2025', points }, 'R&D institutions', TEXT, 'zh');
  const series = (Array.isArray(option.series) ? option.series[0] : option.series) as { data: unknown[] };

  it('places each district with a tile in its cell, named in the language asked for, with its value', () => {
    expect(series.data).toEqual([
      { name: '开福区', value: [2, 0, 30] },
      { name: '岳麓区', value: [1, 1, 120] },
      { name: '浏阳市', value: [4, 1, '-'] },
    ]);
    expect(option.xAxis).toMatchObject({ data: ['0', '1', '2', '3', '4'] });
    expect(option.yAxis).toMatchObject({ data: ['0', '1'], inverse: true });
  });

  it('scales the colours from zero to the largest value', () => {
    expect(option.visualMap).toMatchObject({ min: 0, max: 120 });
  });

  it('leads each tile to the indicator for that district', () => {
    expect(drill).toEqual([
      { code: 'rd_institutions.count', period: '2025', area: '430105' },
      { code: 'rd_institutions.count', period: '2025', area: '430104' },
      { code: 'rd_institutions.count', period: '2025', area: '430181' },
    ]);
  });
});
