import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { validUscc } from '../test/support/factories.js';
import { releaseChromium, sharedChromium, withScreenshot } from './support/browser.js';
import {
  checkAndDraw,
  fileApplication,
  filingType,
  fillForm,
  kpiFigure,
  openFromInbox,
  openNotice,
  pageMaker,
  requiredDocuments,
  scoreOnPage,
  signInOnPage,
  startApplication,
  submitApplication,
  uploadDocuments,
} from './support/filingSteps.js';
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
const PILOT = filingType('pilot-platform');
const SCORES = { conditions: 27, services: 26, team: 17, mechanism: 18 };

const account = (username: string): Account => ({ username, password: PASSWORD });
const applicant = account('e2e-applicant');
const officer = account('e2e-officer');
const experts = [account('e2e-expert-1'), account('e2e-expert-2'), account('e2e-expert-3')];

let dataDir: string;
let server: RunningServer;
let browser: Browser;
const { newPage, closeAll } = pageMaker(() => browser);

/** POST with the administrator's token (made by startServer); the reply must be 201. */
async function create<T>(path: string, body: object): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...server.auth }, body: JSON.stringify(body) });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as T;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'starcity-e2e-filings-'));
  [browser, server] = await Promise.all([sharedChromium(), startServer({ dataDir, env: { STARCITY_TODAY: NOTICE_DAY } })]);
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
  await closeAll();
  await releaseChromium(browser);
  await server?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('an application goes from the applicant through the officer, two experts and the public notice to the registry and the indicator', { timeout: 150_000 }, async () => {
  const applicantPage = await newPage();
  let id = 0;
  await withScreenshot(applicantPage, 'filings-applicant', async () => {
    const page = applicantPage;
    await signInOnPage(page, server.url, applicant);
    id = await startApplication(page, { type: PILOT.name.zh, field: '先进制造' });

    // Pre-filled from the registry: the applicant's district. A draft waits for its applicant: the header's badge counts what waits.
    const form = page.getByTestId('application-form');
    await form.locator('.ant-form-item', { has: page.locator('#data_district_code') }).getByText('岳麓区').waitFor();
    await expect.poll(() => page.getByTestId('inbox-count').getAttribute('data-count')).toBe('1');

    await fillForm(page, PILOT.form, {
      name: PLATFORM,
      operating_years: 3,
      site_area_m2: 1800,
      equipment_value_10k_yuan: 1200,
      pilot_projects: 25,
      full_time_staff: 14,
      technical_staff: 9,
      pilot_lines: '两条中试线：材料成型与装配测试',
    });
    await page.getByTestId('save-draft').click();
    // Under its criterion (2000 m²): saved, and marked for the reviewers.
    await page.getByTestId('below-minimum-site_area_m2').waitFor();

    // Documents missing: submitting is not offered yet.
    expect(await page.getByTestId('action-submit').isDisabled()).toBe(true);
    await uploadDocuments(page, requiredDocuments(PILOT));
    await submitApplication(page);
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
    await checkAndDraw(page, 3);
  });

  // Two experts score on the page, each signed in as themselves (the first through the login page, the second then in the same browser), from their inbox.
  const expertPage = await newPage();
  for (const [i, expert] of experts.slice(0, 2).entries()) {
    const page = expertPage;
    await withScreenshot(page, `filings-expert-${i + 1}`, async () => {
      if (i === 0) await signInOnPage(page, server.url, expert);
      else await signInAs(page, server.url, expert);
      await page.goto(`${server.url}/inbox`);
      await page.getByTestId('user-menu').getByText(expert.username).waitFor();
      await openFromInbox(page, id);
      await scoreOnPage(page, SCORES, '具备中试条件，同意备案');
    });
  }
  const third = await apiSignIn(server.url, experts[2]!);
  const scored = await third.call('POST', `/applications/${id}/reviews`, { scores: SCORES, comment: '同意' });
  expect(scored.status, JSON.stringify(scored.body)).toBe(200);

  await withScreenshot(officerPage, 'filings-officer-notice', async () => {
    const page = officerPage;
    await page.reload();
    await openNotice(page, 3);
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
    await fileApplication(page);
    await page.getByTestId('filed-record').click();
    await page.waitForURL(/\/platforms\/\d+$/);
    await page.getByText(PLATFORM).first().waitFor();

    await page.goto(`${server.url}/platforms?search=${encodeURIComponent('星城先进制造')}`);
    await page.getByTestId('list-table').getByText(PLATFORM).waitFor();

    expect(await kpiFigure(page, server.url, 'platforms.pilot_platform.count', '2026')).toBe(1);
  });
});
