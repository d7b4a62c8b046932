import { describe, expect, it } from 'vitest';
import { fileColumns, type FileEntity } from '../../contracts/fileColumns.js';
import type { CityConfig } from '../../domain/city.js';
import { importReading, rowCells } from './cells.js';
import { exportColumns, reportReading } from './report.js';

const city: CityConfig = {
  code: '430100',
  name: { zh: '长沙市', en: 'Changsha' },
  province: { zh: '湖南省', en: 'Hunan' },
  districts: [{ code: '430104', name: { zh: '岳麓区', en: 'Yuelu District' } }],
  retiredDistricts: [{ code: '430122', name: { zh: '望城县', en: 'Wangcheng County' }, successor: '430104' }],
  placeholderCodes: ['430101'],
  zones: [{ code: 'malanshan', name: { zh: '马栏山视频文创园', en: 'Malanshan Video Park' }, innovationZone: true }],
  calendar: 'cn',
  timeZone: 'Asia/Shanghai',
};

const column = (entity: FileEntity, key: string) => exportColumns(entity, 'report').find((c) => c.key === key)!;
const keys = (entity: FileEntity) => exportColumns(entity, 'report').map((c) => c.key);

describe('report columns', () => {
  it('keeps the import format as it is', () => {
    for (const entity of ['organizations', 'qualifications', 'rd_institutions', 'platforms'] as const) expect(exportColumns(entity, 'import')).toBe(fileColumns[entity]);
  });

  it('puts the holder’s or host’s name right after each credit code', () => {
    expect(keys('qualifications').slice(0, 3)).toEqual(['uscc', 'holder_name', 'qualification']);
    expect(keys('rd_institutions').slice(0, 3)).toEqual(['host_uscc', 'host_name', 'name']);
    expect(keys('platforms').slice(0, 3)).toEqual(['host_uscc', 'host_name', 'name']);
    // An organization's own name already follows its code.
    expect(keys('organizations')).toEqual(fileColumns.organizations.map((c) => c.key));
    expect(keys('organizations').slice(0, 2)).toEqual(['uscc', 'name']);
  });
});

describe('report reading', () => {
  const zh = reportReading(city, 'zh');
  const en = reportReading(city, 'en');

  it('names districts (current and retired) and zones in the chosen language', () => {
    const district = column('platforms', 'district_code');
    const zone = column('platforms', 'zone');
    expect([zh.text(district, '430104'), en.text(district, '430104')]).toEqual(['岳麓区', 'Yuelu District']);
    expect([zh.text(district, '430122'), en.text(district, '430122')]).toEqual(['望城县', 'Wangcheng County']);
    expect([zh.text(zone, 'malanshan'), en.text(zone, 'malanshan')]).toEqual(['马栏山视频文创园', 'Malanshan Video Park']);
  });

  it('labels codes in either language and writes an unknown value as stored', () => {
    const level = column('rd_institutions', 'level');
    expect([zh.text(level, 'national'), en.text(level, 'national')]).toEqual(['国家级', 'National']);
    expect(zh.text(column('platforms', 'status'), 'active')).toBe('运行');
    expect(zh.text(level, 'galactic')).toBe('galactic');
    expect(zh.text(level, 'constructor')).toBe('constructor');
    expect(zh.text(column('platforms', 'district_code'), '999999')).toBe('999999');
  });

  it('writes booleans 是/否 and Yes/No, empty as null, texts and dates as they are', () => {
    const layout = column('rd_institutions', 'global_layout');
    expect([zh.text(layout, true), zh.text(layout, false), en.text(layout, true), en.text(layout, false)]).toEqual(['是', '否', 'Yes', 'No']);
    expect(zh.text(column('rd_institutions', 'zone'), null)).toBeNull();
    expect(en.text(column('rd_institutions', 'host_name'), '')).toBeNull();
    expect(en.text(column('rd_institutions', 'established_on'), '2020-01-02')).toBe('2020-01-02');
  });

  it('heads columns with their names in the chosen language, the district as names not codes', () => {
    expect(exportColumns('qualifications', 'report').map((c) => zh.header(c)).slice(0, 3)).toEqual(['统一社会信用代码', '持有主体名称', '资质']);
    expect(exportColumns('platforms', 'report').map((c) => en.header(c)).slice(0, 2)).toEqual(['Host organization credit code', 'Host organization name']);
    expect([zh.header(column('platforms', 'district_code')), en.header(column('platforms', 'district_code'))]).toEqual(['所在区县', 'District']);
  });

  it('guards names against formulas like any text, where the import format would keep codes', () => {
    const columns = exportColumns('rd_institutions', 'report');
    const row = { host_uscc: '91430100MA4L0ABC12', host_name: '=cmd', name: '研究院', level: 'national', district_code: '430104', zone: 'malanshan', global_layout: true };
    const cells = rowCells(columns, row, zh, true);
    expect(cells.slice(0, 3)).toEqual(['91430100MA4L0ABC12', "'=cmd", '研究院']);
    expect(cells[columns.findIndex((c) => c.key === 'district_code')]).toBe('岳麓区');
    expect(rowCells(fileColumns.rd_institutions, row, importReading('zh'), true)[fileColumns.rd_institutions.findIndex((c) => c.key === 'district_code')]).toBe('430104');
  });
});
