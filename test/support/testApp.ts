import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, inject } from 'vitest';
import { loadCity, loadHolidayCalendar } from '../../src/config.js';
import { openPglite, openPostgres, type Database } from '../../src/db/client.js';
import { defaultSessionPolicy } from '../../src/domain/accountSecurity.js';
import { grantableScopes, type AccountRole, type Permission } from '../../src/domain/permissions.js';
import { buildApp, type AppOptions } from '../../src/http/app.js';
import type { AccountsContext } from '../../src/modules/accounts/context.js';
import { SESSION_COOKIE } from '../../src/modules/accounts/cookies.js';
import { login } from '../../src/modules/accounts/sessions.js';
import { createToken } from '../../src/modules/accounts/tokens.js';
import { createUser } from '../../src/modules/accounts/users.js';
import { systemActor } from '../../src/modules/audit/trail.js';
import { directoryStore } from '../../src/modules/filings/attachmentStore.js';
import { appContext, type AppContext, type ClockOptions } from '../../src/modules/shared/context.js';
import { templateCopy } from './dataTemplates.js';
import { postgresDemoTemplate, withDatabase } from './postgresTemplates.js';

export interface TestApp {
  /** The app; its `inject` acts as an administrator (a bearer token made in setup) unless the request brings its own Authorization or Cookie header. */
  app: FastifyInstance;
  ctx: AppContext;
  db: Database;
  /** The app's own inject: the request goes as it is (anonymous unless it carries credentials). */
  anonymous: FastifyInstance['inject'];
  /** The accounts context the app runs with (same clock). */
  accounts: AccountsContext;
  /** `Bearer …` of the administrator the app acts as by default. */
  adminAuthorization: string;
  /**
   * Makes an account and the headers that act as it: a bearer token with the given scopes (by
   * default every scope it may give), or a session cookie (`via: 'session'`, and for roles that
   * can give a token nothing).
   */
  actAs(role: AccountRole, bindings?: { organizationIds?: number[]; districts?: string[]; zones?: string[]; scopes?: Permission[]; via?: 'token' | 'session' }): Promise<Acting>;
}

export interface Acting {
  headers: Record<string, string>;
  userId: number;
  username: string;
}

/** A password that passes the policy, for accounts made in tests. */
export const TEST_PASSWORD = 'Test-Password-1';

let accountCounter = 0;

/**
 * A fresh, migrated database of the engine under test (STARCITY_TEST_ENGINE) and the app on it,
 * private to one test file: no test sees another file's rows. Writes need an account now
 * (issue 5): the app's `inject` acts as an administrator by default, so tests of behaviour other
 * than access stay as they were; access tests use `anonymous` and `actAs`.
 */
export async function createTestApp(options: Partial<AppOptions> & ClockOptions & { observe?: (db: Database) => Database; registry?: 'empty' | 'demo' } = {}): Promise<TestApp> {
  // `observe` wraps the database the app runs on (a test counting the statements a request sends).
  // `registry: 'demo'` starts from a copy of the run's demo registry, loaded once per engine.
  const { now, today, observe, registry = 'empty', ...appOptions } = options;
  const stored = await freshDatabase(registry);
  const db = observe ? observe(stored) : stored;
  const city = loadCity('changsha');
  const ctx: AppContext = appContext(db, city, loadHolidayCalendar(city.calendar), { ...(now ? { now } : {}), ...(today ? { today } : {}) });
  // Test files send hundreds of anonymous requests from one address: far below this limit; the rate-limit test sets its own.
  const anonymousRateLimit = { max: 1_000_000, windowMs: 60_000 };
  const publicRateLimit = anonymousRateLimit;
  const app = await buildApp(ctx, { logLevel: false, version: 'test', checkReplies: true, attachments: directoryStore(mkdtempSync(join(tmpdir(), 'starcity-attachments-'))), anonymousRateLimit, publicRateLimit, ...appOptions });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await db.close();
  });
  const accounts: AccountsContext = { ...ctx, sessions: options.sessions ?? defaultSessionPolicy };
  const actAs: TestApp['actAs'] = async (role, bindings = {}): Promise<Acting> => {
    const username = `test-${role}-${process.pid}-${++accountCounter}`;
    const user = await createUser(accounts, {
      username,
      role,
      password: TEST_PASSWORD,
      ...(bindings.organizationIds ? { organization_ids: bindings.organizationIds } : {}),
      ...(bindings.districts ? { districts: bindings.districts } : {}),
      ...(bindings.zones ? { zones: bindings.zones } : {}),
    }, systemActor('test'));
    const owner = { role, organizationIds: bindings.organizationIds ?? [], districts: bindings.districts ?? [], zones: bindings.zones ?? [], scopes: null, userId: user.id };
    const scopes = bindings.scopes ?? grantableScopes(owner);
    if (bindings.via === 'session' || scopes.length === 0) {
      const signed = await login(accounts, { username, password: TEST_PASSWORD, ip: null, userAgent: null }, systemActor('test'));
      const headers: Record<string, string> = { cookie: `${SESSION_COOKIE}=${signed.secret}` };
      return { headers, userId: user.id, username };
    }
    const token = await createToken(accounts, owner, { name: 'test', scopes, expires_in: '366d' }, systemActor('test'));
    const headers: Record<string, string> = { authorization: `Bearer ${token.token}` };
    return { headers, userId: user.id, username };
  };
  const admin = await actAs('admin');
  const anonymous = app.inject.bind(app) as FastifyInstance['inject'];
  const asAdmin = (opts?: InjectOptions | string, callback?: unknown) => {
    if (opts === undefined || typeof callback === 'function') return (anonymous as (...a: unknown[]) => unknown)(opts, callback);
    const request: InjectOptions = typeof opts === 'string' ? { url: opts } : opts;
    const headers = request.headers ?? {};
    const own = Object.keys(headers).some((h) => ['authorization', 'cookie'].includes(h.toLowerCase()));
    return anonymous(own ? request : { ...request, headers: { ...headers, ...admin.headers } });
  };
  app.inject = asAdmin as FastifyInstance['inject'];
  return { app, ctx, db, anonymous, accounts, adminAuthorization: admin.headers.authorization!, actAs };
}

let counter = 0;

async function freshDatabase(registry: 'empty' | 'demo'): Promise<Database> {
  const pg = inject('postgres');
  if (process.env.STARCITY_TEST_ENGINE === 'postgres') {
    // Never fall back to PGlite silently: the PostgreSQL run would then test nothing new.
    if (!pg) throw new Error('STARCITY_TEST_ENGINE=postgres but globalSetup provided no PostgreSQL template');
    const template = registry === 'demo' ? await postgresDemoTemplate(pg.adminUrl) : pg.template;
    const name = `starcity_t${process.pid}_${++counter}_${Date.now() % 1e6}`;
    const admin = await openPostgres(pg.adminUrl, 1);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.close();
    return openPostgres(withDatabase(pg.adminUrl, name), 5);
  }
  const dir = registry === 'demo' ? await templateCopy('demo') : mkdtempSync(join(tmpdir(), 'starcity-test-'));
  if (registry === 'empty') cpSync(inject('pgliteTemplate'), dir, { recursive: true });
  const db = await openPglite(registry === 'demo' ? join(dir, 'pgdata') : dir);
  const close = db.close;
  return { ...db, close: async () => void (await close().finally(() => rmSync(dir, { recursive: true, force: true }))) };
}
