import { describe, expect, it } from 'vitest';
import type { FileEntity } from '../../contracts/fileColumns.js';
import { city, TODAY, validUscc } from '../../../test/fixtures/imports/helpers.js';
import { mapHeaders } from './headerMapping.js';
import { rowValidator } from './rowValidation.js';

const A = validUscc(1);

function validatorFor(entity: FileEntity, headers: string[]) {
  const mapped = mapHeaders(entity, headers);
  if (!mapped.ok) throw new Error(JSON.stringify(mapped.problems));
  return rowValidator(entity, mapped.mapping, { city, today: TODAY, fileName: '导入.csv', formulaGuarded: true });
}

describe('talent introduction rows', () => {
  const v = validatorFor('talent_introductions', ['引进单位统一社会信用代码', '姓名', '人才类别', '引进方式', '引进日期', '身份证号码', '所在区县代码']);

  it('read categories and modes by their Chinese names, and store the ID check character upper-case', () => {
    expect(v.validate(2, [A, '虚构某', '青年人才', '柔性引进', '2024-05-02', '11010519491231002x', '430104'])).toMatchObject({
      ok: true,
      record: { host_uscc: A, person_name: '虚构某', category: 'young_talent', mode: 'flexible', introduced_on: '2024-05-02', id_number: '11010519491231002X', district_code: '430104' },
    });
  });

  it('refuse a wrong check character at its column', () => {
    const r = v.validate(3, [A, '虚构某', 'young_talent', 'full_time', '2024-05-02', '110105194912310021', '430104']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => [p.column, p.code])).toEqual([['身份证号码', 'id_number.check_digit']]);
  });
});

describe('recruitment call rows', () => {
  const v = validatorFor('recruitment_calls', ['发布单位统一社会信用代码', '标题', '招聘人数', '截止日期', '所在区县代码']);

  it('take the positions as a whole number', () => {
    expect(v.validate(2, [A, '青年人才招聘', '15', '2026-03-31', '430104'])).toMatchObject({ ok: true, record: { org_uscc: A, title: '青年人才招聘', positions: 15, deadline: '2026-03-31' } });
  });

  it('refuse positions that are not a number, at their column', () => {
    const r = v.validate(3, [A, '博士后招聘', '许多', '2026-03-31', '430104']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.column)).toEqual(['招聘人数']);
  });
});
