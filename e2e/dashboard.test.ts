import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { checkPdfPrinter } from '../src/modules/reports/pdf.js';
import type { AppError } from '../src/modules/shared/errors.js';
import { choose, withScreenshot } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { openSignedInPage, type SignedInPage } from './support/signedInPage.js';

/**
 * The dashboard (驾驶舱) on the demo registry, as the bureau reads it: KPI cards with numbers, in
 * Chinese then English; a KPI and a district tile each open the records behind them, exactly as
 * many as the figure says; a target set on the targets page shows its status there and on the
 * dashboard, and a change made meanwhile by someone else is refused (If-Match) and said so; the
 * annual report button downloads the file chosen, and a refusal is shown in the page's language.
 * The demo's figures are not written here: each card is compared with its own drill-down.
 */

const YUELU = '430104';

let session: SignedInPage;
let server: RunningServer;
let page: Page;

beforeAll(async () => {
  session = await openSignedInPage({ demo: true });
  ({ server, page } = session);
});

afterAll(() => session?.close());

/** The digits of a formatted figure ("4,344" → 4344). */
async function figure(locator: Locator): Promise<number> {
  const text = (await locator.textContent()) ?? '';
  expect(text, 'a figure').toMatch(/\d/);
  return Number(text.replace(/\D/g, ''));
}

/** The drill-down's own count, once its rows have loaded. */
async function rowCount(): Promise<number> {
  const count = page.getByTestId('rows-count');
  await count.waitFor();
  return figure(count);
}

test('shows KPI cards in both languages, and drills a KPI and a district down to as many rows', async () => {
  await withScreenshot(page, 'dashboard-kpis', async () => {
    await page.goto(`${server.url}/dashboard`);
    const card = page.getByTestId('kpi-rd_institutions.count');
    await card.getByText('研发机构总数').waitFor();
    const value = await figure(card.getByTestId('kpi-value'));
    expect(value).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('kpi-cards').getByTestId('kpi-value').count()).toBeGreaterThan(4);

    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await card.getByText('R&D institutions', { exact: true }).waitFor();
    expect(await figure(card.getByTestId('kpi-value'))).toBe(value);
    // The map draws district names (SVG text) in the language chosen.
    const map = page.getByTestId('district-map');
    await map.getByText('Yuelu District', { exact: true }).waitFor();

    await card.click();
    await page.waitForURL(/\/indicators\/rd_institutions\.count\?period=\d{4}$/);
    expect(await rowCount()).toBe(value);

    // A tile's label is two SVG texts: the district's name, then its value.
    await page.goBack();
    const tileName = map.locator('text', { hasText: /^Yuelu District$/ });
    const tileValue = await figure(tileName.locator('xpath=following-sibling::*[1]'));
    await tileName.click();
    await page.waitForURL(new RegExp(`/indicators/rd_institutions\\.count\\?period=\\d{4}&area=${YUELU}$`));
    expect(await rowCount()).toBe(tileValue);
  });
});

test('sets a target, sees its status, and is told when someone else changed it first', async () => {
  await withScreenshot(page, 'dashboard-targets', async () => {
    await page.goto(`${server.url}/targets`);
    await page.getByTestId('target-form').waitFor();
    await choose(page, '#newTarget_indicator_code', 'R&D institutions');
    await page.locator('#newTarget_value').fill('100000');
    await page.getByTestId('target-submit').click();
    // The demo has the report's 2026 targets too: find the one just set.
    const year = new Date().getFullYear();
    const mine = async () =>
      ((await (await fetch(`${server.url}/api/v1/targets?period=${year}&indicator_code=rd_institutions.count`, { headers: server.auth })).json()) as { results: Array<{ id: number; version: number }> }).results[0];
    // The click only sends the form: wait until the server has the target.
    await expect.poll(mine).toBeDefined();
    const list = page.getByTestId('target-list');
    const row = list.locator(`tr[data-row-key="${(await mine())!.id}"]`);
    const status = row.getByTestId('target-status');
    await status.waitFor();
    expect(await status.innerText()).toMatch(/Achieved|On track|At risk|Off track|No data yet/);

    await page.goto(`${server.url}/dashboard`);
    await page.getByTestId('dashboard-targets').getByTestId('target-status').first().waitFor();

    // Someone else changes the target while the dialog is open: saving answers 412.
    await page.goto(`${server.url}/targets`);
    await row.getByTestId('target-edit').click();
    const target = (await mine())!;
    const patched = await fetch(`${server.url}/api/v1/targets/${target.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'if-match': `"${target.version}"`, ...server.auth },
      body: JSON.stringify({ value: 90000 }),
    });
    expect(patched.status).toBe(200);
    const dialog = page.getByRole('dialog');
    await dialog.locator('#editTarget_value').fill('80000');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByTestId('target-stale').waitFor();
    await dialog.getByRole('button', { name: 'Reload' }).click();
    await dialog.getByTestId('target-stale').waitFor({ state: 'detached' });
    await dialog.locator('#editTarget_value').fill('80000');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await list.getByText('≥ 80,000').waitFor();
  });
});

/** The JSON of a GET to the API, as the signed-in page (its cookies). */
async function api<T>(path: string): Promise<T> {
  const res = await page.request.get(new URL(path, server.url).toString());
  expect(res.status(), path).toBe(200);
  return (await res.json()) as T;
}

interface MatchAnswer {
  candidates: { ref: string; reasons: { code: string; evidence: { kind: string; id: number }[] }[] }[];
}

test('follows the innovation network: a chain figure to its rows, a neighbourhood and a relation filter, a match reason to its evidence', async () => {
  await withScreenshot(page, 'innovation-network', async () => {
    // The chain view: a figure opens exactly the rows it counts, and a row opens its record.
    await page.goto(`${server.url}/analysis/chains?chain=construction_machinery`);
    const figureLink = page.getByTestId('figure-cm_machines-enterprises');
    const count = await figure(figureLink);
    expect(count).toBeGreaterThan(0);
    await page.getByTestId('chain-sankey').waitFor();
    const drilled = page.waitForResponse((r) => r.url().includes('/segments/cm_machines/rows?') && r.url().includes('entity=enterprises'));
    await figureLink.click();
    expect(((await (await drilled).json()) as { meta: { count: number } }).meta.count).toBe(count);
    const rows = page.getByTestId('chain-rows').locator('tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(Math.min(count, 20));
    const firstName = (await rows.first().getByRole('link').first().textContent())!;
    await rows.first().getByRole('link').first().click();
    await page.waitForURL(/\/organizations\/\d+$/);
    await page.getByText(firstName).first().waitFor();

    // The graph: a neighbourhood drawn and counted as the API answered the page; unticking a relation leaves it out.
    type Neighbourhood = { nodes: unknown[]; edges: { type: string }[] };
    const around = await api<Neighbourhood>('/api/v1/graph/nodes/organization/1/neighbourhood?hops=1');
    const perType = new Map<string, number>();
    for (const e of around.edges) perType.set(e.type, (perType.get(e.type) ?? 0) + 1);
    expect(perType.size, 'relations of more than one type around the hub').toBeGreaterThan(1);
    const dropped = [...perType].sort((a, b) => b[1] - a[1])[0]![0];
    const answered = () => page.waitForResponse((r) => r.url().includes('/api/v1/graph/nodes/organization/1/neighbourhood')).then(async (r) => (await r.json()) as Neighbourhood);
    const first = answered();
    await page.goto(`${server.url}/analysis/graph?node=organization:1`);
    const before = await first;
    await page.getByTestId('graph-chart').locator('svg').waitFor();
    const counts = page.getByTestId('graph-counts');
    const numbers = async () => ((await counts.textContent()) ?? '').match(/\d+/g)?.map(Number);
    await expect.poll(numbers).toEqual([before.nodes.length, before.edges.length]);
    expect(before.edges.some((e) => e.type === dropped)).toBe(true);
    const second = answered();
    await page.locator('label.ant-checkbox-wrapper', { has: page.locator(`input[value="${dropped}"]`) }).click();
    const after = await second;
    expect(new URL(page.url()).searchParams.get('types')!.split(',')).not.toContain(dropped);
    expect(after.edges.some((e) => e.type === dropped)).toBe(false);
    expect(after.edges.length).toBeLessThan(before.edges.length);
    await expect.poll(numbers).toEqual([after.nodes.length, after.edges.length]);

    // Matching: an achievement whose best candidate has evidence; the reason is shown, its row opens.
    const transfers = await api<{ results: { achievement_id: number }[] }>('/api/v1/transfers?per_page=20');
    let subject: { achievement: number; evidence: { kind: string; id: number } } | undefined;
    for (const { achievement_id } of transfers.results) {
      const answer = await api<MatchAnswer>(`/api/v1/matching/achievements/${achievement_id}/enterprises?limit=5`);
      const evidence = answer.candidates[0]?.reasons.flatMap((r) => r.evidence)[0];
      if (evidence) {
        subject = { achievement: achievement_id, evidence };
        break;
      }
    }
    expect(subject, 'an achievement whose best match has evidence').toBeDefined();
    await page.goto(`${server.url}/achievements/${subject!.achievement}`);
    const best = page.getByTestId('match-row').first();
    await best.locator('.ant-tag').first().waitFor();
    const path = subject!.evidence.kind === 'tech_contract' ? 'tech-contracts' : 'transfers';
    await best.locator(`a[href$="/${path}/${subject!.evidence.id}"]`).click();
    await page.waitForURL(new RegExp(`/${path}/${subject!.evidence.id}$`));
  });
});

test('downloads the annual report chosen with the dashboard’s button, and shows in either language why a PDF cannot be made', async () => {
  await withScreenshot(page, 'dashboard-annual-report', async () => {
    await page.goto(`${server.url}/dashboard`);
    const languages = page.getByTestId('language-switch');
    await languages.getByText('English').click();
    const dialog = page.getByRole('dialog');
    const download = dialog.getByRole('button', { name: 'Download' });
    await page.getByTestId('annual-report-button').click();
    await dialog.getByTestId('annual-report-form').getByText('Excel (XLSX)').click();
    const answered = page.waitForResponse((r) => r.url().includes('/api/v1/reports/annual/'));
    const saved = page.waitForEvent('download');
    await download.click();
    const reply = await answered;
    expect(new URL(reply.url()).searchParams.toString()).toBe('lang=en&format=xlsx');
    expect(reply.status()).toBe(200);
    expect(reply.headers()['content-type']).toContain('spreadsheetml');
    const file = await saved;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await readFile((await file.path())!);
    // An XLSX is a zip: its local-file-header signature, and more than an empty workbook.
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(bytes.length).toBeGreaterThan(4096);
    await dialog.waitFor({ state: 'detached' });

    // A server without Chromium or a Chinese font answers a PDF with 503: the server's own problem, served here.
    const refusal = await checkPdfPrinter('/nonexistent/chromium').then(
      () => Promise.reject(new Error('a PDF printer without Chromium is refused')),
      (err: AppError) => err,
    );
    await page.route('**/api/v1/reports/annual/**', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json; charset=utf-8',
        body: JSON.stringify({ type: 'urn:starcity:problem:unavailable', title: refusal.title.en, title_zh: refusal.title.zh, status: 503, instance: new URL(route.request().url()).pathname, errors: refusal.errors }),
      }),
    );
    const refused = async (side: 'zh' | 'en', pdf: string, button: Locator) => {
      await page.getByTestId('annual-report-button').click();
      await dialog.getByTestId('annual-report-form').getByText(pdf, { exact: true }).click();
      await button.click();
      const alert = dialog.getByRole('alert');
      await alert.getByText(side === 'zh' ? refusal.title.zh : refusal.title.en).waitFor();
      await alert.getByText(refusal.errors[0]!.message[side]).waitFor();
      await dialog.getByRole('button', { name: side === 'zh' ? /取\s*消/ : 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });
    };
    let downloads = 0;
    page.on('download', () => downloads++);
    await refused('en', 'PDF', download);
    await languages.locator('button[lang="zh-CN"]').click();
    await refused('zh', 'PDF', dialog.getByRole('button', { name: /下\s*载/ }));
    expect(downloads, 'a refusal is not saved as a file').toBe(0);
    await page.unroute('**/api/v1/reports/annual/**');
  });
});
