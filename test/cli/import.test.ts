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
});
