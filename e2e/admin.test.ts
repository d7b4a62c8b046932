import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { choose, releaseChromium, sharedChromium, withScreenshot } from './support/browser.js';
import { signIn, startServer, type RunningServer } from './support/server.js';
import { newTestPage } from './support/signedInPage.js';

/**
 * The administrator's pages: a user made on the users page shows up in the audit log (its detail
 * drawer shows the new account field by field), the hash chain verifies, and the CSV export
 * carries the page's filter.
 */

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [browser, server] = await Promise.all([sharedChromium(), startServer()]);
  page = await newTestPage(browser);
});

afterAll(async () => {
  await releaseChromium(browser);
  await server?.stop();
});

/** antd puts a test id on the input itself or on its wrapper, depending on allowClear. */
async function inputOf(testId: string): Promise<Locator> {
  await page.getByTestId(testId).first().waitFor();
  const direct = page.locator(`input[data-testid="${testId}"]`);
  return (await direct.count()) > 0 ? direct : page.getByTestId(testId).locator('input');
}

/**
 * Records every class a select dropdown holds from the moment it enters the page (in
 * window.dropdownClasses). rc-motion names its steps there: `…-appear-prepare` while the popup is
 * still being placed — a step it keeps, for two frames at least, even with motion off, so a class
 * read once just after the dropdown shows may still say `ant-slide-up` — then `…-appear-start` and
 * `…-appear-active` while the slide animation runs. A mutation record may come after several
 * changes: its old value and the element's class now cover each one. A string: it runs in the page.
 */
const WATCH_DROPDOWN_CLASSES = `window.dropdownClasses = [];
new MutationObserver((records) => {
  const seen = (el, ...classes) => el.classList?.contains('ant-select-dropdown') && window.dropdownClasses.push(...classes);
  for (const r of records) {
    if (r.type === 'attributes') seen(r.target, r.oldValue, r.target.className);
    for (const node of r.addedNodes) {
      if (node.nodeType !== 1) continue;
      for (const el of [node, ...node.querySelectorAll('.ant-select-dropdown')]) seen(el, el.className);
    }
  }
}).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'], attributeOldValue: true });`;

test('creates an officer, finds it in the audit log, verifies the chain and exports the filtered log', async () => {
  const officer = `yuelu-${Date.now() % 1e6}`;
  await withScreenshot(page, 'admin-pages', async () => {
    await signIn(page, server);

    // 1. The users page, reached from the side menu an administrator sees.
    await page.goto(`${server.url}/`);
    await page.getByTestId('nav-audit').waitFor();
    await page.getByTestId('nav-users').click();
    await page.waitForURL(/\/admin\/users$/);
    await page.getByTestId('users-table').getByText(server.admin.username).waitFor();

    // 2. A new officer of a district and a zone; a weak password is refused next to the password field.
    await page.getByTestId('new-user').click();
    const form = page.getByTestId('user-form');
    await form.locator('#username').fill(officer);
    await form.locator('#display_name').fill('岳麓区科技局');
    // Asked for reduced motion, the dropdown opens without its slide animation: watched from the
    // moment it enters the page, it never reaches the slide's start or active step.
    await page.evaluate(WATCH_DROPDOWN_CLASSES);
    await page.locator('.ant-select', { has: page.locator('#role') }).click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
    await dropdown.waitFor();
    await expect.poll(() => dropdown.getAttribute('class')).not.toMatch(/-prepare\b/);
    expect(await dropdown.getAttribute('class')).not.toMatch(/slide/);
    const classesHeld = (await page.evaluate('window.dropdownClasses')) as string[];
    expect(classesHeld).not.toEqual([]);
    expect(classesHeld.filter((c) => /-(appear|enter)-(start|active)\b/.test(c))).toEqual([]);
    await dropdown.locator('.ant-select-item-option', { hasText: /^科技局审核员$/ }).click();
    // A multiple select stays open after a choice; clicking the dialog's title closes it (Esc would close the dialog).
    await choose(page, '#districts', '岳麓区');
    await page.locator('.ant-modal-title').click();
    await choose(page, '#zones', '长沙高新区');
    await page.locator('.ant-modal-title').click();
    await form.locator('#password').fill('short');
    await page.getByTestId('user-form-submit').click();
    const passwordItem = form.locator('.ant-form-item', { has: page.locator('#password') });
    await passwordItem.locator('.ant-form-item-explain-error').first().waitFor();
    await form.locator('#password').fill('Officer-Password-2026');
    await page.getByTestId('user-form-submit').click();
    // Saved, the dialog closes; if it stays open, what it shows says why (a CI run once lost the row here).
    await form.waitFor({ state: 'hidden' }).catch(async (err: Error) => {
      throw new Error(`the user dialog stayed open, showing: ${await form.innerText().catch(() => '?')}\n${err.message}`);
    });
    const row = page.getByTestId('users-table').locator('tr', { hasText: officer });
    await row.waitFor();
    expect(await row.innerText()).toContain('岳麓区');
    expect(await row.innerText()).toContain('长沙高新区');

    // 3. The audit log, filtered to the administrator's creations: the new account's entry.
    await page.getByTestId('nav-audit').click();
    await page.waitForURL(/\/admin\/audit$/);
    const username = await inputOf('audit-filter-username');
    await username.fill(server.admin.username);
    await username.press('Enter');
    await page.waitForURL(/username=/);
    await choose(page, '[data-testid="audit-filter-action"]', '新增');
    await page.waitForURL(/action=create/);
    const rows = page.getByTestId('audit-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('用户');
    await rows.first().click();
    const detail = page.getByTestId('audit-detail-body');
    await detail.getByTestId('audit-diff').getByText(officer, { exact: true }).waitFor();
    expect(await detail.getByTestId('audit-hash').innerText()).toMatch(/^[0-9a-f]{64}/);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    // 4. The chain holds.
    await page.getByTestId('verify-chain').click();
    const result = page.getByTestId('chain-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    expect(await result.innerText()).toContain('哈希链完整');

    // 5. The CSV export carries the filter: one entry, the new account's.
    await page.getByTestId('export-button').click();
    const link = page.getByTestId('export-csv');
    await link.waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    const query = new URL(href, server.url).searchParams;
    expect(query.get('filter')).toBe(`username:${server.admin.username},action:create`);
    expect(query.get('format')).toBe('csv');
    const res = await page.request.get(new URL(href, server.url).toString());
    expect(res.status()).toBe(200);
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toContain('序号');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(officer);
  });
});
