import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { openPostgres } from '../../src/db/client.js';
import { starcity } from '../../test/support/cli.js';
import { postgresDemoTemplate, withDatabase } from '../../test/support/postgresTemplates.js';
import { ADMIN_SCOPES, templateAdmin, templateCopy, type TemplateAdmin } from '../../test/support/dataTemplates.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A `starcity serve` process on an empty embedded database of its own, as a user would start it. */
export interface RunningServer {
  url: string;
  pid: number;
  /** What the server printed so far, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
  /** An administrator made with `starcity user create` before the server started. */
  admin: { username: string; password: string };
  /** Headers that act as that administrator (an API token made with `starcity token create`). */
  auth: { authorization: string };
}

/** An administrator and its API token, made through the CLI as an operator would (`starcity user create`, `starcity token create`). */
async function provisionAdmin(dataDir: string): Promise<TemplateAdmin> {
  const username = `e2e-admin-${process.pid}-${Date.now() % 1e6}`;
  const password = 'E2e-Admin-Password-1';
  const cli = async (args: string[], input?: string) => {
    const r = await starcity([...args, '--data-dir', dataDir], input === undefined ? {} : { input });
    if (r.status !== 0) throw new Error(`starcity ${args.join(' ')} exited with ${r.status}:\n${r.stdout}${r.stderr}`);
    return r.stdout;
  };
  await cli(['user', 'create', '--role', 'admin', '--username', username, '--password-stdin'], `${password}\n`);
  const token = (await cli(['token', 'create', '--username', username, '--expires-in', '1d', '--name', 'e2e', ...ADMIN_SCOPES.flatMap((s) => ['--scope', s])])).trim();
  return { username, password, token };
}

/** Signs the page's browser context in as the server's administrator (the session cookie is the context's). */
export async function signIn(page: Page, server: RunningServer): Promise<void> {
  const res = await page.request.post(`${server.url}/api/v1/auth/login`, { data: server.admin });
  if (!res.ok()) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
}

/** A loopback port that is free now (the server takes a fixed PORT, so the test picks one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** An API token of an administrator the database already has, made over the API (`POST /api/v1/tokens` with its session). */
async function tokenOverApi(url: string, admin: RunningServer['admin']): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  if (login.status !== 200) throw new Error(`sign-in of ${admin.username} failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const res = await fetch(`${url}/api/v1/tokens`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'e2e', scopes: ADMIN_SCOPES, expires_in: '1d' }) });
  if (res.status !== 201) throw new Error(`token for ${admin.username} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/**
 * Starts the built server (dist/, which `npm test` builds first) and waits until /readyz answers
 * 200. Without `dataDir` it gets a fresh one of its own, removed when it stops; a given one is
 * kept, so a second server can start on it (e.g. with another `STARCITY_TODAY` in `env`), reusing
 * the first one's administrator (`reuse`). `admin` names an administrator the data directory
 * already has (the demo's): its token is then made over the API, sparing two CLI runs, each of
 * which opens the whole database.
 */
export async function startServer({
  dataDir: given,
  timeoutMs = 60_000,
  env: extraEnv = {},
  reuse,
  admin: existing,
}: { dataDir?: string; timeoutMs?: number; env?: Record<string, string>; reuse?: Pick<RunningServer, 'admin' | 'auth'>; admin?: RunningServer['admin'] } = {}): Promise<RunningServer> {
  // A fresh registry is a copy of the run's migrated template, which holds an administrator and its token.
  const dataDir = given ?? (await templateCopy('migrated'));
  // A restart on the same data directory keeps the administrator and its token: no need to make them again.
  const made = reuse ? { ...reuse.admin, token: reuse.auth.authorization.replace(/^Bearer /, '') } : existing ? null : (templateAdmin(dataDir) ?? (await provisionAdmin(dataDir)));
  const port = await freePort();
  // Browser tests load pages anonymously from one address far faster than a person: the anonymous rate limit is raised.
  const env: NodeJS.ProcessEnv = { ...ownEnvironment(), PORT: String(port), HOST: '127.0.0.1', STARCITY_DATA_DIR: dataDir, STARCITY_DEMO: '0', LOG_LEVEL: 'warn', STARCITY_ANONYMOUS_RATE_LIMIT: '1000000', ...extraEnv };
  const child = spawn(process.execPath, [join(root, 'bin/starcity.js'), 'serve', '--no-demo'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const keep = (chunk: Buffer) => void (log = (log + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    await terminate(child, exited);
    if (!given) rmSync(dataDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  let admin: TemplateAdmin;
  try {
    await waitReady(url, child, timeoutMs);
    admin = made ?? { ...existing!, token: await tokenOverApi(url, existing!) };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- server output ---\n${log}`);
  }
  return { url, pid: child.pid ?? 0, output: () => log, stop, admin: { username: admin.username, password: admin.password }, auth: { authorization: `Bearer ${admin.token}` } };
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`starcity serve exited with status ${child.exitCode} before it was ready`);
    const ready = await fetch(`${url}/readyz`).then((r) => r.status === 200, () => false);
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`starcity serve was not ready on ${url} within ${timeoutMs / 1000} s`);
}

async function terminate(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const killed = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(killed);
}

/**
 * The environment a test's process starts from: the runner's, less its DATABASE_URL, so a server
 * gets the embedded database of its data directory unless the test names a database
 * ({@link demoDatabase}).
 */
function ownEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return env;
}

/**
 * The demo registry for a test's server: on the run's PostgreSQL server when it has one
 * (TEST_DATABASE_URL, as .ci/run provides), a copy of the run's demo database, so the pages are
 * tested on both engines; else a copy of the demo data template in `dataDir` (`env` is empty and
 * the server uses its embedded database). `drop` removes the copy afterwards.
 */
export async function demoDatabase(dataDir: string): Promise<{ engine: 'postgres' | 'pglite'; env: Record<string, string>; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    await seedDemo(dataDir);
    return { engine: 'pglite', env: {}, drop: async () => {} };
  }
  const template = await postgresDemoTemplate(adminUrl);
  const name = `starcity_e2e_${process.pid}_${Date.now() % 1e6}`;
  const admin = await openPostgres(adminUrl, 1);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  };
  return { engine: 'postgres', env: { DATABASE_URL: withDatabase(adminUrl, name) }, drop };
}

/** The demo registry in a data directory: a copy of the run's demo template, which also holds an administrator. */
export async function seedDemo(dir: string): Promise<void> {
  await templateCopy('demo', dir);
}

/** An account for a test, such as a district officer. */
export interface TestAccount {
  username: string;
  password: string;
  role: 'admin' | 'officer' | 'expert' | 'org_user';
  /** An officer's districts (none: the whole city). */
  districts?: string[];
}

/** Makes an account as the server's administrator does it: `POST /api/v1/users` with the administrator's token. */
export async function createAccount(server: RunningServer, account: TestAccount): Promise<void> {
  const res = await fetch(`${server.url}/api/v1/users`, {
    method: 'POST',
    headers: { ...server.auth, 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: account.password, role: account.role, ...(account.districts ? { districts: account.districts } : {}) }),
  });
  if (res.status !== 201) throw new Error(`creating ${account.username} failed: ${res.status} ${await res.text()}`);
}
