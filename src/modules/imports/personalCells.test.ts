import { describe, expect, it } from 'vitest';
import { maskedProblem, quotedKey } from './personalCells.js';
import type { ReportedProblem } from './problems.js';

const problemAt = (column: string | null, value: string | null): ReportedProblem => ({ line: 2, column, value, code: 'x', message: { zh: '问题', en: 'Problem' } });

describe('a talent file’s problem report (PIPL)', () => {
  it('quotes a natural key with the person’s name masked, and other entities’ keys as they are', () => {
    expect(quotedKey('talent_introductions', ['91430100MA4L0000XX', '虚构张三丰', '2025-05-01'])).toBe('91430100MA4L0000XX / 虚**** / 2025-05-01');
    expect(quotedKey('tech_contracts', ['91430100MA4L0000XX', 'JS-1'])).toBe('91430100MA4L0000XX / JS-1');
  });

  it('masks a name cell and leaves out a contact or ID cell, whichever header the file used', () => {
    expect(maskedProblem('talent_introductions', problemAt('姓名', '虚构张三丰')).value).toBe('虚****');
    expect(maskedProblem('talent_introductions', problemAt(' Name ', 'John Smith')).value).toBe('J*** S****');
    for (const column of ['联系电话', 'email', 'Resident ID number']) expect(maskedProblem('talent_introductions', problemAt(column, 'secret')).value).toBeNull();
  });

  it('keeps every other cell, and every cell of another entity', () => {
    const code = problemAt('引进单位统一社会信用代码', '91430100MA4L0000XX');
    expect(maskedProblem('talent_introductions', code)).toBe(code);
    expect(maskedProblem('talent_introductions', problemAt(null, null)).value).toBeNull();
    const title = problemAt('title', '虚构张三丰');
    expect(maskedProblem('recruitment_calls', title)).toBe(title);
  });
});
