// `npm run bench:indicators` (also the last part of `npm run bench`): the indicator engine on the
// demo registry at 10× and 100× (BENCH_INDICATOR_SCALES, "10,100"), on PostgreSQL and on PGlite.
// For each: the whole GET /api/v1/dashboard reply, cold and warm (BENCH_INDICATOR_REQUESTS, 30,
// sequential requests); recomputing every indicator (BENCH_INDICATOR_RECOMPUTES, 5 times); the same
// series queries run straight in SQL in the same run; and the first dashboard after a bulk change.
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

/** One engine at one scale: a fresh database, the demo at that scale, then the measurements. */
async function measure(engineName, open, scale) {
  const [{ loadCity }, { migrate }, { seedDemo }, { buildApp }, { loadCatalogue }, { IndicatorEngine }, { seriesSql }] = await Promise.all([
    load('config.js'),
    load('db/migrate.js'),
    load('modules/demo/seed.js'),
    load('http/app.js'),
    load('modules/indicators/catalogue.js'),
    load('modules/indicators/engine.js'),
    load('modules/indicators/compute.js'),
  ]);
  const city = loadCity('changsha');
  const db = await open();
  try {
    await migrate(db);
    const seedMs = await timed(() => seedDemo({ db, city }, { scale }));
    const { rows } = await db.query('SELECT (SELECT count(*) FROM rd_institutions)::int AS institutions, (SELECT count(*) FROM organizations)::int AS organizations, (SELECT count(*) FROM qualifications)::int AS qualifications, (SELECT count(*) FROM platforms)::int AS platforms');
    const sizes = rows[0];
    log(`${engineName} ×${scale}: seeded ${fmt(sizes.institutions)} institutions, ${fmt(sizes.organizations)} organizations, ${fmt(sizes.qualifications)} qualifications in ${fmt(seedMs / 1000, 1)} s`);

    const app = await buildApp({ db, city }, { logLevel: false, version: 'bench' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${app.server.address().port}/api/v1/dashboard`;
    const request = async () => {
      const res = await fetch(url);
      if (res.status !== 200) throw new Error(`dashboard answered ${res.status}: ${await res.text()}`);
      return res.text();
    };
    try {
      const coldMs = await timed(request);
      const bytes = (await request()).length;
      const warm = [];
      for (let i = 0; i < REQUESTS; i++) warm.push(await timed(request));

      const engine = new IndicatorEngine(db, city, loadCatalogue(city));
      const recompute = [];
      for (let i = 0; i < RECOMPUTES; i++) recompute.push(await timed(() => engine.recomputeAll()));
      // The same queries, straight: every record indicator's series SQL, all at once as recomputeAll sends them.
      const records = [...engine.catalogue.indicators.values()].filter((r) => r.kind === 'record');
      const straight = [];
      for (let i = 0; i < RECOMPUTES; i++) straight.push(await timed(() => Promise.all(records.map((r) => seriesSql(r, null, engine.years)).map(({ sql, values }) => db.query(sql, values)))));

      // A bulk change: 1 % of the institutions rewritten in one statement; the next dashboard recomputes what it touches.
      await db.query('UPDATE rd_institutions SET updated_at = now() WHERE id % 100 = 0');
      const afterChangeMs = await timed(request);
      return { scale, sizes, seedMs, coldMs, bytes, warm, recompute, straight, afterChangeMs, indicators: records.length };
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
    coldMs: m.coldMs,
    bytes: m.bytes,
    warmMs: median(m.warm),
    warmP95Ms: quantile(m.warm, 0.95),
    recomputeMs: median(m.recompute),
    straightMs: median(m.straight),
    afterChangeMs: m.afterChangeMs,
    indicators: m.indicators,
  };
}

function render(run) {
  const rows = run.results.map((r) => {
    if (r.error) return `| ${r.engine} | ×${r.scale} | failed: ${r.error} | | | | | | | | |`;
    const ratio = r.recomputeMs / r.straightMs;
    return `| ${r.engine} | ×${r.scale} | ${fmt(r.sizes.institutions)} | ${fmt(r.seedMs / 1000, 1)} s | ${fmt(r.coldMs)} | ${fmt(r.warmMs, 1)} (p95 ${fmt(r.warmP95Ms, 1)}) | ${fmt(r.recomputeMs)} | ${fmt(r.straightMs)} | ${fmt(ratio, 2)}× | ${fmt(r.straightMs / r.warmMs, 0)}× | ${fmt(r.afterChangeMs)} |`;
  });
  const goal = run.results.find((r) => r.engine === 'PostgreSQL' && r.scale === 100 && !r.error);
  const verdict = (ok) => (ok ? '**met**' : '**not met**');
  const goals = goal
    ? [
        `| \`/api/v1/dashboard\` warm, median, ×100 on PostgreSQL | ≤ ${GOALS.dashboardWarmMs} ms | ${fmt(goal.warmMs, 1)} ms | ${verdict(goal.warmMs <= GOALS.dashboardWarmMs)} |`,
        `| recompute every indicator, ×100 on PostgreSQL | ≤ ${fmt(GOALS.recomputeMs)} ms | ${fmt(goal.recomputeMs)} ms | ${verdict(goal.recomputeMs <= GOALS.recomputeMs)} |`,
      ]
    : ['| (the ×100 PostgreSQL run was not part of this run) | | | |'];
  const m = run.machine;
  return [
    BEGIN,
    `### Indicator results — ${run.date}`,
    '',
    `Machine: ${m.nproc} cores, ${m.cpu}, ${m.memoryGiB} GiB memory, ${m.os}; Node ${m.node}; PostgreSQL ${run.postgresVersion}; PGlite ${run.pgliteVersion}. Load average (1 min) ${run.loadBefore} at the start, ${run.loadAfter} at the end. Command: \`${run.command}\`.`,
    '',
    `The demo registry (\`seedDemo\`) at each scale; ${run.results.find((r) => r.indicators)?.indicators ?? '?'} computed indicators. Dashboard: ${REQUESTS} sequential \`GET /api/v1/dashboard\` over HTTP after one cold request, median and p95 (the reply is ${fmt((run.results.find((r) => r.bytes)?.bytes ?? 0) / 1024)} KiB). Recompute: \`IndicatorEngine.recomputeAll()\` (cache dropped, every series computed, in parallel over the pool), median of ${RECOMPUTES}. Straight SQL: the same series queries (\`seriesSql\`) sent by the same client at once, without the engine, median of ${RECOMPUTES}. After a change: the first dashboard after one \`UPDATE\` of 1 % of the institutions.`,
    '',
    '| Engine | Scale | Institutions | Seed | Dashboard cold (ms) | Dashboard warm (ms) | Recompute all (ms) | Same SQL straight (ms) | Recompute ÷ SQL | SQL ÷ warm dashboard | Dashboard after a change (ms) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows,
    ...(SKIP.size ? ['', `Left out of this run (BENCH_INDICATOR_SKIP): ${[...SKIP].join(', ')}.`] : []),
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
          log(`${e.name} ×${scale}: dashboard warm ${fmt(m.warmMs, 1)} ms (cold ${fmt(m.coldMs)}), recompute ${fmt(m.recomputeMs)} ms vs ${fmt(m.straightMs)} ms straight SQL`);
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
