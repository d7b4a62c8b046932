// `npm run bench:indicators` (also the last part of `npm run bench`): the indicator engine on the
// demo registry at 10× and 100× (BENCH_INDICATOR_SCALES, "10,100"), on PostgreSQL and on PGlite.
// For each: building every bucket on first start; the whole GET /api/v1/dashboard reply, cold and
// warm (BENCH_INDICATOR_REQUESTS, 30, sequential requests); recomputing every indicator
// (BENCH_INDICATOR_RECOMPUTES, 5 times) next to the full-scan series queries in the same run; and
// three bulk changes, each timed with the upkeep triggers off and on, then recomputed.
// Medians are reported; the results section of bench/README.md is rewritten.
// BENCH_INDICATOR_ENGINES ("PostgreSQL,PGlite") picks the engines; BENCH_INDICATOR_SKIP ("PGlite:100")
// leaves pairs out. A pair that fails is reported with its error; the run goes on.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDatabase, serverVersion } from '../api/postgres.mjs';
import { median } from '../api/load.mjs';
import { fmt, load1, machine, writeReadmeSection } from '../api/report.mjs';

const root = new URL('../../', import.meta.url).pathname;
const dist = new URL('../../dist/server/', import.meta.url);
const load = (path) => import(new URL(path, dist).href);
const SCALES = (process.env.BENCH_INDICATOR_SCALES ?? '10,100').split(',').map(Number);
const ENGINES = (process.env.BENCH_INDICATOR_ENGINES ?? 'PostgreSQL,PGlite').split(',');
/** Engine:scale pairs to leave out, e.g. "PGlite:100". */
const SKIP = new Set((process.env.BENCH_INDICATOR_SKIP ?? '').split(',').filter(Boolean));
const REQUESTS = Number(process.env.BENCH_INDICATOR_REQUESTS ?? 30);
const RECOMPUTES = Number(process.env.BENCH_INDICATOR_RECOMPUTES ?? 5);
const BEGIN = '<!-- indicator-results:begin (written by bench/indicators/run.mjs) -->';
const END = '<!-- indicator-results:end -->';
/** The issue's goals, at 100× on PostgreSQL. */
export const GOALS = { dashboardWarmMs: 50, recomputeMs: 2000 };

const log = (text) => console.log(`[bench:indicators] ${text}`);
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const timed = async (work) => {
  const t = performance.now();
  await work();
  return performance.now() - t;
};

/**
 * Bulk changes, each about 1 % of a table at any scale. The series' rows change, so each matters
 * to the indicators: the upkeep triggers adjust the buckets in the same statement.
 */
const bulkChanges = (city) => [
  { name: '1 % of the institutions leave their zone', sql: 'UPDATE rd_institutions SET zone = NULL WHERE id % 100 = 0 AND zone IS NOT NULL' },
  {
    name: 'new 2026 tech-SME listings for 1 in 20 organizations (1 % more qualifications)',
    sql: "INSERT INTO qualifications (organization_id, qualification, valid_from, valid_to) SELECT id, 'tech_sme', '2026-06-01', '2026-12-31' FROM organizations WHERE id % 20 = 0 ON CONFLICT DO NOTHING",
  },
  { name: '1 % of the organizations move to another district', sql: `UPDATE organizations SET district_code = '${city.districts[0].code}' WHERE id % 100 = 0` },
];

/** Times one statement with the upkeep triggers on, or off, in a transaction kept only if asked. */
async function timedStatement(db, sql, { upkeep, keep }) {
  let ms = 0;
  let rows = 0;
  await db
    .transaction(async (tx) => {
      if (!upkeep) {
        const { rows: triggers } = await tx.query("SELECT tgname, tgrelid::regclass::text AS tbl FROM pg_trigger WHERE tgname LIKE 'indicator\\_upkeep\\_%'");
        for (const t of triggers) await tx.query(`ALTER TABLE ${t.tbl} DISABLE TRIGGER ${t.tgname}`);
      }
      const t = performance.now();
      rows = (await tx.query(sql)).affectedRows;
      ms = performance.now() - t;
      if (!keep) throw ROLLBACK;
    })
    .catch((err) => {
      if (err !== ROLLBACK) throw err;
    });
  return { ms, rows };
}
const ROLLBACK = new Error('rolled back on purpose');

/** The session cookie of an account signed in over the API. */
async function signIn(base, account) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
  if (res.status !== 200) throw new Error(`sign-in of ${account.username} answered ${res.status}: ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** One engine at one scale: a fresh database, the demo at that scale, then the measurements. */
async function measure(engineName, open, scale) {
  const [{ loadCity, loadHolidayCalendar }, { appContext }, { migrate }, { seedDemo }, { buildApp }, { loadCatalogue }, { IndicatorEngine }, { seriesSql }, { createDemoAccounts, DEMO_PASSWORD }, { defaultSessionPolicy }] = await Promise.all([
    load('config.js'),
    load('modules/shared/context.js'),
    load('db/migrate.js'),
    load('modules/demo/seed.js'),
    load('http/app.js'),
    load('modules/indicators/catalogue.js'),
    load('modules/indicators/engine.js'),
    load('modules/indicators/compute.js'),
    load('modules/demo/accounts.js'),
    load('domain/accountSecurity.js'),
  ]);
  const city = loadCity('changsha');
  const db = await open();
  const ctx = appContext(db, city, loadHolidayCalendar(city.calendar));
  try {
    await migrate(db);
    const seedMs = await timed(() => seedDemo(ctx, { scale }));
    const { rows } = await db.query('SELECT (SELECT count(*) FROM rd_institutions)::int AS institutions, (SELECT count(*) FROM organizations)::int AS organizations, (SELECT count(*) FROM qualifications)::int AS qualifications, (SELECT count(*) FROM platforms)::int AS platforms');
    const sizes = rows[0];
    log(`${engineName} ×${scale}: seeded ${fmt(sizes.institutions)} institutions, ${fmt(sizes.organizations)} organizations, ${fmt(sizes.qualifications)} qualifications in ${fmt(seedMs / 1000, 1)} s`);

    // First start on a registry loaded without the upkeep: every bucket is built by one scan.
    const engine = new IndicatorEngine(ctx, loadCatalogue(city));
    const buildMs = await timed(() => engine.ready());
    log(`${engineName} ×${scale}: built every bucket in ${fmt(buildMs / 1000, 1)} s`);

    const app = await buildApp(ctx, { logLevel: false, version: 'bench' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${app.server.address().port}`;
    const url = `${base}/api/v1/dashboard`;
    // The dashboard is for accounts (issue 16): the demo's city-wide officer reads it, signed in once.
    await createDemoAccounts({ ...ctx, sessions: defaultSessionPolicy });
    const cookie = await signIn(base, { username: 'officer', password: DEMO_PASSWORD });
    const request = async () => {
      const res = await fetch(url, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`dashboard answered ${res.status}: ${await res.text()}`);
      return res.text();
    };
    try {
      const coldMs = await timed(request);
      const bytes = (await request()).length;
      const warm = [];
      for (let i = 0; i < REQUESTS; i++) warm.push(await timed(request));

      const recompute = [];
      for (let i = 0; i < RECOMPUTES; i++) recompute.push(await timed(() => engine.recomputeAll()));
      // Without the upkeep: every record indicator's full-scan series SQL, all at once as recomputeAll sends its reads.
      const records = [...engine.catalogue.indicators.values()].filter((r) => r.kind === 'record');
      const straight = [];
      for (let i = 0; i < RECOMPUTES; i++) straight.push(await timed(() => Promise.all(records.map((r) => seriesSql(r, null, engine.years)).map(({ sql, values }) => db.query(sql, values)))));

      const changes = [];
      for (const change of bulkChanges(city)) {
        // Alternating, so neither side always runs on the warmer cache; the last run (with upkeep) is kept.
        const without = [];
        const withUpkeep = [];
        for (let i = 0; i < 2; i++) {
          without.push(await timedStatement(db, change.sql, { upkeep: false, keep: false }));
          withUpkeep.push(await timedStatement(db, change.sql, { upkeep: true, keep: i === 1 }));
        }
        const recomputeMs = await timed(() => engine.recomputeAll());
        const dashboardMs = await timed(request);
        const c = { name: change.name, rows: withUpkeep[1].rows, withoutMs: median(without.map((x) => x.ms)), withMs: median(withUpkeep.map((x) => x.ms)), recomputeMs, dashboardMs };
        log(`${engineName} ×${scale}: ${c.name}: ${fmt(c.rows)} rows, ${fmt(c.withoutMs)} ms without upkeep, ${fmt(c.withMs)} ms with, then recompute ${fmt(recomputeMs)} ms`);
        changes.push(c);
      }
      return { scale, sizes, seedMs, buildMs, coldMs, bytes, warm, recompute, straight, changes, indicators: records.length };
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}

function summarize(m) {
  return {
    scale: m.scale,
    sizes: m.sizes,
    seedMs: m.seedMs,
    buildMs: m.buildMs,
    coldMs: m.coldMs,
    bytes: m.bytes,
    warmMs: median(m.warm),
    warmP95Ms: quantile(m.warm, 0.95),
    recomputeMs: median(m.recompute),
    straightMs: median(m.straight),
    changes: m.changes,
    indicators: m.indicators,
  };
}

/** What a bulk change costs the indicators: the upkeep in the statement, then reading every indicator again. */
const changeCost = (c) => Math.max(0, c.withMs - c.withoutMs) + c.recomputeMs;

function render(run) {
  const ok = run.results.filter((r) => !r.error);
  const rows = run.results.map((r) => {
    if (r.error) return `| ${r.engine} | ×${r.scale} | failed: ${r.error} | | | | | | | | |`;
    return `| ${r.engine} | ×${r.scale} | ${fmt(r.sizes.institutions)} | ${fmt(r.sizes.qualifications)} | ${fmt(r.seedMs / 1000, 1)} s | ${fmt(r.buildMs / 1000, 1)} s | ${fmt(r.coldMs)} | ${fmt(r.warmMs, 1)} (p95 ${fmt(r.warmP95Ms, 1)}) | ${fmt(r.recomputeMs, 1)} | ${fmt(r.straightMs)} | ${fmt(r.straightMs / r.recomputeMs, 0)}× |`;
  });
  const changeRows = ok.flatMap((r) =>
    r.changes.map((c) => `| ${r.engine} | ×${r.scale} | ${c.name} | ${fmt(c.rows)} | ${fmt(c.withoutMs)} | ${fmt(c.withMs)} | ${fmt(c.recomputeMs, 1)} | ${fmt(changeCost(c))} | ${fmt(c.dashboardMs, 1)} |`),
  );
  const goal = ok.find((r) => r.engine === 'PostgreSQL' && r.scale === 100);
  const verdict = (pass) => (pass ? '**met**' : '**not met**');
  const worst = goal ? Math.max(...goal.changes.map(changeCost)) : null;
  const goals = goal
    ? [
        `| \`/api/v1/dashboard\` warm, median, ×100 on PostgreSQL | ≤ ${GOALS.dashboardWarmMs} ms | ${fmt(goal.warmMs, 1)} ms | ${verdict(goal.warmMs <= GOALS.dashboardWarmMs)} |`,
        `| recompute every indicator after a bulk change (upkeep in the statement + reading every indicator), the costliest of the changes, ×100 on PostgreSQL | ≤ ${fmt(GOALS.recomputeMs)} ms | ${fmt(worst)} ms | ${verdict(worst <= GOALS.recomputeMs)} |`,
      ]
    : ['| (the ×100 PostgreSQL run was not part of this run) | | | |'];
  const m = run.machine;
  return [
    BEGIN,
    `### Indicator results — ${run.date}`,
    '',
    `Machine: ${m.nproc} cores, ${m.cpu}, ${m.memoryGiB} GiB memory, ${m.os}; Node ${m.node}; PostgreSQL ${run.postgresVersion}; PGlite ${run.pgliteVersion}. Load average (1 min) ${run.loadBefore} at the start, ${run.loadAfter} at the end. Command: \`${run.command}\`.`,
    '',
    `The demo registry (\`seedDemo\`) at each scale; ${ok[0]?.indicators ?? '?'} computed indicators. Build: the first start on that registry, which installs the upkeep and builds every bucket by one scan. Dashboard: ${REQUESTS} sequential \`GET /api/v1/dashboard\` over HTTP after one cold request, median and p95 (the reply is ${fmt((ok[0]?.bytes ?? 0) / 1024)} KiB). Recompute all: \`IndicatorEngine.recomputeAll()\` (cache dropped, every indicator's series read again from its buckets), median of ${RECOMPUTES}. Full scan: the series queries without the upkeep (\`seriesSql\`, one per indicator, sent at once by the same client), median of ${RECOMPUTES}: what recomputing would cost without it.`,
    '',
    '| Engine | Scale | Institutions | Qualifications | Seed | Build | Dashboard cold (ms) | Dashboard warm (ms) | Recompute all (ms) | Full scan (ms) | Full scan ÷ recompute |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows,
    ...(SKIP.size ? ['', `Left out of this run (BENCH_INDICATOR_SKIP): ${[...SKIP].join(', ')}.`] : []),
    '',
    'Bulk changes, one statement each: its time with the upkeep triggers switched off and on (median of two runs each, alternating, in transactions; the last one with the upkeep is kept), then `recomputeAll()` and the next dashboard. Cost = the upkeep\'s share of the statement + the recompute.',
    '',
    '| Engine | Scale | Change | Rows | Statement without upkeep (ms) | With upkeep (ms) | Recompute all after (ms) | Cost (ms) | Next dashboard (ms) |',
    '|---|--:|---|--:|--:|--:|--:|--:|--:|',
    ...changeRows,
    '',
    '| Goal | Target | Measured | |',
    '|---|--:|--:|---|',
    ...goals,
    END,
  ].join('\n');
}


async function main() {
  const loadBefore = load1();
  execFileSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: root, stdio: 'inherit' });
  const { openPglite, openPostgres } = await load('db/client.js');
  const postgres = await benchDatabase();
  const dirs = [];
  const engines = [
    {
      name: 'PostgreSQL',
      open: async () => {
        const admin = await openPostgres(postgres.url, 1);
        await admin.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
        await admin.close();
        return openPostgres(postgres.url, 10);
      },
    },
    {
      name: 'PGlite',
      open: () => {
        const dir = mkdtempSync(join(tmpdir(), 'starcity-bench-indicators-'));
        dirs.push(dir);
        return openPglite(dir);
      },
    },
  ];
  try {
    const results = [];
    for (const scale of SCALES) {
      for (const e of engines.filter((x) => ENGINES.includes(x.name) && !SKIP.has(`${x.name}:${scale}`))) {
        try {
          const m = summarize(await measure(e.name, e.open, scale));
          log(`${e.name} ×${scale}: dashboard warm ${fmt(m.warmMs, 1)} ms (cold ${fmt(m.coldMs)}), recompute ${fmt(m.recomputeMs, 1)} ms vs ${fmt(m.straightMs)} ms full scan`);
          results.push({ engine: e.name, ...m });
        } catch (err) {
          log(`${e.name} ×${scale} failed: ${err.stack ?? err}`);
          results.push({ engine: e.name, scale, error: `${err.message}${err.cause ? ` (${err.cause.message})` : ''}` });
        }
        for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
      }
    }
    const run = {
      date: new Date().toISOString().slice(0, 10),
      machine: machine(),
      command: 'npm run bench:indicators',
      postgresVersion: await serverVersion(postgres.url),
      pgliteVersion: JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version,
      results,
      loadBefore,
      loadAfter: load1(),
    };
    const section = render(run);
    console.log(section);
    if (process.env.BENCH_INDICATOR_WRITE !== '0') writeReadmeSection(section, BEGIN, END);
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    await postgres.close();
  }
}

await main();
