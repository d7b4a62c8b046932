import { describe, expect, it } from 'vitest';
import { countryOptions, regionLabel } from './regions';

describe('buyer regions', () => {
  it('offers countries abroad by name in either language, never China', () => {
    const zh = countryOptions('zh');
    expect(zh).toContainEqual({ value: 'DE', label: '德国 (DE)' });
    expect(countryOptions('en')).toContainEqual({ value: 'DE', label: 'Germany (DE)' });
    expect(zh.some((o) => o.value === 'CN')).toBe(false);
  });

  it('names a country and leaves a county code as it is', () => {
    expect(regionLabel('DE', 'en')).toBe('Germany (DE)');
    expect(regionLabel('440305', 'zh')).toBe('440305');
  });
});
