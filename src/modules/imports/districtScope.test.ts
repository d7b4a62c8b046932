import { describe, expect, it } from 'vitest';
import { city, csv, streamOf, validateAll, validUscc } from '../../../test/fixtures/imports/helpers.js';
import type { Caller } from '../../domain/permissions.js';
import { districtScope, importDistricts, outsideDistricts } from './districtScope.js';

const YUELU = '430104';
const FURONG = '430102';
const yuelu = { city, districts: [YUELU] };

describe('outsideDistricts', () => {
  it('lets a record in one of the districts pass', () => {
    expect(outsideDistricts(yuelu, 'row', YUELU)).toBeNull();
    expect(outsideDistricts({ city, districts: [FURONG, YUELU] }, 'stored', YUELU)).toBeNull();
  });

  it('refuses a row of another district, naming both in Chinese and English', () => {
    expect(outsideDistricts(yuelu, 'row', FURONG)).toEqual({
      code: 'scope.district',
      message: { zh: '该行的区县（芙蓉区 430102）不在您的管辖范围（岳麓区）', en: "This row's district (Furong District 430102) is outside your districts (Yuelu District)" },
      params: { place: 'row', district: FURONG, districts: YUELU },
    });
  });

  it('says whose district it judged: a stored record, a holder', () => {
    expect(outsideDistricts(yuelu, 'stored', FURONG)?.message.zh).toBe('已有记录所在的区县（芙蓉区 430102）不在您的管辖范围（岳麓区）');
    expect(outsideDistricts(yuelu, 'holder', FURONG)?.message.en).toBe("The holder organization's district (Furong District 430102) is outside your districts (Yuelu District)");
  });

  it('puts a record without a district outside every district', () => {
    const v = outsideDistricts({ city, districts: [YUELU, FURONG] }, 'row', null);
    expect(v?.code).toBe('scope.district');
    expect(v?.message).toEqual({ zh: '该行没有区县，不在您的管辖范围（岳麓区、芙蓉区）', en: 'This row has no district, so it lies outside your districts (Yuelu District, Furong District)' });
  });

  it('shows a code the city does not name as it is', () => {
    expect(outsideDistricts(yuelu, 'stored', '430122')?.message.zh).toBe('已有记录所在的区县（430122）不在您的管辖范围（岳麓区）');
  });
});

describe('importDistricts and districtScope', () => {
  const caller = (role: Caller['role'], districts: string[] = []): Caller => ({ role, organizationIds: [], districts, scopes: null });

  it("limits an officer's imports to the officer's districts, and nobody else's", () => {
    expect(importDistricts(caller('officer', [YUELU]))).toEqual([YUELU]);
    expect(importDistricts(caller('officer'))).toEqual([]);
    expect(importDistricts(caller('admin'))).toEqual([]);
  });

  it('has no scope for the whole city', () => {
    expect(districtScope(city, [])).toBeNull();
    expect(districtScope(city, undefined)).toBeNull();
    expect(districtScope(city, [YUELU])).toEqual(yuelu);
  });
});

describe('the reading stage of an import limited to districts', () => {
  const header = 'uscc,名称,kind,所在区县代码';
  const [A, B, C] = [validUscc(11), validUscc(12), validUscc(13)];

  it('rejects a row giving another district (or none) at its district cell, as written', async () => {
    const file = csv(header, `${A},岳麓公司,enterprise,岳麓区`, `${B},芙蓉公司,enterprise,芙蓉区`, `${C},无区县公司,enterprise,`);
    const { records, problems, summary } = await validateAll({ entity: 'organizations', fileName: 'o.csv', stream: streamOf(file) }, { districts: [YUELU] });
    expect(records.map((r) => r.line)).toEqual([2]);
    expect(problems).toMatchObject([
      { line: 3, column: '所在区县代码', value: '芙蓉区', code: 'scope.district' },
      { line: 4, column: '所在区县代码', value: '', code: 'scope.district' },
    ]);
    expect(summary.counts).toEqual({ read: 3, valid: 1, rejected: 2 });
  });

  it('does not judge twice a district that was refused already, nor a file without the column', async () => {
    const bad = await validateAll({ entity: 'organizations', fileName: 'o.csv', stream: streamOf(csv(header, `${A},x,enterprise,439999`)) }, { districts: [YUELU] });
    expect(bad.problems.map((p) => p.code)).toEqual(['district.unknown']);
    const without = await validateAll({ entity: 'organizations', fileName: 'o.csv', stream: streamOf(csv('uscc,名称,kind', `${A},x,enterprise`)) }, { districts: [YUELU] });
    expect(without.problems).toEqual([]);
  });

  it("judges a qualification by its holder's district, one lookup per batch", async () => {
    const ids = new Map([[A, 1], [B, 2]]);
    const lookups: number[][] = [];
    const file = csv('统一社会信用代码,qualification,valid_from', `${A},tech_sme,2024-01-01`, `${B},tech_sme,2024-01-01`, `${B},high_tech_enterprise,2024-01-01`);
    const { records, problems } = await validateAll(
      { entity: 'qualifications', fileName: 'q.csv', stream: streamOf(file) },
      {
        districts: [YUELU],
        knownOrganizations: async (usccs) => new Map(usccs.flatMap((u) => (ids.has(u) ? [[u, ids.get(u)!] as const] : []))),
        organizationDistricts: async (holders) => (lookups.push(holders), new Map([[1, YUELU], [2, FURONG]])),
      },
    );
    expect(records.map((r) => r.line)).toEqual([2]);
    expect(problems).toMatchObject([
      { line: 3, column: '统一社会信用代码', value: B, code: 'scope.district' },
      { line: 4, column: '统一社会信用代码', value: B, code: 'scope.district' },
    ]);
    expect(problems[0]?.message.zh).toBe('资质持有主体所在的区县（芙蓉区 430102）不在您的管辖范围（岳麓区）');
    expect(lookups).toEqual([[1, 2]]);
  });
});
