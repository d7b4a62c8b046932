import { describe, expect, it } from 'vitest';
import type { PublicIndicatorDetail } from './api';
import { breakdownFor, chosenValue, figurePath, figureText, headlineCard, latestFigure, mapParamsOf, readFigureChoice, readMapChoice, rowsQuery, yearsOf } from './indicators';

const year = (period: string, value: number | null) => ({ period, value, as_of: null, source_note: null });
const place = (period: string, key: string, value: number | null) => ({ period, key, label: null, value });

/** An indicator as the public API gives it: five years, the newest without a value yet, a target behind. */
const DETAIL: PublicIndicatorDetail = {
  code: 'rd_institutions.count',
  name: { zh: '研发机构数', en: 'R&D institutions' },
  definition: { zh: '', en: '' },
  unit: 'count',
  unit_label: { zh: '家', en: '' },
  decimals: 0,
  direction: 'higher_is_better',
  source: 'computed',
  values: [year('2021', 900), year('2022', 1000), year('2023', 1100), year('2024', 1234), year('2025', null)],
  target: { period: '2026', comparator: '>=', value: 1500, current: 1234, status: 'behind', status_label: { zh: '滞后', en: 'Behind' }, progress: 0.8 },
  links: { self: '', rows: '/api/v1/public/indicators/rd_institutions.count/rows' },
  by_district: [place('2024', '430104', 300), place('2024', '430102', 0), place('2023', '430104', 250), place('2024', '430105', null)],
  by_zone: [place('2024', 'malanshan', 12)],
};

describe('figures as text', () => {
  it('writes the indicator\'s decimals, grouped, with its unit in the language asked for', () => {
    expect(figureText(1234, DETAIL, 'zh')).toBe('1,234 家');
    expect(figureText(1234, DETAIL, 'en')).toBe('1,234');
    expect(figureText(2.5, { decimals: 2, unit_label: { zh: '%', en: '%' } }, 'en')).toBe('2.50 %');
    expect(figureText(null, DETAIL, 'zh')).toBe('—');
  });
});

describe('headline card', () => {
  it('shows the newest year with a value, the target with its status, and the five years for the trend', () => {
    expect(latestFigure(DETAIL.values)?.period).toBe('2024');
    expect(headlineCard(DETAIL, 'zh')).toEqual({
      code: 'rd_institutions.count',
      name: '研发机构数',
      period: '2024',
      text: '1,234 家',
      target: { text: '1,500 家', status: 'behind', label: '滞后' },
      trend: DETAIL.values.map((v) => ({ period: v.period, value: v.value })),
      href: '/portal/indicators/rd_institutions.count',
    });
  });

  it('says there is no figure when no year has one, and no target when none is set', () => {
    const card = headlineCard({ ...DETAIL, values: [year('2025', null)], target: null }, 'en');
    expect([card.period, card.text, card.target]).toEqual([null, '—', null]);
  });
});

describe('an indicator page\'s figure', () => {
  it('reads the year and a district or a zone from the address, refusing what is not one', () => {
    expect(readFigureChoice(new URLSearchParams('year=2024&district=430104'))).toEqual({ year: '2024', area: { kind: 'district', code: '430104' } });
    expect(readFigureChoice(new URLSearchParams('zone=malanshan'))).toEqual({ year: null, area: { kind: 'zone', code: 'malanshan' } });
    expect(readFigureChoice(new URLSearchParams('year=24&district=4301&zone=Bad Zone'))).toEqual({ year: null, area: null });
  });

  it('links to a figure, and back to the same choice', () => {
    const path = figurePath('a.b', { year: '2024', area: { kind: 'zone', code: 'malanshan' } });
    expect(path).toBe('/portal/indicators/a.b?year=2024&zone=malanshan');
    expect(readFigureChoice(new URLSearchParams(path.split('?')[1]))).toEqual({ year: '2024', area: { kind: 'zone', code: 'malanshan' } });
    expect(figurePath('a.b', { year: null, area: null })).toBe('/portal/indicators/a.b');
  });

  it("takes the city's figure, or the area's from its breakdown", () => {
    expect(chosenValue(DETAIL, '2024', null)).toBe(1234);
    expect(chosenValue(DETAIL, '2024', { kind: 'district', code: '430104' })).toBe(300);
    expect(chosenValue(DETAIL, '2023', { kind: 'district', code: '430104' })).toBe(250);
    expect(chosenValue(DETAIL, '2024', { kind: 'zone', code: 'malanshan' })).toBe(12);
    expect(chosenValue(DETAIL, '2024', { kind: 'district', code: '430105' })).toBeNull();
  });

  it('asks for the rows behind the figure: the district as the area, a zone as a filter', () => {
    expect(rowsQuery('2024', { kind: 'district', code: '430104' }, 2)).toMatchObject({ period: '2024', area: '430104', filter: undefined, page: 2 });
    expect(rowsQuery('2024', { kind: 'zone', code: 'malanshan' }, 1)).toMatchObject({ period: '2024', area: undefined, filter: 'zone:malanshan' });
    expect(rowsQuery('2024', null, 1)).toMatchObject({ area: undefined, filter: undefined });
  });
});

describe('the map\'s question', () => {
  const indicators = [DETAIL, { ...DETAIL, code: 'gdp', values: [year('2023', 1), year('2024', 2)] }];

  it('gives a year\'s values by district or by zone, without places that have none', () => {
    expect([...breakdownFor(DETAIL, 'district', '2024')]).toEqual([
      ['430104', 300],
      ['430102', 0],
    ]);
    expect([...breakdownFor(DETAIL, 'zone', '2024')]).toEqual([['malanshan', 12]]);
  });

  it('reads a published indicator, a year it has and districts or zones; anything else falls back', () => {
    expect(readMapChoice(new URLSearchParams('indicator=gdp&year=2023&by=zone'), indicators)).toEqual({ code: 'gdp', year: '2023', by: 'zone' });
    expect(readMapChoice(new URLSearchParams('indicator=secret&year=1999&by=x'), indicators)).toEqual({ code: 'rd_institutions.count', year: '2024', by: 'district' });
    expect(readMapChoice(new URLSearchParams(), [])).toBeNull();
  });

  it('writes its address, newest year first in the year list', () => {
    expect(mapParamsOf({ code: 'gdp', year: '2024', by: 'zone' }).toString()).toBe('indicator=gdp&year=2024&by=zone');
    expect(mapParamsOf({ code: 'gdp', year: '2024', by: 'district' }).toString()).toBe('indicator=gdp&year=2024');
    expect(yearsOf(DETAIL)).toEqual(['2025', '2024', '2023', '2022', '2021']);
  });
});
