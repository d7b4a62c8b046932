import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirBusyError, readLock } from './lock.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'starcity-lock-'));

describe('data directory lock', () => {
  it('is taken, named and released', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, 'serve');
    lock.setUrl('http://localhost:8080');
    expect(readLock(dir)).toMatchObject({ pid: process.pid, command: 'serve', url: 'http://localhost:8080' });
    lock.release();
    expect(readLock(dir)).toBeNull();
  });

  it('refuses a second process plainly, naming the holder', () => {
    const dir = tempDir();
    // The parent process is alive for as long as this test runs.
    writeFileSync(join(dir, 'starcity.lock'), JSON.stringify({ pid: process.ppid, command: 'serve', url: 'http://localhost:8080', started_at: '2026-11-26T10:00:00.000Z' }));
    expect(() => acquireDataDirLock(dir, 'migrate')).toThrow(DataDirBusyError);
    expect(() => acquireDataDirLock(dir, 'migrate')).toThrow(/pid \d+, "serve", serving http:\/\/localhost:8080/);
  });

  it('takes over a stale lock whose process is gone', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'starcity.lock'), JSON.stringify({ pid: 2 ** 22 + 17, command: 'serve', url: null, started_at: '2026-01-01T00:00:00.000Z' }));
    const lock = acquireDataDirLock(dir, 'seed');
    expect(readLock(dir)?.pid).toBe(process.pid);
    lock.release();
  });
});

describe('a holder killed but not yet reaped (a zombie)', () => {
  it('counts as gone, so its lock is taken over', async () => {
    if (process.platform !== 'linux') return;
    // `sleep 0` exits at once; its parent execs into `sleep 5`, which never reaps it: a zombie.
    const { spawn } = await import('node:child_process');
    const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const zombiePid = Number(await new Promise<string>((resolve) => parent.stdout.once('data', (d: Buffer) => resolve(d.toString()))));
    await new Promise((r) => setTimeout(r, 300));
    try {
      const dir = tempDir();
      writeFileSync(join(dir, 'starcity.lock'), JSON.stringify({ pid: zombiePid, command: 'serve', url: null, started_at: '2026-01-01T00:00:00.000Z' }));
      const lock = acquireDataDirLock(dir, 'migrate');
      expect(readLock(dir)?.pid).toBe(process.pid);
      lock.release();
    } finally {
      parent.kill();
    }
  });
});
