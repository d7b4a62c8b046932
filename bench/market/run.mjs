// `npm run bench:market` (also the last part of `npm run bench`): the market analysis on
// BENCH_MARKET_CONTRACTS (1,000,000) technology contracts over ten years sold by
// BENCH_MARKET_ORGANIZATIONS (250,000) organizations, on PostgreSQL and on PGlite.
// For each engine: the raw COPY of the contracts into tech_contracts next to `starcity import` of
// the same rows; then, on the imported registry, the six questions through GET /api/v1/market-analysis
// over HTTP (cold: the column store is built; then BENCH_MARKET_REPEATS (15) warm requests each) next
// to the same questions as plain SQL on PostgreSQL in the same run; the column store's memory per
// contract; and a registration, an edit and a deletion, whose effects the next answer must show
// (asserted; each next answer timed: a delta patched into the store, then the question).
// Medians are reported; the market section of bench/README.md is rewritten. BENCH_MARKET_ENGINES
// ("PostgreSQL,PGlite") picks the engines; BENCH_MARKET_WRITE=0 leaves the README alone.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { median } from '../api/load.mjs';
import { benchDatabase, serverVersion } from '../api/postgres.mjs';
import { fmt, load1, machine, writeReadmeSection } from '../api/report.mjs';
import { generateMarket, LAST_YEAR, FIRST_YEAR, ORGANIZATION_COLUMNS, TABLE_COLUMNS } from './generate.mjs';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const cli = join(root, 'bin/starcity.js');
const dist = new URL('../../dist/server/', import.meta.url);
const load = (path) => import(new URL(path, dist).href);
const CONTRACTS = Number(process.env.BENCH_MARKET_CONTRACTS ?? 1_000_000);
const ORGANIZATIONS = Number(process.env.BENCH_MARKET_ORGANIZATIONS ?? 250_000);
const REPEATS = Number(process.env.BENCH_MARKET_REPEATS ?? 15);
/** How many of the contracts `starcity import` loads (all by default; the import runs at about a thousand rows a second here). */
const IMPORT_ROWS = Math.min(CONTRACTS, Number(process.env.BENCH_MARKET_IMPORT_ROWS ?? CONTRACTS));
const SQL_REPEATS = Number(process.env.BENCH_MARKET_SQL_REPEATS ?? 5);
const ENGINES = (process.env.BENCH_MARKET_ENGINES ?? 'PostgreSQL,PGlite').split(',');
const BEGIN = '<!-- market-results:begin (written by bench/market/run.mjs) -->';
const END = '<!-- market-results:end -->';
/** The issue's goal: each question through the endpoint in at most a fifth of the plain SQL's time on PostgreSQL. */
export const GOAL_SHARE = 0.2;
/** The next answer after a write (a delta patched into the store, then the question), at most this long. */
const WRITE_GOAL_MS = 100;
const PASSWORD = 'Bench-Market-2026';

const log = (text) => console.log(`[bench:market] ${text}`);
const timed = async (work) => {
  const t = performance.now();
  const result = await work();
  return { ms: performance.now() - t, result };
};

const Y = LAST_YEAR;
const within = (from, to) => `status = 'registered' AND registered_on BETWEEN '${from}-01-01' AND '${to}-12-31'`;
const sums = 'count(*)::int AS count, sum(contract_amount)::text AS contract_amount, sum(transaction_amount)::text AS transaction_amount';
const byYear = (extra) => `SELECT extract(year FROM registered_on)::int AS year${extra ? `, ${extra}` : ''}, ${sums} FROM tech_contracts WHERE ${within(FIRST_YEAR, Y)} GROUP BY 1${extra ? ', 2' : ''} ORDER BY 1${extra ? ', 2' : ''}`;
const span = `from=${FIRST_YEAR}&to=${Y}`;
const yearOf = (y) => `registered_on BETWEEN '${y}-01-01' AND '${y}-12-31'`;
export const QUESTIONS = [
  { id: 'year', label: `turnover by year, ${FIRST_YEAR}–${Y}`, path: `/api/v1/market-analysis?${span}&dimensions=year`, sql: byYear() },
  { id: 'year-district', label: 'year × district', path: `/api/v1/market-analysis?${span}&dimensions=year,district`, sql: byYear('district_code') },
  { id: 'year-type', label: 'year × type', path: `/api/v1/market-analysis?${span}&dimensions=year,type`, sql: byYear('type') },
  { id: 'year-flow', label: 'year × flow', path: `/api/v1/market-analysis?${span}&dimensions=year,flow`, sql: byYear('flow') },
  {
    id: 'top-sellers',
    label: `top 20 sellers of ${Y}`,
    path: `/api/v1/market-analysis/top-sellers?from=${Y}&limit=20`,
    sql: `SELECT c.seller_org_id, o.name, count(*)::int AS count, sum(c.contract_amount)::text AS contract_amount, sum(c.transaction_amount)::text AS transaction_amount
            FROM tech_contracts c JOIN organizations o ON o.id = c.seller_org_id WHERE c.${within(Y, Y)}
           GROUP BY c.seller_org_id, o.name ORDER BY sum(c.contract_amount) DESC, c.seller_org_id LIMIT 20`,
  },
  {
    id: 'yoy-district',
    label: `year-on-year change by district, ${Y} on ${Y - 1}`,
    path: `/api/v1/market-analysis?from=${Y}&dimensions=district&compare=previous_year`,
    sql: `SELECT district_code, count(*) FILTER (WHERE ${yearOf(Y)})::int AS count, sum(contract_amount) FILTER (WHERE ${yearOf(Y)})::text AS contract_amount,
                 count(*) FILTER (WHERE ${yearOf(Y - 1)})::int AS previous_count, sum(contract_amount) FILTER (WHERE ${yearOf(Y - 1)})::text AS previous_amount
            FROM tech_contracts WHERE ${within(Y - 1, Y)} GROUP BY 1 ORDER BY 1`,
  },
];

/** Reads a COPY text file in chunks of lines and loads each with the client's COPY. */
async function copyFile(db, table, columns, file, chunkLines = 100_000) {
  const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
  let ms = 0;
  for (let i = 0; i < lines.length; i += chunkLines) {
    const text = `${lines.slice(i, i + chunkLines).join('\n')}\n`;
    const t = performance.now();
    await db.copyRows(table, columns, text);
    ms += performance.now() - t;
  }
  return ms;
}

const gc = () => globalThis.gc?.();

/** One engine: a migrated database with an admin, the organizations, the raw load, the import, then the questions. */
async function measure(engine, files, sqlTimes) {
  const [{ loadCity, loadHolidayCalendar }, { appContext }, { buildApp }] = await Promise.all([load('config.js'), load('modules/shared/context.js'), load('http/app.js')]);
  const city = loadCity('changsha');
  await engine.cli(['migrate']);
  await engine.cli(['user', 'create', '--role', 'admin', '--username', 'bench-admin', '--password-stdin'], `${PASSWORD}\n`);

  let db = await engine.open();
  const organizationsMs = await copyFile(db, 'organizations', ORGANIZATION_COLUMNS, files.organizations);
  const { rows: ids } = await db.query('SELECT min(id)::int AS min, max(id)::int AS max FROM organizations');
  if (ids[0].min !== 1 || ids[0].max !== ORGANIZATIONS) throw new Error(`organizations got ids ${ids[0].min}…${ids[0].max}, not 1…${ORGANIZATIONS}`);
  log(`${engine.name}: ${fmt(ORGANIZATIONS)} organizations by COPY in ${fmt(organizationsMs / 1000, 1)} s`);
  await db.close();

  // The import first, into an empty contracts table (as a bureau loads its history once).
  const importWall = await timed(() => engine.cli(['import', 'tech_contracts', files.importFile]));
  db = await engine.open();
  const { rows: records } = await db.query("SELECT read, inserted, rejected, status, extract(epoch FROM finished_at - started_at) * 1000 AS ms FROM imports WHERE entity = 'tech_contracts' ORDER BY id DESC LIMIT 1");
  const record = records[0];
  if (!record || record.status !== 'succeeded' || record.inserted !== IMPORT_ROWS) throw new Error(`${engine.name}: the import ended ${record?.status} with ${record?.inserted} of ${IMPORT_ROWS} inserted`);
  const importMs = Number(record.ms);
  log(`${engine.name}: starcity import of ${fmt(IMPORT_ROWS)} contracts ${fmt(IMPORT_ROWS / (importMs / 1000))} rows/s (wall ${fmt(importWall.ms / 1000, 1)} s)`);

  // Then the raw load of every contract into the emptied table: the reference, and the data the questions run on.
  // CASCADE: tables referring to contracts (none filled here) must not stop the reset.
  await db.exec('TRUNCATE tech_contracts CASCADE; DELETE FROM registration_counters');
  const rawMs = await copyFile(db, 'tech_contracts', TABLE_COLUMNS, files.contractsTable);
  log(`${engine.name}: raw COPY of ${fmt(CONTRACTS)} contracts ${fmt(CONTRACTS / (rawMs / 1000))} rows/s`);
  // The registration counters as registrations would have left them, so a new registration gets a fresh number.
  await db.exec(`INSERT INTO registration_counters (city_code, year, last)
    SELECT substr(registration_number, 5, 6), substr(registration_number, 1, 4)::int, max(substr(registration_number, 11)::int)
      FROM tech_contracts WHERE registration_number IS NOT NULL GROUP BY 1, 2`);
  await db.query('ANALYZE');

  const ctx = appContext(db, city, loadHolidayCalendar(city.calendar));
  const app = await buildApp(ctx, { logLevel: false, version: 'bench' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${app.server.address().port}`;
  try {
    const login = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-admin', password: PASSWORD }) });
    if (login.status !== 200) throw new Error(`sign-in answered ${login.status}: ${await login.text()}`);
    const headers = { cookie: login.headers.get('set-cookie').split(';')[0] };
    const ask = async (path) => {
      const res = await fetch(base + path, { headers });
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`);
      return res.json();
    };

    // The server warmed on another route (sign-in, JIT), so the first question times the store's build.
    for (let i = 0; i < 5; i++) await ask('/api/v1/tech-contracts?per_page=1');
    // Cold: the first question builds the column store; its typed arrays are what the store keeps.
    gc();
    const before = process.memoryUsage();
    const cold = await timed(() => ask(QUESTIONS[0].path));
    gc();
    const after = process.memoryUsage();
    const registered = cold.result.rows.reduce((n, r) => n + r.values.count, 0);
    const memory = { arrayBytes: (after.arrayBuffers - before.arrayBuffers) / registered, heapBytes: (after.heapUsed - before.heapUsed) / registered };
    log(`${engine.name}: column store of ${fmt(registered)} contracts built in ${fmt(cold.ms)} ms; ${fmt(memory.arrayBytes, 1)} B/contract in typed arrays, ${fmt(memory.heapBytes, 1)} B/contract of heap`);

    // The endpoint's figures are the SQL's.
    const { rows: sqlYears } = await db.query(QUESTIONS[0].sql);
    const endpointYears = cold.result.rows.map((r) => [Number(r.keys[0].key), r.values.count, r.values.contract_amount]);
    const sqlYearRows = sqlYears.map((r) => [r.year, r.count, r.contract_amount]);
    if (JSON.stringify(endpointYears) !== JSON.stringify(sqlYearRows)) throw new Error(`${engine.name}: turnover by year differs from SQL:\n${JSON.stringify(endpointYears)}\n${JSON.stringify(sqlYearRows)}`);

    const questions = [];
    for (const q of QUESTIONS) {
      await ask(q.path);
      const times = [];
      for (let i = 0; i < REPEATS; i++) times.push((await timed(() => ask(q.path))).ms);
      const sql = [];
      await db.query(q.sql);
      for (let i = 0; i < SQL_REPEATS; i++) sql.push((await timed(() => db.query(q.sql))).ms);
      if (engine.name === 'PostgreSQL') sqlTimes.set(q.id, median(sql));
      questions.push({ id: q.id, label: q.label, endpointMs: median(times), ownSqlMs: median(sql) });
      log(`${engine.name}: ${q.label}: endpoint ${fmt(median(times), 1)} ms, SQL on ${engine.name} ${fmt(median(sql), 1)} ms`);
    }

    // Writes show in the next answer, each patched into the store as a delta: one more registered
    // contract of 123.45 yuan in the last year; then its technology field edited over the API; then
    // the contract deleted in the database (the API keeps a registered contract; a correction by
    // another writer must reach the answers all the same).
    const write = await fetch(`${base}/api/v1/tech-contracts`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ contract_number: 'BENCH-WRITE-1', title: '写入后再读', type: 'development', sub_type: 'commissioned', seller_org_id: 1, buyer_name: '买方', buyer_region: '440305', contract_amount: '123.45', transaction_amount: '0.00', signed_on: `${Y}-06-01`, status: 'registered', registered_on: `${Y}-06-30`, technology_field: 'aerospace' }),
    });
    if (write.status !== 201) throw new Error(`the write answered ${write.status}: ${await write.text()}`);
    const written = await write.json();
    const last = (answer) => answer.rows.find((r) => r.keys[0].key === String(Y)).values;
    const beforeWrite = last(cold.result);
    const fresh = await timed(() => ask(QUESTIONS[0].path));
    const afterWrite = last(fresh.result);
    const cents = (yuan) => BigInt(yuan.replace('.', ''));
    if (afterWrite.count !== beforeWrite.count + 1 || cents(afterWrite.contract_amount) - cents(beforeWrite.contract_amount) !== 12345n)
      throw new Error(`${engine.name}: the answer after the write is stale: ${JSON.stringify(beforeWrite)} → ${JSON.stringify(afterWrite)}`);
    log(`${engine.name}: the next answer after a registration showed it (${fmt(fresh.ms)} ms)`);

    const sellerFields = `/api/v1/market-analysis?from=${Y}&dimensions=field&filter=seller_org_id:1`;
    const fieldsBefore = await ask(sellerFields);
    const edit = await fetch(`${base}/api/v1/tech-contracts/${written.id}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json', 'if-match': `"${written.version}"` },
      body: JSON.stringify({ technology_field: 'biomedicine' }),
    });
    if (edit.status !== 200) throw new Error(`the edit answered ${edit.status}: ${await edit.text()}`);
    const edited = await timed(() => ask(QUESTIONS[0].path));
    const moved = (answer, field) => answer.rows.find((r) => r.keys[0].key === field)?.values.count ?? 0;
    const fieldsAfter = await ask(sellerFields);
    if (moved(fieldsAfter, 'biomedicine') !== moved(fieldsBefore, 'biomedicine') + 1 || moved(fieldsAfter, 'aerospace') !== moved(fieldsBefore, 'aerospace') - 1)
      throw new Error(`${engine.name}: the answer after the edit is stale: ${JSON.stringify(fieldsBefore.rows)} → ${JSON.stringify(fieldsAfter.rows)}`);
    log(`${engine.name}: the next answer after an edit showed it (${fmt(edited.ms)} ms)`);

    await db.query('DELETE FROM tech_contracts WHERE id = $1', [written.id]);
    const deleted = await timed(() => ask(QUESTIONS[0].path));
    if (JSON.stringify(last(deleted.result)) !== JSON.stringify(beforeWrite)) throw new Error(`${engine.name}: the answer after the deletion is stale: ${JSON.stringify(last(deleted.result))}, not ${JSON.stringify(beforeWrite)}`);
    log(`${engine.name}: the next answer after a deletion showed it (${fmt(deleted.ms)} ms)`);
    const writes = { registeredMs: fresh.ms, editedMs: edited.ms, deletedMs: deleted.ms };
    return { engine: engine.name, registered, rawMs, importMs, importWallMs: importWall.ms, coldMs: cold.ms, writes, memory, questions };
  } finally {
    await app.close();
    await db.close();
  }
}

function render(run) {
  const m = run.machine;
  const rows = [];
  const goals = [];
  for (const r of run.results) {
    if (r.error) {
      rows.push(`| ${r.engine} | failed: ${r.error} | | | | |`);
      continue;
    }
    for (const q of r.questions) {
      const pg = run.sqlTimes.get(q.id);
      const share = pg ? q.endpointMs / pg : null;
      rows.push(`| ${r.engine} | ${q.label} | **${fmt(q.endpointMs, 1)}** | ${pg ? fmt(pg, 1) : '–'} | ${share === null ? '–' : `${fmt(100 * share, 1)} %`} | ${fmt(q.ownSqlMs, 1)} |`);
      if (share !== null) goals.push(`| ${r.engine}: ${q.label} ≤ ${GOAL_SHARE * 100} % of the SQL on PostgreSQL | ${fmt(100 * share, 1)} % | ${share <= GOAL_SHARE ? '**met**' : '**not met**'} |`);
    }
  }
  const ok = run.results.filter((r) => !r.error);
  return [
    BEGIN,
    `## Market analysis results of ${run.date}`,
    '',
    `Machine: ${m.nproc} cores, ${m.cpu}, ${m.memoryGiB} GiB memory, ${m.os}; Node ${m.node}; PostgreSQL ${run.postgresVersion}; PGlite ${run.pgliteVersion}. Load average (1 min) ${run.loadBefore} at the start, ${run.loadAfter} at the end. Command: \`${run.command}\`.`,
    '',
    `${fmt(CONTRACTS)} technology contracts (${FIRST_YEAR}–${LAST_YEAR}, 95 % registered) sold by ${fmt(ORGANIZATIONS)} organizations. Endpoint: ${REPEATS} sequential warm requests over HTTP (signed in as an administrator), median; SQL: the same question as one plain SQL statement on the same database, ${SQL_REPEATS} runs after one warm-up, median.`,
    '',
    '| Engine | Question | Endpoint (ms) | SQL on PostgreSQL (ms) | Endpoint ÷ SQL | SQL on this engine (ms) |',
    '|---|---|--:|--:|--:|--:|',
    ...rows,
    '',
    `| Engine | Raw COPY into tech_contracts (rows/s) | \`starcity import\` of ${fmt(IMPORT_ROWS)} contracts (rows/s) | Import ÷ raw | Column store build, first question (ms) | Next answer after a registration / an edit / a deletion (ms) | Typed arrays per contract (B) | Heap per contract (B) |`,
    '|---|--:|--:|--:|--:|--:|--:|--:|',
    ...ok.map((r) => `| ${r.engine} | ${fmt(CONTRACTS / (r.rawMs / 1000))} | ${fmt(IMPORT_ROWS / (r.importMs / 1000))} | ${fmt((100 * IMPORT_ROWS * r.rawMs) / (CONTRACTS * r.importMs))} % | ${fmt(r.coldMs)} | ${fmt(r.writes.registeredMs, 1)} / ${fmt(r.writes.editedMs, 1)} / ${fmt(r.writes.deletedMs, 1)} | ${fmt(r.memory.arrayBytes, 1)} | ${fmt(r.memory.heapBytes, 1)} |`),
    '',
    'Every run asserts that the endpoint’s turnover by year equals the SQL’s to the fen, and that a contract registered over the API, its edit and its deletion each show in the next answer.',
    '',
    '| Goal | Measured | |',
    '|---|--:|---|',
    ...goals,
    ...ok.map((r) => {
      const slowest = Math.max(r.writes.registeredMs, r.writes.editedMs, r.writes.deletedMs);
      return `| ${r.engine}: the next answer after a write ≤ ${WRITE_GOAL_MS} ms | ${fmt(slowest, 1)} ms (the slowest of the three) | ${slowest <= WRITE_GOAL_MS ? '**met**' : '**not met**'} |`;
    }),
    END,
  ].join('\n');
}

async function main() {
  const loadBefore = load1();
  execFileSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: root, stdio: 'inherit' });
  const { openPglite, openPostgres } = await load('db/client.js');
  const { loadCity } = await load('config.js');
  const dir = mkdtempSync(join(tmpdir(), 'starcity-bench-market-'));
  const postgres = await benchDatabase();
  try {
    const t = performance.now();
    const files = await generateMarket(dir, { organizations: ORGANIZATIONS, contracts: CONTRACTS, imported: IMPORT_ROWS }, loadCity('changsha'));
    log(`files of ${fmt(ORGANIZATIONS)} organizations and ${fmt(CONTRACTS)} contracts in ${fmt((performance.now() - t) / 1000, 1)} s`);
    const quiet = { ...process.env, LOG_LEVEL: 'warn', STARCITY_DEMO: '0' };
    const engines = [
      {
        name: 'PostgreSQL',
        cli: (args, input) => runCli(args, { ...quiet, DATABASE_URL: postgres.url }, input),
        open: () => openPostgres(postgres.url, 10),
      },
      {
        name: 'PGlite',
        dataDir: join(dir, 'pglite'),
        cli(args, input) {
          return runCli(args, { ...quiet, STARCITY_DATA_DIR: this.dataDir }, input);
        },
        open() {
          return openPglite(join(this.dataDir, 'pgdata'));
        },
      },
    ].filter((e) => ENGINES.includes(e.name));
    const sqlTimes = new Map();
    const results = [];
    for (const engine of engines) {
      try {
        results.push(await measure(engine, files, sqlTimes));
      } catch (err) {
        log(`${engine.name} failed: ${err.stack ?? err}`);
        results.push({ engine: engine.name, error: err.message });
      }
    }
    const given = ['BENCH_MARKET_CONTRACTS', 'BENCH_MARKET_ORGANIZATIONS', 'BENCH_MARKET_IMPORT_ROWS', 'BENCH_MARKET_REPEATS', 'BENCH_MARKET_ENGINES'].filter((k) => process.env[k]).map((k) => `${k}=${process.env[k]}`);
    const section = render({
      date: new Date().toISOString().slice(0, 10),
      machine: machine(),
      command: [...given, 'npm run bench:market'].join(' '),
      postgresVersion: await serverVersion(postgres.url),
      pgliteVersion: JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version,
      results,
      sqlTimes,
      loadBefore,
      loadAfter: load1(),
    });
    console.log(section);
    if (process.env.BENCH_MARKET_WRITE !== '0') writeReadmeSection(section, BEGIN, END);
    if (results.some((r) => r.error)) process.exitCode = 1;
  } finally {
    await postgres.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the built CLI with its output kept quiet; fails with its stderr. */
async function runCli(args, env, input) {
  const child = run(process.execPath, [cli, ...args], { env, maxBuffer: 64 * 1024 * 1024 });
  if (input !== undefined) child.child.stdin.end(input);
  return child;
}

await main();
