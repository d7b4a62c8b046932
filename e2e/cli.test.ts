import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
