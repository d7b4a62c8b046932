import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { validUscc } from '../test/support/factories.js';
import { withScreenshot } from './support/browser.js';
import type { RunningServer } from './support/server.js';
import { signInAs, type Account } from './support/session.js';
import { openSignedInPage, type SignedInPage } from './support/signedInPage.js';

/**
 * The tech-SME self-evaluation page (issue 14): reached from the login page without signing in,
 * field problems shown next to their fields, the result explained item by item; an organization
 * user then stores the result with its enterprise.
 */

const ENTERPRISE = '长沙星城自评科技有限公司';
const orgUser: Account = { username: 'e2e-tech-sme', password: 'E2e-Tech-Sme-Password-1' };

let session: SignedInPage;
let server: RunningServer;
let page: Page;

async function create(path: string, body: object): Promise<{ id: number }> {
  const res = await fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...server.auth }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as { id: number };
}

beforeAll(async () => {
  session = await openSignedInPage({ signedIn: false });
  ({ server, page } = session);
  const enterprise = await create('/organizations', { uscc: validUscc(1401), name: ENTERPRISE, kind: 'enterprise', district_code: '430104' });
  await create('/users', { ...orgUser, role: 'org_user', organization_ids: [enterprise.id] });
});

afterAll(() => session?.close());

/** Domain guide §3's first worked example, typed the way people type figures. */
async function fillExample(staff = '100') {
  await page.locator('#staff').fill(staff);
  await page.locator('#st_staff').fill('30');
  await page.locator('#class_one_ip').fill('1');
  await page.locator('#sales').fill('50,000,000');
  await page.locator('#total_assets').fill('80000000');
  await page.locator('#rd_expenditure').fill('3000000');
  await page.locator('#total_costs').fill('45000000');
  for (const declaration of ['resident_enterprise', 'permitted_industry', 'clean_record']) await page.getByTestId(`tech-sme-declare-${declaration}`).check();
}

/** The error antd shows under a form field. */
const fieldError = (id: string) => page.locator('.ant-form-item').filter({ has: page.locator(`#${id}`) }).locator('.ant-form-item-explain-error');

test('anyone evaluates from the login page; an organization user saves the result to its enterprise', async () => {
  await withScreenshot(page, 'tech-sme-evaluation', async () => {
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-tech-sme-link').click();
    await page.waitForURL(/\/tools\/tech-sme-evaluation$/);

    // More S&T staff than staff, and an amount that is not one: each named at its field, in Chinese.
    await fillExample('20');
    await page.locator('#total_assets').fill('八千万');
    await page.getByTestId('tech-sme-evaluate').click();
    await fieldError('st_staff').getByText('科技人员数（30）不能多于职工总数（20）').waitFor();
    await fieldError('total_assets').getByText('金额须为以元为单位的非负数').waitFor();

    await page.locator('#staff').fill('100');
    await page.locator('#total_assets').fill('80000000');
    await page.getByTestId('tech-sme-evaluate').click();
    const result = page.getByTestId('tech-sme-result');
    await result.getByText('综合得分: 100 / 100').waitFor();
    expect(await page.getByTestId('tech-sme-points-st_staff').textContent()).toBe('20 / 20');
    expect(await page.getByTestId('tech-sme-points-rd_input').textContent()).toBe('50 / 50');
    expect(await page.getByTestId('tech-sme-points-st_results').textContent()).toBe('30 / 30');
    await result.getByText('研发费用 ÷ 销售收入 = 6.00%', { exact: false }).waitFor();
    // Anonymous: nothing to save to, only the way to sign in.
    await page.getByTestId('tech-sme-sign-in-hint').waitFor();
    expect(await page.getByTestId('tech-sme-save-button').count()).toBe(0);

    await signInAs(page, server.url, orgUser);
    await page.reload();
    await fillExample();
    await page.getByTestId('tech-sme-evaluate').click();
    await page.getByTestId('tech-sme-result').waitFor();
    await page.getByTestId('tech-sme-save-button').click();
    await page.getByTestId('tech-sme-saved').getByText(`已保存到 ${ENTERPRISE}`).waitFor();
    const stored = page.getByTestId('tech-sme-stored');
    await stored.getByText('100 / 100').waitFor();
    expect(await stored.locator('tbody tr').count()).toBe(1);
  });
});
