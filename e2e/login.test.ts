import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { withScreenshot } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { openSignedInPage, type SignedInPage } from './support/signedInPage.js';

/**
 * Signing in and out through the page (issue 5): the registry's pages send a visitor to sign in
 * (issue 16); signing in brings it back, with the user menu and the buttons the account may use;
 * signing out leaves for the public portal, and the registry is closed again.
 */

let session: SignedInPage;
let server: RunningServer;
let page: Page;

beforeAll(async () => {
  // The test signs in on the login page.
  session = await openSignedInPage({ signedIn: false });
  ({ server, page } = session);
});

afterAll(() => session?.close());

test('a visitor is sent from the registry to sign in; signs in, sees the user menu, signs out to the public portal', async () => {
  await withScreenshot(page, 'login-logout', async () => {
    // The registry is for accounts (issue 16): its pages send a visitor to sign in, coming back after.
    await page.goto(`${server.url}/organizations`);
    await page.waitForURL(/\/login\?next=%2Forganizations$/);
    const form = page.getByTestId('login-form');
    // Not a demo server: no demo accounts are offered.
    expect(await page.getByTestId('demo-accounts').count()).toBe(0);

    // A wrong password is refused on the page, in Chinese.
    await form.locator('#username').fill(server.admin.username);
    await form.locator('#password').fill('Not-The-Password-1');
    await page.getByTestId('login-submit').click();
    await page.getByText('用户名或密码错误').first().waitFor();

    await form.locator('#password').fill(server.admin.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/organizations$/);
    const menu = page.getByTestId('user-menu');
    await menu.getByText(server.admin.username).waitFor();
    await page.getByTestId('new-button').waitFor();
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'starcity_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await menu.click();
    await page.getByTestId('menu-logout').click();
    // Signed out, the overview is the public portal's: a visitor reads what is published.
    await page.waitForURL(/\/portal$/);
    expect((await page.context().cookies()).find((c) => c.name === 'starcity_session')).toBeUndefined();
    await page.goto(`${server.url}/organizations`);
    await page.waitForURL(/\/login\?next=%2Forganizations$/);
  });
});
