import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { releaseChromium, sharedChromium, withScreenshot } from './support/browser.js';
import { signIn, startServer, type RunningServer } from './support/server.js';
import { newTestPage } from './support/signedInPage.js';

/**
 * Web delivery (issues 13, 16): the JavaScript (raw, before compression) of a first, cold visit to
 * `/`, and that Chromium gets it compressed. `/` is two first pages, each with its budget
 * (bench/README.md records the figures):
 * - a visitor's: the public portal, its own entry (web/portal.html), often on a phone;
 * - an account's: the overview of the registry (web/index.html), with the header's inbox button
 *   and account menu, which load after the first render.
 * The figures follow the route splitting in web/src/routes.tsx and the chunks of
 * web/vite.config.ts. The API's own page, the swagger UI at /api/docs, renders under the server's
 * Content-Security-Policy (the app's pages are checked by every browser test: e2e/support/browser.ts).
 */

const KIB = 1024;
const PORTAL_JS_LIMIT = 460 * KIB;
const OVERVIEW_JS_LIMIT = 800 * KIB;

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [browser, server] = await Promise.all([sharedChromium(), startServer()]);
});

afterAll(async () => {
  await releaseChromium(browser);
  await server?.stop();
});

interface ScriptLoad {
  url: string;
  rawBytes: number;
  encoding: string | undefined;
}

interface FirstLoad {
  /** Whether the page's context is signed in as the server's administrator first. */
  signedIn: boolean;
  /** The test ids of what the page shows once drawn, the parts that load after the first render included. */
  shows: string[];
  screenshot: string;
}

/** Opens `/` in a fresh context (an empty cache) and lists every script it loads until the network is idle. */
async function scriptsOnFirstLoad({ signedIn, shows, screenshot }: FirstLoad): Promise<ScriptLoad[]> {
  const page = await newTestPage(browser);
  if (signedIn) await signIn(page, server);
  const loads: Promise<ScriptLoad>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    loads.push(Promise.all([res.body(), res.allHeaders()]).then(([body, headers]) => ({ url: res.url(), rawBytes: body.length, encoding: headers['content-encoding'] })));
  });
  try {
    await withScreenshot(page, screenshot, async () => {
      await page.goto(`${server.url}/`);
      for (const testId of shows) await page.getByTestId(testId).waitFor();
      await page.waitForLoadState('networkidle');
    });
    return await Promise.all(loads);
  } finally {
    await page.context().close();
  }
}

function expectWithin(scripts: ScriptLoad[], limit: number): void {
  const total = scripts.reduce((sum, s) => sum + s.rawBytes, 0);
  const listing = scripts.map((s) => `${s.url.replace(server.url, '')} ${s.rawBytes}`).join('\n');
  expect(scripts.length, 'scripts loaded').toBeGreaterThan(0);
  expect(total, `first-page JavaScript, raw bytes:\n${listing}`).toBeLessThanOrEqual(limit);
  // Every script worth it comes as a copy compressed at build time (scripts/precompress.mjs leaves
  // out files under 1 KiB); Chromium asks for brotli only over HTTPS, so gzip here.
  for (const s of scripts.filter((s) => s.rawBytes >= KIB)) expect(s.encoding, s.url).toMatch(/^(br|gzip)$/);
}

test(`a visitor's first visit to / (the public portal) loads at most ${PORTAL_JS_LIMIT / KIB} KiB of JavaScript, compressed`, async () => {
  expectWithin(await scriptsOnFirstLoad({ signedIn: false, shows: ['portal-headline'], screenshot: 'delivery-portal' }), PORTAL_JS_LIMIT);
});

test(`an account's first visit to / (the overview) loads at most ${OVERVIEW_JS_LIMIT / KIB} KiB of JavaScript, compressed`, async () => {
  expectWithin(await scriptsOnFirstLoad({ signedIn: true, shows: ['home-counts', 'inbox-count', 'user-menu'], screenshot: 'delivery-overview' }), OVERVIEW_JS_LIMIT);
});

/**
 * The swagger UI parses and draws the whole OpenAPI document (165 operations, 650 KB) at once: 20–25 s
 * on a loaded 2-core machine, past a page step's usual 15 s.
 */
const API_DOCS_STEP_TIMEOUT_MS = 45_000;

test('the API docs (swagger UI) render under the Content-Security-Policy', async () => {
  const page = await newTestPage(browser, {}, API_DOCS_STEP_TIMEOUT_MS);
  try {
    await withScreenshot(page, 'delivery-api-docs', async () => {
      const docs = await page.goto(`${server.url}/api/docs`);
      expect(docs?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      await page.getByText('StarCity API').first().waitFor();
      await page.locator('.opblock').first().waitFor();
    });
  } finally {
    await page.context().close();
  }
});
