import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, inject } from 'vitest';
import { loadCity } from '../../src/config.js';
import { openPglite, openPostgres, type Database } from '../../src/db/client.js';
import { buildApp, type AppOptions } from '../../src/http/app.js';
import type { RegistryContext } from '../../src/modules/shared/context.js';
import { withDatabase } from './globalSetup.js';

export interface TestApp {
  app: FastifyInstance;
  ctx: RegistryContext;
  db: Database;
}

/**
 * A fresh, migrated database of the engine under test (STARCITY_TEST_ENGINE) and the app on it,
 * private to one test file: no test sees another file's rows.
 */
export async function createTestApp(options: Partial<AppOptions> = {}): Promise<TestApp> {
  const db = await freshDatabase();
  const ctx: RegistryContext = { db, city: loadCity('changsha') };
  const app = await buildApp(ctx, { logLevel: false, version: 'test', ...options });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await db.close();
  });
  return { app, ctx, db };
}

let counter = 0;

async function freshDatabase(): Promise<Database> {
  const pg = inject('postgres');
  if (process.env.STARCITY_TEST_ENGINE === 'postgres') {
    // Never fall back to PGlite silently: the PostgreSQL run would then test nothing new.
    if (!pg) throw new Error('STARCITY_TEST_ENGINE=postgres but globalSetup provided no PostgreSQL template');
    const name = `starcity_t${process.pid}_${++counter}_${Date.now() % 1e6}`;
    const admin = await openPostgres(pg.adminUrl, 1);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${pg.template}`);
    await admin.close();
    return openPostgres(withDatabase(pg.adminUrl, name), 5);
  }
  const dir = mkdtempSync(join(tmpdir(), 'starcity-test-'));
  cpSync(inject('pgliteTemplate'), dir, { recursive: true });
  const db = await openPglite(dir);
  const close = db.close;
  return { ...db, close: async () => void (await close().finally(() => rmSync(dir, { recursive: true, force: true }))) };
}
