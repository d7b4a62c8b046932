import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/client.js';
import { starcity } from '../support/cli.js';
import { templateCopy } from '../support/dataTemplates.js';
import { tempDirs } from '../support/tempDirs.js';

/** `starcity user create`, `token create`, `audit verify|export` and `doctor`, each test on a database of its own. */
const dirs = tempDirs();
/** A migrated, empty registry of the test's own. */
const registryDir = async () => dirs.keep(await templateCopy('migrated'));
const cli = (dir: string) => (args: string[], input?: string) => starcity([...args, '--data-dir', dir], input === undefined ? {} : { input });

describe('starcity user and token', () => {
  it('creates accounts (password from standard input, checked by the policy) and API tokens printed once', async () => {
    const run = cli(await registryDir());
    const weak = await run(['user', 'create', '--role', 'officer', '--username', 'cli-officer', '--password-stdin'], 'short\n');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/password: A password has at least 10 characters/);
    const made = await run(['user', 'create', '--role', 'officer', '--username', 'cli-officer', '--district', '430104', '--password-stdin'], 'Cli-Officer-Password-1\n');
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/Created user cli-officer \(id \d+, officer; districts 430104\)/);
    const org = await run(['user', 'create', '--role', 'org_user', '--username', 'cli-org', '--organization', '000000000000000000', '--password-stdin'], 'Cli-Org-Password-1\n');
    expect(org.status).toBe(1);
    expect(org.stderr).toMatch(/--organization 000000000000000000: no organization has this credit code/);
    const token = await run(['token', 'create', '--username', 'cli-officer', '--scope', 'organizations.create', '--expires-in', '7d']);
    expect(token.status, token.stderr).toBe(0);
    expect(token.stdout.trim()).toMatch(/^sc_[\w-]{43}$/);
    expect(token.stderr).toMatch(/scopes organizations\.create; expires/);
    const beyond = await run(['token', 'create', '--username', 'cli-officer', '--scope', 'users.manage']);
    expect(beyond.status).toBe(1);
    expect(beyond.stderr).toMatch(/scopes\.0: You cannot give a token/);
  });

  it('refuses a bad command line as commander does, with status 1 and the reason', async () => {
    const run = cli(await registryDir());
    const role = await run(['user', 'create', '--role', 'mayor', '--username', 'x', '--password-stdin'], 'Cli-Officer-Password-1\n');
    expect(role.status).toBe(1);
    expect(role.stderr).toMatch(/--role <role>' argument 'mayor' is invalid/);
    const unknown = await starcity(['frobnicate']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});

describe('starcity audit', () => {
  it('verifies the audit chain (exit 1 naming the entry once one is edited) and exports the log', async () => {
    const dir = await registryDir();
    const run = cli(dir);
    expect((await run(['user', 'create', '--role', 'officer', '--username', 'cli-officer', '--password-stdin'], 'Cli-Officer-Password-1\n')).status).toBe(0);
    const holds = await run(['audit', 'verify']);
    expect(holds.status, holds.stderr).toBe(0);
    expect(holds.stdout).toMatch(/The audit chain holds: [1-9]\d* entries checked; head: entry \d+, hash [0-9a-f]{64}\./);
    const log = await run(['audit', 'export', '--format', 'jsonl', '--filter', 'entity:users,action:create']);
    expect(log.status, log.stderr).toBe(0);
    const created = log.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string | null>);
    const officer = created.find((e) => JSON.parse(e.after ?? '{}').username === 'cli-officer');
    expect(officer).toMatchObject({ via: 'cli', role: 'system', username: expect.stringMatching(/^cli:/) });

    // Edit one entry behind the application's back (its append-only trigger off), then put it back.
    const id = Number(officer!.id);
    const behindTheBack = async (sql: string) => {
      const db = await openPglite(join(dir, 'pgdata'));
      try {
        await db.exec(`ALTER TABLE audit_log DISABLE TRIGGER USER; ${sql}; ALTER TABLE audit_log ENABLE TRIGGER USER`);
      } finally {
        await db.close();
      }
    };
    await behindTheBack(`UPDATE audit_log SET username = 'someone-else' WHERE id = ${id}`);
    const broken = await run(['audit', 'verify']);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain(`entry ${id}: Its content does not match its hash`);
    expect(broken.stdout).toMatch(/The audit chain is BROKEN/);
    await behindTheBack(`UPDATE audit_log SET username = '${officer!.username}' WHERE id = ${id}`);
    expect((await run(['audit', 'verify'])).status).toBe(0);
  });
});

describe('starcity doctor', () => {
  it('checks every part', async () => {
    const r = await cli(await registryDir())(['doctor']);
    expect(r.stdout).toMatch(/✓ Node\.js/);
    expect(r.stdout).toMatch(/✓ City: 长沙市 Changsha \(430100\), 9 districts/);
    expect(r.stdout).toMatch(/✓ Migrations: up to date/);
    expect(r.stdout).toMatch(/[✓!] Holiday calendar: "cn" covers 2025, 2026/);
  });
});
