// `npm run bench:lighthouse`: Lighthouse 12 in its default mobile emulation (a mid-range phone,
// simulated slow 4G and a 4× slower CPU) on the public portal of the demo registry, with
// Debian's Chromium: the portal's home, a profile and the notices page (issue 16's goal:
// performance ≥ 90, accessibility 100). Builds what is stale, starts `starcity serve` on a fresh
// data directory (the demo loads into it), runs each page RUNS times and writes the median run's
// scores and metrics into bench/README.md.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import { fmt, load1, machine, writeReadmeSection } from '../api/report.mjs';
import { freePort } from '../api/processes.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const GOALS = { performance: 90, accessibility: 100 };
const BEGIN = '<!-- lighthouse-results:begin (written by bench/lighthouse/run.mjs) -->';
const END = '<!-- lighthouse-results:end -->';
const READY_TIMEOUT_MS = 300_000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `url` until it answers 200 or `child` exits. */
async function waitFor(url, child, what) {
  const until = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${what} exited with status ${child.exitCode}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await sleep(250);
  }
  throw new Error(`${what} was not ready at ${url} within ${READY_TIMEOUT_MS / 1000} s`);
}

async function startServer(dataDir) {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    STARCITY_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // Lighthouse's page loads come from one address, as a crowd behind one gateway would.
    STARCITY_ANONYMOUS_RATE_LIMIT: '1000000',
    STARCITY_PUBLIC_RATE_LIMIT: '1000000',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [join(root, 'bin/starcity.js'), 'serve'], { cwd: root, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/readyz`, child, 'starcity serve');
  return { url, stop: () => child.kill('SIGTERM') };
}

/** Chromium with its DevTools port open, which Lighthouse drives. */
async function startChromium(profileDir) {
  const port = await freePort();
  const child = spawn(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`, `--user-data-dir=${profileDir}`, 'about:blank'], { stdio: 'ignore' });
  await waitFor(`http://127.0.0.1:${port}/json/version`, child, CHROMIUM);
  return { port, stop: () => child.kill('SIGTERM') };
}

const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};

async function audit(url, port) {
  const { lhr } = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
  const score = (c) => Math.round((lhr.categories[c].score ?? 0) * 100);
  const failed = lhr.categories.accessibility.auditRefs.filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1).map((r) => r.id);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    metrics: Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id].numericValue])),
    failed,
    version: lhr.lighthouseVersion,
    chrome: lhr.environment.hostUserAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? 'unknown',
  };
}

/** The run of median performance (its other figures with it, so they belong together). */
function medianRun(runs) {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  return sorted[Math.floor(sorted.length / 2)];
}

async function firstInstitution(url) {
  const res = await fetch(`${url}/api/v1/public/datasets/rd_institutions/rows?per_page=1`);
  if (!res.ok) throw new Error(`the public R&D institutions answered ${res.status}`);
  const { results } = await res.json();
  if (!results.length) throw new Error('the demo publishes no R&D institution');
  return results[0].id;
}

function render({ date, machine: m, loadBefore, loadAfter, pages }) {
  const { version, chrome } = pages[0].result;
  const ms = (n) => `${fmt(n)} ms`;
  const rows = pages.map(({ name, path, result: r, runs }) => {
    const ok = r.performance >= GOALS.performance && r.accessibility >= GOALS.accessibility;
    return `| ${name} (\`${path}\`) | **${r.performance}** (${runs.map((x) => x.performance).join(', ')}) | **${r.accessibility}** | ${ms(r.metrics.fcp)} | ${ms(r.metrics.lcp)} | ${ms(r.metrics.tbt)} | ${fmt(r.metrics.cls, 3)} | ${ms(r.metrics.si)} | ${ok ? '**met**' : `**not met**${r.failed.length ? `: ${r.failed.join(', ')}` : ''}`} |`;
  });
  return [
    BEGIN,
    `## Lighthouse results of ${date}`,
    '',
    `Lighthouse ${version}, mobile emulation (its default: simulated slow 4G, 4× CPU slowdown), Chromium ${chrome} headless; ` +
      `${m.nproc} CPUs (${m.cpu}), ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; load average ${loadBefore} before, ${loadAfter} after. ` +
      `Each page ${pages[0].runs.length} times; the median run by performance (all runs' performance in brackets). Goal: performance ≥ ${GOALS.performance}, accessibility ${GOALS.accessibility}.`,
    '',
    '| Page | Performance | Accessibility | FCP | LCP | TBT | CLS | Speed Index | Goal |',
    '|---|--:|--:|--:|--:|--:|--:|--:|---|',
    ...rows,
    END,
  ].join('\n');
}

async function main() {
  execFileSync(process.execPath, [join(root, 'scripts/build-if-needed.mjs')], { cwd: root, stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'starcity-lighthouse-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'starcity-lighthouse-chromium-'));
  const loadBefore = load1();
  console.log('Starting the demo server (the first start loads the demo registry)…');
  const server = await startServer(dataDir);
  const chromium = await startChromium(profileDir);
  try {
    const pages = [
      { name: 'Portal home', path: '/portal' },
      { name: 'R&D institution profile', path: `/portal/institutions/${await firstInstitution(server.url)}` },
      { name: 'Notices', path: '/portal/notices' },
    ];
    for (const page of pages) {
      page.runs = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await audit(`${server.url}${page.path}`, chromium.port);
        console.log(`${page.path} run ${i + 1}: performance ${result.performance}, accessibility ${result.accessibility}${result.failed.length ? ` (${result.failed.join(', ')})` : ''}`);
        page.runs.push(result);
      }
      page.result = medianRun(page.runs);
    }
    const markdown = render({ date: new Date().toISOString().slice(0, 10), machine: machine(), loadBefore, loadAfter: load1(), pages });
    writeReadmeSection(markdown, BEGIN, END);
    console.log(markdown);
  } finally {
    chromium.stop();
    server.stop();
    await sleep(500);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
}

await main();
