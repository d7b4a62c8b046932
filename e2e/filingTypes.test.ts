import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/demo/accounts.js';
import { releaseChromium, sharedChromium, withScreenshot } from './support/browser.js';
import {
  checkAndDraw,
  fileApplication,
  filingType,
  fillForm,
  kpiFigure,
  openFromInbox,
  openFromList,
  openNotice,
  pageMaker,
  requiredDocuments,
  scoreOnPage,
  signInOnPage,
  startApplication,
  submitApplication,
  uploadDocuments,
} from './support/filingSteps.js';
import { demoDatabase, startServer, type RunningServer } from './support/server.js';
import { apiSignIn, signInAs, type Account } from './support/session.js';

/**
 * The three other filing types (issue 5) through the pages, on the demo registry and its
 * accounts: Hunan University's organization user applies for a concept-verification center, a
 * new-type R&D institution and the "four global" confirmation of one of its institutions —
 * generated form, required documents, submit; the city officer takes each from the inbox, draws
 * the experts and passes the check; every drawn expert of the demo pool scores what waits in
 * their inbox; the officer opens the notices. A working week later (the server restarted on the
 * same data with STARCITY_TODAY) the officer files all three, and the registry pages and the
 * dashboard show what filing wrote. On PostgreSQL when the run has one (CI does): the pilot
 * platform's test (filings.test.ts) runs on the embedded engine, so the pages are proven on both.
 */

/** A Friday: the 5-working-day notices run to Friday 2026-11-20; filing on Monday 2026-11-23. */
const NOTICE_DAY = '2026-11-13';
const FILING_DAY = '2026-11-23';
const YEAR = '2026';
/** Changsha as a whole, the area of the dashboard's figures. */
const CITY = '430100';

const demo = (username: string): Account => ({ username, password: DEMO_PASSWORD });
const applicant = demo('org-user');
const officer = demo('officer');
/** The demo pool in advanced manufacturing (expert-6 works at the applicant and is left out). */
const experts = ['expert', 'expert-2', 'expert-3', 'expert-4', 'expert-5'].map(demo);

const CENTER = '湖南大学岳麓山概念验证中心';
const INSTITUTION = '湖南大学湘江先进材料新型研发院';

/** Each case: its type, what the applicant fills in, what each expert gives. */
const cases = {
  center: {
    type: filingType('concept-verification-center'),
    form: { name: CENTER, verification_services: '原理验证、可行性验证与样机开发', verified_projects: 12, full_time_staff: 6, fund_10k_yuan: 800 },
    scores: { conditions: 21, services: 30, mechanism: 17, prospects: 17 },
  },
  institution: {
    type: filingType('new-rd-institution'),
    form: {
      name: INSTITUTION,
      established_on: '2024-03-01',
      independent_legal_person: true,
      research_directions: '先进材料共性关键技术研发与成果转化',
      rd_staff: 60,
      rd_expenditure_10k_yuan: 3000,
      income_sources: '技术合同与政府项目',
    },
    scores: { governance: 17, capability: 26, results: 25, sustainability: 17 },
  },
  fourGlobal: {
    type: filingType('four-global'),
    form: {
      global_layout_claimed: true,
      global_layout_evidence: '新加坡、慕尼黑设有研发分中心',
      global_tasks_claimed: true,
      global_tasks_evidence: '承接德国客户研发任务 3 项',
      global_resources_claimed: false,
      global_results_claimed: false,
    },
    scores: { evidence: 42, scale: 40 },
  },
};
type Case = keyof typeof cases;
const order: Case[] = ['center', 'institution', 'fourGlobal'];
const total = (c: Case) => Object.values(cases[c].scores).reduce((a, b) => a + b, 0);

/** The KPIs filing moves on the dashboard: one more center, one more institution, one more with a confirmed feature. */
const KPIS = ['platforms.concept_verification_center.count', 'rd_institutions.count', 'rd_institutions.global_any'];

let dataDir: string;
let database: Awaited<ReturnType<typeof demoDatabase>>;
let server: RunningServer;
let browser: Browser;
const { newPage, closeAll } = pageMaker(() => browser);
/** One of the applicant's institutions with no feature confirmed yet: the subject of the "four global" case. */
let subject: { id: number; name: string };
/** The KPIs' city-wide values before, read from the API. */
const before: Record<string, number> = {};

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'starcity-e2e-filing-types-'));
  [browser, database] = await Promise.all([sharedChromium(), demoDatabase(dataDir)]);
  server = await startServer({ dataDir, env: { ...database.env, STARCITY_TODAY: NOTICE_DAY }, admin: demo('admin') });
  const api = await apiSignIn(server.url, applicant);
  const me = await api.call<{ user: { organizations: Array<{ id: number }> } }>('GET', '/auth/me');
  const hosted = await api.call<{ results: Array<{ id: number; name: string; global_feature_count: number }> }>('GET', `/rd-institutions?filter=host_org_id:${me.body.user.organizations[0]!.id}&per_page=100&sort=name`);
  subject = hosted.body.results.find((r) => r.global_feature_count === 0)!;
  expect(subject, 'an institution of the applicant with no feature confirmed').toBeDefined();
  for (const code of KPIS) {
    const observed = await api.call<{ results: Array<{ value: number }> }>('GET', `/indicators/${code}/observations?period=${YEAR}&area=${CITY}`);
    before[code] = observed.body.results[0]!.value;
  }
});

afterAll(async () => {
  await closeAll();
  await releaseChromium(browser);
  await server?.stop();
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test(`a concept-verification center, a new R&D institution and a "four global" confirmation go from the applicant to the registry (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, { timeout: 150_000 }, async () => {
  const ids = {} as Record<Case, number>;
  const applicantPage = await newPage();
  await withScreenshot(applicantPage, 'filing-types-applicant', async () => {
    const page = applicantPage;
    await signInOnPage(page, server.url, applicant);
    for (const c of order) {
      const { type, form } = cases[c];
      ids[c] = await startApplication(page, { type: type.name.zh, field: '先进制造', ...(c === 'fourGlobal' ? { institution: subject.name } : {}) });
      // Pre-filled from the registry: the university's district; a confirmation names its institution.
      if (c === 'fourGlobal') {
        await page.getByTestId('application-title').getByText(subject.name).waitFor();
        expect(await page.getByTestId('subject-institution').getAttribute('href')).toBe(`/rd-institutions/${subject.id}`);
      } else await page.getByTestId('application-form').locator('.ant-form-item', { has: page.locator('#data_district_code') }).getByText('岳麓区').waitFor();
      await fillForm(page, type.form, form);
      await uploadDocuments(page, requiredDocuments(type));
      await submitApplication(page);
    }
  });

  const officerPage = await newPage();
  await withScreenshot(officerPage, 'filing-types-officer-check', async () => {
    await signInAs(officerPage, server.url, officer);
    await officerPage.goto(`${server.url}/inbox`);
    for (const c of order) {
      await openFromInbox(officerPage, ids[c]);
      await checkAndDraw(officerPage, cases[c].type.review!.experts);
    }
  });

  // Each expert of the pool scores what waits in their inbox: all five the institution, three of them
  // each of the others. Each type's generated score form is filled on its page once, by the first
  // expert it waits for; the other scores go over the API (the page's steps are the same).
  const expertPage = await newPage();
  const scored: Record<Case, number> = { center: 0, institution: 0, fourGlobal: 0 };
  for (const expert of experts) {
    const api = await apiSignIn(server.url, expert);
    const inbox = await api.call<{ waiting: Array<{ id: number }> }>('GET', '/inbox');
    const waiting = order.filter((c) => inbox.body.waiting.some((a) => a.id === ids[c]));
    const onPage = waiting.filter((c) => scored[c] === 0);
    if (onPage.length > 0) {
      await withScreenshot(expertPage, `filing-types-${expert.username}`, async () => {
        await signInAs(expertPage, server.url, expert);
        await expertPage.goto(`${server.url}/inbox`);
        await expertPage.getByTestId('user-menu').getByText(expert.username).waitFor();
        for (const c of waiting) await expertPage.getByTestId(`inbox-item-${ids[c]}`).waitFor();
        for (const c of onPage) {
          await openFromInbox(expertPage, ids[c]);
          await scoreOnPage(expertPage, cases[c].scores, '材料齐全，同意通过');
        }
      });
    }
    for (const c of waiting) {
      if (!onPage.includes(c)) {
        const review = await api.call('POST', `/applications/${ids[c]}/reviews`, { scores: cases[c].scores, comment: '材料齐全，同意通过' });
        expect(review.status, JSON.stringify(review.body)).toBe(200);
      }
      scored[c] += 1;
    }
  }
  expect(scored).toEqual({ center: 3, institution: 5, fourGlobal: 3 });

  await withScreenshot(officerPage, 'filing-types-officer-notice', async () => {
    // Under review the applications wait for the experts, not in the officer's inbox: from the list.
    for (const c of order) {
      await openFromList(officerPage, ids[c]);
      await officerPage.getByTestId('review-outcome').getByText(String(total(c))).waitFor();
      await openNotice(officerPage, cases[c].type.review!.experts);
      expect(await officerPage.getByTestId('notice-period').innerText()).toBe(`${NOTICE_DAY} 至 2026-11-20`);
    }
  });

  // A working week later: the same data, the server's date moved on.
  await server.stop();
  server = await startServer({ dataDir, env: { ...database.env, STARCITY_TODAY: FILING_DAY }, reuse: server });
  await withScreenshot(officerPage, 'filing-types-officer-file', async () => {
    const page = officerPage;
    await signInAs(page, server.url, officer);
    await page.goto(`${server.url}/inbox`);
    for (const c of order) {
      await openFromInbox(page, ids[c]);
      await fileApplication(page);
    }
    // The confirmation (filed last): the two claimed features dated the filing day, the other two still pending.
    await page.getByTestId('filed-record').click();
    await page.waitForURL(new RegExp(`/rd-institutions/${subject.id}$`));
    const features = page.getByTestId('four-global');
    for (const evidence of [cases.fourGlobal.form.global_layout_evidence, cases.fourGlobal.form.global_tasks_evidence]) {
      await features.locator('tr', { hasText: evidence }).locator('.ant-tag', { hasText: FILING_DAY }).waitFor();
    }
    expect(await features.locator('.ant-tag', { hasText: FILING_DAY }).count()).toBe(2);
    expect(await features.getByText('待确认').count()).toBe(2);
    await page.getByText('已确认 2/4').first().waitFor();
  });

  await withScreenshot(officerPage, 'filing-types-registry', async () => {
    const page = officerPage;
    // The center is a concept-verification center of the university.
    await page.goto(`${server.url}/platforms?search=${encodeURIComponent('岳麓山概念验证')}`);
    const centerRow = page.getByTestId('list-table').locator('tr', { hasText: CENTER });
    await centerRow.getByText('概念验证中心', { exact: true }).waitFor();
    await centerRow.getByText('湖南大学', { exact: true }).waitFor();

    // The institution is a new-type R&D institution, established as the form said.
    await page.goto(`${server.url}/rd-institutions?search=${encodeURIComponent('湘江先进材料')}`);
    const institutionRow = page.getByTestId('list-table').locator('tr', { hasText: INSTITUTION });
    await institutionRow.getByText('新型研发机构', { exact: true }).waitFor();
    await institutionRow.getByText('2024-03-01').waitFor();

    for (const code of KPIS) expect(await kpiFigure(page, server.url, code, YEAR), code).toBe(before[code]! + 1);
  });
});
