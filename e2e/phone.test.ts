import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { withScreenshot } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { openSignedInPage, type SignedInPage } from './support/signedInPage.js';

/**
 * StarCity on a phone (390 × 844, the demo registry): the header fits, the menu is a drawer that
 * navigates, a registry list is cards whose names are real links to the records, the dashboard,
 * the inbox and the market analysis fit the width, and a form with typed input asks before the
 * page is left.
 */

const WIDTH = 390;

let session: SignedInPage;
let server: RunningServer;
let page: Page;

beforeAll(async () => {
  session = await openSignedInPage({ demo: true, page: { viewport: { width: WIDTH, height: 844 }, isMobile: true, hasTouch: true }, timeoutMs: 20_000 });
  ({ server, page } = session);
});

afterAll(() => session?.close());

/** Nothing on the page is wider than the screen: no sideways scrolling. */
const pageWidth = () => page.locator('html').evaluate((html) => html.scrollWidth);

/**
 * Opens the menu drawer and follows its link to `nav`. The header shifts when its lazily loaded
 * inbox badge gets its count, and a click on the menu button may land where the button was (a CI
 * run saw it): the button is clicked until the drawer is open.
 */
async function navigate(nav: string): Promise<void> {
  const link = page.getByTestId(nav);
  await expect
    .poll(async () => {
      if (!(await link.isVisible())) await page.getByTestId('menu-button').click();
      return link.isVisible();
    }, { interval: 1000 })
    .toBe(true);
  await link.click();
}

test('the header fits, and the menu drawer opens and navigates', async () => {
  await withScreenshot(page, 'phone-menu', async () => {
    await page.goto(`${server.url}/`);
    const header = page.getByTestId('app-header');
    await page.getByTestId('menu-button').waitFor();
    const box = await header.boundingBox();
    expect(box!.width).toBeLessThanOrEqual(WIDTH);
    expect(await header.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // The side menu is not laid out beside the page on a phone.
    expect(await page.getByTestId('side-nav').count()).toBe(0);

    await navigate('nav-organizations');
    await page.waitForURL(/\/organizations$/);
    await page.getByTestId('side-nav').waitFor({ state: 'hidden' });
    expect(await pageWidth()).toBeLessThanOrEqual(WIDTH);
  });
});

test('a registry list shows cards whose names link to their records', async () => {
  await withScreenshot(page, 'phone-cards', async () => {
    await page.goto(`${server.url}/organizations`);
    const cards = page.getByTestId('list-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(1);
    expect(await page.getByTestId('list-table').count()).toBe(0);
    const link = cards.first().getByTestId('record-link');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/organizations\/\d+$/);
    expect(await pageWidth()).toBeLessThanOrEqual(WIDTH);

    await link.click();
    await page.waitForURL((url) => url.pathname === href);
  });
});

test('the dashboard fits the screen', async () => {
  await withScreenshot(page, 'phone-dashboard', async () => {
    await page.goto(`${server.url}/dashboard`);
    await page.getByTestId('kpi-cards').getByTestId('kpi-value').first().waitFor();
    // The charts draw in SVG once they have their width: a chart wider than the screen would show here.
    await page.locator('[data-testid="dashboard"] [role="img"] svg').first().waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(WIDTH);
  });
});

test('the inbox’s contract registrations and the market analysis fit the screen, each figure on one line', async () => {
  await withScreenshot(page, 'phone-market', async () => {
    // The demo's registrations wait for a registrar: state and deadline tags wrap inside their item
    // (in English, whose tags are the longer).
    await page.goto(`${server.url}/inbox`);
    await page.evaluate("localStorage.setItem('starcity.language', 'en')");
    try {
      await page.reload();
      const items = page.locator('[data-testid^="inbox-item-"]');
      await items.first().waitFor();
      expect(await items.evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent))).toEqual([]);
    } finally {
      await page.evaluate("localStorage.removeItem('starcity.language')");
    }

    await page.goto(`${server.url}/analysis/market`);
    const figures = page.locator('[data-testid^="cell-"]');
    await figures.first().waitFor();
    // The table scrolls sideways inside its card; a figure broken over lines would misread.
    expect(await figures.evaluateAll((els) => els.filter((el) => el.getClientRects().length > 1).map((el) => el.textContent))).toEqual([]);
    expect(await pageWidth()).toBeLessThanOrEqual(WIDTH);
  });
});

test('a form with typed input asks before leaving, and keeps the input when the user stays', async () => {
  await withScreenshot(page, 'phone-unsaved', async () => {
    await page.goto(`${server.url}/organizations/new`);
    await page.getByTestId('organization-form').waitFor();
    await page.locator('#name').fill('长沙未保存测试科技有限公司');

    const leaveTo = () => navigate('nav-dashboard');
    await leaveTo();
    const confirm = page.getByTestId('leave-confirm');
    await confirm.waitFor();
    await page.getByRole('button', { name: '留在此页' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/organizations/new');
    expect(await page.locator('#name').inputValue()).toBe('长沙未保存测试科技有限公司');

    await leaveTo();
    await confirm.click();
    await page.waitForURL(/\/dashboard$/);
  });
});
