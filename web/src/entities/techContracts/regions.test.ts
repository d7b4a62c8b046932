import { describe, expect, it } from 'vitest';
import { countryOptions, regionLabel } from './regions';

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
