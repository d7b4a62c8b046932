import { describe, expect, it } from 'vitest';
import { formatNumber, formatSigned, inDisplayUnit, unitSpec } from './format';

describe('indicator number formats', () => {
  it('groups thousands and keeps the catalogue’s decimals in both languages', () => {
    expect(formatNumber(4344, 0, 'zh')).toBe('4,344');
    expect(formatNumber(4344, 0, 'en')).toBe('4,344');
    expect(formatNumber(511.56, 2, 'zh')).toBe('511.56');
    expect(formatNumber(3.3599, 2, 'en')).toBe('3.36');
    expect(formatNumber(70.786, 0, 'zh')).toBe('71');
  });

  it('signs changes, but not a zero', () => {
    expect(formatSigned(89, 0, 'en')).toBe('+89');
    expect(formatSigned(-1, 0, 'zh')).toBe('-1');
    expect(formatSigned(0, 1, 'en')).toBe('0.0');
  });

  it('defaults decimals by unit', () => {
    expect(unitSpec('count')).toEqual({ unit: 'count', decimals: 0 });
    expect(unitSpec('yuan_100m')).toEqual({ unit: 'yuan_100m', decimals: 2 });
    expect(unitSpec('percent', 0)).toEqual({ unit: 'percent', decimals: 0 });
  });

  it('writes money in billions in English and in 亿元 in Chinese', () => {
    expect(formatNumber(inDisplayUnit(511.56, 'yuan_100m', 'en'), 2, 'en')).toBe('51.16');
    expect(formatSigned(inDisplayUnit(38.81, 'yuan_100m', 'en'), 2, 'en')).toBe('+3.88');
    expect(inDisplayUnit(511.56, 'yuan_100m', 'zh')).toBe(511.56);
    expect(inDisplayUnit(44, 'rank', 'en')).toBe(44);
  });
});
