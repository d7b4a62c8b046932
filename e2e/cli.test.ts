import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './support/server.js';

/** The compiled `starcity` command, run as a user would (npm test builds it first). */
const bin = join(import.meta.dirname, '..', 'bin', 'starcity.js');
const dataDir = mkdtempSync(join(tmpdir(), 'starcity-cli-'));
const env = { ...process.env, STARCITY_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' };
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', timeout: 120_000 });

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
    expect(header).toBe('\uFEFFuscc,name,name_en,kind,district_code,zone,founded_on,address');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.split(',')[3] === 'university')).toBe(true);
    const names = lines.map((l) => l.split(',')[1]!);
    expect(names).toEqual([...names].sort().reverse());

    // The format falls back to its environment variable; Chinese labels by default.
    const jsonl = spawnSync(process.execPath, [bin, 'export', 'rd_institutions', '--search', '研究院'], { env: { ...env, STARCITY_EXPORT_FORMAT: 'jsonl' }, encoding: 'utf8' });
    expect(jsonl.status, jsonl.stderr).toBe(0);
    const rows = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string | null>);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.name?.includes('研究院') && ['是', '否'].includes(r.global_layout ?? ''))).toBe(true);

    // XLSX is binary: to a pipe it goes as bytes, and --output writes the same workbook.
    const piped = spawnSync(process.execPath, [bin, 'export', 'platforms', '--format', 'xlsx'], { env, timeout: 120_000 });
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

  it('doctor checks every part', () => {
    const r = run('doctor');
    expect(r.stdout).toMatch(/✓ Node\.js/);
    expect(r.stdout).toMatch(/✓ City: 长沙市 Changsha \(430100\), 9 districts/);
    expect(r.stdout).toMatch(/✓ Migrations: up to date/);
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
