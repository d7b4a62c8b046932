// `npm run bench:import` (also the second half of `npm run bench`): imports BENCH_IMPORT_ROWS
// (1,000,000) organizations and as many R&D institutions from CSV with `starcity import`, on
// PostgreSQL and on PGlite, next to raw COPY loads of the same files in the same run, and writes
// the import section of bench/README.md. BENCH_IMPORT_RUNS (3) rounds; medians are reported.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDatabase, serverVersion } from '../api/postgres.mjs';
import { median } from '../api/load.mjs';
import { fmt, load1, machine, writeReadmeSection } from '../api/report.mjs';
import { generateImportFiles } from './generate.mjs';
import { pgliteEngine, postgresEngine } from './loaders.mjs';

const root = new URL('../../', import.meta.url).pathname;
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3);
const BEGIN = '<!-- import-results:begin (written by bench/import/run.mjs) -->';
const END = '<!-- import-results:end -->';
/** The issue's goals: share of the raw load's rows/s, and peak memory. */
export const GOALS = { postgresShare: 0.4, pgliteShare: 0.5, peakMiB: 300 };

const log = (text) => console.log(`[bench:import] ${text}`);
const rate = (ms) => (ROWS * 1000) / ms;

/** One round on one engine: the references, then the imports on a fresh database. */
async function round(engine, files) {
  const references = await engine.references(files);
  log(`${engine.name} raw COPY: ${Object.entries(references).map(([k, ms]) => `${k} ${fmt(rate(ms))} rows/s`).join(', ')}`);
  const imports = await engine.imports(files);
  for (const r of imports.records) {
    if (r.status !== 'succeeded' || r.inserted !== ROWS) throw new Error(`${engine.name}: import of ${r.entity} ended ${r.status} with ${r.inserted} of ${ROWS} inserted`);
  }
  const [organizations, institutions] = imports.records.map((r) => Number(r.ms));
  log(`${engine.name} starcity import: organizations ${fmt(rate(organizations))} rows/s (peak ${fmt(imports.organizations.peakMiB)} MiB), rd_institutions ${fmt(rate(institutions))} rows/s (peak ${fmt(imports.institutions.peakMiB)} MiB)`);
  return {
    references,
    baselineMiB: imports.baseline.peakMiB,
    imports: {
      organizations: { ms: organizations, wallMs: imports.organizations.wallMs, peakMiB: imports.organizations.peakMiB },
      institutions: { ms: institutions, wallMs: imports.institutions.wallMs, peakMiB: imports.institutions.peakMiB },
    },
  };
}

/** Medians over the rounds of every timing, and the highest peak. */
function summarize(rounds) {
  const pick = (f) => rounds.map(f);
  const entity = (key) => ({
    ms: median(pick((r) => r.imports[key].ms)),
    runs: pick((r) => r.imports[key].ms),
    wallMs: median(pick((r) => r.imports[key].wallMs)),
    peakMiB: Math.max(...pick((r) => r.imports[key].peakMiB)),
  });
  const references = Object.fromEntries(Object.keys(rounds[0].references).map((k) => [k, median(pick((r) => r.references[k]))]));
  return { references, baselineMiB: median(pick((r) => r.baselineMiB)), organizations: entity('organizations'), institutions: entity('institutions') };
}

function render(run) {
  const m = run.machine;
  const lines = [];
  const goalRows = [];
  for (const [name, s, share] of [
    ['PostgreSQL', run.postgres, GOALS.postgresShare],
    ['PGlite', run.pglite, GOALS.pgliteShare],
  ]) {
    for (const [label, key, plain, table] of [
      ['organizations', 'organizations', 'plainOrganizations', 'organizations'],
      ['R&D institutions', 'institutions', 'plainInstitutions', 'institutions'],
    ]) {
      const imported = rate(s[key].ms);
      const vsPlain = imported / rate(s.references[plain]);
      const vsTable = imported / rate(s.references[table]);
      lines.push(
        `| ${name} | ${label} | ${fmt(rate(s.references[plain]))} | ${fmt(rate(s.references[table]))} | **${fmt(imported)}** | ${fmt(100 * vsPlain)} % | ${fmt(100 * vsTable)} % | ${fmt(s[key].peakMiB)} | ${fmt(s.baselineMiB)} | ${s[key].runs.map((ms) => fmt(rate(ms))).join(' / ')} |`,
      );
      goalRows.push(`| ${name}, ${label}: ≥ ${share * 100} % of the raw load into the table | ${fmt(100 * vsTable)} % | ${vsTable >= share ? '**met**' : '**not met**'} |`);
      goalRows.push(`| ${name}, ${label}: ≥ ${share * 100} % of the plain COPY (no index, no key) | ${fmt(100 * vsPlain)} % | ${vsPlain >= share ? '**met**' : '**not met**'} |`);
      goalRows.push(
        `| ${name}, ${label}: peak memory < ${GOALS.peakMiB} MiB | ${fmt(s[key].peakMiB)} MiB (${fmt(s[key].peakMiB - s.baselineMiB)} over the two-row baseline) | ${s[key].peakMiB < GOALS.peakMiB ? '**met**' : '**not met**'} |`,
      );
    }
  }
  return [
    BEGIN,
    `## Import results of ${run.date}`,
    '',
    `Machine: ${m.nproc} cores, ${m.cpu}, ${m.memoryGiB} GiB memory, ${m.os}; Node ${m.node}; PostgreSQL ${run.postgresVersion}; PGlite ${run.pgliteVersion}. Load average (1 min) ${run.loadBefore} at the start, ${run.loadAfter} at the end.`,
    '',
    `Command: \`${run.command}\` — ${fmt(ROWS)} rows per file (organizations.csv ${fmt(run.sizes.organizations / 2 ** 20, 1)} MiB, rd_institutions.csv ${fmt(run.sizes.institutions / 2 ** 20, 1)} MiB), ${RUNS} rounds, medians; the import's rows/s is from its own record (start to finish), a fresh database each round.`,
    '',
    '| Engine | File | plain COPY rows/s | raw load into the table rows/s | `starcity import` rows/s | vs plain | vs table | peak MiB | baseline MiB | rows/s of each round |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...lines,
    '',
    '| Goal | Measured | |',
    '|---|--:|---|',
    ...goalRows,
    END,
  ].join('\n');
}


async function main() {
  const loadBefore = load1();
  execFileSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: root, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'starcity-bench-files-'));
  const postgres = await benchDatabase();
  const pglite = pgliteEngine();
  try {
    const { loadCity } = await import(new URL('dist/server/config.js', `file://${root}`).href);
    const files = await generateImportFiles(dir, ROWS, loadCity('changsha'));
    log(`files of ${fmt(ROWS)} rows in ${dir}`);
    const engines = [postgresEngine(postgres.url), pglite];
    const rounds = new Map(engines.map((e) => [e, []]));
    for (let i = 1; i <= RUNS; i++) {
      for (const engine of engines) {
        log(`round ${i}/${RUNS} on ${engine.name}`);
        rounds.get(engine).push(await round(engine, files));
        pglite.cleanup();
      }
    }
    const run = {
      date: new Date().toISOString().slice(0, 10),
      machine: machine(),
      command: 'npm run bench:import',
      postgresVersion: await serverVersion(postgres.url),
      pgliteVersion: JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version,
      sizes: { organizations: statSync(files.organizations).size, institutions: statSync(files.institutions).size },
      postgres: summarize(rounds.get(engines[0])),
      pglite: summarize(rounds.get(pglite)),
      loadBefore,
      loadAfter: load1(),
    };
    const section = render(run);
    console.log(section);
    if (process.env.BENCH_IMPORT_WRITE !== '0') writeReadmeSection(section, BEGIN, END);
  } finally {
    pglite.cleanup();
    await postgres.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
