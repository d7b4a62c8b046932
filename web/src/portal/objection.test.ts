import { describe, expect, it } from 'vitest';
import type { Problem } from '../../../src/contracts/common';
import { afterEdit, EMPTY_OBJECTION, hasProblems, missingProblems, NO_PROBLEMS, serverProblems, trimmed } from './objection';

const problem = (errors: Problem['errors']): Problem => ({ type: 'about:blank', title: 'Invalid request', title_zh: '请求无效', status: 400, errors });
const message = (zh: string, en: string) => ({ zh, en });

describe('objection form', () => {
  it('finds every blank field before sending, spaces counting as blank', () => {
    const problems = missingProblems({ name: ' ', contact: '138', text: '' }, '请填写此项');
    expect(problems).toEqual({ fields: { name: ['请填写此项'], text: ['请填写此项'] }, general: [] });
    expect(hasProblems(problems)).toBe(true);
    expect(hasProblems(missingProblems({ name: '张三', contact: '138', text: '有误' }, 'x'))).toBe(false);
    expect(hasProblems(missingProblems(EMPTY_OBJECTION, 'x'))).toBe(true);
  });

  it('sends the values without the spaces around them', () => {
    expect(trimmed({ name: ' 张三 ', contact: '\t138 ', text: ' 有误\n' })).toEqual({ name: '张三', contact: '138', text: '有误' });
  });

  it("puts the server's field problems next to their fields, in the language asked for, and the rest above", () => {
    const refused = problem([
      { field: 'text', code: 'too_long', message: message('太长', 'Too long') },
      { field: 'contact', code: 'required', message: message('必填', 'Required') },
      { field: 'notice', code: 'closed', message: message('公示已结束', 'The notice is over') },
    ]);
    expect(serverProblems(refused, 'en')).toEqual({ fields: { text: ['Too long'], contact: ['Required'] }, general: ['notice: The notice is over'] });
    expect(serverProblems(refused, 'zh').fields.text).toEqual(['太长']);
  });

  it("shows a refusal that names no field by the reply's title", () => {
    expect(serverProblems({ ...problem([]), status: 409, title: 'The notice period is over', title_zh: '公示期已结束' }, 'zh')).toEqual({ fields: {}, general: ['公示期已结束'] });
  });

  it("clears a field's problems when it is edited, the others kept", () => {
    const problems = { fields: { name: ['x'], text: ['y'] }, general: ['z'] };
    expect(afterEdit(problems, 'name')).toEqual({ fields: { text: ['y'] }, general: ['z'] });
    expect(afterEdit(NO_PROBLEMS, 'name')).toBe(NO_PROBLEMS);
  });
});
