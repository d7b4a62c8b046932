import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { starcity } from './cli.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A directory shared by the run's workers, where the first one that needs a template makes it. */
    dataTemplates: string;
    /** The vitest process's id: names the run's template databases on PostgreSQL (postgresTemplates.ts). */
    testRun: string;
  }
}

/**
 * The embedded data directories tests start from. Making one is costly — initdb and the migrations
 * take ~9 s of CPU, the demo seed ~17 s — while copying one takes a fraction of a second, so a run
 * makes each kind once, when a test first asks for it, and every caller gets a copy of its own:
 * - `migrated`: an empty registry at the current migration;
 * - `demo`: the demo registry, as `starcity seed --demo` leaves it.
 * Each holds an administrator made with `starcity user create` and its API token
 * (`starcity token create`), for test servers ({@link templateAdmin}).
 */
export type TemplateKind = 'migrated' | 'demo';

/** globalSetup: names the directory of the run's templates (one per vitest process, shared by its projects). */
export default function setup(project: { provide: (key: 'dataTemplates' | 'testRun', value: string) => void }) {
  const dir = join(tmpdir(), `starcity-templates-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  project.provide('dataTemplates', dir);
  // Names the run's PostgreSQL templates too (postgresTemplates.ts).
  project.provide('testRun', String(process.pid));
  return () => rmSync(dir, { recursive: true, force: true });
}

export interface TemplateAdmin {
  username: string;
  password: string;
  /** An API token of the administrator with every permission it may carry. */
  token: string;
}

/** The password of the administrator each template holds (it passes the policy). */
const ADMIN_PASSWORD = 'E2e-Admin-Password-1';
const ADMIN_FILE = 'template-admin.json';
/** Every permission an administrator's token may carry. */
export const ADMIN_SCOPES = ['organizations.create', 'organizations.update', 'organizations.delete', 'qualifications.write', 'rd_institutions.write', 'platforms.write', 'imports.read', 'imports.write', 'official_values.write', 'targets.write', 'users.manage'];
const MAKE_WAIT_MS = 10 * 60_000;

/** A fresh data directory copied from the run's template of this kind (into `into`, or a new temporary one). */
export async function templateCopy(kind: TemplateKind, into?: string): Promise<string> {
  const base = join(inject('dataTemplates'), kind);
  mkdirSync(inject('dataTemplates'), { recursive: true });
  const data = join(base, 'data');
  const ready = join(base, 'ready');
  const failed = join(base, 'failed');
  if (takeLock(base)) {
    try {
      writeFileSync(ready, await make(kind, data));
    } catch (err) {
      writeFileSync(failed, String(err instanceof Error ? err.message : err));
    }
  }
  const deadline = Date.now() + MAKE_WAIT_MS;
  while (!existsSync(ready)) {
    if (existsSync(failed)) throw new Error(`making the ${kind} data template failed:\n${readFileSync(failed, 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`the ${kind} data template in ${base} was not ready within ${MAKE_WAIT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const copy = into ?? mkdtempSync(join(tmpdir(), `starcity-${kind}-`));
  cpSync(data, copy, { recursive: true });
  return copy;
}

/** What making the template printed: for `demo`, the seed's report. */
export function templateReport(kind: TemplateKind): string {
  return readFileSync(join(inject('dataTemplates'), kind, 'ready'), 'utf8');
}

/** The administrator a copy of a template holds, or null for a data directory made otherwise. */
export function templateAdmin(dataDir: string): TemplateAdmin | null {
  const file = join(dataDir, ADMIN_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TemplateAdmin) : null;
}

async function make(kind: TemplateKind, data: string): Promise<string> {
  const made = await starcity(kind === 'demo' ? ['seed', '--demo', '--data-dir', data] : ['migrate', '--data-dir', data]);
  if (made.status !== 0) throw new Error(made.stderr);
  const username = `template-admin-${kind}`;
  const user = await starcity(['user', 'create', '--role', 'admin', '--username', username, '--password-stdin', '--data-dir', data], { input: `${ADMIN_PASSWORD}\n` });
  if (user.status !== 0) throw new Error(user.stderr);
  const token = await starcity(['token', 'create', '--username', username, '--expires-in', '30d', '--name', 'tests', ...ADMIN_SCOPES.flatMap((s) => ['--scope', s]), '--data-dir', data]);
  if (token.status !== 0) throw new Error(token.stderr);
  const admin: TemplateAdmin = { username, password: ADMIN_PASSWORD, token: token.stdout.trim() };
  writeFileSync(join(data, ADMIN_FILE), JSON.stringify(admin));
  return made.stdout;
}

/** Whether this worker makes the template: the first to create its directory does. */
function takeLock(path: string): boolean {
  try {
    mkdirSync(path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}
