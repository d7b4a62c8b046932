import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCityConfig } from './city.js';
import { checkDistrictCode, districtName } from './district.js';

const changsha = parseCityConfig(JSON.parse(readFileSync(new URL('../../config/cities/changsha.json', import.meta.url), 'utf8')));

describe('checkDistrictCode', () => {
  it.each(['430102', '430103', '430104', '430105', '430111', '430112', '430121', '430181', '430182'])('accepts %s', (code) => {
    expect(checkDistrictCode(changsha, code)).toBeNull();
  });

  it.each(['4301', '4301020', '43010A', '', ' 430102'])('rejects the format of "%s"', (code) => {
    expect(checkDistrictCode(changsha, code)).toMatchObject({ code: 'district.format', params: { code } });
  });

  it('sends 望城县 430122 to 430112 望城区', () => {
    expect(checkDistrictCode(changsha, '430122')).toEqual({
      code: 'district.retired',
      message: {
        zh: '430122（望城县）已撤销，请改用 430112 望城区',
        en: '430122 (Wangcheng County) has been retired; use 430112 Wangcheng District',
      },
      params: { code: '430122', successor: '430112', successorName: '望城区', successorNameEn: 'Wangcheng District' },
    });
  });

  it('sends 宁乡县 430124 to 430182 宁乡市', () => {
    const problem = checkDistrictCode(changsha, '430124');
    expect(problem?.params).toMatchObject({ successor: '430182', successorName: '宁乡市' });
    expect(problem?.message.zh).toContain('430182 宁乡市');
    expect(problem?.message.en).toContain('430182 Ningxiang City');
  });

  it('refuses the city code 430100 as a city, not a district', () => {
    const problem = checkDistrictCode(changsha, '430100');
    expect(problem?.code).toBe('district.city_level');
    expect(problem?.message.en).toContain('a city, not a district');
    expect(problem?.message.zh).toContain('长沙市本级');
  });

  it('refuses the 市辖区 placeholder 430101', () => {
    const problem = checkDistrictCode(changsha, '430101');
    expect(problem?.code).toBe('district.placeholder');
    expect(problem?.message.zh).toContain('市辖区');
  });

  it.each(['440305', '430123', '430000', '999999'])('refuses %s as not a district of Changsha', (code) => {
    const problem = checkDistrictCode(changsha, code);
    expect(problem).toMatchObject({ code: 'district.unknown', params: { code, city: '430100' } });
    expect(problem?.message.zh).toBe(`${code} 不是长沙市的区县代码`);
    expect(problem?.message.en).toBe(`${code} is not a district of Changsha`);
  });
});

describe('districtName', () => {
  it('names a current district in both languages', () => {
    expect(districtName(changsha, '430104')).toEqual({ zh: '岳麓区', en: 'Yuelu District' });
  });
  it('returns null for retired, city-level, placeholder and foreign codes', () => {
    for (const code of ['430122', '430100', '430101', '440305']) expect(districtName(changsha, code)).toBeNull();
  });
});
