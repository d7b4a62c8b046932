import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Message } from '../domain/message.js';
import { decodeBackup, type BackupManifest } from './backupFile.js';
import { loadMigrations } from './migrate.js';

/** A restore that may not go ahead; the data directory is left as it was. */
export class RestoreRefusedError extends Error {
  constructor(
    readonly code: 'restore.not_empty' | 'restore.newer_schema' | 'restore.unreadable',
    readonly problem: Message,
  ) {
    super(`${problem.en} (${problem.zh})`);
    this.name = 'RestoreRefusedError';
  }
}

/** What a restore brought back: the file's manifest and the migration level the restored database opened at. */
export type RestoredBackup = BackupManifest & { restoredMigration: string | null };

/** Whether a PGlite data directory holds a database (an absent or empty directory does not). */
export const holdsDatabase = (pgdata: string): boolean => existsSync(pgdata) && readdirSync(pgdata).length > 0;

/**
 * Restores a backup file into the PGlite data directory `pgdata`. The file is checked whole
 * first; the database is unpacked and opened beside `pgdata` and only then moved into place, so a
 * failure at any step leaves `pgdata` as it was. The caller holds the data directory's lock.
 */
export async function restoreDataDir(pgdata: string, file: Uint8Array, opts: { force: boolean }): Promise<RestoredBackup> {
  const { manifest, payload } = decodeBackup(file);
  const known = loadMigrations().at(-1)?.version ?? null;
  // This version's code would run on tables it does not know, and its migrations would not notice.
  if (manifest.migration !== null && known !== null && manifest.migration > known)
    throw new RestoreRefusedError('restore.newer_schema', {
      zh: `该备份来自更新版本的 StarCity（迁移 ${manifest.migration}，本版本只到 ${known}）：请先升级 StarCity 再恢复`,
      en: `The backup comes from a newer StarCity (migration ${manifest.migration}; this version knows up to ${known}): upgrade StarCity before restoring it`,
    });
  if (!opts.force && holdsDatabase(pgdata))
    throw new RestoreRefusedError('restore.not_empty', {
      zh: `数据目录 ${pgdata} 中已有数据库；确认要用备份替换它时请加 --force`,
      en: `The data directory ${pgdata} already holds a database; add --force to replace it with the backup`,
    });
  const staging = `${pgdata}.restoring`;
  // Left over by a restore that was killed: ours, and the lock says no one else is using it.
  rmSync(staging, { recursive: true, force: true });
  let restoredMigration: string | null;
  try {
    restoredMigration = await unpack(staging, payload);
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw new RestoreRefusedError('restore.unreadable', {
      zh: `备份无法打开（PostgreSQL ${manifest.postgres} 写入；本版本的嵌入式数据库读不了它？）：${(err as Error).message}`,
      en: `The backup could not be opened (written by PostgreSQL ${manifest.postgres}; can this version's embedded database read it?): ${(err as Error).message}`,
    });
  }
  swapInto(pgdata, staging);
  return { ...manifest, restoredMigration };
}

/** Unpacks the tarball into a new directory and opens it once (PostgreSQL replays its WAL there); returns its migration level. */
async function unpack(dir: string, payload: Uint8Array): Promise<string | null> {
  const db = new PGlite(dir, { loadDataDir: new Blob([payload]) });
  try {
    await db.waitReady;
    return await migrationLevel(db);
  } finally {
    await db.close();
  }
}

/** The last migration applied, or null on a database never migrated. */
export async function migrationLevel(db: { query<R>(sql: string): Promise<{ rows: R[] }> }): Promise<string | null> {
  const exists = await db.query<{ t: string | null }>("SELECT to_regclass('schema_migrations')::text AS t");
  if (!exists.rows[0]?.t) return null;
  const { rows } = await db.query<{ level: string | null }>('SELECT max(version) AS level FROM schema_migrations');
  return rows[0]?.level ?? null;
}

/** Puts the restored directory in place of the old one with renames: never half of each. */
function swapInto(pgdata: string, staging: string): void {
  const replaced = `${pgdata}.replaced`;
  rmSync(replaced, { recursive: true, force: true });
  if (existsSync(pgdata)) renameSync(pgdata, replaced);
  renameSync(staging, pgdata);
  rmSync(replaced, { recursive: true, force: true });
}
