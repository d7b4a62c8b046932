import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { withScreenshot } from './support/browser.js';
import { signIn, type RunningServer } from './support/server.js';
import { openSignedInPage, type SignedInPage } from './support/signedInPage.js';

/**
 * The built UI under the server's Content-Security-Policy (issue 13): the pages that lean on
 * what the policy allows — Ant Design's injected <style> tags, ECharts' SVG charts and their style
 * attributes, the swagger UI at /api/docs — render, and the browser reports no violation.
 */

let session: SignedInPage;
let server: RunningServer;
let page: Page;
const violations: string[] = [];

beforeAll(async () => {
  // Signed in on the way, after the sign-in page is checked.
  session = await openSignedInPage({ demo: true, signedIn: false });
  ({ server, page } = session);
  // Chromium says a refused script, style or image on the console as well as by the DOM event.
  page.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && violations.push(m.text())));
  await page.exposeFunction('reportViolation', (v: string) => void violations.push(v));
  // A string: it runs in the page, where document and window are the browser's.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.violatedDirective + ' ' + e.blockedURI));`);
});

afterAll(() => session?.close());

test('the sign-in page, dashboard, an indicator chart, a list and the API docs render with no CSP violation', async () => {
  await withScreenshot(page, 'csp-pages', async () => {
    const login = await page.goto(`${server.url}/login`);
    expect(login?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.locator('input').first().waitFor();

    await signIn(page, server);
    await page.goto(`${server.url}/dashboard`);
    // ECharts draws in SVG, styled by attributes.
    await expect.poll(() => page.locator('[_echarts_instance_] svg path').count()).toBeGreaterThan(0);

    await page.goto(`${server.url}/indicators/rd_institutions.count`);
    await expect.poll(() => page.locator('[_echarts_instance_] svg path').count()).toBeGreaterThan(0);

    await page.goto(`${server.url}/organizations`);
    await page.getByRole('row').nth(1).waitFor();
    // Ant Design's CSS-in-JS did style the page: its injected <style> tags are there and applied.
    expect(await page.locator('style').count()).toBeGreaterThan(0);

    const docs = await page.goto(`${server.url}/api/docs`);
    expect(docs?.headers()['x-frame-options']).toBe('DENY');
    await page.getByText('StarCity API').first().waitFor();
    await page.locator('.opblock').first().waitFor();
  });
  expect(violations).toEqual([]);
}, 180_000);
