import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { releaseChromium, sharedChromium, watchContentSecurity } from './browser.js';
import { seedDemo, signIn, startServer, type RunningServer } from './server.js';

/**
 * What every test page gets unless a test says otherwise: Chinese, a desktop window, and reduced
 * motion — the app then turns Ant Design's motion off, so a click on an option is not lost while a
 * dropdown still opens (seen under a full run's load).
 */
export const PAGE_DEFAULTS = { locale: 'zh-CN', viewport: { width: 1440, height: 1000 }, reducedMotion: 'reduce' } as const satisfies BrowserContextOptions;

/** Playwright's wait for any one step: long enough for a page under a full run's load. */
const STEP_TIMEOUT_MS = 15_000;

/**
 * A page of its own browser context: {@link PAGE_DEFAULTS} under `options`, its Content-Security-
 * Policy violations watched (unless the test bypasses the policy to inject a script).
 */
export async function newTestPage(browser: Browser, options: BrowserContextOptions = {}, timeoutMs = STEP_TIMEOUT_MS): Promise<Page> {
  const page = await browser.newPage({ ...PAGE_DEFAULTS, ...options });
  page.setDefaultTimeout(timeoutMs);
  if (!options.bypassCSP) await watchContentSecurity(page);
  return page;
}

export interface SignedInPageOptions {
  /** The demo registry (a copy of the run's template) instead of an empty one. */
  demo?: boolean;
  /** false: the page stays anonymous (it may sign in on the login page). Default: the server's administrator. */
  signedIn?: boolean;
  /** The page's context options, over {@link PAGE_DEFAULTS}. */
  page?: BrowserContextOptions;
  timeoutMs?: number;
}

export interface SignedInPage {
  browser: Browser;
  server: RunningServer;
  page: Page;
  /** Closes the file's browser contexts (the worker's Chromium stays), stops the server and removes the data directory made for it. */
  close: () => Promise<void>;
}

/** A test file's set-up: the worker's Chromium, a server of its own (empty or the demo) and a page on it, signed in unless asked not to be. */
export async function openSignedInPage({ demo = false, signedIn = true, page: pageOptions = {}, timeoutMs }: SignedInPageOptions = {}): Promise<SignedInPage> {
  const dataDir = demo ? mkdtempSync(join(tmpdir(), 'starcity-e2e-demo-')) : undefined;
  const serving = (async () => {
    if (dataDir) await seedDemo(dataDir);
    return startServer({ dataDir });
  })();
  const [browser, server] = await Promise.allSettled([sharedChromium(), serving]);
  const close = async () => {
    if (browser.status === 'fulfilled') await releaseChromium(browser.value);
    if (server.status === 'fulfilled') await server.value.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (browser.status === 'rejected') throw browser.reason;
    if (server.status === 'rejected') throw server.reason;
    const page = await newTestPage(browser.value, pageOptions, timeoutMs);
    if (signedIn) await signIn(page, server.value);
    return { browser: browser.value, server: server.value, page, close };
  } catch (err) {
    await close();
    throw err;
  }
}
