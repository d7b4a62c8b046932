import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { userCreateCommand } from '../src/cli/accounts.js';
import { backupCommand, restoreCommand } from '../src/cli/backup.js';
import { loadConfig, type Config } from '../src/config.js';
import { openPglite } from '../src/db/client.js';
import { verifyAudit } from '../src/modules/audit/service.js';
import { starcity } from '../test/support/cli.js';
import { organizationInput } from '../test/support/factories.js';
import { tempDirs } from '../test/support/tempDirs.js';
import { startServer } from './support/server.js';

/**
 * `starcity backup` while `starcity serve` holds the embedded database (issue 13): the server takes
 * the backup while records keep being written, and the restored database holds whole transactions
 * only — every organization with its audit entry, the hash chain intact. The round trip that
 * compares every table is in test/api/backup.test.ts; this is the one test with a real server.
 */

const tempDir = tempDirs().make;
const configFor = (dataDir: string): Config => ({ ...loadConfig({}), dataDir, databaseUrl: null });

const dataDir = tempDir('served');
const admin = { username: `backup-admin-${process.pid}`, password: 'Backup-Admin-Password-1' };
await userCreateCommand(configFor(dataDir), { ...admin, role: 'admin', organizations: [], districts: [], zones: [] });
const server = await startServer({ dataDir, admin });
afterAll(() => server.stop());

/** A token with the one scope a backup needs, made as an administrator makes it in the web UI. */
async function backupToken(): Promise<string> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(admin) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ');
  const res = await fetch(`${server.url}/api/v1/tokens`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'backup', scopes: ['database.backup'], expires_in: '1d' }) });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { token: string }).token;
}

/** Keeps creating organizations through the API until stopped; counts the ones answered 201. */
function keepWriting() {
  const state = { created: 0, stopped: false, failures: [] as string[] };
  const done = (async () => {
    while (!state.stopped) {
      const res = await fetch(`${server.url}/api/v1/organizations`, { method: 'POST', headers: { ...server.auth, 'content-type': 'application/json' }, body: JSON.stringify(organizationInput()) });
      if (res.status === 201) state.created++;
      else state.failures.push(`${res.status} ${await res.text()}`);
    }
  })();
  return { state, stop: async () => ((state.stopped = true), await done) };
}

describe('starcity backup while the server runs', () => {
  it('refuses without a token, naming the server and the scope, and with a token lacking the scope', async () => {
    const file = join(tempDir('backup'), 'refused.backup');
    await expect(backupCommand(configFor(dataDir), file)).rejects.toThrow(/in use by the server at http:\/\/localhost:\d+ \(pid \d+\).*database\.backup/);
    await expect(backupCommand(configFor(dataDir), file, { token: server.auth.authorization.replace('Bearer ', '') })).rejects.toThrow(/refused the backup \(403\)/);
    expect(readdirSync(join(file, '..'))).toEqual([]);
  });

  it('takes a consistent backup while records are being written; restore waits for the server to stop', async () => {
    const token = await backupToken();
    const writer = keepWriting();
    while (writer.state.created < 3) await new Promise((r) => setTimeout(r, 20));
    const answeredBefore = writer.state.created;
    const file = join(tempDir('backup'), 'served.backup');
    await backupCommand(configFor(dataDir), file, { token, server: server.url });
    const answeredAfter = writer.state.created;
    await writer.stop();
    expect(writer.state.failures).toEqual([]);

    // The server holds the directory: no restore into it, whatever --force says (exit status 3).
    const refused = await starcity(['restore', file, '--force', '--data-dir', dataDir]);
    expect(refused.status, refused.stderr).toBe(3);
    expect(refused.stderr).toMatch(/in use by another StarCity process \(pid \d+, "serve", serving http:\/\/localhost:\d+/);

    const restoredDir = tempDir('restored');
    await restoreCommand(configFor(restoredDir), file, { force: false });
    const restored = await openPglite(join(restoredDir, 'pgdata'));
    try {
      const count = async (sql: string) => Number((await restored.query<{ n: string }>(sql)).rows[0]!.n);
      const organizations = await count('SELECT count(*) AS n FROM organizations');
      // Each create and its audit entry are one transaction: a snapshot between statements has both or neither.
      expect(await count("SELECT count(*) AS n FROM audit_log WHERE entity = 'organizations' AND action = 'create'")).toBe(organizations);
      // Everything answered before the backup began is in it; at most the one create then in flight besides what was answered by its end.
      expect(organizations).toBeGreaterThanOrEqual(answeredBefore);
      expect(organizations).toBeLessThanOrEqual(answeredAfter + 1);
      expect((await verifyAudit(restored)).ok).toBe(true);
      expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'backup' AND username = '${admin.username}' AND via = 'token'`)).toBe(1);
    } finally {
      await restored.close();
    }
  });
});
