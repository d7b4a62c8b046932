// `npm run bench`: loads StarCity's API on PostgreSQL and on PGlite next to a bare Fastify + pg
// route, measures readiness on an existing data directory, and writes bench/README.md's results.
// Env: BENCH_DATABASE_URL (admin URL of a PostgreSQL server; default: a throwaway cluster),
// BENCH_SECONDS (10), BENCH_CONNECTIONS (50), BENCH_RUNS (3), BENCH_ORGANIZATIONS (5000).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load, summarize } from './api/load.mjs';
import { benchDatabase, serverVersion } from './api/postgres.mjs';
import { root, startBare, startStarcity } from './api/processes.mjs';
import { readiness } from './api/readiness.mjs';
import { load1, machine, renderResults, writeReadme } from './api/report.mjs';
import { seedRegistry } from './api/seed.mjs';

const config = {
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  runs: Number(process.env.BENCH_RUNS ?? 3),
  organizations: Number(process.env.BENCH_ORGANIZATIONS ?? 5000),
  warmupSeconds: 3,
  readinessStarts: 5,
};
const LIST = '/api/v1/organizations?filter=kind:enterprise,district_code:430104&per_page=25';
// The same page with a founding-date bound drawn from ~13,000 days: almost every request is a query
// the list cache has not seen, so this measures the database work a page costs.
const LIST_MISS = '/api/v1/organizations?filter=kind:enterprise,district_code:430104,founded_on:<{random date}&per_page=25';
const randomListPath = () => {
  const day = new Date(Date.UTC(1990, 0, 1) + Math.floor(Math.random() * 13_000) * 86_400_000).toISOString().slice(0, 10);
  return LIST_MISS.replace('{random date}', day);
};

// The same page from the open-data API: a cached reply, and a 304 to a client that has it.
const PUBLIC_LIST = '/api/v1/public/datasets/organizations/rows?filter=kind:enterprise,district_code:430104&per_page=25';

const log = (text) => console.log(`[bench] ${text}`);

async function timed(label, work) {
  const t = performance.now();
  const result = await work();
  log(`${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return result;
}

async function expectOk(url, headers = {}) {
  const res = await fetch(url, { headers });
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

async function main() {
  const loadBefore = load1();
  await timed('build (scripts/build-if-needed.mjs)', () => execFileSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: root, stdio: 'inherit' }));
  const postgres = await timed('PostgreSQL', () => benchDatabase());
  const dataDir = mkdtempSync(join(tmpdir(), 'starcity-bench-pglite-'));
  const servers = [];
  try {
    const data = await timed('seed PostgreSQL', () => seedRegistry({ databaseUrl: postgres.url }, config.organizations));
    const pgliteData = await timed('seed PGlite', () => seedRegistry({ dataDir }, config.organizations));
    log(`registry: ${data.organizations} organizations (${data.demo} from the demo)`);

    const onPostgres = await startStarcity('starcity on PostgreSQL', { databaseUrl: postgres.url });
    servers.push(onPostgres);
    const onPglite = await startStarcity('starcity on PGlite', { dataDir });
    servers.push(onPglite);
    const bare = await startBare(postgres.url);
    servers.push(bare);

    const pgId = data.middleId;
    const pgliteId = pgliteData.middleId;
    // The registry routes are read with a token (the registry is closed to anonymous callers); the open-data API without.
    const asAdmin = { authorization: data.authorization };
    const asPgliteAdmin = { authorization: pgliteData.authorization };
    const scenarios = [
      { id: 'bare', engine: 'postgres', label: 'Bare Fastify + pg, one row', base: bare.url, path: `/organizations/${pgId}` },
      { id: 'pg-get', engine: 'postgres', label: 'PostgreSQL: get one organization', base: onPostgres.url, path: `/api/v1/organizations/${pgId}`, headers: asAdmin },
      { id: 'pg-list', engine: 'postgres', label: 'PostgreSQL: filtered list page', base: onPostgres.url, path: LIST, headers: asAdmin },
      { id: 'pg-list-miss', engine: 'postgres', label: 'PostgreSQL: filtered list page, a new query each time', base: onPostgres.url, path: LIST_MISS, pathFor: randomListPath, goal: false, headers: asAdmin },
      { id: 'pg-public', engine: 'postgres', label: 'PostgreSQL: open-data page (cached reply)', base: onPostgres.url, path: PUBLIC_LIST },
      { id: 'pg-public-304', engine: 'postgres', label: 'PostgreSQL: open-data page, If-None-Match → 304', base: onPostgres.url, path: PUBLIC_LIST, status: 304 },
      { id: 'pglite-get', engine: 'pglite', label: 'PGlite: get one organization', base: onPglite.url, path: `/api/v1/organizations/${pgliteId}`, headers: asPgliteAdmin },
      { id: 'pglite-list', engine: 'pglite', label: 'PGlite: filtered list page', base: onPglite.url, path: LIST, headers: asPgliteAdmin },
    ];
    for (const s of scenarios) if (s.status !== 304) await expectOk(s.base + (s.pathFor ? s.pathFor() : s.path), s.headers);
    const tag = (await fetch(onPostgres.url + PUBLIC_LIST)).headers.get('etag');
    for (const s of scenarios) if (s.status === 304) s.headers = { 'if-none-match': tag };
    const listCount = (await expectOk(onPostgres.url + LIST, asAdmin)).meta.count;

    for (const s of scenarios) await load(s.base + s.path, { connections: config.connections, seconds: config.warmupSeconds, pathFor: s.pathFor, headers: s.headers, status: s.status });
    const runs = new Map(scenarios.map((s) => [s.id, []]));
    // Rounds interleave the scenarios, so a slow moment of the machine does not fall on one alone.
    for (let round = 1; round <= config.runs; round++) {
      for (const s of scenarios) {
        const r = await load(s.base + s.path, { connections: config.connections, seconds: config.seconds, pathFor: s.pathFor, headers: s.headers, status: s.status });
        runs.get(s.id).push(r);
        log(`round ${round} ${s.label}: ${Math.round(r.rps)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${r.failed ? `, ${r.failed} failed` : ''}`);
      }
    }
    for (const s of scenarios) s.result = summarize(runs.get(s.id));
    await Promise.all(servers.splice(0).map((s) => s.stop()));

    const ready = await timed('readiness', () => readiness(dataDir, config.readinessStarts));
    const given = ['BENCH_SECONDS', 'BENCH_CONNECTIONS', 'BENCH_RUNS', 'BENCH_ORGANIZATIONS'].filter((k) => process.env[k]).map((k) => `${k}=${process.env[k]}`);
    if (process.env.BENCH_DATABASE_URL) given.push('BENCH_DATABASE_URL=…');
    const run = {
      date: new Date().toISOString().slice(0, 10),
      command: [...given, 'npm run bench'].join(' '),
      machine: machine(),
      loadBefore,
      loadAfter: load1(),
      postgresVersion: await serverVersion(postgres.url),
      postgresOrigin: postgres.origin,
      pgliteVersion: JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version,
      config,
      data,
      listCount,
      scenarios,
      readiness: ready,
    };
    const markdown = renderResults(run);
    writeReadme(markdown);
    console.log(`\n${markdown}\n`);
    log('results written to bench/README.md');
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dataDir, { recursive: true, force: true });
    await postgres.close();
  }
}

main().catch((err) => {
  console.error(`[bench] failed: ${err.stack ?? err}`);
  process.exit(1);
});
