import { inject } from 'vitest';
import { openPostgres } from '../../src/db/client.js';
import { starcity } from './cli.js';

/**
 * The run's template databases on the PostgreSQL server of TEST_DATABASE_URL, copied by test files
 * with CREATE DATABASE … TEMPLATE (a copy is a fraction of a second; migrating takes seconds and
 * the demo seed ~20 s of CPU):
 * - `starcity_template_<run>`: migrated, made by the API project's globalSetup;
 * - `starcity_template_<run>_demo`: the demo registry, loaded once by the first worker of any
 *   project that asks (the API tests and the browser test on PostgreSQL share it).
 * Names start with `starcity_t`, which the API project's teardown drops.
 */
export function migratedTemplateName(run: string): string {
  return `starcity_template_${run}`;
}

/** An arbitrary key of the advisory lock under which the first worker that needs it loads the demo template. */
const DEMO_TEMPLATE_LOCK = 20_251_231;

/** The demo template's name, loaded by the caller if no worker has yet (the others wait on the lock). */
export async function postgresDemoTemplate(adminUrl: string): Promise<string> {
  const migrated = migratedTemplateName(inject('testRun'));
  const name = `${migrated}_demo`;
  const admin = await openPostgres(adminUrl, 1);
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [DEMO_TEMPLATE_LOCK]);
    const exists = async (db: string) => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db])).rows.length > 0;
    if (!(await exists(name))) {
      // Loaded under another name and renamed when whole, so no worker copies a half-loaded one;
      // from the migrated template when the run has one, else the seed migrates it first.
      const loading = `${name}_loading`;
      await admin.query(`DROP DATABASE IF EXISTS ${loading}`);
      await admin.query(`CREATE DATABASE ${loading}${(await exists(migrated)) ? ` TEMPLATE ${migrated}` : ''}`);
      const seeded = await starcity(['seed', '--demo'], { env: { DATABASE_URL: withDatabase(adminUrl, loading) } });
      if (seeded.status !== 0) throw new Error(`starcity seed --demo on PostgreSQL failed:\n${seeded.stderr}`);
      await admin.query(`ALTER DATABASE ${loading} RENAME TO ${name}`);
    }
    return name;
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [DEMO_TEMPLATE_LOCK]);
    await admin.close();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
