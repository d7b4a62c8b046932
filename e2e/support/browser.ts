import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Debian's Chromium (no downloaded browser): STARCITY_CHROMIUM overrides the path. */
export const chromiumPath = process.env.STARCITY_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Launches headless Chromium with the flags that keep it quiet and offline. Playwright gives every
 * launch a fresh temporary profile (its own --user-data-dir), so no state leaks between runs.
 */
function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(
      `Chromium not found at ${chromiumPath}. The browser test needs Debian's chromium: apt-get install chromium ` +
        '(or set STARCITY_CHROMIUM to another Chromium; STARCITY_E2E=0 leaves the browser test out of npm test).',
    );
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

let workerBrowser: Promise<Browser> | undefined;

/**
 * The worker's Chromium: launched by the first test file that asks, kept for the files the same
 * worker runs after it (one at a time), and ended with the worker (Playwright kills what it launched
 * on exit). A launch and its first page cost 3–5 s under a full run's load, per file before. Files
 * share nothing through it: every page has a browser context of its own (cookies, storage, cache),
 * and {@link releaseChromium} closes a file's contexts when it ends. A browser that crashed is
 * launched anew for the next file.
 */
export async function sharedChromium(): Promise<Browser> {
  const current = await workerBrowser?.catch(() => undefined);
  if (current?.isConnected()) return current;
  workerBrowser = launchChromium();
  return workerBrowser;
}

/** Closes the contexts a test file opened in the worker's Chromium, leaving the browser to the next file. */
export async function releaseChromium(browser: Browser | undefined): Promise<void> {
  await Promise.all((browser?.contexts() ?? []).map((context) => context.close().catch(() => undefined)));
}

/** The Content-Security-Policy violations each watched page reported, in the order they came. */
const cspViolations = new WeakMap<Page, string[]>();

/**
 * Collects what the server's Content-Security-Policy refuses on this page (issue 13): Chromium says
 * it by the DOM's securitypolicyviolation event and on the console. Every step run by
 * {@link withScreenshot} then fails if its page reported one, so each page any browser test opens
 * is checked under the policy, not a chosen few.
 */
export async function watchContentSecurity(page: Page): Promise<void> {
  const seen: string[] = [];
  cspViolations.set(page, seen);
  page.on('console', (m) => void (/Content Security Policy/i.test(m.text()) && seen.push(m.text())));
  await page.exposeFunction('reportCspViolation', (v: string) => void seen.push(v));
  // A string: it runs in the page, where document and window are the browser's.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => window.reportCspViolation(e.violatedDirective + ' ' + e.blockedURI + ' on ' + location.pathname));`);
}

function expectNoCspViolation(page: Page): void {
  const seen = cspViolations.get(page) ?? [];
  if (seen.length > 0) throw new Error(`The page broke the Content-Security-Policy:\n${seen.splice(0).join('\n')}`);
}

/**
 * Runs a test step, then checks its page reported no Content-Security-Policy violation (when
 * watched); on failure saves a full-page screenshot to test-results/ before failing.
 */
export async function withScreenshot(page: Page, name: string, step: () => Promise<void>): Promise<void> {
  try {
    await step();
    expectNoCspViolation(page);
  } catch (err) {
    const dir = join(root, 'test-results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.png`);
    const saved = await page.screenshot({ path: file, fullPage: true }).then(
      () => `screenshot: ${file}`,
      (e: Error) => `no screenshot (${e.message})`,
    );
    (err as Error).message += `\n${saved} (page ${page.url()})`;
    throw err;
  }
}

/** Picks an option by its visible label, in a native <select> or an Ant Design Select. */
export async function choose(page: Page, fieldSelector: string, label: string): Promise<void> {
  const native = page.locator(`select${fieldSelector}`);
  if ((await native.count()) > 0) {
    await native.selectOption({ label });
    return;
  }
  const field = page.locator(fieldSelector);
  const antSelect = page.locator('.ant-select', { has: field });
  await ((await antSelect.count()) > 0 ? antSelect.first() : field).click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) })
    .first()
    .click();
}
