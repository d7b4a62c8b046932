import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCityConfig } from './city.js';

const changshaJson: unknown = JSON.parse(readFileSync(new URL('../../config/cities/changsha.json', import.meta.url), 'utf8'));

/** A deep copy of the real file to break in one place per test. */
function changshaCopy(): Record<string, unknown> {
  return structuredClone(changshaJson) as Record<string, unknown>;
}

function problemsOf(json: unknown): string {
  try {
    parseCityConfig(json);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected parseCityConfig to throw');
}

describe('config/cities/changsha.json', () => {
  const city = parseCityConfig(changshaJson);

  it('is Changsha in Hunan', () => {
    expect(city.code).toBe('430100');
    expect(city.name).toEqual({ zh: '长沙市', en: 'Changsha' });
    expect(city.province).toEqual({ zh: '湖南省', en: 'Hunan' });
  });

  it('lists the nine districts of GB/T 2260 in order', () => {
    expect(city.districts.map((d) => `${d.code} ${d.name.zh} ${d.name.en}`)).toEqual([
      '430102 芙蓉区 Furong District',
      '430103 天心区 Tianxin District',
      '430104 岳麓区 Yuelu District',
      '430105 开福区 Kaifu District',
      '430111 雨花区 Yuhua District',
      '430112 望城区 Wangcheng District',
      '430121 长沙县 Changsha County',
      '430181 浏阳市 Liuyang City',
      '430182 宁乡市 Ningxiang City',
    ]);
  });

  it('retires 望城县 and 宁乡县 in favour of their successors, and holds 430101 as a placeholder', () => {
    expect(city.retiredDistricts.map((d) => [d.code, d.name.zh, d.successor])).toEqual([
      ['430122', '望城县', '430112'],
      ['430124', '宁乡县', '430182'],
    ]);
    expect(city.placeholderCodes).toEqual(['430101']);
  });

  it('separates the three functional zones from the innovation zones', () => {
    const byKind = (innovation: boolean) => city.zones.filter((z) => z.innovationZone === innovation).map((z) => z.code);
    expect(byKind(false)).toEqual(['xiangjiang_new_area', 'changsha_hitech_zone', 'changsha_etdz']);
    expect(byKind(true)).toEqual(['xiangjiang_science_city', 'kaifu_st_valley', 'dazehu_returnees_town', 'songya_lake', 'malanshan']);
  });

  it('says on every innovation zone that its membership is unconfirmed configuration', () => {
    for (const zone of city.zones.filter((z) => z.innovationZone)) {
      expect(zone.note?.zh).toContain('一城一区三基地');
      expect(zone.note?.en).toContain('not confirmed by a published source');
    }
  });
});

describe('parseCityConfig', () => {
  it('rejects a value that is not an object', () => {
    expect(() => parseCityConfig(null)).toThrow('expected a JSON object');
    expect(() => parseCityConfig([])).toThrow('expected a JSON object');
  });

  it('lists every shape problem at once', () => {
    const json = changshaCopy();
    json.code = '4301';
    json.name = { zh: '长沙市' };
    delete json.zones;
    const message = problemsOf(json);
    expect(message).toContain('Invalid city configuration');
    expect(message).toContain('code: "4301" does not match');
    expect(message).toContain('name.en: expected a non-empty string');
    expect(message).toContain('zones: expected an array');
  });

  it('names the path of a bad entry inside a list', () => {
    const json = changshaCopy();
    (json.districts as unknown[])[2] = { code: '43010X', name: 'Yuelu' };
    (json.zones as Record<string, unknown>[])[0] = { code: 'Xiangjiang New Area', name: { zh: '湘江新区', en: 'x' } };
    json.placeholderCodes = [430101];
    const message = problemsOf(json);
    expect(message).toContain('districts[2].code: "43010X"');
    expect(message).toContain('districts[2].name: expected an object with zh and en');
    expect(message).toContain('zones[0].code: "Xiangjiang New Area"');
    expect(message).toContain('zones[0].innovationZone: expected true or false');
    expect(message).toContain('placeholderCodes[0]: expected a 6-digit code');
  });

  it('reads the cell of each district on the schematic map, and names a bad one', () => {
    expect(parseCityConfig(changshaCopy()).districts.find((d) => d.code === '430104')?.tile).toEqual({ row: 1, col: 1 });
    const json = changshaCopy();
    (json.districts as Record<string, unknown>[])[1]!.tile = [1, 'x'];
    expect(problemsOf(json)).toContain('districts[1].tile: expected [row, column]');
  });

  it('reads the cell of each zone on the zones\' own map, and names a bad one', () => {
    expect(parseCityConfig(changshaCopy()).zones.find((z) => z.code === 'xiangjiang_science_city')?.tile).toEqual({ row: 1, col: 1 });
    const json = changshaCopy();
    (json.zones as Record<string, unknown>[])[2]!.tile = [-1, 0];
    expect(problemsOf(json)).toContain('zones[2].tile: expected [row, column]');
  });

  it('refuses two places in one cell of the same map, and lets a zone share a district\'s cell', () => {
    const json = changshaCopy();
    const districts = json.districts as Record<string, unknown>[];
    const zones = json.zones as Record<string, unknown>[];
    districts[1]!.tile = districts[0]!.tile;
    zones[3]!.tile = zones[0]!.tile;
    const message = problemsOf(json);
    expect(message).toContain(`districts[1].tile: cell [${(districts[0]!.tile as number[]).join(', ')}] is already ${districts[0]!.code as string}'s`);
    expect(message).toContain(`zones[3].tile: cell [${(zones[0]!.tile as number[]).join(', ')}] is already ${zones[0]!.code as string}'s`);
    const shared = changshaCopy();
    // Liuyang's cell, which no zone has.
    (shared.zones as Record<string, unknown>[])[0]!.tile = (shared.districts as Record<string, unknown>[]).find((d) => d.code === '430181')!.tile;
    expect(() => parseCityConfig(shared)).not.toThrow();
  });

  it('rejects a successor that is not a current district', () => {
    const json = changshaCopy();
    (json.retiredDistricts as Record<string, unknown>[])[0] = { code: '430122', name: { zh: '望城县', en: 'Wangcheng County' }, successor: '430199' };
    expect(problemsOf(json)).toContain('retiredDistricts[0].successor: 430199 is not one of the districts');
  });

  it('rejects codes listed twice', () => {
    const json = changshaCopy();
    json.placeholderCodes = ['430101', '430102'];
    const zones = json.zones as unknown[];
    zones.push(zones[0]);
    const message = problemsOf(json);
    expect(message).toContain('area code 430102 is listed more than once');
    expect(message).toContain('zone code xiangjiang_new_area is listed more than once');
  });

  it('requires at least one district', () => {
    const json = changshaCopy();
    json.districts = [];
    json.retiredDistricts = [];
    expect(problemsOf(json)).toContain('a city needs at least one district');
  });

  it('keeps only the known fields', () => {
    const json = changshaCopy();
    json.extra = 'ignored';
    expect(Object.keys(parseCityConfig(json))).toEqual(['code', 'name', 'province', 'districts', 'retiredDistricts', 'placeholderCodes', 'zones', 'calendar', 'timeZone']);
  });

  it('accepts a minimal other city', () => {
    const city = parseCityConfig({
      code: '420100',
      name: { zh: '武汉市', en: 'Wuhan' },
      province: { zh: '湖北省', en: 'Hubei' },
      districts: [{ code: '420102', name: { zh: '江岸区', en: "Jiang'an District" } }],
      retiredDistricts: [],
      placeholderCodes: [],
      zones: [],
      calendar: 'cn',
    });
    expect(city.districts).toHaveLength(1);
  });

  it('counts the city’s days in its time zone: Asia/Shanghai when the file names none, an unknown zone refused', () => {
    expect(parseCityConfig(changshaCopy()).timeZone).toBe('Asia/Shanghai');
    expect(parseCityConfig({ ...changshaCopy(), timeZone: undefined }).timeZone).toBe('Asia/Shanghai');
    expect(parseCityConfig({ ...changshaCopy(), timeZone: 'Europe/Berlin' }).timeZone).toBe('Europe/Berlin');
    expect(problemsOf({ ...changshaCopy(), timeZone: 'Mars/Olympus' })).toContain('timeZone: expected an IANA time zone such as "Asia/Shanghai", got "Mars/Olympus"');
  });

  it('requires the holiday calendar the working days follow: a name or a JSON file', () => {
    expect(parseCityConfig(changshaCopy()).calendar).toBe('cn');
    expect(parseCityConfig({ ...changshaCopy(), calendar: '/etc/starcity/calendar.json' }).calendar).toBe('/etc/starcity/calendar.json');
    expect(problemsOf({ ...changshaCopy(), calendar: undefined })).toContain('calendar: expected a non-empty string');
    expect(problemsOf({ ...changshaCopy(), calendar: 'China' })).toContain('calendar: "China" does not match');
  });
});
