import { describe, expect, it } from 'vitest';
import { city, csv, streamOf, validateAll, validUscc } from '../../../test/fixtures/imports/helpers.js';
import { anonymousCaller, type Caller } from '../../domain/permissions.js';
import { areaScope, importArea, outsideArea } from './areaScope.js';

const YUELU = '430104';
const FURONG = '430102';
const HITECH = 'changsha_hitech_zone';
const yuelu = { city, districts: [YUELU], zones: [] };
const hitech = { city, districts: [], zones: [HITECH] };
const at = (district: string | null, zone: string | null = null) => ({ district, zone });

describe('outsideArea', () => {
  it('lets a record whose district or zone is in the area pass', () => {
    expect(outsideArea(yuelu, 'row', at(YUELU))).toBeNull();
    expect(outsideArea({ city, districts: [FURONG, YUELU], zones: [] }, 'stored', at(YUELU))).toBeNull();
    expect(outsideArea(hitech, 'row', at(FURONG, HITECH))).toBeNull();
    expect(outsideArea({ city, districts: [YUELU], zones: [HITECH] }, 'row', at(FURONG, HITECH))).toBeNull();
  });

  it('refuses a row of another district, naming both in Chinese and English', () => {
    expect(outsideArea(yuelu, 'row', at(FURONG))).toEqual({
      code: 'scope.area',
      message: { zh: '该行位于区县 芙蓉区 430102，不在您的管辖范围（岳麓区）', en: 'This row lies in district Furong District 430102, outside your area (Yuelu District)' },
      params: { place: 'row', district: FURONG, zone: '', districts: YUELU, zones: '' },
    });
  });

  it('names the zone too, and a zone area by its name', () => {
    expect(outsideArea(hitech, 'row', at(FURONG, 'changsha_etdz'))?.message).toEqual({
      zh: '该行位于区县 芙蓉区 430102、园区 长沙经开区 changsha_etdz，不在您的管辖范围（长沙高新区）',
      en: 'This row lies in district Furong District 430102 and zone Changsha Economic and Technological Development Zone changsha_etdz, outside your area (Changsha High-tech Zone)',
    });
  });

  it('says whose place it judged: a stored record, a holder', () => {
    expect(outsideArea(yuelu, 'stored', at(FURONG))?.message.zh).toBe('已有记录位于区县 芙蓉区 430102，不在您的管辖范围（岳麓区）');
    expect(outsideArea(yuelu, 'holder', at(FURONG))?.message.en).toBe('The holder organization lies in district Furong District 430102, outside your area (Yuelu District)');
  });

  it('puts a record with neither district nor zone outside every area', () => {
    const v = outsideArea({ city, districts: [YUELU, FURONG], zones: [HITECH] }, 'row', at(null));
    expect(v?.code).toBe('scope.area');
    expect(v?.message).toEqual({ zh: '该行没有区县或园区，不在您的管辖范围（岳麓区、芙蓉区、长沙高新区）', en: 'This row has no district or zone, outside your area (Yuelu District, Furong District, Changsha High-tech Zone)' });
  });

  it('shows a code the city does not name as it is', () => {
    expect(outsideArea(yuelu, 'stored', at('430122'))?.message.zh).toBe('已有记录位于区县 430122，不在您的管辖范围（岳麓区）');
  });
});

describe('importArea and areaScope', () => {
  const caller = (role: Caller['role'], districts: string[] = [], zones: string[] = []): Caller => ({ ...anonymousCaller, role, districts, zones });

  it("limits an officer's imports to the officer's area, and nobody else's", () => {
    expect(importArea(caller('officer', [YUELU]))).toEqual({ districts: [YUELU], zones: [] });
    expect(importArea(caller('officer', [], [HITECH]))).toEqual({ districts: [], zones: [HITECH] });
    expect(importArea(caller('officer'))).toEqual({ districts: [], zones: [] });
    expect(importArea(caller('admin'))).toEqual({ districts: [], zones: [] });
  });

  it('has no scope for the whole city', () => {
    expect(areaScope(city, { districts: [], zones: [] })).toBeNull();
    expect(areaScope(city, undefined)).toBeNull();
    expect(areaScope(city, { districts: [YUELU] })).toEqual(yuelu);
    expect(areaScope(city, { zones: [HITECH] })).toEqual(hitech);
  });
});

describe('the reading stage of an import limited to an area', () => {
  const header = 'uscc,名称,kind,所在区县代码';
  const [A, B, C] = [validUscc(11), validUscc(12), validUscc(13)];

  it('rejects a row giving another district (or none) at its district cell, as written', async () => {
    const file = csv(header, `${A},岳麓公司,enterprise,岳麓区`, `${B},芙蓉公司,enterprise,芙蓉区`, `${C},无区县公司,enterprise,`);
    const { records, problems, summary } = await validateAll({ entity: 'organizations', fileName: 'o.csv', stream: streamOf(file) }, { area: { districts: [YUELU], zones: [] } });
    expect(records.map((r) => r.line)).toEqual([2]);
    expect(problems).toMatchObject([
      { line: 3, column: '所在区县代码', value: '芙蓉区', code: 'scope.area' },
      { line: 4, column: '所在区县代码', value: '', code: 'scope.area' },
    ]);
    expect(summary.counts).toEqual({ read: 3, valid: 1, rejected: 2 });
  });

  it('judges a zone officer’s rows by district or zone, and leaves to the writer a row whose zone the file does not give', async () => {
    const withZone = csv(`${header},所在园区`, `${A},高新区公司,enterprise,岳麓区,长沙高新区`, `${B},经开区公司,enterprise,长沙县,长沙经开区`, `${C},无园区公司,enterprise,岳麓区,`);
    const area = { districts: [], zones: [HITECH] };
    const { records, problems } = await validateAll({ entity: 'organizations', fileName: 'o.csv', stream: streamOf(withZone) }, { area });
    expect(records.map((r) => r.line)).toEqual([2]);
    expect(problems).toMatchObject([
      { line: 3, column: '所在园区', value: '长沙经开区', code: 'scope.area' },
      { line: 4, column: '所在园区', value: '', code: 'scope.area' },
    ]);
    // Without the zone column an existing record keeps its stored zone: only the writer knows it.
    const withoutZone = await validateAll({ entity: 'organizations', fileName: 'o.csv', stream: streamOf(csv(header, `${A},x,enterprise,芙蓉区`)) }, { area });
    expect(withoutZone.problems).toEqual([]);
  });

  it('does not judge twice a district that was refused already, nor a file without the column', async () => {
    const area = { districts: [YUELU], zones: [] };
    const bad = await validateAll({ entity: 'organizations', fileName: 'o.csv', stream: streamOf(csv(header, `${A},x,enterprise,439999`)) }, { area });
    expect(bad.problems.map((p) => p.code)).toEqual(['district.unknown']);
    const without = await validateAll({ entity: 'organizations', fileName: 'o.csv', stream: streamOf(csv('uscc,名称,kind', `${A},x,enterprise`)) }, { area });
    expect(without.problems).toEqual([]);
  });

  it("judges a qualification by its holder's place, one lookup per batch", async () => {
    const ids = new Map([[A, 1], [B, 2]]);
    const lookups: number[][] = [];
    const file = csv('统一社会信用代码,qualification,valid_from', `${A},tech_sme,2024-01-01`, `${B},tech_sme,2024-01-01`, `${B},high_tech_enterprise,2024-01-01`);
    const { records, problems } = await validateAll(
      { entity: 'qualifications', fileName: 'q.csv', stream: streamOf(file) },
      {
        area: { districts: [], zones: [HITECH] },
        knownOrganizations: async (usccs) => new Map(usccs.flatMap((u) => (ids.has(u) ? [[u, ids.get(u)!] as const] : []))),
        organizationPlaces: async (holders) => (lookups.push(holders), new Map([[1, at(YUELU, HITECH)], [2, at(FURONG)]])),
      },
    );
    expect(records.map((r) => r.line)).toEqual([2]);
    expect(problems).toMatchObject([
      { line: 3, column: '统一社会信用代码', value: B, code: 'scope.area' },
      { line: 4, column: '统一社会信用代码', value: B, code: 'scope.area' },
    ]);
    expect(problems[0]?.message.zh).toBe('资质持有主体位于区县 芙蓉区 430102，不在您的管辖范围（长沙高新区）');
    expect(lookups).toEqual([[1, 2]]);
  });
});
