import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { withScreenshot } from './support/browser.js';
import { cellValues, confirmAndWait, countsOf, download, dryRun, excelDate, loadWorkbook, problemsOf, putRow, TEMPLATE_HEADERS, uploadOrganizations, yueluUscc, type Row } from './support/importWizard.js';
import type { RunningServer } from './support/server.js';
import { openSignedInPage, type SignedInPage } from './support/signedInPage.js';

/**
 * Issue 3's "done when", through the UI as a district officer does it (in Chinese, the default
 * language), on a registry holding the demo data: take the organizations template from the import
 * page, fill it in "Excel" (exceljs, keeping the template's header row, dates as real date cells),
 * import it with the wizard (preview → dry run → confirm → report), read which rows were refused
 * and why (on screen and in the downloaded report CSV), correct them in the workbook and import it
 * again (the rows already in are "unchanged", the corrected ones inserted, none refused), then find
 * the imported rows in the organizations list and export them.
 */


/** Every name below contains it, and nothing in the demo registry does. */
const NAME_MARK = '往返导入';

const uscc = (n: number) => yueluUscc('E2E', n);

const VALID: Row[] = [
  { 统一社会信用代码: uscc(1), 名称: `长沙${NAME_MARK}光电科技有限公司`, 英文名称: 'Changsha Round Trip Photonics Co., Ltd.', 主体类型: '企业', 所在区县代码: 430104, 所在园区: 'xiangjiang_new_area', 成立日期: excelDate('2016-03-18'), 地址: '长沙市岳麓区麓谷大道 627 号' },
  { 统一社会信用代码: uscc(2), 名称: `湖南${NAME_MARK}大学`, 英文名称: null, 主体类型: '高等院校', 所在区县代码: 430105, 所在园区: null, 成立日期: null, 地址: '长沙市开福区湘江中路 1 号' },
  { 统一社会信用代码: uscc(3), 名称: `长沙${NAME_MARK}生物医药研究院`, 英文名称: 'Changsha Round Trip Biomedicine Institute', 主体类型: '科研院所', 所在区县代码: 430121, 所在园区: 'changsha_etdz', 成立日期: excelDate('2008-11-02'), 地址: null },
];

/** Three rows each with one mistake, and the corrected value the officer types after reading the report. */
const BAD_CHECK = uscc(4).slice(0, 17) + (uscc(4).endsWith('0') ? '1' : '0');
const INVALID: Array<{ row: Row; column: string; value: string; code: string; reason: RegExp; fix: Row }> = [
  {
    row: { 统一社会信用代码: BAD_CHECK, 名称: `长沙${NAME_MARK}智能装备有限公司`, 英文名称: null, 主体类型: '企业', 所在区县代码: 430111, 所在园区: 'changsha_hitech_zone', 成立日期: excelDate('2019-07-01'), 地址: '长沙市雨花区环保中路 188 号' },
    column: '统一社会信用代码',
    value: BAD_CHECK,
    code: 'uscc.checksum',
    reason: new RegExp(`校验位应为 ${uscc(4).charAt(17)}，实为 ${BAD_CHECK.charAt(17)}`),
    fix: { 统一社会信用代码: uscc(4) },
  },
  {
    row: { 统一社会信用代码: uscc(5), 名称: `宁乡${NAME_MARK}新材料有限公司`, 英文名称: 'Ningxiang Round Trip New Materials Co., Ltd.', 主体类型: '企业', 所在区县代码: 430199, 所在园区: null, 成立日期: excelDate('2021-05-20'), 地址: null },
    column: '所在区县代码',
    value: '430199',
    code: 'district.unknown',
    reason: /430199 不是长沙市的区县代码/,
    fix: { 所在区县代码: 430182 },
  },
  {
    row: { 统一社会信用代码: uscc(6), 名称: `浏阳${NAME_MARK}电子信息有限公司`, 英文名称: null, 主体类型: '企业', 所在区县代码: 430181, 所在园区: null, 成立日期: '2025-02-30', 地址: '浏阳市经开区康天路 9 号' },
    column: '成立日期',
    value: '2025-02-30',
    code: 'date.invalid',
    reason: /日期“2025-02-30”无效/,
    fix: { 成立日期: excelDate('2024-02-29') },
  },
];

/** The file's rows in order: valid and invalid interleaved; line 1 is the header, so row i is line i + 2. */
const ORDER: Array<{ valid: number } | { invalid: number }> = [{ valid: 0 }, { invalid: 0 }, { valid: 1 }, { invalid: 1 }, { valid: 2 }, { invalid: 2 }];
const lineOfInvalid = (i: number) => ORDER.findIndex((o) => 'invalid' in o && o.invalid === i) + 2;

/** What the rows are after the corrections: what the registry and its export must hold. */
const FINAL_ROWS: Row[] = [...VALID, ...INVALID.map((b) => ({ ...b.row, ...b.fix }))];

/** A file cell as the export writes it: every value a text, dates YYYY-MM-DD, empty → null. */
function asExported(value: Row[string]): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

let session: SignedInPage;
let server: RunningServer;
let page: Page;

beforeAll(async () => {
  session = await openSignedInPage({ demo: true, page: { acceptDownloads: true } });
  ({ server, page } = session);
});

afterAll(() => session?.close());

/** Step 1 to the dry run's report: entity, file, preview (mapping checked), dry run. */
async function uploadAndDryRun(file: { name: string; bytes: Buffer }, rows: number): Promise<Locator> {
  // The preview: every template header matched to its field (required ones starred), none ignored.
  const preview = await uploadOrganizations(page, file, rows);
  await page.getByText(`前 ${rows} 行数据，表头下方为对应的字段`).waitFor();
  const headerTexts = await preview.locator('thead th').allInnerTexts();
  for (const header of TEMPLATE_HEADERS) {
    const required = ['统一社会信用代码', '名称', '主体类型'].includes(header);
    expect(headerTexts.some((t) => t.replace(/\s+/g, ' ').includes(`${header} → ${header}${required ? ' *' : ''}`)), `${header} mapped in ${JSON.stringify(headerTexts)}`).toBe(true);
  }
  expect(headerTexts.join(' ')).not.toContain('忽略');
  await expect(preview.locator('tbody').innerText()).resolves.toContain(FINAL_ROWS[0]!.名称 as string);
  expect(await page.getByText('格式：xlsx').count()).toBe(1);

  const report = await dryRun(page);
  await expect(report.getByTestId('import-status').innerText()).resolves.toBeTruthy();
  await expect(report.getByText('试运行', { exact: true }).count()).resolves.toBe(1);
  return report;
}

test('template → filled in Excel → imported with the wizard → rejected rows fixed and re-imported → exported from the list', async () => {
  await withScreenshot(page, 'import-round-trip', async () => {
    // 1. The template, from the import page's link.
    await page.goto(`${server.url}/imports`);
    await page.getByTestId('new-import').click();
    await page.waitForURL(/\/imports\/new$/);
    await page.getByTestId('import-entity').getByText('主体', { exact: true }).click();
    const template = await download(page, page.getByTestId('import-template-xlsx'));
    expect(template.name).toMatch(/\.xlsx$/);
    expect(template.bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004'); // a zip, as XLSX is
    const workbook = await loadWorkbook(template.bytes);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(1);
    expect(cellValues(sheet.getRow(1), TEMPLATE_HEADERS.length + 1)).toEqual([...TEMPLATE_HEADERS, null]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);

    // 2. Filled in "Excel": rows under the template's own header row, dates as date cells.
    const put = (line: number, row: Row) => putRow(sheet, line, row);
    ORDER.forEach((o, i) => put(i + 2, 'valid' in o ? VALID[o.valid]! : INVALID[o.invalid]!.row));
    const fileName = `${NAME_MARK}主体.xlsx`;
    const filled = { name: fileName, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
    expect((await loadWorkbook(filled.bytes)).worksheets[0]!.getRow(2).getCell(TEMPLATE_HEADERS.indexOf('成立日期') + 1).type).toBe(ExcelJS.ValueType.Date);

    // 3. Imported with the wizard: the dry run names the bad rows, the import writes the good ones.
    let report = await uploadAndDryRun(filled, ORDER.length);
    expect(await countsOf(report)).toEqual({ read: 6, inserted: 3, updated: 0, unchanged: 0, rejected: 3 });
    await expect(report.getByText('将新增', { exact: true }).count()).resolves.toBe(1);
    const dryProblems = await problemsOf(report, INVALID.length);
    INVALID.forEach((bad, i) => {
      const shown = dryProblems.find((p) => p[0] === String(lineOfInvalid(i)));
      expect(shown, `line ${lineOfInvalid(i)} in ${JSON.stringify(dryProblems)}`).toBeDefined();
      expect(shown![1]).toBe(bad.column);
      expect(shown![2]).toBe(bad.value);
      expect(shown![3]).toMatch(bad.reason);
    });
    await page.getByText('有 3 行将被拒绝，其余的行会写入。').waitFor();
    // A dry run writes nothing.
    const before = (await (await fetch(`${server.url}/api/v1/organizations?search=${encodeURIComponent(NAME_MARK)}`, { headers: server.auth })).json()) as { meta: { count: number } };
    expect(before.meta.count).toBe(0);

    report = await confirmAndWait(page);
    expect(await countsOf(report)).toEqual({ read: 6, inserted: 3, updated: 0, unchanged: 0, rejected: 3 });
    await expect(report.getByTestId('import-status').innerText()).resolves.toBe('有行被拒绝');
    await report.getByText('数据已写入', { exact: true }).waitFor();
    expect(await problemsOf(report, INVALID.length)).toEqual(dryProblems);

    const reportCsv = await download(page, report.getByTestId('import-report-download'));
    expect(reportCsv.name).toBe(`${NAME_MARK}主体-report.csv`);
    const csvText = reportCsv.bytes.toString('utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    const [csvHeader, ...csvLines] = parse(csvText, { bom: true }) as string[][];
    expect(csvHeader).toEqual(['行号 line', '列 column', '值 value', '代码 code', '原因 reason_zh', '原因 reason_en']);
    expect(csvLines).toHaveLength(INVALID.length);
    INVALID.forEach((bad, i) => {
      const line = csvLines.find((l) => l[0] === String(lineOfInvalid(i)));
      expect(line, `report line for row ${lineOfInvalid(i)}:\n${csvText}`).toBeDefined();
      expect(line!.slice(0, 4)).toEqual([String(lineOfInvalid(i)), bad.column, bad.value, bad.code]);
      expect(line![4]).toMatch(bad.reason);
      expect(line![5]).not.toBe('');
    });

    // 4. The named rows corrected in the same workbook, the file imported again.
    INVALID.forEach((bad, i) => put(lineOfInvalid(i), bad.fix));
    const fixed = { name: fileName, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
    await page.getByTestId('import-another').click();
    report = await uploadAndDryRun(fixed, ORDER.length);
    expect(await countsOf(report)).toEqual({ read: 6, inserted: 3, updated: 0, unchanged: 3, rejected: 0 });
    await problemsOf(report, 0);
    report = await confirmAndWait(page);
    expect(await countsOf(report)).toEqual({ read: 6, inserted: 3, updated: 0, unchanged: 3, rejected: 0 });
    await expect(report.getByTestId('import-status').innerText()).resolves.toBe('已完成');
    await report.getByTestId('import-problems').getByText('没有问题').waitFor();
    expect((await download(page, report.getByTestId('import-report-download'))).bytes.toString('utf8').trim().split(/\r?\n/)).toHaveLength(1);

    // 5. The list, searched for the imported rows, exported as Excel.
    await page.getByTestId('import-go-to-list').click();
    await page.waitForURL(/\/organizations(\?.*)?$/);
    const table = page.getByTestId('list-table');
    const listRows = table.locator('tbody tr.ant-table-row');
    await expect.poll(() => listRows.count()).toBeGreaterThan(FINAL_ROWS.length); // the demo registry too
    const searchBox = page.getByTestId('list-search');
    const input = (await page.locator('input[data-testid="list-search"]').count()) > 0 ? searchBox : searchBox.locator('input');
    await input.fill(NAME_MARK);
    await input.press('Enter');
    await page.waitForURL(/search=/);
    await expect.poll(() => listRows.count()).toBe(FINAL_ROWS.length);
    const listed = await listRows.allInnerTexts();
    for (const row of FINAL_ROWS) expect(listed.some((t) => t.includes(row.名称 as string)), `${row.名称} listed`).toBe(true);

    await page.getByTestId('export-button').click();
    const exported = await download(page, page.getByTestId('export-xlsx'));
    expect(exported.name).toMatch(/\.xlsx$/);
    const out = (await loadWorkbook(exported.bytes)).worksheets[0]!;
    expect(cellValues(out.getRow(1), TEMPLATE_HEADERS.length)).toEqual(TEMPLATE_HEADERS);
    const outRows: Array<Array<string | null>> = [];
    out.eachRow((row, n) => {
      if (n > 1) outRows.push(cellValues(row, TEMPLATE_HEADERS.length).map((v) => (v === null || v === undefined || v === '' ? null : String(v))));
    });
    const expected = FINAL_ROWS.map((row) => TEMPLATE_HEADERS.map((h) => asExported(row[h] ?? null)));
    const byCode = (a: Array<string | null>, b: Array<string | null>) => String(a[0]).localeCompare(String(b[0]));
    expect(outRows.sort(byCode)).toEqual(expected.sort(byCode));
  });
});
