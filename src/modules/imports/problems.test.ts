import { describe, expect, it } from 'vitest';
import { cellText, problemCsvLines, problemsToCsv, type RowProblem } from './problems.js';

const problem: RowProblem = { line: 3, column: '名称', value: '=HYPERLINK("x")', code: 'too_long', message: { zh: '长度不能超过 200 个字符', en: 'Must be at most 200 characters, "really"' } };

describe('problemsToCsv', () => {
  it('writes a bilingual report Excel opens, with formula-like values guarded', () => {
    expect(problemsToCsv([problem, { severity: 'error', line: null, column: null, value: null, code: 'file.empty', message: { zh: '文件为空', en: 'Empty' } }])).toBe(
      '\uFEFF行号 line,列 column,值 value,代码 code,原因 reason_zh,原因 reason_en\r\n' +
        `3,名称,"'=HYPERLINK(""x"")",too_long,长度不能超过 200 个字符,"Must be at most 200 characters, ""really"""\r\n` +
        ',,,file.empty,文件为空,Empty\r\n',
    );
  });

  it('streams the same lines', async () => {
    let out = '';
    for await (const line of problemCsvLines([problem])) out += line;
    expect(out).toBe(problemsToCsv([problem]));
  });
});

describe('cellText', () => {
  it('cuts long values and writes dates and errors as text', () => {
    expect(cellText('x'.repeat(300))).toHaveLength(200);
    expect(cellText(new Date(Date.UTC(2025, 0, 2)))).toBe('2025-01-02');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText(null)).toBeNull();
  });
});
