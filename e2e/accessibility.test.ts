import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchChromium, withScreenshot } from './support/browser.js';
import { seedDemo, signIn, startServer, type RunningServer } from './support/server.js';

/**
 * Accessibility (issue 13): axe-core finds no serious or critical violation on any page of the web
 * app, and each page has exactly one h1. Public pages are checked as an anonymous visitor, the
 * officer and administrator pages signed in as an administrator, on the demo registry (one server
 * for the whole file); records are the demo's first of each kind.
 */

const axePath = createRequire(import.meta.url).resolve('axe-core');

let server: RunningServer;
let browser: Browser;
let dataDir: string;
let anonymous: Page;
let admin: Page;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'starcity-e2e-a11y-'));
  [browser] = await Promise.all([launchChromium(), seedDemo(dataDir)]);
  server = await startServer({ dataDir });
  // bypassCSP: axe is injected as an inline script, which the server's Content-Security-Policy refuses.
  const newPage = () => browser.newPage({ locale: 'zh-CN', bypassCSP: true });
  [anonymous, admin] = await Promise.all([newPage(), newPage()]);
  for (const page of [anonymous, admin]) page.setDefaultTimeout(20_000);
  await signIn(admin, server);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** The id of the first record an API list gives the administrator. */
async function firstId(path: string, key: 'id' | 'code' = 'id'): Promise<string> {
  const res = await fetch(`${server.url}/api/v1${path}`, { headers: server.auth });
  expect(res.status, path).toBe(200);
  const body = (await res.json()) as { results: Array<Record<string, unknown>> };
  expect(body.results.length, `${path} has a record`).toBeGreaterThan(0);
  return String(body.results[0]![key]);
}

interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Opens the page, waits until it has drawn its data, and runs axe on it. */
async function audit(page: Page, path: string): Promise<{ findings: Finding[]; h1s: number }> {
  await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
  await page.locator('h1').first().waitFor();
  // Loading skeletons and spinners (and the faded content under them) are not what a user reads.
  await page.waitForFunction("!document.querySelector('.ant-spin-spinning, .ant-spin-blur, .ant-skeleton-active')");
  await page.addScriptTag({ path: axePath });
  // A string, evaluated in the page: this file is compiled without the DOM's types.
  const results = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as AxeResults;
  const findings = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
  return { findings, h1s: await page.locator('h1').count() };
}

async function expectAccessible(page: Page, path: string): Promise<void> {
  await withScreenshot(page, `a11y${path.replace(/[^\w]+/g, '-')}`, async () => {
    const { findings, h1s } = await audit(page, path);
    expect(findings, `${path}: serious or critical axe violations`).toEqual([]);
    expect(h1s, `${path}: h1 elements`).toBe(1);
  });
}

const PUBLIC_PAGES = ['/', '/login', '/dashboard', '/indicators', '/targets', '/organizations', '/rd-institutions', '/platforms', '/qualifications', '/notices', '/no-such-page'];

test.each(PUBLIC_PAGES)('public page %s, anonymous', async (path) => {
  await expectAccessible(anonymous, path);
});

test('public record and indicator pages, anonymous', async () => {
  const pages = [
    `/organizations/${await firstId('/organizations?per_page=1')}`,
    `/rd-institutions/${await firstId('/rd-institutions?per_page=1')}`,
    `/platforms/${await firstId('/platforms?per_page=1')}`,
    `/qualifications/${await firstId('/qualifications?per_page=1')}`,
    '/indicators/rd_institutions.count',
  ];
  for (const path of pages) await expectAccessible(anonymous, path);
});

const ADMIN_PAGES = ['/dashboard', '/organizations/new', '/imports', '/imports/new', '/admin/users', '/admin/audit', '/tokens', '/applications', '/applications/new', '/inbox', '/experts', '/targets'];

test.each(ADMIN_PAGES)('officer and administrator page %s, signed in', async (path) => {
  await expectAccessible(admin, path);
});

test('record edit, application and import pages, signed in', async () => {
  const pages = [`/organizations/${await firstId('/organizations?per_page=1')}/edit`];
  // The demo has no applications or imports: the page of one is checked when there is one.
  for (const [list, page] of [['/applications?per_page=1', '/applications'], ['/imports?per_page=1', '/imports']]) {
    const first = (await ((await fetch(`${server.url}/api/v1${list}`, { headers: server.auth })).json() as Promise<{ results: Array<{ id: number }> }>)).results[0];
    if (first) pages.push(`${page}/${first.id}`);
  }
  for (const path of pages) await expectAccessible(admin, path);
});
