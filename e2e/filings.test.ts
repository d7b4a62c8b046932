import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { validUscc } from '../test/support/factories.js';
import { choose, launchChromium, withScreenshot } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { apiSignIn, signInAs, type Account } from './support/session.js';

/**
 * A pilot-scale platform filing (中试平台备案, issue 5) through the pages, in Chinese: the applicant
 * fills in the pre-filled form, uploads its documents and submits; the officer takes it from the
 * queue, draws three experts and passes it; the experts score it (two on the page, signed in as
 * themselves, the third through the API); the officer opens the notice; an anonymous visitor sees
 * it on /notices and objects; the officer resolves the objection. A working week later (the
 * server restarted on the same data with STARCITY_TODAY) the officer files it, and the platform is
 * in the registry and counted by the indicator on the dashboard.
 */

/** A Friday: the 5-working-day notice runs to Friday 2026-11-20; filing on Monday 2026-11-23. */
const NOTICE_DAY = '2026-11-13';
const FILING_DAY = '2026-11-23';
const YUELU = '430104';
const PASSWORD = 'E2e-Filing-Password-1';
const APPLICANT_NAME = '长沙星城中试科技有限公司';
const PLATFORM = '长沙星城先进制造中试平台';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const REQUIRED_DOCUMENTS = ['application_form', 'business_license', 'site_proof', 'equipment_list', 'pilot_contracts'];
const SCORES = { conditions: 27, services: 26, team: 17, mechanism: 18 };

const account = (username: string): Account => ({ username, password: PASSWORD });
const applicant = account('e2e-applicant');
const officer = account('e2e-officer');
const experts = [account('e2e-expert-1'), account('e2e-expert-2'), account('e2e-expert-3')];

let dataDir: string;
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** POST with the administrator's token (made by startServer); the reply must be 201. */
async function create<T>(path: string, body: object): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...server.auth }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as T;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'starcity-e2e-filings-'));
  [browser, server] = await Promise.all([launchChromium(), startServer({ dataDir, env: { STARCITY_TODAY: NOTICE_DAY } })]);
  const organization = await create<{ id: number }>('/organizations', { uscc: validUscc(515), name: APPLICANT_NAME, kind: 'enterprise', district_code: YUELU });
  const [, , ...expertUsers] = await Promise.all([
    create('/users', { ...applicant, role: 'org_user', display_name: '星城中试', organization_ids: [organization.id] }),
    create('/users', { ...officer, role: 'officer', display_name: '科技局审核员' }),
    ...experts.map((expert, i) => create<{ id: number }>('/users', { ...expert, role: 'expert', display_name: `评审专家${i + 1}` })),
  ]);
  // The pool, filled by the officer: exactly the three experts a pilot-platform review draws, all of its field.
  const officerApi = await apiSignIn(server.url, officer);
  for (const user of expertUsers) {
    const added = await officerApi.call('POST', '/experts', { user_id: user.id, fields: ['advanced_manufacturing'] });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
  }
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const stateOf = (page: Page, state: string): Locator => page.getByTestId('application-header').locator(`[data-testid="state-tag"][data-state="${state}"]`);

/** Signs in through the login page, as a person would. */
async function signInOnPage(page: Page, who: Account): Promise<void> {
  await page.goto(`${server.url}/login`);
  const form = page.getByTestId('login-form');
  await form.locator('#username').fill(who.username);
  await form.locator('#password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('user-menu').getByText(who.username).waitFor();
}

test('an application goes from the applicant through the officer, two experts and the public notice to the registry and the indicator', { timeout: 150_000 }, async () => {
  const applicantPage = await newPage();
  let id = 0;
  await withScreenshot(applicantPage, 'filings-applicant', async () => {
    const page = applicantPage;
    await signInOnPage(page, applicant);
    // A draft waits for its applicant: the header's badge counts what waits.
    await page.getByTestId('nav-applications').click();
    await page.waitForURL(/\/applications$/);
    await page.getByTestId('new-application').click();
    await choose(page, '#filing_type', '中试平台备案');
    await choose(page, '#field', '先进制造');
    await page.getByTestId('new-application-submit').click();
    await page.waitForURL(/\/applications\/\d+$/);
    id = Number(/\/applications\/(\d+)$/.exec(page.url())![1]);

    // Pre-filled from the registry: the applicant's district.
    const form = page.getByTestId('application-form');
    await form.locator('.ant-form-item', { has: page.locator('#data_district_code') }).getByText('岳麓区').waitFor();
    await stateOf(page, 'draft').waitFor();
    await expect.poll(() => page.getByTestId('inbox-count').getAttribute('data-count')).toBe('1');

    await page.locator('#data_name').fill(PLATFORM);
    await page.locator('#data_operating_years').fill('3');
    await page.locator('#data_site_area_m2').fill('1800');
    await page.locator('#data_equipment_value_10k_yuan').fill('1200');
    await page.locator('#data_pilot_projects').fill('25');
    await page.locator('#data_full_time_staff').fill('14');
    await page.locator('#data_technical_staff').fill('9');
    await page.locator('#data_pilot_lines').fill('两条中试线：材料成型与装配测试');
    await page.getByTestId('save-draft').click();
    // Under its criterion (2000 m²): saved, and marked for the reviewers.
    await page.getByTestId('below-minimum-site_area_m2').waitFor();

    // Documents missing: submitting is not offered yet.
    expect(await page.getByTestId('action-submit').isDisabled()).toBe(true);
    for (const item of REQUIRED_DOCUMENTS) {
      const row = page.getByTestId(`checklist-${item}`);
      await row.locator('input[type=file]').setInputFiles({ name: `${item}.pdf`, mimeType: 'application/pdf', buffer: PDF });
      await row.getByTestId('attachment').waitFor();
    }
    await expect.poll(() => page.getByTestId('action-submit').isEnabled()).toBe(true);
    await page.getByTestId('action-submit').click();
    await stateOf(page, 'submitted').waitFor();
    await page.getByTestId('timeline').getByText('提交').first().waitFor();
  });

  const officerPage = await newPage();
  await withScreenshot(officerPage, 'filings-officer-check', async () => {
    const page = officerPage;
    await signInAs(page, server.url, officer);
    // The officer's queue, filtered to what was submitted.
    await page.goto(`${server.url}/applications?state=submitted`);
    const row = page.getByTestId('application-list').locator('tr', { hasText: APPLICANT_NAME });
    await row.waitFor();
    await row.click();
    await page.waitForURL(new RegExp(`/applications/${id}$`));
    await page.getByTestId('below-minimum').waitFor();
    await page.getByTestId('action-start_check').click();
    await stateOf(page, 'formal_check').waitFor();
    // Passing the check needs the experts drawn first.
    expect(await page.getByTestId('action-pass_check').isDisabled()).toBe(true);
    await page.getByTestId('draw-experts').click();
    await expect.poll(() => page.getByTestId('drawn-expert').count()).toBe(3);
    expect(await page.getByTestId('draw-seed').innerText()).toMatch(/^[0-9a-f]{32}/);
    await page.getByTestId('action-pass_check').click();
    await stateOf(page, 'expert_review').waitFor();
  });

  // Two experts score on the page, each signed in as themselves (the first through the login page, the second then in the same browser), from their inbox.
  const expertPage = await newPage();
  for (const [i, expert] of experts.slice(0, 2).entries()) {
    const page = expertPage;
    await withScreenshot(page, `filings-expert-${i + 1}`, async () => {
      if (i === 0) await signInOnPage(page, expert);
      else await signInAs(page, server.url, expert);
      await page.goto(`${server.url}/inbox`);
      await page.getByTestId('user-menu').getByText(expert.username).waitFor();
      await page.getByTestId(`inbox-item-${id}`).getByTestId('inbox-open').click();
      await page.waitForURL(new RegExp(`/applications/${id}$`));
      const form = page.getByTestId('score-form');
      for (const [criterion, score] of Object.entries(SCORES)) await form.locator(`#scores_${criterion}`).fill(String(score));
      await form.locator('#comment').fill('具备中试条件，同意备案');
      expect(await page.getByTestId('score-total').innerText()).toContain('88');
      await page.getByTestId('score-submit').click();
      await page.getByTestId('score-card').getByText('已提交，总分 88').waitFor();
    });
  }
  const third = await apiSignIn(server.url, experts[2]!);
  const scored = await third.call('POST', `/applications/${id}/reviews`, { scores: SCORES, comment: '同意' });
  expect(scored.status, JSON.stringify(scored.body)).toBe(200);

  await withScreenshot(officerPage, 'filings-officer-notice', async () => {
    const page = officerPage;
    await page.reload();
    await expect.poll(() => page.getByTestId('reviews-table').locator('tbody tr.ant-table-row').count()).toBe(3);
    await page.getByTestId('review-outcome').getByText('评审通过').waitFor();
    await page.getByTestId('action-open_notice').click();
    await stateOf(page, 'public_notice').waitFor();
    expect(await page.getByTestId('notice-period').innerText()).toBe(`${NOTICE_DAY} 至 2026-11-20`);
  });

  // Anyone, not signed in, sees the notice and objects to it.
  const visitor = await newPage();
  await withScreenshot(visitor, 'filings-public', async () => {
    await visitor.goto(`${server.url}/notices`);
    const notice = visitor.getByTestId(`notice-${id}`);
    await notice.getByText(PLATFORM).waitFor();
    await notice.getByTestId(`object-${id}`).click();
    const form = visitor.getByTestId('objection-form');
    await form.locator('#name').fill('张三');
    await form.locator('#contact').fill('13800000000');
    await form.locator('#text').fill('场地面积不足两千平方米');
    await visitor.getByTestId('objection-submit').click();
    await visitor.getByText('异议已提交').waitFor();
  });

  await withScreenshot(officerPage, 'filings-officer-objection', async () => {
    const page = officerPage;
    await page.reload();
    const resolve = page.getByTestId('objections-card').locator('form[data-testid^="resolve-form-"]');
    await resolve.getByText('异议不成立').click();
    await resolve.locator('textarea').fill('经核实，场地面积 2500 平方米，异议不成立');
    await resolve.locator('button[type=submit]').click();
    await page.getByTestId('objections-card').locator('.ant-tag', { hasText: '异议不成立' }).waitFor();
    // The notice is still running: filing is offered but held back.
    expect(await page.getByTestId('action-file').isDisabled()).toBe(true);
  });

  // A working week later: the same data, the server's date moved on.
  await server.stop();
  server = await startServer({ dataDir, env: { STARCITY_TODAY: FILING_DAY }, reuse: server });
  await withScreenshot(officerPage, 'filings-officer-file', async () => {
    const page = officerPage;
    await signInAs(page, server.url, officer);
    await page.goto(`${server.url}/applications/${id}`);
    await expect.poll(() => page.getByTestId('action-file').isEnabled()).toBe(true);
    await page.getByTestId('action-file').click();
    await stateOf(page, 'filed').waitFor();
    await page.getByTestId('filed-record').click();
    await page.waitForURL(/\/platforms\/\d+$/);
    await page.getByText(PLATFORM).first().waitFor();

    await page.goto(`${server.url}/platforms?search=${encodeURIComponent('星城先进制造')}`);
    await page.getByTestId('list-table').getByText(PLATFORM).waitFor();

    await page.goto(`${server.url}/dashboard?period=2026`);
    const kpi = page.getByTestId('kpi-platforms.pilot_platform.count').getByTestId('kpi-value');
    await expect.poll(async () => (await kpi.innerText()).replace(/\D/g, '')).toBe('1');
  });
});
