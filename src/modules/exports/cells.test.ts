import { describe, expect, it } from 'vitest';
import { fileColumns, fileEntities } from '../../contracts/fileColumns.js';
import { cellText, contentDisposition, exportFileNames, headerOf, importReading, neutralizeFormula, rowCells, sheetName } from './cells.js';
import { exportSelect } from './queries.js';
import { exportColumns } from './report.js';

const byKey = (entity: (typeof fileEntities)[number], key: string) => fileColumns[entity].find((c) => c.key === key)!;

describe('neutralizeFormula', () => {
  it.each(['=1+1', '+86', '-2', '@SUM(A1)', '\tx', '\rx'])('prefixes one apostrophe to %j', (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
  });

  it.each(['长沙', 'a=b', ' =x', "it's", "'", "'abc", ''])('leaves %j alone', (text) => {
    expect(neutralizeFormula(text)).toBe(text);
  });

  it('adds one more apostrophe before formula characters, so stripping one gives the text back', () => {
    expect(neutralizeFormula("'=x")).toBe("''=x");
    expect(neutralizeFormula("''+x")).toBe("'''+x");
    const strip = (s: string) => (/^'+[=+\-@\t\r]/.test(s) ? s.slice(1) : s);
    for (const text of ['=x', "'=x", "''=x", "'x", 'x', "'", '-', "'-"]) expect(strip(neutralizeFormula(text))).toBe(text);
  });
});

describe('cells', () => {
  it('uses Chinese headers in zh and canonical keys in en', () => {
    const uscc = byKey('organizations', 'uscc');
    expect(headerOf(uscc, 'zh')).toBe('统一社会信用代码');
    expect(headerOf(uscc, 'en')).toBe('uscc');
  });

  it('writes codes as Chinese labels in zh, booleans as 是/否 or true/false, empty as null', () => {
    const kind = byKey('organizations', 'kind');
    expect(cellText(kind, 'enterprise', 'zh')).toBe('企业');
    expect(cellText(kind, 'enterprise', 'en')).toBe('enterprise');
    expect(cellText(kind, 'not_a_code', 'zh')).toBe('not_a_code');
    expect(cellText(byKey('rd_institutions', 'level'), 'national', 'zh')).toBe('国家级');
    const layout = byKey('rd_institutions', 'global_layout');
    expect([cellText(layout, true, 'zh'), cellText(layout, false, 'zh'), cellText(layout, true, 'en'), cellText(layout, false, 'en')]).toEqual(['是', '否', 'true', 'false']);
    expect(cellText(byKey('organizations', 'address'), null, 'zh')).toBeNull();
  });

  it('guards text cells only, and only when asked', () => {
    const cols = fileColumns.organizations;
    const row = { uscc: '91430100MA4L0ABC12', name: '=cmd', name_en: null, kind: 'enterprise', industry_code: '=C3514', district_code: '430104', zone: null, founded_on: '2020-01-02', address: '-5', uscc_override_reason: '@pilot' };
    expect(rowCells(cols, row, importReading('en'), true)).toEqual(['91430100MA4L0ABC12', "'=cmd", null, 'enterprise', "'=C3514", '430104', null, '2020-01-02', "'-5", "'@pilot"]);
    expect(rowCells(cols, row, importReading('zh'), false)).toEqual(['91430100MA4L0ABC12', '=cmd', null, '企业', '=C3514', '430104', null, '2020-01-02', '-5', '@pilot']);
  });

  it('names sheets and files by entity, with a Chinese file name as filename*', () => {
    expect(sheetName('rd_institutions', 'zh')).toBe('研发机构');
    expect(sheetName('rd_institutions', 'en')).toBe('R&D institutions');
    const names = exportFileNames('rd_institutions', 'import', 'zh', 'csv', '2026-03-05');
    expect(names).toEqual({ ascii: 'rd-institutions-20260305.csv', utf8: '研发机构-20260305.csv' });
    expect(contentDisposition(names)).toBe(`attachment; filename="rd-institutions-20260305.csv"; filename*=UTF-8''${encodeURIComponent('研发机构-20260305.csv')}`);
    expect(exportFileNames('platforms', 'import', 'en', 'xlsx', '2026-03-05').utf8).toBe('platforms-20260305.xlsx');
  });

  it('names a report as one (报表), so it is not taken for a file to import', () => {
    expect(exportFileNames('rd_institutions', 'report', 'zh', 'csv', '2026-03-05')).toEqual({ ascii: 'rd-institutions-report-20260305.csv', utf8: '研发机构报表-20260305.csv' });
    expect(exportFileNames('platforms', 'report', 'en', 'xlsx', '2026-03-05').utf8).toBe('platforms-report-20260305.xlsx');
  });

  it('selects every column of every entity in both views', () => {
    for (const entity of fileEntities) {
      for (const view of ['import', 'report'] as const) {
        const columns = exportColumns(entity, view);
        const select = exportSelect(entity, columns);
        expect(select, `${entity} ${view}`).not.toContain('undefined');
        for (const c of columns) expect(select, `${entity}.${c.key}`).toMatch(new RegExp(` AS ${c.key}(,|$)`));
      }
    }
  });
});
