import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { starcity, type CliRun } from '../test/support/cli.js';
import { templateCopy } from '../test/support/dataTemplates.js';
import { organizationsCsv } from '../test/support/files.js';
import { tempDirs } from '../test/support/tempDirs.js';
import { startServer } from './support/server.js';

/**
 * The compiled `starcity` command as a user runs it (npm test builds it first): what only a process
 * of its own shows — exit statuses, environment variables, a second process on a held data
 * directory, a kill mid-import. Every command's behaviour is tested in-process in test/cli/.
 */
const bin = join(import.meta.dirname, '..', 'bin', 'starcity.js');
const dirs = tempDirs();
const root = dirs.make('cli');
/** Migrated, empty registries, one per use (made before the tests: the run's template may be made first). */
let envDir: string, busyDir: string, crashedDir: string, cleanDir: string;
beforeAll(async () => {
  const copies = await Promise.all([1, 2, 3, 4].map(async () => dirs.keep(await templateCopy('migrated'))));
  [envDir, busyDir, crashedDir, cleanDir] = copies as [string, string, string, string];
});
const envFor = (dataDir: string): NodeJS.ProcessEnv => ({ ...process.env, STARCITY_DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn' });
const spawnCli = (dataDir: string, args: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [bin, ...args], { env: { ...envFor(dataDir), ...extraEnv }, timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });

describe('the starcity command', () => {
  it('prints its version, and takes its options from the environment', () => {
    const version = spawnCli(join(root, 'version'), ['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.toString().trim()).toMatch(/^\d+\.\d+\.\d+/);
    // STARCITY_EXPORT_FORMAT stands for --format.
    const xlsx = spawnCli(envDir, ['export', 'platforms'], { STARCITY_EXPORT_FORMAT: 'xlsx' });
    expect(xlsx.status, xlsx.stderr.toString()).toBe(0);
    expect(xlsx.stdout.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('refuses the data directory a running server holds with status 3, naming the server', async () => {
    const dataDir = busyDir;
    const server = await startServer({ dataDir });
    try {
      const r = spawnCli(dataDir, ['migrate']);
      expect(r.status).toBe(3);
      expect(r.stderr.toString()).toMatch(new RegExp(`in use by another StarCity process \\(pid ${server.pid}, "serve", serving http://localhost:${new URL(server.url).port}`));
    } finally {
      await server.stop();
    }
    expect(spawnCli(dataDir, ['migrate']).status).toBe(0);
  }, 180_000);
});

/** Four batches of 5,000: the kill, sent as the first one's progress line arrives, lands seconds before the last. */
const ROWS = 20_000;

describe('starcity import, killed mid-way', () => {
  it('leaves whole batches in the database; run again, it ends as a clean run does', async () => {
    const file = join(root, 'big.csv');
    writeFileSync(file, organizationsCsv(ROWS));
    const [crashed, clean] = [crashedDir, cleanDir];

    // Progress is reported after a batch commits: the first line means at least one batch is in.
    const child = spawn(process.execPath, [bin, 'import', 'organizations', file], { env: envFor(crashed), stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (/rows\/s/.test(chunk.toString())) resolve();
      });
      child.on('exit', () => reject(new Error('the import ended before it could be killed')));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));

    const exportOf = async (dir: string) => exported(await starcity(['export', 'organizations', '--format', 'jsonl', '--lang', 'en', '--data-dir', dir]));
    const written = await exportOf(crashed);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(ROWS);
    expect(written.length % 5000).toBe(0);

    const rerun = await starcity(['import', 'organizations', file, '--data-dir', crashed]);
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(`${ROWS} read, ${ROWS - written.length} inserted, 0 updated, ${written.length} unchanged, 0 rejected`);
    const fresh = await starcity(['import', 'organizations', file, '--data-dir', clean]);
    expect(fresh.status, fresh.stderr).toBe(0);
    const after = await exportOf(crashed);
    expect(after.length).toBe(ROWS);
    expect(checksum(after)).toBe(checksum(await exportOf(clean)));
  }, 600_000);
});

function exported(r: CliRun): string[] {
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trim().split('\n').filter((l) => l !== '').sort();
}

const checksum = (lines: string[]) => createHash('sha256').update(lines.join('\n')).digest('hex');
