import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCity, type Config } from '../config.js';
import { openPglite } from '../db/client.js';
import { decodeBackup, type BackupManifest } from '../db/backupFile.js';
import { acquireDataDirLock, DataDirBusyError, type LockHolder } from '../db/lock.js';
import { holdsDatabase, restoreDataDir, type RestoredBackup } from '../db/restore.js';
import type { Message } from '../domain/message.js';
import { cliActor } from '../modules/audit/trail.js';
import { backUpDatabase } from '../modules/backup/service.js';
import { cityClock } from '../modules/shared/context.js';
import { say } from './io.js';

/** A refusal the operator can act on, said in both languages. */
const refusal = (m: Message) => new Error(`${m.en} (${m.zh})`);

const postgresTools = (tool: string) =>
  refusal({
    zh: `DATABASE_URL 指向 PostgreSQL 服务器：请用 ${tool}（见 docs/deployment.md）；starcity backup/restore 只用于嵌入式数据库`,
    en: `DATABASE_URL points at a PostgreSQL server: use ${tool} (see docs/deployment.md); starcity backup/restore are for the embedded database`,
  });

const pgdataOf = (config: Config) => join(config.dataDir, 'pgdata');

export interface BackupOptions {
  /** An API token with `database.backup`, for when a server holds the data directory. */
  token?: string;
  /** The server's URL when the one its lock file names (http://localhost:PORT) does not reach it, e.g. it listens on one address only. */
  server?: string;
}

/**
 * `starcity backup FILE`: a checked backup of the embedded database. When a server holds the data
 * directory, the server takes it (GET /api/v1/admin/backup with an API token carrying
 * `database.backup`), so it is consistent while serving; otherwise this process opens the
 * directory itself. FILE appears only once the backup is complete and verified.
 */
export async function backupCommand(config: Config, file: string, opts: BackupOptions = {}): Promise<BackupManifest> {
  if (config.databaseUrl) throw postgresTools('pg_dump -Fc');
  const bytes = await takeBackup(config, opts);
  // What the server sent crossed a socket: check it as restore will before calling it a backup.
  const { manifest } = decodeBackup(bytes);
  const partial = `${file}.partial`;
  try {
    writeFileSync(partial, bytes);
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  say(
    `Backed up the embedded database in ${config.dataDir} to ${file}: ${(bytes.byteLength / 1e6).toFixed(1)} MB, migration ${manifest.migration ?? 'none'}, PostgreSQL ${manifest.postgres}, SHA-256 ${manifest.payload.sha256}.`,
  );
  return manifest;
}

async function takeBackup(config: Config, opts: BackupOptions): Promise<Uint8Array> {
  let lock;
  try {
    lock = acquireDataDirLock(config.dataDir, 'backup');
  } catch (err) {
    if (err instanceof DataDirBusyError && err.holder.url) return fromServer({ ...err.holder, url: opts.server ?? err.holder.url }, opts.token);
    throw err;
  }
  try {
    // Opening an empty directory would create a database: there is nothing to back up.
    if (!holdsDatabase(pgdataOf(config))) throw refusal({ zh: `${config.dataDir} 中没有数据库，无可备份`, en: `There is no database in ${config.dataDir} to back up` });
    const db = await openPglite(pgdataOf(config));
    try {
      return (await backUpDatabase({ db, clock: cityClock(loadCity(config.city).timeZone, { today: config.today }) }, cliActor())).file;
    } finally {
      await db.close();
    }
  } finally {
    lock.release();
  }
}

/** Asks the server holding the data directory for the backup. */
async function fromServer(holder: LockHolder, token: string | undefined): Promise<Uint8Array> {
  const where = `${holder.url} (pid ${holder.pid})`;
  if (!token)
    throw refusal({
      zh: `数据目录正由 ${where} 的服务器使用，备份须由该服务器生成：请在 STARCITY_TOKEN（或 --token）中提供带“database.backup”权限的 API 令牌（管理员可在网页的“API 令牌”中创建）`,
      en: `The data directory is in use by the server at ${where}, so the server takes the backup: give an API token with the scope database.backup in STARCITY_TOKEN (or --token); an administrator creates one in the web UI under API tokens`,
    });
  const res = await fetch(`${holder.url}/api/v1/admin/backup`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) {
    const problem = (await res.json().catch(() => null)) as { title?: string; title_zh?: string; errors?: { message: Message }[] } | null;
    const reasons = problem?.errors?.map((e) => e.message) ?? [];
    throw refusal({
      zh: `服务器 ${where} 拒绝备份（${res.status}）：${[problem?.title_zh, ...reasons.map((m) => m.zh)].filter(Boolean).join('；')}`,
      en: `The server at ${where} refused the backup (${res.status}): ${[problem?.title, ...reasons.map((m) => m.en)].filter(Boolean).join('; ')}`,
    });
  }
  return new Uint8Array(await res.arrayBuffer());
}

/**
 * `starcity restore FILE [--force]`: checks the file whole (refusing a damaged or cut-off one),
 * then, holding the data directory, restores it; a directory that already holds a database is
 * replaced only with `--force`. Never while a server holds the directory (exit status 3).
 */
export async function restoreCommand(config: Config, file: string, opts: { force: boolean }): Promise<RestoredBackup> {
  if (config.databaseUrl) throw postgresTools('pg_restore');
  const bytes = readFileSync(file);
  decodeBackup(bytes);
  const lock = acquireDataDirLock(config.dataDir, 'restore');
  try {
    const restored = await restoreDataDir(pgdataOf(config), bytes, opts);
    say(`Restored ${file} (taken ${restored.created_at}, migration ${restored.restoredMigration ?? 'none'}) into ${config.dataDir}. The next start applies any newer migrations.`);
    return restored;
  } finally {
    lock.release();
  }
}
