import { describe, expect, it } from 'vitest';
import { countryOptions, countyName, regionLabel, regionMatches, regionOptions, regionPath } from './regions';

describe('buyer regions', () => {
  it('offers countries abroad by name in either language, never China', () => {
    const zh = countryOptions('zh');
    expect(zh).toContainEqual({ value: 'DE', label: '德国 (DE)' });
    expect(countryOptions('en')).toContainEqual({ value: 'DE', label: 'Germany (DE)' });
    expect(zh.some((o) => o.value === 'CN')).toBe(false);
  });

  it('names a country, and a county as the county namer does', () => {
    const county = (code: string) => (code === '430104' ? '岳麓区' : code);
    expect(regionLabel('DE', 'en', county)).toBe('Germany (DE)');
    expect(regionLabel('430104', 'zh', county)).toBe('岳麓区');
    expect(regionLabel('440305', 'zh', county)).toBe('440305');
  });
});

describe('the region picker', () => {
  const tree = [
    { code: '43', label: { zh: '湖南省', en: 'Hunan' }, children: [{ code: '4301', label: { zh: '长沙市', en: 'Changsha' }, children: [{ code: '430104', label: { zh: '岳麓区', en: 'Yuelu District' } }] }] },
    { code: '44', label: { zh: '广东省', en: 'Guangdong' }, children: [{ code: '4403', label: { zh: '深圳市', en: '深圳市' }, children: [{ code: '440305', label: { zh: '南山区', en: '南山区' } }] }] },
  ];

  it('offers province → city → county in the UI’s language', () => {
    const en = regionOptions(tree, 'en');
    expect(en[0]).toEqual({ value: '43', label: 'Hunan', children: [{ value: '4301', label: 'Changsha', children: [{ value: '430104', label: 'Yuelu District' }] }] });
    expect(regionOptions(tree, 'zh')[1]!.children![0]!.children![0]).toEqual({ value: '440305', label: '南山区' });
  });

  it('finds the path of a county it offers, and none for another value', () => {
    const options = regionOptions(tree, 'zh');
    expect(regionPath(options, '440305')).toEqual(['44', '4403', '440305']);
    for (const other of ['440306', '4403', 'DE', '', null, undefined]) expect(regionPath(options, other)).toBeUndefined();
  });

  it('matches a search by names or code across the path, ignoring case', () => {
    const [hunan] = regionOptions(tree, 'en');
    const path = [hunan!, hunan!.children![0]!, hunan!.children![0]!.children![0]!];
    for (const input of ['yuelu', 'changsha yuelu', '430104', 'HUNAN']) expect(regionMatches(input, path)).toBe(true);
    for (const input of ['nanshan', 'changsha 440305']) expect(regionMatches(input, path)).toBe(false);
  });

  it('names a county by its province, city and county, and none the list lacks', () => {
    expect(countyName(regionOptions(tree, 'en'), '430104')).toBe('Hunan Changsha Yuelu District');
    expect(countyName(regionOptions(tree, 'zh'), '440305')).toBe('广东省 深圳市 南山区');
    expect(countyName(regionOptions(tree, 'zh'), '440306')).toBeUndefined();
  });
});
