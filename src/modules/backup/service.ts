import { packageVersion } from '../../config.js';
import { encodeBackup, type BackupManifest } from '../../db/backupFile.js';
import { migrationLevel } from '../../db/restore.js';
import type { AuditActor } from '../audit/trail.js';
import { AppError } from '../shared/errors.js';
import { write, type WriteContext } from '../shared/write.js';

/**
 * A backup of the embedded database (`starcity backup`, GET /api/v1/admin/backup): the whole data
 * directory as it stands between two statements, so every transaction committed by then is in it
 * and none half. The audit log records who took it, in the backup itself as well.
 */
export async function backUpDatabase(ctx: WriteContext, actor: AuditActor): Promise<{ file: Buffer; manifest: BackupManifest }> {
  const { db } = ctx;
  if (!db.dumpDataDir) throw postgresHasItsOwnTools();
  const now = ctx.clock.now();
  // The entry alone is the write: taking a backup changes no record.
  await write(ctx, actor, { action: 'backup', entity: 'database' }, async () => ({ result: null }));
  const { rows } = await db.query<{ server_version: string }>('SHOW server_version');
  const migration = await migrationLevel(db);
  // Written-out pages make the restored database start without replaying the log, and keep its
  // sequences where they were (a replay moves each one up to 32 values ahead).
  await db.query('CHECKPOINT');
  const payload = await db.dumpDataDir();
  return encodeBackup(payload, { postgres: rows[0]!.server_version, starcity: packageVersion, migration, created_at: now.toISOString() });
}

/** A PostgreSQL server is backed up by its own tools, which also see the data other clients write. */
export const postgresHasItsOwnTools = () =>
  new AppError('conflict', { zh: '该服务器使用 PostgreSQL 数据库，请用 pg_dump 备份', en: 'This server runs on PostgreSQL: back it up with pg_dump' }, [
    {
      field: 'engine',
      code: 'backup.postgres',
      message: {
        zh: '只有嵌入式数据库（PGlite）由 StarCity 备份；PostgreSQL 请用 pg_dump -Fc 备份、pg_restore 恢复（见 docs/deployment.md）',
        en: 'StarCity backs up the embedded database (PGlite) only; back PostgreSQL up with pg_dump -Fc and restore it with pg_restore (see docs/deployment.md)',
      },
    },
  ]);

/** A file name that sorts by time: starcity-20261204-134500.backup */
export const backupFileName = (at: Date): string => `starcity-${at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.backup`;
