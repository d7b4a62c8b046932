import { describe, expect, it } from 'vitest';
import type { RegistryMeta } from '../../../src/contracts/meta';
import { codeLabel, codeOptions } from './codeLabels';

const meta: RegistryMeta = {
  city: {
    code: '430100',
    name: { zh: '长沙市', en: 'Changsha' },
    province: { zh: '湖南省', en: 'Hunan' },
    time_zone: 'Asia/Shanghai',
    districts: [{ code: '430104', label: { zh: '岳麓区', en: 'Yuelu District' }, tile: { row: 1, col: 1 } }],
    retired_districts: [{ code: '430122', label: { zh: '望城县', en: 'Wangcheng County' }, successor: '430112' }],
    zones: [{ code: 'xiangjiang_new_area', label: { zh: '湘江新区', en: 'Xiangjiang New Area' }, innovation_zone: false, tile: null }],
  },
  code_lists: { level: [{ code: 'national', label: { zh: '国家级', en: 'National' } }] },
};

describe('codeOptions', () => {
  it('lists districts, zones and code lists in the requested language', () => {
    expect(codeOptions(meta, 'district', 'zh')).toEqual([{ value: '430104', label: '岳麓区' }]);
    expect(codeOptions(meta, 'zone', 'en')).toEqual([{ value: 'xiangjiang_new_area', label: 'Xiangjiang New Area' }]);
    expect(codeOptions(meta, 'level', 'en')).toEqual([{ value: 'national', label: 'National' }]);
  });
  it('is empty before meta arrives or for a list the server does not send', () => {
    expect(codeOptions(undefined, 'level', 'zh')).toEqual([]);
    expect(codeOptions(meta, 'platform_type', 'zh')).toEqual([]);
  });
});

describe('codeLabel', () => {
  it('labels a known code', () => {
    expect(codeLabel(meta, 'district', '430104', 'en')).toBe('Yuelu District');
    expect(codeLabel(meta, 'level', 'national', 'zh')).toBe('国家级');
  });
  it('names a retired district with its code', () => {
    expect(codeLabel(meta, 'district', '430122', 'zh')).toBe('望城县 (430122)');
  });
  it('falls back to the code itself', () => {
    expect(codeLabel(meta, 'zone', 'nowhere', 'zh')).toBe('nowhere');
    expect(codeLabel(undefined, 'level', 'national', 'en')).toBe('national');
  });
});
