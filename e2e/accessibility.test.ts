import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/demo/accounts.js';
import { organizationsCsv } from '../test/support/files.js';
import { withScreenshot } from './support/browser.js';
import { filingType, requiredDocuments } from './support/filingSteps.js';
import type { RunningServer } from './support/server.js';
import { apiSignIn, signInAs, type Account } from './support/session.js';
import { newTestPage, openSignedInPage, type SignedInPage } from './support/signedInPage.js';

/**
 * Accessibility (issue 13): axe-core finds no serious or critical violation on any page of the web
 * app, and each page has exactly one h1. Public pages are checked as an anonymous visitor, the
 * registry's, officers' and administrators' pages signed in as an administrator, on the demo registry (one server
 * for the whole file); records are the demo's first of each kind. The demo has no application and
 * no import: the set-up makes them over the API, as the demo's applicant and officer would — an
 * incomplete draft, an application returned for revision, an import with rejected rows — and the
 * applicant's pages are checked in English, with the field errors a submit of an incomplete form shows.
 */

const axePath = createRequire(import.meta.url).resolve('axe-core');
/** Playwright's wait for one step: axe on a long page under a full run's load takes a while. */
const STEP_TIMEOUT_MS = 20_000;
// bypassCSP: axe is injected as a script, which the server's Content-Security-Policy refuses.
const AUDITED = { bypassCSP: true };

const demo = (username: string): Account => ({ username, password: DEMO_PASSWORD });
const applicant = demo('org-user');
const officer = demo('officer');
const CENTER = filingType('concept-verification-center');

let session: SignedInPage;
let server: RunningServer;
let anonymous: Page;
let admin: Page;
/** The demo's organization user, in English. */
let applicantPage: Page;
/** What the demo lacks, made over the API while the public pages are checked; the signed-in tests wait for it. */
let made: Promise<[{ draft: number; returned: number }, number]>;
let applications: { draft: number; returned: number };
let importId: number;

beforeAll(async () => {
  session = await openSignedInPage({ demo: true, page: AUDITED, timeoutMs: STEP_TIMEOUT_MS });
  ({ server, page: admin } = session);
  [anonymous, applicantPage] = await Promise.all([newTestPage(session.browser, AUDITED, STEP_TIMEOUT_MS), newTestPage(session.browser, { ...AUDITED, locale: 'en' }, STEP_TIMEOUT_MS)]);
  // The UI's language as a visitor's earlier choice would leave it (web/src/i18n/language.ts).
  await applicantPage.addInitScript(`localStorage.setItem('starcity.language', 'en')`);
  // axe in every document the pages open, before the app's scripts: no injection per page.
  for (const page of [anonymous, admin, applicantPage]) await page.addInitScript({ path: axePath });
  made = Promise.all([makeApplications(), makeImport(), signInAs(applicantPage, server.url, applicant)]).then(([a, i]) => [a, i]);
  // A failure is the signed-in tests' (they await it), not an unhandled rejection meanwhile.
  made.catch(() => undefined);
});

afterAll(() => session?.close());

/** A small PDF of its own for each checklist item (the document check reads the first bytes). */
const pdf = (item: string) => new Blob([`%PDF-1.4\n% ${item}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`], { type: 'application/pdf' });

/**
 * The applicant starts three concept-verification centers: one stays an incomplete draft; one is
 * submitted; the third, complete but below a criterion's least value, is submitted too and the
 * officer returns it for revision. (Their state tags are on the applications list and the inbox.)
 */
async function makeApplications(): Promise<{ draft: number; returned: number }> {
  const [applicantApi, officerApi] = await Promise.all([apiSignIn(server.url, applicant), apiSignIn(server.url, officer)]);
  const me = await applicantApi.call<{ user: { organizations: Array<{ id: number }> } }>('GET', '/auth/me');
  const ok = <T>(reply: { status: number; body: T }, status = 200): T => {
    expect(reply.status, JSON.stringify(reply.body)).toBe(status);
    return reply.body;
  };
  const start = async (data: Record<string, string | number>) =>
    ok(await applicantApi.call<{ id: number }>('POST', '/applications', { filing_type: CENTER.code, organization_id: me.body.user.organizations[0]!.id, field: 'advanced_manufacturing', data }), 201).id;
  const act = (api: typeof officerApi, id: number, action: string, reason?: string) => api.call('POST', `/applications/${id}/transitions`, { action, ...(reason ? { reason } : {}) }).then((r) => ok(r));
  /** A complete application, with a document for each required checklist item, submitted. */
  const submitted = async (name: string, verifiedProjects: number) => {
    const id = await start({ name, district_code: '430104', verification_services: '原理验证与样机开发', verified_projects: verifiedProjects, full_time_staff: 6 });
    const attach = async (item: string) => {
      const upload = new FormData();
      upload.append('checklist_item', item);
      upload.append('file', pdf(`${name} ${item}`), `${item}.pdf`);
      ok(await applicantApi.call('POST', `/applications/${id}/attachments`, upload), 201);
    };
    await Promise.all(requiredDocuments(CENTER).map(attach));
    await act(applicantApi, id, 'submit');
    return id;
  };
  const [draft, , returned] = await Promise.all([
    start({ name: '岳麓山无障碍测试概念验证中心', verified_projects: 12 }),
    submitted('麓谷无障碍测试概念验证中心', 12),
    submitted('湘江无障碍测试概念验证中心', 3),
  ]);
  await act(officerApi, returned, 'start_check');
  await act(officerApi, returned, 'return', '请补充近三年验证项目清单');
  return { draft, returned };
}

/** An administrator's import of organizations with a bad row (POST /imports), once it has run. */
async function makeImport(): Promise<number> {
  const upload = new FormData();
  upload.append('entity', 'organizations');
  upload.append('file', new Blob([`${organizationsCsv(2)}BAD,坏代码,enterprise,430104,,\n`], { type: 'text/csv' }), '无障碍测试.csv');
  const res = await fetch(`${server.url}/api/v1/imports`, { method: 'POST', headers: server.auth, body: upload });
  expect(res.status, await res.clone().text()).toBe(202);
  const { id } = (await res.json()) as { id: number };
  // It runs in the background of the server (expect.poll is for tests, not their set-up).
  const status = async () => ((await (await fetch(`${server.url}/api/v1/imports/${id}`, { headers: server.auth })).json()) as { status: string }).status;
  while ((await status()) === 'running') await new Promise((r) => setTimeout(r, 100));
  return id;
}

/** A technology contract the demo's city officer enters over the API (the demo has none), sold by a demo organization. */
async function makeContract(): Promise<number> {
  const officerApi = await apiSignIn(server.url, officer);
  const body = { contract_number: 'WZA-2026-001', title: '无障碍检查用技术开发合同', type: 'development', sub_type: 'commissioned', seller_org_id: Number(await firstId('/organizations?per_page=1')), buyer_name: 'Fraunhofer ILT', buyer_region: 'DE', contract_amount: '3500000', transaction_amount: '3200000.50', signed_on: '2026-03-02' };
  const res = await officerApi.call<{ id: number }>('POST', '/tech-contracts', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/** The id of the first record an API list gives the administrator. */
async function firstId(path: string): Promise<string> {
  const res = await fetch(`${server.url}/api/v1${path}`, { headers: server.auth });
  expect(res.status, path).toBe(200);
  const body = (await res.json()) as { results: Array<{ id: number }> };
  expect(body.results.length, `${path} has a record`).toBeGreaterThan(0);
  return String(body.results[0]!.id);
}

/** A page and what it draws once its data is there (the h1 where that is all): axe runs then. */
type Audited = readonly [path: string, ready: string];
const testId = (id: string) => `[data-testid="${id}"]`;
/** A table's first row of data. */
const rowsOf = (id: string) => `${testId(id)} tbody tr.ant-table-row`;

interface Finding {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Set on the h1 of the page the test leaves, so the wait for the next page cannot take it for the new one. */
const LEFT = 'data-a11y-left';

/**
 * Waits until the page has drawn its data: its h1 (not the one of the page it came from), what
 * `ready` names, and no loading skeleton or spinner left (nor the faded content under one), which
 * are not what a user reads.
 */
async function drawn(page: Page, ready: string): Promise<void> {
  await page.locator(`h1:not([${LEFT}])`).first().waitFor();
  await page.locator(ready).first().waitFor();
  await page.waitForFunction("!document.querySelector('.ant-spin-spinning, .ant-spin-blur, .ant-skeleton-active')");
}

/**
 * axe's rules whose findings are only ever minor or moderate, turned off: a rule that declares its
 * impact gives every finding that impact (axe's finalizeRuleResult), and only serious and critical
 * ones fail a page, so they ran for nothing — a third of axe's time per page. The rest run as axe's
 * defaults have them. (Rule impacts are axe's internal _audit; a later axe without it fails here, loudly.)
 */
const ONLY_SEVERE_RULES = `Object.fromEntries(axe._audit.rules.filter((r) => r.impact === 'minor' || r.impact === 'moderate').map((r) => [r.id, { enabled: false }]))`;

/** Runs axe on the page as it is; serious and critical violations, and the number of h1s. */
async function audit(page: Page): Promise<{ findings: Finding[]; h1s: number }> {
  // A string, evaluated in the page: this file is compiled without the DOM's types.
  const results = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'], rules: ${ONLY_SEVERE_RULES} })`)) as AxeResults;
  const findings = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ rule: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) }));
  return { findings, h1s: await page.locator('h1').count() };
}

/** Checks the page open at `path` as it is once drawn. */
async function expectDrawnAccessible(page: Page, [path, ready]: Audited): Promise<void> {
  await withScreenshot(page, `a11y${path.replace(/[^\w]+/g, '-')}`, async () => {
    await drawn(page, ready);
    const { findings, h1s } = await audit(page);
    expect(findings, `${path}: serious or critical axe violations`).toEqual([]);
    expect(h1s, `${path}: h1 elements`).toBe(1);
  });
}

/**
 * Opens the page as a user moves in the app: the first time by its address, then as a link does,
 * by the router (history.pushState and the popstate event React Router listens to). A full load of
 * every page restarted React and recomputed every style (antd's CSS-in-JS) each time: most of this
 * file's time under a full run's load. What is checked is the same page, drawn by the same code.
 */
async function open(page: Page, path: string): Promise<void> {
  if (!page.url().startsWith(server.url)) {
    // From the moment the new document is there, what it draws is awaited (not the load event, nor a quiet network).
    await page.goto(`${server.url}${path}`, { waitUntil: 'commit' });
    return;
  }
  // Strings: they run in the page, and this file is compiled without the DOM's types.
  await page.evaluate(`document.querySelectorAll('h1').forEach((h) => h.setAttribute('${LEFT}', ''))`);
  await page.evaluate(`history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`);
}

async function expectAccessible(page: Page, audited: Audited): Promise<void> {
  await open(page, audited[0]);
  await expectDrawnAccessible(page, audited);
}

/** What a visitor may open (the registry's pages are for accounts since issue 16: checked signed in below). */
const PUBLIC_PAGES: Audited[] = [
  ['/login', testId('login-form')],
  ['/notices', 'h1'],
  ['/recruitment-calls', rowsOf('list-table')],
  ['/no-such-page', 'h1'],
  ['/portal', `${testId('portal-headline')} a`],
  ['/portal/map', `${testId('portal-cartogram')} a`],
  ['/portal/indicators/rd_institutions.count', `${testId('portal-indicator-rows')} table`],
  // Not right after /portal/map: the same page with another question keeps its h1, which the wait takes for the page left.
  ['/portal/map?by=zone', `${testId('portal-cartogram')} a`],
  ['/portal/search?kind=institution', `${testId('portal-search-results')} a`],
  ['/portal/notices', testId('portal-notices')],
  ['/portal/recruitment', testId('portal-recruitment')],
];

test.each(PUBLIC_PAGES)('public page %s, anonymous', async (path, ready) => {
  await expectAccessible(anonymous, [path, ready]);
});

test('registry record and indicator pages, signed in', async () => {
  const pages: Audited[] = [
    [`/organizations/${await firstId('/organizations?per_page=1')}`, 'h1'],
    [`/rd-institutions/${await firstId('/rd-institutions?per_page=1')}`, 'h1'],
    [`/platforms/${await firstId('/platforms?per_page=1')}`, 'h1'],
    [`/qualifications/${await firstId('/qualifications?per_page=1')}`, 'h1'],
    ['/indicators/rd_institutions.count', testId('indicator-page')],
  ];
  for (const audited of pages) await expectAccessible(admin, audited);
});

test('public profile pages, anonymous', async () => {
  const pages: Audited[] = [
    [`/portal/platforms/${await firstId('/public/datasets/platforms/rows?per_page=1')}`, testId('portal-related-transfers')],
    [`/portal/institutions/${await firstId('/public/datasets/rd_institutions/rows?per_page=1')}`, testId('portal-four-global')],
  ];
  for (const audited of pages) await expectAccessible(anonymous, audited);
});

const ADMIN_PAGES: Audited[] = [
  ['/', testId('home-counts')],
  ['/dashboard', `${testId('kpi-cards')} ${testId('kpi-value')}`],
  ['/indicators', rowsOf('indicator-catalogue')],
  ['/organizations', rowsOf('list-table')],
  ['/rd-institutions', rowsOf('list-table')],
  ['/platforms', rowsOf('list-table')],
  ['/qualifications', rowsOf('list-table')],
  ['/organizations/new', '#uscc'],
  ['/tech-contracts/new', '#contract_number'],
  ['/talent-introductions', rowsOf('list-table')],
  ['/ip-loans', rowsOf('list-table')],
  ['/achievements', rowsOf('list-table')],
  ['/analysis/market', testId('analysis-chart')],
  ['/analysis/graph?node=organization:1', `${testId('graph-chart')} svg`],
  ['/analysis/chains', `${testId('chain-sankey')} svg`],
  ['/achievements/1', testId('match-row')],
  ['/imports', rowsOf('import-list')],
  ['/imports/new', testId('import-entity')],
  ['/admin/users', rowsOf('users-table')],
  ['/admin/audit', rowsOf('audit-table')],
  ['/tokens', rowsOf('tokens-table')],
  ['/applications', rowsOf('application-list')],
  ['/applications/new', testId('new-application-form')],
  ['/inbox', `${testId('inbox-waiting')} ${testId('inbox-open')}`],
  ['/experts', rowsOf('experts-table')],
  ['/targets', rowsOf('target-list')],
];

describe('with applications and an import made', () => {
  beforeAll(async () => {
    [applications, importId] = await made;
  });

  test.each(ADMIN_PAGES)('registry, officer and administrator page %s, signed in', async (path, ready) => {
    await expectAccessible(admin, [path, ready]);
  });

  test('record edit, application and import pages, signed in', async () => {
    const pages: Audited[] = [
      [`/organizations/${await firstId('/organizations?per_page=1')}/edit`, '#uscc'],
      ...(await makeContract().then((id): Audited[] => [
        ['/tech-contracts', rowsOf('list-table')],
        [`/tech-contracts/${id}`, 'h1'],
        [`/tech-contracts/${id}/edit`, '#contract_number'],
      ])),
      [`/applications/${applications.returned}`, testId('return-reason')],
      [`/imports/${importId}`, rowsOf('import-problems')],
    ];
    for (const audited of pages) await expectAccessible(admin, audited);
  });

  test("the applicant's draft and returned application, in English, with the field errors of an incomplete submit", async () => {
    await expectAccessible(applicantPage, [`/applications/${applications.draft}`, testId('application-form')]);
    const returned: Audited = [`/applications/${applications.returned}`, testId('below-minimum-verified_projects')];
    await expectAccessible(applicantPage, returned);
    // Emptied, a required field stops the submit and says so beside the field.
    await applicantPage.locator('#data_name').fill('');
    await applicantPage.getByTestId('action-submit').click();
    await applicantPage.locator('.ant-form-item', { has: applicantPage.locator('#data_name') }).getByText('Fill this in before submitting').waitFor();
    expect(await applicantPage.locator('html').getAttribute('lang')).toBe('en');
    await expectDrawnAccessible(applicantPage, returned);
  });
});
