import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { validUscc } from '../test/support/factories.js';
import { choose, withScreenshot } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { openSignedInPage, type SignedInPage } from './support/signedInPage.js';

/**
 * The registry through the UI, as a bureau clerk uses it (in Chinese, the default language):
 * create an organization (主体) with the form, get the credit-code error next to its field,
 * correct it, save, and find the organization again by searching part of its Chinese name.
 */

/** The published vector: its check character should be 3, not Z (GB 32100-2015). */
const BAD_USCC = '91350100M000100Y4Z';
const GOOD_USCC = '91350100M000100Y43';
const NAME = '长沙星链端到端光电科技有限公司';
const SEARCH = '端到端光电';
/** Another organization, made through the API, that the search must leave out. */
const OTHER_NAME = '湖南岳麓测试材料有限公司';

let session: SignedInPage;
let server: RunningServer;
let page: Page;

beforeAll(async () => {
  session = await openSignedInPage();
  ({ server, page } = session);
  const res = await fetch(`${server.url}/api/v1/organizations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...server.auth },
    body: JSON.stringify({ uscc: validUscc(1), name: OTHER_NAME, kind: 'enterprise', district_code: '430104' }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
});

afterAll(() => session?.close());

test('creates an organization through the form, shows the credit-code error, finds it by a Chinese search', async () => {
  await withScreenshot(page, 'registry-create-and-search', async () => {
    await page.goto(`${server.url}/organizations/new`);
    const form = page.getByTestId('organization-form');
    await form.waitFor();

    await page.locator('#uscc').fill(BAD_USCC);
    await page.locator('#name').fill(NAME);
    await choose(page, '#kind', '企业');
    await choose(page, '#district_code', '岳麓区');
    await page.getByTestId('form-submit').click();

    // The server's field problem, shown on the credit-code field itself, naming the right character.
    const usccItem = page.locator('.ant-form-item', { has: page.locator('#uscc') });
    await usccItem.filter({ hasText: /校验位应为\s*3/ }).waitFor();
    expect(page.url()).toMatch(/\/organizations\/new$/);

    await page.locator('#uscc').fill(GOOD_USCC);
    await page.getByTestId('form-submit').click();
    await page.waitForURL((url) => !url.pathname.endsWith('/new'));

    const saved = (await (await fetch(`${server.url}/api/v1/organizations?filter=uscc:${GOOD_USCC}`, { headers: server.auth })).json()) as { meta: { count: number } };
    expect(saved.meta.count).toBe(1);

    await page.goto(`${server.url}/organizations`);
    const table = page.getByTestId('list-table');
    await table.getByText(OTHER_NAME).waitFor();
    const searchBox = page.getByTestId('list-search');
    const input = (await page.locator('input[data-testid="list-search"]').count()) > 0 ? searchBox : searchBox.locator('input');
    await input.fill(SEARCH);
    await input.press('Enter');
    await table.getByText(NAME).waitFor();
    await table.getByText(OTHER_NAME).waitFor({ state: 'detached' });
  });
});
