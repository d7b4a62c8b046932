import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded database admits one process. A lock file in the data directory names the holder,
 * so a second process can say plainly who has it instead of corrupting it.
 */
export interface LockHolder {
  pid: number;
  command: string;
  url: string | null;
  started_at: string;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data directory ${dataDir} is in use by another StarCity process (pid ${holder.pid}, "${holder.command}"` +
        (holder.url ? `, serving ${holder.url}` : '') +
        `, since ${holder.started_at}). The embedded database admits one process: stop it first, ` +
        'use the running server through its API, or point DATABASE_URL at a PostgreSQL server to share data between processes.',
    );
    this.name = 'DataDirBusyError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !zombie(pid);
}

/** A killed process whose parent has not reaped it still answers signal 0 (Linux shows it as Z). */
function zombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

export function readLock(dataDir: string): LockHolder | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, 'starcity.lock'), 'utf8')) as LockHolder;
  } catch {
    return null;
  }
}

/** Takes the lock (a stale one, whose process is gone, is taken over); returns its release. */
export function acquireDataDirLock(dataDir: string, command: string): { release: () => void; setUrl: (url: string) => void } {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'starcity.lock');
  const holder: LockHolder = { pid: process.pid, command, url: null, started_at: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(holder), { flag: 'wx' });
      return {
        release: () => rmSync(file, { force: true }),
        setUrl: (url) => writeFileSync(file, JSON.stringify({ ...holder, url })),
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const other = readLock(dataDir);
      if (other && other.pid !== process.pid && alive(other.pid)) throw new DataDirBusyError(dataDir, other);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${file}`);
}
