import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { migratedTemplateName, withDatabase } from './postgresTemplates.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated PGlite data directory each test file copies (initdb once, not per file). */
    pgliteTemplate: string;
    /** Admin URL of the PostgreSQL server and the migrated template database on it. */
    postgres: { adminUrl: string; template: string } | null;
  }
}

/** Migrates one template database per run; each test file then gets a fresh copy of it. */
export default async function setup(project: TestProject) {
  // The project's `env` reaches its test workers, not this process: read it from the config.
  const engine = project.config.env.STARCITY_TEST_ENGINE;
  const dir = mkdtempSync(join(tmpdir(), 'starcity-template-'));
  let cleanup = async () => rmSync(dir, { recursive: true, force: true });
  project.provide('pgliteTemplate', dir);
  project.provide('postgres', null);
  if (engine === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is required for the PostgreSQL test project');
    // The process of globalSetup is the run's (see dataTemplates.ts, which provides it as testRun).
    const template = migratedTemplateName(String(process.pid));
    const admin = await openPostgres(adminUrl, 1);
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const db = await openPostgres(withDatabase(adminUrl, template), 1);
    await migrate(db);
    await db.close();
    project.provide('postgres', { adminUrl, template });
    cleanup = async () => {
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname LIKE 'starcity_t%' AND pid <> pg_backend_pid()`);
      const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'starcity_t%'`);
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname}`);
      await admin.close();
      rmSync(dir, { recursive: true, force: true });
    };
  } else {
    const db = await openPglite(dir);
    await migrate(db);
    await db.close();
  }
  return cleanup;
}
