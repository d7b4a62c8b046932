import { join } from 'node:path';
import type { Config } from '../config.js';
import { openPglite, openPostgres, type Database } from './client.js';
import { acquireDataDirLock } from './lock.js';

/** Opens the configured database: PostgreSQL when DATABASE_URL is set, else embedded PGlite in the data directory. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>, command: string): Promise<{ db: Database; setUrl: (url: string) => void }> {
  if (config.databaseUrl) return { db: await openPostgres(config.databaseUrl), setUrl: () => undefined };
  const lock = acquireDataDirLock(config.dataDir, command);
  try {
    const db = await openPglite(join(config.dataDir, 'pgdata'));
    const close = db.close;
    return { db: { ...db, close: async () => void (await close().finally(lock.release)) }, setUrl: lock.setUrl };
  } catch (err) {
    lock.release();
    throw err;
  }
}
