import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../src/db/client.js';
import { orgCodeCheckCharacter, usccCheckCharacter } from '../src/domain/uscc.js';
import { startServer } from './support/server.js';

/** The compiled `starcity` command, run as a user would (npm test builds it first). */
const bin = join(import.meta.dirname, '..', 'bin', 'starcity.js');
const dataDir = mkdtempSync(join(tmpdir(), 'starcity-cli-'));
const env = { ...process.env, STARCITY_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Exports of the demo run to megabytes: well over spawnSync's default 1 MiB of output.
const MAX_OUTPUT = 256 * 1024 * 1024;
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 120_000, maxBuffer: MAX_OUTPUT });

describe('starcity CLI', () => {
  it('migrates, says so the second time, and lists nothing pending', () => {
    expect(run('migrate').stdout).toMatch(/Applied migrations: 0001/);
    expect(run('migrate').stdout).toMatch(/up to date/);
    expect(run('migrate', '--dry-run').stdout).toMatch(/up to date/);
  });

  it('seeds the demo registry once, then adds nothing', () => {
    expect(run('seed', '--demo', '--dry-run').stdout).toMatch(/Would load \d+ organizations/);
    const first = run('seed', '--demo');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Demo registry loaded: [1-9]\d* organizations/);
    expect(run('seed', '--demo').stdout).toMatch(/loaded: 0 organizations, 0 qualifications, 0 R&D institutions and 0 platforms added/);
  });

  it('exports a list with its filter, search and sort in each format, to stdout or a file', async () => {
    const csv = run('export', 'organizations', '--filter', 'kind:university', '--sort', 'name:desc', '--lang', 'en');
    expect(csv.status, csv.stderr).toBe(0);
    const [header, ...lines] = csv.stdout.replace(/\r\n$/, '').split('\r\n');
    expect(header).toBe('\uFEFFuscc,name,name_en,kind,district_code,zone,founded_on,address,uscc_override_reason');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.split(',')[3] === 'university')).toBe(true);
    const names = lines.map((l) => l.split(',')[1]!);
    expect(names).toEqual([...names].sort().reverse());

    // The format falls back to its environment variable; Chinese labels by default.
    const jsonl = spawnSync(process.execPath, [bin, 'export', 'rd_institutions', '--search', '研究院'], { env: { ...env, STARCITY_EXPORT_FORMAT: 'jsonl' }, encoding: 'utf8', maxBuffer: MAX_OUTPUT });
    expect(jsonl.status, jsonl.stderr).toBe(0);
    const rows = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string | null>);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.name?.includes('研究院') && ['是', '否'].includes(r.global_layout ?? ''))).toBe(true);

    // XLSX is binary: to a pipe it goes as bytes, and --output writes the same workbook.
    const piped = spawnSync(process.execPath, [bin, 'export', 'platforms', '--format', 'xlsx'], { env, timeout: 120_000, maxBuffer: MAX_OUTPUT });
    expect(piped.status, piped.stderr.toString()).toBe(0);
    expect(piped.stdout.subarray(0, 2).toString('latin1')).toBe('PK');
    const file = join(dataDir, 'platforms.xlsx');
    expect(run('export', 'platforms', '--format', 'xlsx', '--output', file).status).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets[0]!.name).toBe('创新平台');
    expect(book.worksheets[0]!.getRow(1).getCell(1).value).toBe('依托单位统一社会信用代码');
    expect(book.worksheets[0]!.rowCount).toBeGreaterThan(1);
  });

  it('refuses a bad entity, filter or format with a message and status 1', () => {
    const filter = run('export', 'organizations', '--filter', 'colour:red');
    expect(filter.status).toBe(1);
    expect(filter.stderr).toMatch(/--filter: Unknown field "colour"/);
    expect(filter.stdout).toBe('');
    expect(run('export', 'robots').stderr).toMatch(/Allowed choices are organizations, qualifications, rd-institutions, rd_institutions, platforms/);
    expect(run('export', 'platforms', '--format', 'pdf').status).not.toBe(0);
  });

  it('prints the indicators, one indicator broken down, and records an official value', () => {
    const all = run('indicators', '--period', '2025');
    expect(all.status, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/^rd_institutions\.count\s+研发机构总数\s+4,344\s+count\s+computed\s+2025-12-31$/m);
    expect(all.stdout).toMatch(/^rd_intensity\s+研发投入强度\s+3\.36\s+percent/m);

    const byDistrict = run('indicator', 'rd_institutions.count', '--period', '2025', '--breakdown', 'district', '--json');
    expect(byDistrict.status, byDistrict.stderr).toBe(0);
    const points = JSON.parse(byDistrict.stdout) as Array<{ breakdown_key: string; value: number }>;
    expect(points).toHaveLength(9);
    expect(points.reduce((s, p) => s + p.value, 0)).toBe(4_344);

    const recorded = run('indicator-value', 'gdp', '--period', '2025', '--value', '15300', '--source', '统计公报 revised', '--published-on', '2026-11-20', '--note', '修订');
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.stdout).toMatch(/Recorded gdp 2025 \(430100\) = 15300, published 2026-11-20/);
    expect(run('indicator', 'rd_intensity', '--period', '2025').stdout).toMatch(/^2025\s+430100\s+3\.34/m);

    const rebuilt = run('indicators', '--period', '2025', '--rebuild');
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stderr).toMatch(/buckets built again from the registry in \d+\.\d s/);
    expect(rebuilt.stdout).toMatch(/^rd_institutions\.count\s+研发机构总数\s+4,344\s/m);

    const bad = run('indicator', 'rd_institutions.count', '--period', '2015');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--period: The period must be a year from 2016/);
    const computed = run('indicator-value', 'rd_institutions.count', '--period', '2025', '--value', 'x', '--source', 's', '--published-on', '2026-01-01');
    expect(computed.status).toBe(1);
    expect(computed.stderr).toMatch(/--value/);
  });

  it('creates accounts (password from standard input, checked by the policy) and API tokens printed once', () => {
    const stdin = (input: string, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, input, encoding: 'utf8', timeout: 120_000 });
    const weak = stdin('short\n', 'user', 'create', '--role', 'officer', '--username', 'cli-officer', '--password-stdin');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/password: A password has at least 10 characters/);
    const made = stdin('Cli-Officer-Password-1\n', 'user', 'create', '--role', 'officer', '--username', 'cli-officer', '--district', '430104', '--password-stdin');
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/Created user cli-officer \(id \d+, officer; districts 430104\)/);
    const org = stdin('Cli-Org-Password-1\n', 'user', 'create', '--role', 'org_user', '--username', 'cli-org', '--organization', '000000000000000000', '--password-stdin');
    expect(org.stderr).toMatch(/--organization 000000000000000000: no organization has this credit code/);
    const token = run('token', 'create', '--username', 'cli-officer', '--scope', 'organizations.create', '--expires-in', '7d');
    expect(token.status, token.stderr).toBe(0);
    expect(token.stdout.trim()).toMatch(/^sc_[\w-]{43}$/);
    expect(token.stderr).toMatch(/scopes organizations\.create; expires/);
    const beyond = run('token', 'create', '--username', 'cli-officer', '--scope', 'users.manage');
    expect(beyond.status).toBe(1);
    expect(beyond.stderr).toMatch(/scopes\.0: You cannot give a token/);
  });

  it('verifies the audit chain (exit 1 naming the entry once one is edited) and exports the log', async () => {
    const holds = run('audit', 'verify');
    expect(holds.status, holds.stderr).toBe(0);
    expect(holds.stdout).toMatch(/The audit chain holds: [1-9]\d* entries checked; head: entry \d+, hash [0-9a-f]{64}\./);
    const log = run('audit', 'export', '--format', 'jsonl', '--filter', 'entity:users,action:create');
    expect(log.status, log.stderr).toBe(0);
    const created = log.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string | null>);
    const officer = created.find((e) => JSON.parse(e.after ?? '{}').username === 'cli-officer');
    expect(officer).toMatchObject({ via: 'cli', role: 'system', username: expect.stringMatching(/^cli:/) });

    // Edit one entry behind the application's back (its append-only trigger off), then put it back.
    const id = Number(officer!.id);
    const behindTheBack = async (sql: string) => {
      const db = await openPglite(join(dataDir, 'pgdata'));
      try {
        await db.exec(`ALTER TABLE audit_log DISABLE TRIGGER USER; ${sql}; ALTER TABLE audit_log ENABLE TRIGGER USER`);
      } finally {
        await db.close();
      }
    };
    await behindTheBack(`UPDATE audit_log SET username = 'someone-else' WHERE id = ${id}`);
    const broken = run('audit', 'verify');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`entry ${id}: Its content does not match its hash`);
    expect(broken.stdout).toMatch(/The audit chain is BROKEN/);
    await behindTheBack(`UPDATE audit_log SET username = '${officer!.username}' WHERE id = ${id}`);
    expect(run('audit', 'verify').status).toBe(0);
  });

  it('doctor checks every part', () => {
    const r = run('doctor');
    expect(r.stdout).toMatch(/✓ Node\.js/);
    expect(r.stdout).toMatch(/✓ City: 长沙市 Changsha \(430100\), 9 districts/);
    expect(r.stdout).toMatch(/✓ Migrations: up to date/);
    expect(r.stdout).toMatch(/[✓!] Holiday calendar: "cn" covers 2025, 2026/);
  });

  it('refuses the data directory a running server holds, naming the server', async () => {
    const server = await startServer({ dataDir });
    try {
      const r = run('migrate');
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(new RegExp(`in use by another StarCity process \\(pid ${server.pid}, "serve", serving http://localhost:${new URL(server.url).port}`));
    } finally {
      await server.stop();
    }
    expect(run('migrate').status).toBe(0);
  });
});

/** 60,000 organizations with valid credit codes, as a district office's CSV. */
function organizationsCsv(n: number): string {
  const lines = ['uscc,name,kind,district_code,founded_on,address'];
  for (let i = 1; i <= n; i++) {
    const org = String(i).padStart(8, '0');
    const first17 = `91430100${org}${orgCodeCheckCharacter(org)}`;
    lines.push(`${first17}${usccCheckCharacter(first17)},测试主体${i},enterprise,430104,2015-03-01,"长沙市某路${i}号, 2 栋"`);
  }
  return `${lines.join('\n')}\n`;
}

describe('starcity import', () => {
  const importDir = mkdtempSync(join(tmpdir(), 'starcity-import-'));
  const importEnv = { ...env, STARCITY_DATA_DIR: join(importDir, 'data') };
  afterAll(() => rmSync(importDir, { recursive: true, force: true }));
  const imp = (...args: string[]) => spawnSync(process.execPath, [bin, 'import', ...args], { env: importEnv, encoding: 'utf8', timeout: 300_000 });
  const small = join(importDir, 'small.csv');
  writeFileSync(small, organizationsCsv(3));

  it('imports, re-imports as unchanged, and exits 1 with a report when rows are rejected', () => {
    const first = imp('organizations', small);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/读取 3 行，新增 3，更新 0，未变 0，拒绝 0/);
    expect(first.stdout).toMatch(/3 read, 3 inserted, 0 updated, 0 unchanged, 0 rejected — succeeded/);
    expect(imp('organizations', small).stdout).toMatch(/3 read, 0 inserted, 0 updated, 3 unchanged/);

    const bad = join(importDir, 'bad.csv');
    writeFileSync(bad, `${readFileSync(small, 'utf8')}BAD,坏代码,enterprise,430104,,\n`);
    const report = join(importDir, 'report.csv');
    const r = imp('organizations', bad, '--report', report, '--mode', 'insert');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/4 read, 0 inserted, 0 updated, 0 unchanged, 4 rejected/);
    const lines = readFileSync(report, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFF行号 line,列 column,值 value,代码 code,原因 reason_zh,原因 reason_en');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['2', '3', '4', '5']);
    expect(lines.filter((l) => l.includes('import.exists'))).toHaveLength(3);

    const missing = imp('rd-institutions', join(importDir, 'missing.csv'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/ENOENT/);
  });

  it('dry run and atomic write nothing; a refused file exits 1', () => {
    const more = join(importDir, 'more.csv');
    writeFileSync(more, organizationsCsv(5));
    const dry = imp('organizations', more, '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/5 read, 2 inserted, 0 updated, 3 unchanged/);
    expect(dry.stdout).toMatch(/Dry run: nothing was written/);
    writeFileSync(more, `${organizationsCsv(5)}BAD,坏代码,enterprise,430104,,\n`);
    const atomic = imp('organizations', more, '--atomic');
    expect(atomic.status).toBe(1);
    expect(atomic.stdout).toMatch(/Atomic: rows were rejected, so nothing was written/);
    writeFileSync(more, organizationsCsv(5));
    expect(imp('organizations', more, '--dry-run').stdout).toMatch(/5 read, 2 inserted, 0 updated, 3 unchanged/);
    const refused = join(importDir, 'refused.csv');
    writeFileSync(refused, 'colour,shape\nred,round\n');
    expect(imp('organizations', refused).status).toBe(1);
  });

  it('exits 3 when the data directory is busy', async () => {
    const server = await startServer({ dataDir: importEnv.STARCITY_DATA_DIR });
    try {
      expect(imp('organizations', small).status).toBe(3);
    } finally {
      await server.stop();
    }
  });

  it('killed mid-way, the database holds whole batches; run again, it ends as a clean run does', async () => {
    const file = join(importDir, 'big.csv');
    writeFileSync(file, organizationsCsv(60_000));
    const crashEnv = { ...env, STARCITY_DATA_DIR: join(importDir, 'crash') };
    const cleanEnv = { ...env, STARCITY_DATA_DIR: join(importDir, 'clean') };
    const cli = (e: NodeJS.ProcessEnv, ...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env: e, encoding: 'utf8', timeout: 300_000, maxBuffer: 256 * 1024 * 1024 });
    expect(cli(crashEnv, 'migrate').status).toBe(0);

    // Progress is reported after a batch commits: the first line means at least one batch is in.
    const child = spawn(process.execPath, [bin, 'import', 'organizations', file], { env: crashEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (/rows\/s/.test(chunk.toString())) resolve();
      });
      child.on('exit', () => reject(new Error('the import ended before it could be killed')));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));

    const written = exported(cli(crashEnv, 'export', 'organizations', '--format', 'jsonl', '--lang', 'en'));
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(60_000);
    expect(written.length % 5000).toBe(0);

    const rerun = cli(crashEnv, 'import', 'organizations', file);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(`60000 read, ${60_000 - written.length} inserted, 0 updated, ${written.length} unchanged, 0 rejected`);
    const clean = cli(cleanEnv, 'import', 'organizations', file);
    expect(clean.status, clean.stderr).toBe(0);
    const after = exported(cli(crashEnv, 'export', 'organizations', '--format', 'jsonl', '--lang', 'en'));
    const expected = exported(cli(cleanEnv, 'export', 'organizations', '--format', 'jsonl', '--lang', 'en'));
    expect(after.length).toBe(60_000);
    expect(checksum(after)).toBe(checksum(expected));
  }, 600_000);
});

function exported(r: ReturnType<typeof spawnSync>): string[] {
  expect(r.status, String(r.stderr)).toBe(0);
  return String(r.stdout).trim().split('\n').filter((l) => l !== '').sort();
}

const checksum = (lines: string[]) => createHash('sha256').update(lines.join('\n')).digest('hex');
