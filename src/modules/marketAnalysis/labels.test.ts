import { describe, expect, it } from 'vitest';
import { loadCity } from '../../config.js';
import { keyLabel } from './labels.js';

const city = loadCity('changsha');

describe('keyLabel of a buyer province', () => {
  it('names the province in Chinese and in English', () => {
    expect(keyLabel(city, 'buyer_province', '430000')).toEqual({ zh: '湖南省', en: 'Hunan' });
    expect(keyLabel(city, 'buyer_province', '150000')).toEqual({ zh: '内蒙古自治区', en: 'Inner Mongolia' });
  });

  it('keeps an unknown key as it is, and an empty one as none', () => {
    expect(keyLabel(city, 'buyer_province', '990000')).toEqual({ zh: '990000', en: '990000' });
    expect(keyLabel(city, 'buyer_province', null).en).toBe('(none)');
  });
});
