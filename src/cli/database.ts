import { loadCity, type Config } from '../config.js';
import { migrate, pendingMigrations } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { cliActor } from '../modules/audit/trail.js';
import { openAppContext } from './context.js';
import { demoRegistry } from '../modules/demo/generator.js';
import { createDemoAccounts } from '../modules/demo/accounts.js';
import { seedDemo } from '../modules/demo/seed.js';
import { accountsContext } from './accounts.js';
import { say } from './io.js';

/** `starcity migrate [--dry-run]` */
export async function migrateCommand(config: Config, dryRun: boolean): Promise<void> {
  const { db } = await openDatabase(config, 'migrate');
  try {
    if (dryRun) {
      const pending = await pendingMigrations(db);
      say(pending.length ? `Pending migrations: ${pending.join(', ')}` : 'The schema is up to date.');
      return;
    }
    const applied = await migrate(db);
    say(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The schema is up to date.');
  } finally {
    await db.close();
  }
}

/** `starcity seed --demo [--dry-run]`: records already present (same natural key) are left as they are. */
export async function seedCommand(config: Config, dryRun: boolean): Promise<void> {
  const city = loadCity(config.city);
  if (dryRun) {
    const demo = demoRegistry(city);
    say(`Would load ${demo.organizations.length} organizations, ${demo.qualifications.length} qualifications, ${demo.rdInstitutions.length} R&D institutions and ${demo.platforms.length} platforms (existing ones are kept).`);
    return;
  }
  const { ctx } = await openAppContext(config, 'seed');
  const db = ctx.db;
  try {
    await migrate(db);
    const added = await seedDemo(ctx, {}, cliActor());
    say(`Demo registry loaded: ${added.organizations} organizations, ${added.qualifications} qualifications, ${added.rd_institutions} R&D institutions and ${added.platforms} platforms added; ${added.official_values} official values and ${added.targets} targets.`);
    const accounts = await createDemoAccounts(accountsContext(config, ctx));
    if (accounts.length) say(`Demo accounts created: ${accounts.join(', ')} (the demo password is in docs/security.md; never load the demo on a production database).`);
  } finally {
    await db.close();
  }
}
