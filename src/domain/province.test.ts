import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { provinceNames, provinceOf } from './province.js';

const divisions = JSON.parse(readFileSync(new URL('../../config/regions/cn.json', import.meta.url), 'utf8')) as { provinces: Array<[string, string]>; counties: Array<[string, string]> };

describe('provinceNames', () => {
  it('name all 34 provincial-level divisions in Chinese and English', () => {
    const codes = Object.keys(provinceNames);
    expect(codes).toHaveLength(34);
    for (const code of codes) {
      expect(code).toMatch(/^[1-8]\d$/);
      expect(provinceNames[code]!.zh).toMatch(/^\p{Script=Han}+$/u);
      expect(provinceNames[code]!.en).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)?$/);
    }
    expect(new Set(codes.map((c) => provinceNames[c]!.en)).size).toBe(34);
  });

  it('hold every province of the county list, by its Chinese name there', () => {
    for (const [code, name] of divisions.provinces) expect(provinceNames[code]).toMatchObject({ zh: name });
  });

  it('give a province to every county a buyer may be in', () => {
    expect(divisions.counties.filter(([county]) => provinceOf(county) === undefined)).toEqual([]);
  });

  it('use the official English names', () => {
    expect(['15', '45', '54', '64', '65', '71', '81', '82'].map((c) => provinceNames[c]!.en)).toEqual(['Inner Mongolia', 'Guangxi', 'Tibet', 'Ningxia', 'Xinjiang', 'Taiwan', 'Hong Kong', 'Macao']);
    expect(provinceNames['14']!.en).not.toBe(provinceNames['61']!.en);
  });
});

describe('provinceOf', () => {
  it('finds the province of a county code or a province key', () => {
    expect(provinceOf('430104')).toEqual({ zh: '湖南省', en: 'Hunan' });
    expect(provinceOf('440000')).toEqual({ zh: '广东省', en: 'Guangdong' });
  });

  it('has none for a country code or another form', () => {
    for (const code of ['DE', '43', '4301', '990000', '']) expect(provinceOf(code)).toBeUndefined();
  });
});
