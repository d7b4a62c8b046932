import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { starcity } from '../support/cli.js';
import { templateCopy, templateReport } from '../support/dataTemplates.js';
import { tempDirs } from '../support/tempDirs.js';

/** `starcity migrate`, `seed`, `export` and `indicator(s)`, each test on a demo registry of its own. */
const dirs = tempDirs();
const emptyDir = () => dirs.make('cli');
const demoDir = async () => dirs.keep(await templateCopy('demo'));

describe('starcity migrate and seed', () => {
  it('migrates, says so the second time, and lists nothing pending', async () => {
    const dir = emptyDir();
    expect((await starcity(['migrate', '--data-dir', dir])).stdout).toMatch(/Applied migrations: 0001/);
    expect((await starcity(['migrate', '--data-dir', dir])).stdout).toMatch(/up to date/);
    expect((await starcity(['migrate', '--dry-run', '--data-dir', dir])).stdout).toMatch(/up to date/);
  });

  it('seeds the demo registry once, then adds nothing', async () => {
    expect((await starcity(['seed', '--demo', '--dry-run', '--data-dir', emptyDir()])).stdout).toMatch(/Would load \d+ organizations/);
    const dir = await demoDir();
    expect(templateReport('demo')).toMatch(/Demo registry loaded: [1-9]\d* organizations/);
    const again = await starcity(['seed', '--demo', '--data-dir', dir]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/loaded: 0 organizations, 0 qualifications, 0 R&D institutions and 0 platforms added/);
  });
});

describe('starcity export', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await demoDir();
  });

  it('exports a list with its filter, search and sort in each format, to stdout or a file', async () => {
    const csv = await starcity(['export', 'organizations', '--filter', 'kind:university', '--sort', 'name:desc', '--lang', 'en', '--data-dir', dir]);
    expect(csv.status, csv.stderr).toBe(0);
    const [header, ...lines] = csv.stdout.replace(/\r\n$/, '').split('\r\n');
    expect(header).toBe('\uFEFFuscc,name,name_en,kind,industry_code,district_code,zone,founded_on,address,uscc_override_reason');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => l.split(',')[3] === 'university')).toBe(true);
    const names = lines.map((l) => l.split(',')[1]!);
    expect(names).toEqual([...names].sort().reverse());

    // Chinese labels by default.
    const jsonl = await starcity(['export', 'rd_institutions', '--search', '研究院', '--format', 'jsonl', '--data-dir', dir]);
    expect(jsonl.status, jsonl.stderr).toBe(0);
    const rows = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string | null>);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.name?.includes('研究院') && ['是', '否'].includes(r.global_layout ?? ''))).toBe(true);

    // XLSX is binary: to a pipe it goes as bytes, and --output writes the same workbook.
    const piped = await starcity(['export', 'platforms', '--format', 'xlsx', '--data-dir', dir]);
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stdoutBytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const file = join(emptyDir(), 'platforms.xlsx');
    expect((await starcity(['export', 'platforms', '--format', 'xlsx', '--output', file, '--data-dir', dir])).status).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets[0]!.name).toBe('创新平台');
    expect(book.worksheets[0]!.getRow(1).getCell(1).value).toBe('依托单位统一社会信用代码');
    expect(book.worksheets[0]!.rowCount).toBeGreaterThan(1);
  });

  it('refuses a bad entity, filter or format with a message and status 1', async () => {
    const filter = await starcity(['export', 'organizations', '--filter', 'colour:red', '--data-dir', dir]);
    expect(filter.status).toBe(1);
    expect(filter.stderr).toMatch(/--filter: Unknown field "colour"/);
    expect(filter.stdout).toBe('');
    const robots = await starcity(['export', 'robots', '--data-dir', dir]);
    expect(robots.status).toBe(1);
    expect(robots.stderr).toMatch(/Allowed choices are organizations, qualifications, rd-institutions, rd_institutions, platforms/);
    expect((await starcity(['export', 'platforms', '--format', 'pdf', '--data-dir', dir])).status).not.toBe(0);
  });
});

describe('starcity indicators', () => {
  it('prints the indicators, one indicator broken down, and records an official value', async () => {
    const dir = await demoDir();
    const run = (...args: string[]) => starcity([...args, '--data-dir', dir]);
    const all = await run('indicators', '--period', '2025');
    expect(all.status, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/^rd_institutions\.count\s+研发机构总数\s+4,344\s+count\s+computed\s+2025-12-31$/m);
    expect(all.stdout).toMatch(/^rd_intensity\s+研发投入强度\s+3\.36\s+percent/m);

    const byDistrict = await run('indicator', 'rd_institutions.count', '--period', '2025', '--breakdown', 'district', '--json');
    expect(byDistrict.status, byDistrict.stderr).toBe(0);
    const points = JSON.parse(byDistrict.stdout) as Array<{ breakdown_key: string; value: number }>;
    expect(points).toHaveLength(9);
    expect(points.reduce((s, p) => s + p.value, 0)).toBe(4_344);

    const recorded = await run('indicator-value', 'gdp', '--period', '2025', '--value', '15300', '--source', '统计公报 revised', '--published-on', '2026-11-20', '--note', '修订');
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.stdout).toMatch(/Recorded gdp 2025 \(430100\) = 15300, published 2026-11-20/);
    expect((await run('indicator', 'rd_intensity', '--period', '2025')).stdout).toMatch(/^2025\s+430100\s+3\.34/m);

    const rebuilt = await run('indicators', '--period', '2025', '--rebuild');
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stderr).toMatch(/buckets built again from the registry in \d+\.\d s/);
    expect(rebuilt.stdout).toMatch(/^rd_institutions\.count\s+研发机构总数\s+4,344\s/m);

    const bad = await run('indicator', 'rd_institutions.count', '--period', '2015');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--period: The period must be a year from 2016/);
    const computed = await run('indicator-value', 'rd_institutions.count', '--period', '2025', '--value', 'x', '--source', 's', '--published-on', '2026-01-01');
    expect(computed.status).toBe(1);
    expect(computed.stderr).toMatch(/--value/);
  });
});
