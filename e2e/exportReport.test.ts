import { parse as parseCsv } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { validUscc } from '../test/support/factories.js';
import { releaseChromium, sharedChromium, withScreenshot } from './support/browser.js';
import { download } from './support/importWizard.js';
import { signIn, startServer, type RunningServer } from './support/server.js';
import { newTestPage } from './support/signedInPage.js';

/**
 * The export menu's second choice, 报表格式 / Report view: the platforms list downloaded with the
 * host's name beside its credit code and the district and zone named, in the UI's language; the
 * first choice stays the import format.
 */

const HOST = { uscc: validUscc(7), name: '长沙报表导出依托单位有限公司', kind: 'enterprise', district_code: '430104' };
const PLATFORM = { name: '报表导出测试平台', type: 'national_key_lab', level: 'national', status: 'active', district_code: '430104', zone: 'xiangjiang_science_city' };

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  browser = await sharedChromium();
  server = await startServer();
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${server.url}/api/v1/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...server.auth }, body: JSON.stringify(body) });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as { id: number };
  };
  const host = await post('organizations', HOST);
  await post('platforms', { ...PLATFORM, host_org_id: host.id });
});

afterAll(async () => {
  await releaseChromium(browser);
  await server?.stop();
});

/** A page on the platforms list, signed in, in the given UI language. */
async function platformsPage(language: 'zh-CN' | 'en'): Promise<Page> {
  const page = await newTestPage(browser, { locale: language });
  // The UI's language as a visitor's earlier choice would leave it (web/src/i18n/language.ts).
  await page.addInitScript(`localStorage.setItem('starcity.language', ${JSON.stringify(language)})`);
  await signIn(page, server);
  await page.goto(`${server.url}/platforms`);
  await page.getByTestId('list-table').waitFor();
  await page.getByTestId('export-button').click();
  return page;
}

const csvRows = (bytes: Buffer) => parseCsv(bytes, { bom: true }) as string[][];

test('报表格式 downloads the platforms with the host’s name and the district and zone named; the first choice stays the import format', async () => {
  const page = await platformsPage('zh-CN');
  await withScreenshot(page, 'export-report-zh', async () => {
    await page.getByText('报表格式（名称代替代码）').waitFor();
    const report = await download(page, page.getByTestId('export-report-csv'));
    expect(report.name).toMatch(/^创新平台报表-\d{8}\.csv$/);
    const [header, row] = csvRows(report.bytes);
    expect(header!.slice(0, 3)).toEqual(['依托单位统一社会信用代码', '依托单位名称', '平台名称']);
    expect(row!.slice(0, 3)).toEqual([HOST.uscc, HOST.name, PLATFORM.name]);
    expect(row![header!.indexOf('所在区县')]).toBe('岳麓区');
    expect(row![header!.indexOf('所在园区')]).toBe('湘江科学城');

    await page.getByTestId('export-button').click();
    const plain = await download(page, page.getByTestId('export-csv'));
    const [importHeader, importRow] = csvRows(plain.bytes);
    expect(importHeader).not.toContain('依托单位名称');
    expect(importRow![importHeader!.indexOf('所在区县代码')]).toBe('430104');
  });
  await page.close();
});

test('Report view in English: English headers and names', async () => {
  const page = await platformsPage('en');
  await withScreenshot(page, 'export-report-en', async () => {
    await page.getByText('Report view (names, not codes)').waitFor();
    const report = await download(page, page.getByTestId('export-report-csv'));
    expect(report.name).toMatch(/^platforms-report-\d{8}\.csv$/);
    const [header, row] = csvRows(report.bytes);
    expect(header!.slice(0, 2)).toEqual(['Host organization credit code', 'Host organization name']);
    expect(row![1]).toBe(HOST.name);
    expect(row![header!.indexOf('District')]).toBe('Yuelu District');
    expect(row![header!.indexOf('Status')]).toBe('Active');
  });
  await page.close();
});
