// What the import benchmark runs on each engine: fresh databases, the raw COPY references and the
// real `starcity import` command. PGlite work runs in child processes (pglite.mjs), as the CLI
// does, so no engine shares a heap with the benchmark itself.
import { execFile } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { INSTITUTION_COLUMNS, ORGANIZATION_COLUMNS } from './generate.mjs';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;
const cli = join(root, 'bin/starcity.js');
const peakHook = new URL('./peakMemory.mjs', import.meta.url).pathname;
const pgliteScript = new URL('./pglite.mjs', import.meta.url).pathname;

/** The file-shaped tables of the plain COPY reference: the files' columns, typed, nothing else. */
export const PLAIN_TABLES = `
  CREATE TABLE plain_organizations (uscc text, name text, name_en text, kind text, district_code text, zone text, founded_on date, address text);
  CREATE TABLE plain_rd_institutions (host_uscc text, name text, category text, level text, established_on date, district_code text, zone text,
    global_layout boolean, global_tasks boolean, global_resources boolean, global_results boolean);`;

/** The database floor for institutions: the plain rows into the real table, hosts resolved by join. */
export const INSTITUTIONS_FROM_PLAIN = `
  INSERT INTO rd_institutions (host_org_id, name, category, level, established_on, district_code, zone,
    global_layout_confirmed_on, global_tasks_confirmed_on, global_resources_confirmed_on, global_results_confirmed_on)
  SELECT o.id, p.name, p.category, p.level, p.established_on, p.district_code, p.zone,
    CASE WHEN p.global_layout THEN current_date END, CASE WHEN p.global_tasks THEN current_date END,
    CASE WHEN p.global_resources THEN current_date END, CASE WHEN p.global_results THEN current_date END
  FROM plain_rd_institutions p JOIN organizations o ON o.uscc = p.host_uscc`;

export const copyCsv = (table, columns) => `COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER true)`;
export const REFERENCE_LOADS = {
  plainOrganizations: { table: 'plain_organizations', columns: ORGANIZATION_COLUMNS },
  plainInstitutions: { table: 'plain_rd_institutions', columns: INSTITUTION_COLUMNS },
  organizations: { table: 'organizations', columns: ORGANIZATION_COLUMNS },
};

/** Runs `starcity import` and returns the import record's own duration, the wall time and peak RSS. */
async function starcityImport(env, args, entity, file) {
  const peakFile = join(tmpdir(), `starcity-bench-peak-${process.pid}-${Date.now()}`);
  const started = performance.now();
  await run(process.execPath, ['--import', peakHook, cli, 'import', entity, file, ...args], {
    env: { ...process.env, ...env, BENCH_PEAK_FILE: peakFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  const peakKiB = Number(readFileSync(peakFile, 'utf8'));
  rmSync(peakFile, { force: true });
  return { wallMs, peakMiB: peakKiB / 1024 };
}

/** PostgreSQL: each step on a fresh schema of the bench database. */
export function postgresEngine(url) {
  const withClient = async (work) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const copyFile = (client, sql, file) => pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), client.query(copyFrom(sql)));
  const timed = async (work) => {
    const t = performance.now();
    await work();
    return performance.now() - t;
  };
  return {
    name: 'PostgreSQL',
    async reset() {
      await withClient((c) => c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public'));
      await run(process.execPath, [cli, 'migrate'], { env: { ...process.env, DATABASE_URL: url } });
    },
    /** Times each reference load; the database is reset first. */
    async references(files) {
      await this.reset();
      return withClient(async (c) => {
        await c.query(PLAIN_TABLES);
        const copy = (ref, file) => timed(() => copyFile(c, copyCsv(ref.table, ref.columns), file));
        const plainOrganizations = await copy(REFERENCE_LOADS.plainOrganizations, files.organizations);
        const plainInstitutions = await copy(REFERENCE_LOADS.plainInstitutions, files.institutions);
        const organizations = await copy(REFERENCE_LOADS.organizations, files.organizations);
        const institutions = await timed(() => c.query(INSTITUTIONS_FROM_PLAIN));
        return { plainOrganizations, plainInstitutions, organizations, institutions: plainInstitutions + institutions };
      });
    },
    async imports(files) {
      await this.reset();
      const env = { DATABASE_URL: url };
      const baseline = await starcityImport(env, ['--dry-run'], 'organizations', files.tiny);
      const organizations = await starcityImport(env, [], 'organizations', files.organizations);
      const institutions = await starcityImport(env, [], 'rd_institutions', files.institutions);
      const records = await withClient((c) => c.query('SELECT entity, read, inserted, rejected, status, extract(epoch FROM finished_at - started_at) * 1000 AS ms FROM imports ORDER BY id'));
      return { baseline, organizations, institutions, records: records.rows.filter((r) => r.read > 2) };
    },
  };
}

/** PGlite: each step on a fresh data directory, in a child process. */
export function pgliteEngine() {
  const dirs = [];
  const fresh = () => {
    const dir = mkdtempSync(join(tmpdir(), 'starcity-bench-import-'));
    dirs.push(dir);
    return dir;
  };
  const child = async (...args) => JSON.parse((await run(process.execPath, [pgliteScript, ...args], { maxBuffer: 1 << 20 })).stdout);
  return {
    name: 'PGlite',
    async references(files) {
      return child('references', fresh(), files.organizations, files.institutions);
    },
    async imports(files) {
      const dir = fresh();
      const args = ['--data-dir', dir];
      // An existing database, as a bureau imports into: creating one (initdb) is not the import's work.
      await run(process.execPath, [cli, 'migrate', ...args]);
      const baseline = await starcityImport({}, [...args, '--dry-run'], 'organizations', files.tiny);
      const organizations = await starcityImport({}, args, 'organizations', files.organizations);
      const institutions = await starcityImport({}, args, 'rd_institutions', files.institutions);
      return { baseline, organizations, institutions, records: (await child('records', dir)).filter((r) => r.read > 2) };
    },
    cleanup() {
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}
