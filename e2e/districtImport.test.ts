import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { starcity } from '../test/support/cli.js';
import { templateCopy } from '../test/support/dataTemplates.js';
import { tempDirs } from '../test/support/tempDirs.js';
import { withScreenshot } from './support/browser.js';
import { cellValues, confirmAndWait, countsOf, download, dryRun, excelDate, loadWorkbook, problemsOf, putRow, TEMPLATE_HEADERS, uploadOrganizations, yueluUscc, type Row } from './support/importWizard.js';
import { createAccount, type RunningServer, type TestAccount } from './support/server.js';
import { openSignedInPage, type SignedInPage } from './support/signedInPage.js';

/**
 * Issue 3's "done when" as a district officer does it (Yuelu, 岳麓区), through the UI in Chinese:
 * sign in, take the organizations template from the import wizard (which says, before the upload,
 * that rows outside Yuelu will be rejected), fill it in "Excel" with one row of another district
 * and one bad row, import it, read both in the report (on screen and in the report CSV), fix them,
 * import again, and export the result from the organizations list. Then the same limit from the
 * command line: `starcity import --district`.
 */

/** Every name below contains it. */
const NAME_MARK = '区县导入';
const OFFICER: TestAccount = { username: `e2e-yuelu-${process.pid}`, password: 'E2e-Yuelu-Officer-1', role: 'officer', districts: ['430104'] };

const uscc = (n: number) => yueluUscc('D2D', n);

const VALID: Row[] = [
  { 统一社会信用代码: uscc(1), 名称: `长沙${NAME_MARK}麓谷软件有限公司`, 英文名称: null, 主体类型: '企业', 所在区县代码: 430104, 所在园区: null, 成立日期: excelDate('2017-04-12'), 地址: '长沙市岳麓区麓谷大道 658 号' },
  { 统一社会信用代码: uscc(2), 名称: `长沙${NAME_MARK}岳麓山研究院`, 英文名称: null, 主体类型: '科研院所', 所在区县代码: '岳麓区', 所在园区: null, 成立日期: null, 地址: null },
];

/** A row of another district and a row with an impossible date: what the report names, and the officer's corrections. */
const NAMED: Array<{ row: Row; column: string; value: string; code: string; reason: RegExp; fix: Row }> = [
  {
    row: { 统一社会信用代码: uscc(3), 名称: `长沙${NAME_MARK}芙蓉贸易有限公司`, 英文名称: null, 主体类型: '企业', 所在区县代码: 430102, 所在园区: null, 成立日期: excelDate('2012-09-01'), 地址: null },
    column: '所在区县代码',
    value: '430102',
    code: 'scope.area',
    reason: /该行位于区县 芙蓉区 430102，不在您的管辖范围（岳麓区）/,
    // The officer had typed the wrong district: the company is in Yuelu.
    fix: { 所在区县代码: 430104 },
  },
  {
    row: { 统一社会信用代码: uscc(4), 名称: `长沙${NAME_MARK}梅溪湖生物有限公司`, 英文名称: null, 主体类型: '企业', 所在区县代码: 430104, 所在园区: null, 成立日期: '2025-02-30', 地址: null },
    column: '成立日期',
    value: '2025-02-30',
    code: 'date.invalid',
    reason: /日期“2025-02-30”无效/,
    fix: { 成立日期: excelDate('2024-02-29') },
  },
];

/** The file's rows: line 2 valid, 3 another district, 4 valid, 5 a bad date. */
const ORDER: Array<{ valid: number } | { named: number }> = [{ valid: 0 }, { named: 0 }, { valid: 1 }, { named: 1 }];
const lineOfNamed = (i: number) => ORDER.findIndex((o) => 'named' in o && o.named === i) + 2;
const FINAL_ROWS: Row[] = [...VALID, ...NAMED.map((n) => ({ ...n.row, ...n.fix }))];

/** A file cell as the export writes it: codes for districts, dates YYYY-MM-DD, empty → null. */
function asExported(value: Row[string]): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === '岳麓区' ? '430104' : String(value);
}

const dirs = tempDirs();
let session: SignedInPage;
let server: RunningServer;
let page: Page;

beforeAll(async () => {
  // The district officer signs in on the login page.
  session = await openSignedInPage({ signedIn: false, page: { acceptDownloads: true } });
  ({ server, page } = session);
  await createAccount(server, OFFICER);
});

afterAll(() => session?.close());

/** Entity, file, preview, dry run: the dry run's report, which names the import's area. */
async function uploadAndDryRun(file: { name: string; bytes: Buffer }): Promise<Locator> {
  await uploadOrganizations(page, file, ORDER.length);
  const report = await dryRun(page);
  await expect.poll(() => report.getByTestId('import-districts').innerText()).toBe('岳麓区');
  return report;
}

describe('a district officer', () => {
  test('signs in, imports a file with a row of another district and a bad row, fixes both, re-imports and exports', { timeout: 180_000 }, async () => {
    await withScreenshot(page, 'district-import', async () => {
      // 1. Signs in through the login page.
      await page.goto(`${server.url}/login?next=${encodeURIComponent('/imports')}`);
      const form = page.getByTestId('login-form');
      await form.locator('#username').fill(OFFICER.username);
      await form.locator('#password').fill(OFFICER.password);
      await page.getByTestId('login-submit').click();
      await page.waitForURL(/\/imports$/);

      // 2. The wizard is there for it, and says before the upload that rows outside Yuelu are rejected.
      await page.getByTestId('new-import').click();
      await page.waitForURL(/\/imports\/new$/);
      const scope = page.getByTestId('import-scope');
      await expect.poll(() => scope.innerText()).toContain('导入范围：岳麓区');
      expect(await scope.innerText()).toContain('区县不在您管辖范围内的行都会被拒绝');

      // 3. The template, filled in "Excel" under its own header row.
      await page.getByTestId('import-entity').getByText('主体', { exact: true }).click();
      const template = await download(page, page.getByTestId('import-template-xlsx'));
      const workbook = await loadWorkbook(template.bytes);
      const sheet = workbook.worksheets[0]!;
      expect(cellValues(sheet.getRow(1), TEMPLATE_HEADERS.length)).toEqual(TEMPLATE_HEADERS);
      const put = (line: number, row: Row) => putRow(sheet, line, row);
      ORDER.forEach((o, i) => put(i + 2, 'valid' in o ? VALID[o.valid]! : NAMED[o.named]!.row));
      const fileName = `${NAME_MARK}主体.xlsx`;
      const filled = { name: fileName, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };

      // 4. Imported: the dry run and the import name the row of another district and the bad row.
      let report = await uploadAndDryRun(filled);
      expect(await countsOf(report)).toEqual({ read: 4, inserted: 2, updated: 0, unchanged: 0, rejected: 2 });
      const dryProblems = await problemsOf(report, NAMED.length);
      NAMED.forEach((named, i) => {
        const shown = dryProblems.find((p) => p[0] === String(lineOfNamed(i)));
        expect(shown, `line ${lineOfNamed(i)} in ${JSON.stringify(dryProblems)}`).toBeDefined();
        expect(shown!.slice(1, 3)).toEqual([named.column, named.value]);
        expect(shown![3]).toMatch(named.reason);
      });
      report = await confirmAndWait(page);
      expect(await countsOf(report)).toEqual({ read: 4, inserted: 2, updated: 0, unchanged: 0, rejected: 2 });
      await expect(report.getByTestId('import-status').innerText()).resolves.toBe('有行被拒绝');
      expect(await problemsOf(report, NAMED.length)).toEqual(dryProblems);

      const reportCsv = await download(page, report.getByTestId('import-report-download'));
      const [, ...csvLines] = parse(reportCsv.bytes.toString('utf8'), { bom: true }) as string[][];
      expect(csvLines.map((l) => l.slice(0, 4))).toEqual(NAMED.map((n, i) => [String(lineOfNamed(i)), n.column, n.value, n.code]));
      expect(csvLines[0]![5]).toBe('This row lies in district Furong District 430102, outside your area (Yuelu District)');

      // 5. Both rows fixed in the workbook, the file imported again: nothing rejected.
      NAMED.forEach((named, i) => put(lineOfNamed(i), named.fix));
      const fixed = { name: fileName, bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
      await page.getByTestId('import-another').click();
      await page.getByTestId('import-scope').waitFor();
      report = await uploadAndDryRun(fixed);
      expect(await countsOf(report)).toEqual({ read: 4, inserted: 2, updated: 0, unchanged: 2, rejected: 0 });
      report = await confirmAndWait(page);
      expect(await countsOf(report)).toEqual({ read: 4, inserted: 2, updated: 0, unchanged: 2, rejected: 0 });
      await expect(report.getByTestId('import-status').innerText()).resolves.toBe('已完成');

      // 6. The result, found in the organizations list and exported.
      await page.getByTestId('import-go-to-list').click();
      await page.waitForURL(/\/organizations(\?.*)?$/);
      const listRows = page.getByTestId('list-table').locator('tbody tr.ant-table-row');
      await expect.poll(() => listRows.count()).toBeGreaterThan(0);
      const searchBox = page.getByTestId('list-search');
      const input = (await page.locator('input[data-testid="list-search"]').count()) > 0 ? searchBox : searchBox.locator('input');
      await input.fill(NAME_MARK);
      await input.press('Enter');
      await page.waitForURL(/search=/);
      await expect.poll(() => listRows.count()).toBe(FINAL_ROWS.length);
      await page.getByTestId('export-button').click();
      const exported = await download(page, page.getByTestId('export-xlsx'));
      const out = (await loadWorkbook(exported.bytes)).worksheets[0]!;
      const outRows: Array<Array<string | null>> = [];
      out.eachRow((row, n) => {
        if (n > 1) outRows.push(cellValues(row, TEMPLATE_HEADERS.length).map((v) => (v === null || v === undefined || v === '' ? null : String(v))));
      });
      const expected = FINAL_ROWS.map((row) => TEMPLATE_HEADERS.map((h) => asExported(row[h] ?? null)));
      const byCode = (a: Array<string | null>, b: Array<string | null>) => String(a[0]).localeCompare(String(b[0]));
      expect(outRows.sort(byCode)).toEqual(expected.sort(byCode));
    });
  });
});

describe('starcity import --district', () => {
  test('limits a command-line import the same way, and refuses a code that is not a district', { timeout: 120_000 }, async () => {
    // The command in this process (test/support/cli.ts) on a copy of the run's migrated registry: e2e/cli.test.ts spawns the compiled one.
    const dir = dirs.keep(await templateCopy('migrated'));
    const file = join(dir, 'orgs.csv');
    writeFileSync(file, `uscc,name,kind,district_code\n${uscc(11)},${NAME_MARK}岳麓公司,enterprise,430104\n${uscc(12)},${NAME_MARK}雨花公司,enterprise,430111\n`);
    const reportFile = join(dir, 'report.csv');
    const run = await starcity(['import', 'organizations', file, '--district', '430104', '--report', reportFile, '--data-dir', dir]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain('1 inserted');
    expect(run.stdout).toContain('1 rejected');
    expect(run.stdout).toContain('Limited to 430104: rows outside this area are rejected.');
    const [, ...lines] = parse(readFileSync(reportFile, 'utf8'), { bom: true }) as string[][];
    expect(lines.map((l) => l.slice(0, 4))).toEqual([['3', 'district_code', '430111', 'scope.area']]);

    const refused = await starcity(['import', 'organizations', file, '--district', '439999', '--data-dir', dir]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--district 439999');
  });
});
