import { describe, expect, it } from 'vitest';
import type { FileEntity } from '../../contracts/fileColumns.js';
import { city, TODAY, validUscc } from '../../../test/fixtures/imports/helpers.js';
import { mapHeaders } from './headerMapping.js';
import type { RawCell } from './rawRows.js';
import { rowValidator } from './rowValidation.js';

const A = validUscc(1);

function validatorFor(entity: FileEntity, headers: string[]) {
  const mapped = mapHeaders(entity, headers);
  if (!mapped.ok) throw new Error(JSON.stringify(mapped.problems));
  return rowValidator(entity, mapped.mapping, { city, today: TODAY, fileName: '导入.csv', formulaGuarded: true });
}

describe('qualifications', () => {
  const v = validatorFor('qualifications', ['uscc', '资质', 'certificate_no', 'valid_from', 'valid_to']);

  it('builds the file record with the credit code normalised', () => {
    expect(v.validate(2, [` ${A.toLowerCase()} `, '高新技术企业', 12345, '2024/1/1', null])).toEqual({
      ok: true,
      record: { uscc: A, qualification: 'high_tech_enterprise', certificate_no: '12345', valid_from: '2024-01-01', valid_to: null },
    });
  });

  it('refuses a validity that ends before it starts, and a malformed credit code', () => {
    const r = v.validate(3, ['9143', 'tech_sme', null, '2024-01-01', '2023-12-31']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => [p.column, p.code])).toEqual([['uscc', 'uscc.length'], ['valid_to', 'date.range']]);
  });

  it('lets a failing checksum through to the reference check', () => {
    const wrongCheck = `${A.slice(0, 17)}${A.endsWith('0') ? '1' : '0'}`;
    expect(v.validate(4, [wrongCheck, 'tech_sme', null, '2024-01-01', null])).toMatchObject({ ok: true, record: { uscc: wrongCheck } });
  });
});

describe('rd_institutions', () => {
  const headers = ['host_uscc', 'name', 'category', 'level', 'district_code', 'global_layout', 'global_layout_evidence', 'global_layout_confirmed_on', 'global_tasks', 'global_results_confirmed_on'];
  const v = validatorFor('rd_institutions', headers);
  const row = (...tail: RawCell[]): RawCell[] => [A, '星城研究院', '企业研发中心', '省级', '岳麓区', ...tail];

  it('reads four-global claims', () => {
    const r = v.validate(5, row('是', null, null, '否', null));
    expect(r).toEqual({
      ok: true,
      record: {
        host_uscc: A,
        name: '星城研究院',
        category: 'enterprise_rd_center',
        level: 'provincial',
        district_code: '430104',
        four_global: { global_layout: { status: 'confirmed', evidence: null, confirmed_on: null }, global_tasks: null },
      },
    });
  });

  it('reports every problem of a claim at its column', () => {
    const r = v.validate(6, row('是', 'x'.repeat(2001), '2025-07-01', '也许', null));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => [p.column, p.code])).toEqual([
        ['global_layout_evidence', 'too_long'],
        ['global_layout_confirmed_on', 'four_global.confirmed_in_future'],
        ['global_tasks', 'bool.invalid'],
      ]);
      expect(r.problems[0]?.value).toHaveLength(200);
    }
  });

  it('refuses a retired district by name, naming the successor', () => {
    const r = v.validate(7, [A, 'x', 'other', 'none', '宁乡县', null, null, null, null, null]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ column: 'district_code', value: '宁乡县', code: 'district.retired', message: { zh: '430124（宁乡县）已撤销，请改用 430182 宁乡市' } });
  });
});

describe('platforms', () => {
  const v = validatorFor('platforms', ['依托单位统一社会信用代码', '平台名称', '平台类型', '级别', '认定日期', '状态', '所在区县代码', '所在园区']);

  it('keeps the values that passed in a refused row, for the key and reference checks', () => {
    const r = v.validate(8, [A, '中试平台', '中试平台', '国家级', '2030-01-01', '运行', '430104', '湘江科学城']);
    expect(r).toMatchObject({ ok: false, problems: [{ column: '认定日期', code: 'date.future' }], partial: { host_uscc: A, name: '中试平台', zone: 'xiangjiang_science_city' } });
  });

  it('refuses text with a NUL character', () => {
    const r = v.validate(9, [A, 'a\u0000b', 'other', 'none', null, 'active', '430104', null]);
    expect(r).toMatchObject({ ok: false, problems: [{ column: '平台名称', code: 'text.nul' }] });
  });
});
