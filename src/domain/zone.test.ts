import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCityConfig } from './city.js';
import { checkZone, isInnovationZone, zoneName } from './zone.js';

const changsha = parseCityConfig(JSON.parse(readFileSync(new URL('../../config/cities/changsha.json', import.meta.url), 'utf8')));

describe('checkZone', () => {
  it.each(changsha.zones.map((z) => z.code))('accepts %s', (code) => {
    expect(checkZone(changsha, code)).toBeNull();
  });

  it('refuses an unknown zone and lists the allowed codes', () => {
    const problem = checkZone(changsha, 'liangjiang_new_area');
    expect(problem?.code).toBe('zone.unknown');
    expect(problem?.params?.code).toBe('liangjiang_new_area');
    for (const z of changsha.zones) {
      expect(problem?.message.zh).toContain(z.code);
      expect(problem?.message.en).toContain(z.code);
    }
    expect(problem?.message.zh).toContain('不是长沙市的功能区或创新区');
  });

  it('does not match names or differently cased codes', () => {
    expect(checkZone(changsha, '湘江新区')?.code).toBe('zone.unknown');
    expect(checkZone(changsha, 'Malanshan')?.code).toBe('zone.unknown');
  });
});

describe('isInnovationZone', () => {
  it('is true for the innovation zones', () => {
    expect(isInnovationZone(changsha, 'xiangjiang_science_city')).toBe(true);
    expect(isInnovationZone(changsha, 'malanshan')).toBe(true);
  });
  it('is false for functional zones and unknown codes', () => {
    expect(isInnovationZone(changsha, 'changsha_hitech_zone')).toBe(false);
    expect(isInnovationZone(changsha, 'nowhere')).toBe(false);
  });
});

describe('zoneName', () => {
  it('names a zone or returns null', () => {
    expect(zoneName(changsha, 'dazehu_returnees_town')).toEqual({ zh: '大泽湖·海归小镇', en: 'Dazehu & Returnees Town' });
    expect(zoneName(changsha, 'nowhere')).toBeNull();
  });
});
