import type { Config } from '../config.js';
import { packageVersion } from '../config.js';
import { migrate } from '../db/migrate.js';
import { buildApp, closeWithin } from '../http/app.js';
import { ensureDemoAccounts } from '../modules/demo/accounts.js';
import { seedDemoIfEmpty } from '../modules/demo/seed.js';
import { directoryStore, s3Store } from '../modules/filings/attachmentStore.js';
import { accountsContext } from './accounts.js';
import { openAppContext } from './context.js';

/** Requests still running this long after SIGTERM are cut off: a stalled upload must not hold up a restart. */
const SHUTDOWN_MS = 10_000;

const attachmentStoreOf = (config: Config) => (config.attachments.kind === 's3' ? s3Store(config.attachments) : directoryStore(config.attachments.dir));

/** `starcity serve`: migrate, load the demo on an empty registry (unless disabled), listen. */
export async function serve(config: Config): Promise<void> {
  const started = performance.now();
  const { ctx, setUrl } = await openAppContext(config, 'serve');
  const db = ctx.db;
  await migrate(db);
  if (config.demo) {
    const seeded = await seedDemoIfEmpty(ctx);
    if (seeded) console.log(`Loaded the demo registry: ${seeded.organizations} organizations, ${seeded.rd_institutions} R&D institutions, ${seeded.platforms} platforms.`);
    const accounts = await ensureDemoAccounts(accountsContext(config, ctx), seeded !== null);
    if (accounts.length) console.log(`Created the demo accounts ${accounts.join(', ')} (password: see docs/security.md; the login page lists them).`);
  }
  const sessions = accountsContext(config, ctx).sessions;
  const app = await buildApp(ctx, {
    logLevel: config.logLevel,
    webRoot: config.webRoot,
    version: packageVersion,
    demo: config.demo,
    sessions,
    trustProxy: config.trustProxy,
    attachments: attachmentStoreOf(config),
    timeouts: { requestMs: config.requestTimeoutSeconds * 1000, idleMs: config.idleTimeoutSeconds * 1000 },
    anonymousRateLimit: { max: config.anonymousRateLimit, windowMs: config.anonymousRateWindowSeconds * 1000 },
    publicRateLimit: { max: config.publicRateLimit, windowMs: config.publicRateWindowSeconds * 1000 },
    chromium: config.chromium,
  });
  // Never in production: notice periods, filing days and indicator periods all follow this date.
  if (config.today) app.log.warn(`STARCITY_TODAY is set: the server acts as if today were ${config.today} (for training, demos and tests; never set it in production)`);
  const shutdown = async (signal: string) => {
    app.log.info(`${signal}: shutting down`);
    await closeWithin(app, SHUTDOWN_MS);
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
  setUrl(url);
  console.log(`StarCity ${packageVersion} is ready in ${Math.round(performance.now() - started)} ms on ${db.engine === 'pglite' ? `the embedded database in ${config.dataDir}` : 'PostgreSQL'}: ${url} (API docs: ${url}/api/docs)`);
}
