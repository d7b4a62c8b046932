import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCity } from '../../src/config.js';
import { fileColumns } from '../../src/contracts/fileColumns.js';
import { platformStatuses } from '../../src/domain/innovationPlatform.js';
import { starcity } from '../support/cli.js';
import { templateCopy } from '../support/dataTemplates.js';
import { tempDirs } from '../support/tempDirs.js';

/** `starcity export --view report` on the demo registry: names beside credit codes, districts and labels named. */
const city = loadCity('changsha');
const jsonLines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string | null>);
const dirs = tempDirs();
let dir: string;
/** Every organization's name by credit code, from the import-format export. */
let names: Map<string, string>;
beforeAll(async () => {
  dir = dirs.keep(await templateCopy('demo'));
  const run = await starcity(['export', 'organizations', '--format', 'jsonl', '--data-dir', dir]);
  expect(run.status, run.stderr).toBe(0);
  names = new Map(jsonLines(run.stdout).map((o) => [o.uscc!, o.name!]));
});

describe('starcity export --view report', () => {
  it('gives every platform its host’s name beside the credit code, and names its district and status in --lang', async () => {
    const run = await starcity(['export', 'platforms', '--view', 'report', '--lang', 'en', '--format', 'jsonl', '--data-dir', dir]);
    expect(run.status, run.stderr).toBe(0);
    const rows = jsonLines(run.stdout);
    expect(rows.length).toBeGreaterThan(0);
    const districtNames = new Set(city.districts.map((d) => d.name.en));
    const statusLabels = new Set<string>(Object.values(platformStatuses).map((s) => s.en));
    for (const row of rows) {
      expect(Object.keys(row).slice(0, 2)).toEqual(['host_uscc', 'host_name']);
      expect(row.host_name, row.host_uscc!).toBe(names.get(row.host_uscc!));
      expect(districtNames.has(row.district_code!), row.district_code!).toBe(true);
      expect(statusLabels.has(row.status!), row.status!).toBe(true);
    }
  });

  it('writes a Chinese CSV report with the holder’s name beside each qualification’s credit code', async () => {
    const run = await starcity(['export', 'qualifications', '--view', 'report', '--filter', 'qualification:high_tech_enterprise', '--data-dir', dir]);
    expect(run.status, run.stderr).toBe(0);
    const [header, ...records] = parseCsv(run.stdout, { bom: true }) as string[][];
    expect(header!.slice(0, 3)).toEqual(['统一社会信用代码', '持有主体名称', '资质']);
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect([r[1], r[2]]).toEqual([names.get(r[0]!), '高新技术企业']);
  });

  it('keeps the import format without --view, and refuses a view it does not know', async () => {
    const plain = await starcity(['export', 'platforms', '--data-dir', dir]);
    expect((parseCsv(plain.stdout, { bom: true }) as string[][])[0]).toEqual(fileColumns.platforms.map((c) => c.zh));
    const bad = await starcity(['export', 'platforms', '--view', 'pretty', '--data-dir', dir]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/Allowed choices are import, report/);
  });
});
