import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { validUscc } from '../test/support/factories.js';
import { choose, withScreenshot } from './support/browser.js';
import { kpiFigure, submitApplication } from './support/filingSteps.js';
import { createAccount, type RunningServer } from './support/server.js';
import { apiSignIn, signInAs } from './support/session.js';
import { newTestPage, openSignedInPage, type SignedInPage } from './support/signedInPage.js';

/**
 * A city officer enters a technology contract (技术合同) through the pages, in Chinese: the
 * transaction amount above the contract amount is refused next to its field, the corrected
 * contract is saved, found in the list by its type (and exported so filtered) and opened, amounts
 * read in 万元. Then the seller drafts one and applies for registration (认定登记), the registrar
 * registers it on the application's page, and the dashboard's turnover rises by its amount.
 */

const SELLER = '长沙合同卖方光电科技有限公司';
const BUYER = '深圳某智能装备有限公司';
const TITLE = '激光雷达点云算法委托开发合同';
/** Another contract of another type, made over the API, that the type filter must leave out. */
const OTHER_TITLE = '湖南某企业数字化转型技术咨询';
const OFFICER = { username: 'city-officer', password: 'Officer-Password-2026' };
/** A user of the seller, which drafts its own organization's contracts only. */
const SELLER_USER = { username: 'seller-user', password: 'Seller-Password-2026' };

let session: SignedInPage;
let server: RunningServer;
let page: Page;
let sellerId: number;

async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...server.auth }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as T;
}

beforeAll(async () => {
  session = await openSignedInPage({ signedIn: false });
  ({ server, page } = session);
  const seller = await post<{ id: number }>('/organizations', { uscc: validUscc(11), name: SELLER, kind: 'enterprise', district_code: '430104' });
  sellerId = seller.id;
  await createAccount(server, { ...OFFICER, role: 'officer' });
  // The server's API token has the registry's scopes, not the market's: the officer makes it.
  const officer = await apiSignIn(server.url, OFFICER);
  const other = await officer.call('POST', '/tech-contracts', {
    contract_number: 'ZX-2026-009',
    title: OTHER_TITLE,
    type: 'consulting',
    sub_type: 'consulting',
    seller_org_id: seller.id,
    buyer_name: '湖南某企业',
    buyer_region: '430102',
    contract_amount: '200000',
    transaction_amount: '200000',
    signed_on: '2026-02-01',
  });
  expect(other.status, JSON.stringify(other.body)).toBe(201);
  await post('/users', { ...SELLER_USER, role: 'org_user', organization_ids: [seller.id] });
  await signInAs(page, server.url, OFFICER);
});

afterAll(() => session?.close());

test('an officer enters a contract, sees the amount error at its field, corrects it, filters the list by type and opens the contract', async () => {
  await withScreenshot(page, 'tech-contract-create-filter-open', async () => {
    await page.goto(`${server.url}/tech-contracts/new`);
    await page.getByTestId('tech-contract-form').waitFor();

    await page.locator('#contract_number').fill('KF-2026-031');
    await page.locator('#title').fill(TITLE);
    await choose(page, '#type', '技术开发');
    await choose(page, '#sub_type', '委托开发');
    const seller = page.locator('#seller_org_id');
    await page.locator('.ant-select', { has: seller }).click();
    await seller.fill('合同卖方');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: SELLER }).click();
    await page.getByTestId('buyer-kind').getByText('境内其他买方').click();
    await page.locator('#buyer_name').fill(BUYER);
    // The county picker finds a county by its code; the search result is chosen.
    await page.locator('#buyer_region').fill('440305');
    await page.getByRole('menuitemcheckbox', { name: /南山区/ }).click();
    await page.locator('#contract_amount').fill('1,250,000');
    await page.locator('#transaction_amount').fill('1300000');
    const signed = page.locator('#signed_on');
    await signed.click();
    await signed.fill('2026-03-02');
    await signed.press('Enter');
    await page.getByTestId('form-submit').click();

    // The server's problem, on the transaction amount's own field; nothing was saved.
    const amountItem = page.locator('.ant-form-item', { has: page.locator('#transaction_amount') });
    await amountItem.filter({ hasText: '高于合同成交额' }).waitFor();
    expect(page.url()).toMatch(/\/tech-contracts\/new$/);

    await page.locator('#transaction_amount').fill('1000000.50');
    await page.getByTestId('form-submit').click();
    await page.waitForURL(/\/tech-contracts\/\d+$/);
    const id = /\/tech-contracts\/(\d+)$/.exec(page.url())![1];

    await page.goto(`${server.url}/tech-contracts`);
    const table = page.getByTestId('list-table');
    await table.getByText(OTHER_TITLE).waitFor();
    await choose(page, '[data-testid="filter-type"]', '技术开发');
    await table.getByText(OTHER_TITLE).waitFor({ state: 'detached' });

    // The export carries the filter: the new contract, not the other type's.
    await page.getByTestId('export-button').click();
    const href = (await page.getByTestId('export-csv').getAttribute('href')) ?? '';
    const file = await page.request.get(new URL(href, server.url).toString());
    expect(file.status()).toBe(200);
    const text = await file.text();
    expect(text).toContain('KF-2026-031');
    expect(text).not.toContain('ZX-2026-009');
    await page.keyboard.press('Escape');

    await table.getByRole('link', { name: 'KF-2026-031' }).click();

    await page.waitForURL(new RegExp(`/tech-contracts/${id}$`));
    await page.getByText(TITLE).first().waitFor();
    await page.getByText('125 万元').waitFor();
    await page.getByText('100.00005 万元').waitFor();
    await page.getByText('国内其他省份').waitFor();
    await page.getByRole('link', { name: SELLER }).waitFor();
  });
});

test("an organization user's form offers its own organization as the only seller, and no registration fields", async () => {
  await post('/organizations', { uscc: validUscc(12), name: '另一家不相干的科技有限公司', kind: 'enterprise', district_code: '430104' });
  const sellerPage = await newTestPage(session.browser);
  await withScreenshot(sellerPage, 'tech-contract-org-user-form', async () => {
    await signInAs(sellerPage, server.url, SELLER_USER);
    await sellerPage.goto(`${server.url}/tech-contracts/new`);
    await sellerPage.getByTestId('tech-contract-form').waitFor();
    await sellerPage.locator('.ant-select', { has: sellerPage.locator('#seller_org_id') }).click();
    const options = sellerPage.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option');
    await options.first().waitFor();
    expect(await options.allInnerTexts()).toEqual([SELLER]);
    expect(await sellerPage.locator('#status, #registration_number').count()).toBe(0);
  });
  await sellerPage.context().close();
});

test('the seller drafts a contract and applies for registration, the registrar registers it, and the turnover rises by its amount', async () => {
  const officer = await apiSignIn(server.url, OFFICER);
  const year = ((await officer.call('GET', '/dashboard')).body as { running_period: string }).running_period;
  // One contract registered earlier this year, so the figure before is a number: 1.00 亿元.
  const earlier = await officer.call('POST', '/tech-contracts', {
    contract_number: 'DJ-2026-001', title: '早先登记的技术服务合同', type: 'service', sub_type: 'service', seller_org_id: sellerId, buyer_name: '湖南某企业',
    buyer_region: '430102', contract_amount: '100000000', transaction_amount: '80000000', signed_on: `${year}-01-02`, status: 'registered', registered_on: `${year}-01-05`,
  });
  expect(earlier.status, JSON.stringify(earlier.body)).toBe(201);
  const before = await kpiFigure(page, server.url, 'contracts.turnover', year);

  const sellerPage = await newTestPage(session.browser);
  let applicationId = '';
  await withScreenshot(sellerPage, 'tech-contract-apply-registration', async () => {
    await signInAs(sellerPage, server.url, SELLER_USER);
    await sellerPage.goto(`${server.url}/tech-contracts/new`);
    await sellerPage.getByTestId('tech-contract-form').waitFor();
    await sellerPage.locator('#contract_number').fill('DJ-2026-002');
    await sellerPage.locator('#title').fill('固态电池正极材料技术转让合同');
    await choose(sellerPage, '#type', '技术转让');
    await choose(sellerPage, '#sub_type', '技术秘密转让');
    await sellerPage.locator('.ant-select', { has: sellerPage.locator('#seller_org_id') }).click();
    await sellerPage.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: SELLER }).click();
    await sellerPage.getByTestId('buyer-kind').getByText('境内其他买方').click();
    await sellerPage.locator('#buyer_name').fill(BUYER);
    await sellerPage.locator('#buyer_region').fill('440305');
    await sellerPage.getByRole('menuitemcheckbox', { name: /南山区/ }).click();
    // 2.5 亿元: the dashboard's 亿元 figure at two decimals rises by 2.50.
    await sellerPage.locator('#contract_amount').fill('250000000');
    await sellerPage.locator('#transaction_amount').fill('200000000');
    const signed = sellerPage.locator('#signed_on');
    await signed.click();
    await signed.fill(`${year}-03-02`);
    // Enter takes the date and submits the completed form.
    await signed.press('Enter');
    await sellerPage.waitForURL(/\/tech-contracts\/\d+$/);
    await sellerPage.getByTestId('apply-registration').click();
    await sellerPage.waitForURL(/\/applications\/\d+$/);
    applicationId = /\/applications\/(\d+)$/.exec(sellerPage.url())![1]!;
    await submitApplication(sellerPage);
  });
  await sellerPage.context().close();

  await withScreenshot(page, 'tech-contract-register', async () => {
    await page.goto(`${server.url}/applications/${applicationId}`);
    await page.getByTestId('action-start_check').click();
    await page.getByTestId('application-header').locator('[data-testid="state-tag"][data-state="registration_check"]').waitFor();
    await page.getByTestId('action-register').click();
    // Registering ends the application: the page asks once more.
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await page.getByTestId('application-header').locator('[data-testid="state-tag"][data-state="registered"]').waitFor();
    await page.getByTestId('filed-record').click();
    await page.waitForURL(/\/tech-contracts\/\d+$/);
    await page.getByText(new RegExp(`^${year}430100\\d{6}$`)).waitFor();
  });
  expect(await kpiFigure(page, server.url, 'contracts.turnover', year)).toBe(before + 250);
});
