import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { orgCodeCheckCharacter, usccCheckCharacter } from '../../src/domain/uscc.js';

/**
 * The organizations template and the import wizard as an officer uses them in the browser (in
 * Chinese): the steps and readings the import tests share.
 */

/** The template's header row: the Chinese headers of the organizations columns (docs/data-formats.md). */
export const TEMPLATE_HEADERS = ['统一社会信用代码', '名称', '英文名称', '主体类型', '国民经济行业代码', '所在区县代码', '所在园区', '成立日期', '地址', '校验位放行理由'];

/** One organization as the officer types it: key = Chinese header. */
export type Row = Record<string, string | number | Date | null>;

/** A credit code of a Changsha Yuelu (430104) enterprise, both check characters right; `prefix` (3 letters) keeps tests apart. */
export function yueluUscc(prefix: string, n: number): string {
  const orgCode = `${prefix}${String(n).padStart(5, '0')}`;
  const first17 = `91430104${orgCode}${orgCodeCheckCharacter(orgCode)}`;
  return first17 + usccCheckCharacter(first17);
}

/** A calendar day as Excel keeps it: a date cell (no time zone; exceljs writes and reads UTC). */
export const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Clicks a download link or button and returns the downloaded file's name and bytes. */
export async function download(page: Page, trigger: Locator): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const failure = await d.failure();
  if (failure) throw new Error(`download of ${d.url()} failed: ${failure}`);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

export const cellValues = (row: ExcelJS.Row, width: number) => Array.from({ length: width }, (_, i) => row.getCell(i + 1).value);

/** Fills line `line` of the template's sheet by header, as typed in Excel: dates as date cells. */
export function putRow(sheet: ExcelJS.Worksheet, line: number, row: Row): void {
  for (const [header, value] of Object.entries(row)) {
    const cell = sheet.getRow(line).getCell(TEMPLATE_HEADERS.indexOf(header) + 1);
    cell.value = value;
    if (value instanceof Date) cell.numFmt = 'yyyy-mm-dd';
  }
}

/** The five counts of a report on screen, read from its statistic cards. */
export async function countsOf(report: Locator): Promise<Record<'read' | 'inserted' | 'updated' | 'unchanged' | 'rejected', number>> {
  const read = async (key: string) => Number((await report.getByTestId(`import-count-${key}`).locator('.ant-statistic-content-value').innerText()).replace(/[^\d]/g, ''));
  return { read: await read('read'), inserted: await read('inserted'), updated: await read('updated'), unchanged: await read('unchanged'), rejected: await read('rejected') };
}

/** The problems table of a report once loaded: [line, column, value, reason] per row. */
export async function problemsOf(report: Locator, expected: number): Promise<string[][]> {
  const rows = report.getByTestId('import-problems').locator('tbody tr.ant-table-row');
  await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(expected);
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
}

/** Step 1: organizations, the file, on to the preview once it shows `rows` rows; returns the preview table. */
export async function uploadOrganizations(page: Page, file: { name: string; bytes: Buffer }, rows: number): Promise<Locator> {
  await page.getByTestId('import-entity').getByText('主体', { exact: true }).click();
  await page.getByTestId('import-file').locator('input[type="file"]').setInputFiles({ name: file.name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file.bytes });
  await page.getByTestId('import-file').getByText(file.name).waitFor();
  await page.getByTestId('import-next').click();
  const preview = page.getByTestId('import-preview-table');
  await preview.waitFor();
  await expect.poll(() => preview.locator('tbody tr.ant-table-row').count()).toBe(rows);
  return preview;
}

/** From the preview to the dry run's report. */
export async function dryRun(page: Page): Promise<Locator> {
  await page.getByTestId('import-next').click();
  const report = page.getByTestId('import-dry-run-report');
  await report.waitFor({ timeout: 20_000 });
  return report;
}

/** Confirms the dry run and waits for the final report. */
export async function confirmAndWait(page: Page): Promise<Locator> {
  await page.getByTestId('import-confirm').click();
  const report = page.getByTestId('import-final-report');
  await report.waitFor({ timeout: 20_000 });
  return report;
}
