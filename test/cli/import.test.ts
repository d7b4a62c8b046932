import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { starcity } from '../support/cli.js';
import { templateCopy } from '../support/dataTemplates.js';
import { organizationsCsv } from '../support/files.js';
import { tempDirs } from '../support/tempDirs.js';

/** `starcity import`, each test on a database of its own. */
const dirs = tempDirs();
/** A migrated, empty registry of the test's own, where the test also keeps its files. */
const workDir = async () => dirs.keep(await templateCopy('migrated'));

describe('starcity import', () => {
  it('imports, re-imports as unchanged, and exits 1 with a report when rows are rejected', async () => {
    const dir = await workDir();
    const imp = (...args: string[]) => starcity(['import', ...args, '--data-dir', dir]);
    const small = join(dir, 'small.csv');
    writeFileSync(small, organizationsCsv(3));
    const first = await imp('organizations', small);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/读取 3 行，新增 3，更新 0，未变 0，拒绝 0/);
    expect(first.stdout).toMatch(/3 read, 3 inserted, 0 updated, 0 unchanged, 0 rejected — succeeded/);
    expect((await imp('organizations', small)).stdout).toMatch(/3 read, 0 inserted, 0 updated, 3 unchanged/);

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, `${readFileSync(small, 'utf8')}BAD,坏代码,enterprise,430104,,\n`);
    const report = join(dir, 'report.csv');
    const r = await imp('organizations', bad, '--report', report, '--mode', 'insert');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/4 read, 0 inserted, 0 updated, 0 unchanged, 4 rejected/);
    const lines = readFileSync(report, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFF行号 line,列 column,值 value,代码 code,原因 reason_zh,原因 reason_en');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['2', '3', '4', '5']);
    expect(lines.filter((l) => l.includes('import.exists'))).toHaveLength(3);

    const missing = await imp('rd-institutions', join(dir, 'missing.csv'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/ENOENT/);
  });

  it('dry run and atomic write nothing; a refused file exits 1', async () => {
    const dir = await workDir();
    const imp = (...args: string[]) => starcity(['import', ...args, '--data-dir', dir]);
    const file = join(dir, 'orgs.csv');
    writeFileSync(file, organizationsCsv(3));
    expect((await imp('organizations', file)).status).toBe(0);
    writeFileSync(file, organizationsCsv(5));
    const dry = await imp('organizations', file, '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/5 read, 2 inserted, 0 updated, 3 unchanged/);
    expect(dry.stdout).toMatch(/Dry run: nothing was written/);
    writeFileSync(file, `${organizationsCsv(5)}BAD,坏代码,enterprise,430104,,\n`);
    const atomic = await imp('organizations', file, '--atomic');
    expect(atomic.status).toBe(1);
    expect(atomic.stdout).toMatch(/Atomic: rows were rejected, so nothing was written/);
    writeFileSync(file, organizationsCsv(5));
    expect((await imp('organizations', file, '--dry-run')).stdout).toMatch(/5 read, 2 inserted, 0 updated, 3 unchanged/);
    const refused = join(dir, 'refused.csv');
    writeFileSync(refused, 'colour,shape\nred,round\n');
    expect((await imp('organizations', refused)).status).toBe(1);
  });

  it('imports technology contracts by their sellers’ credit codes, and exports them to import back unchanged', async () => {
    const dir = await workDir();
    const cli = (...args: string[]) => starcity([...args, '--data-dir', dir]);
    const orgs = join(dir, 'orgs.csv');
    writeFileSync(orgs, organizationsCsv(2));
    expect((await cli('import', 'organizations', orgs)).status).toBe(0);
    const [seller, buyer] = readFileSync(orgs, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
    const contracts = join(dir, 'contracts.csv');
    writeFileSync(contracts, [
      '卖方统一社会信用代码,合同编号,合同名称,合同类型,合同子类型,买方统一社会信用代码,买方名称,买方所在地区代码,合同成交额（元）,技术交易额（元）,签订日期,登记日期,状态',
      `${seller},C-1,委托开发,development,commissioned,${buyer},,,1250000.5,1000000,2025-03-01,2025-04-01,registered`,
      `${seller},C-2,技术咨询,consulting,consulting,,Acme GmbH,DE,8000,8000,2025-05-01,,`,
    ].join('\n'));
    const first = await cli('import', 'tech-contracts', contracts, '--atomic');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/2 read, 2 inserted, 0 updated, 0 unchanged, 0 rejected — succeeded/);
    const exported = join(dir, 'exported.jsonl');
    expect((await cli('export', 'tech-contracts', '--format', 'jsonl', '--lang', 'en', '--output', exported)).status).toBe(0);
    const rows = readFileSync(exported, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string | null>);
    expect(rows.map((r) => [r.contract_number, r.buyer_uscc, r.buyer_region, r.contract_amount, r.status])).toEqual([
      ['C-1', buyer, '430104', '1250000.50', 'registered'],
      ['C-2', null, 'DE', '8000.00', 'draft'],
    ]);
    expect(rows[0]!.registration_number).toMatch(/^2025430100\d{6}$/);
    expect((await cli('import', 'tech_contracts', exported)).stdout).toMatch(/2 read, 0 inserted, 0 updated, 2 unchanged/);
  });
});
