import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditVerification } from '../../src/contracts/audit.js';
import { systemActor } from '../../src/modules/audit/trail.js';
import { verifyAudit } from '../../src/modules/audit/service.js';
import { runImport } from '../../src/modules/imports/service.js';
import { organizationInput } from '../support/factories.js';
import { createTestApp, TEST_PASSWORD } from '../support/testApp.js';
import { expectProblem } from './helpers.js';

/**
 * The audit log (issue 5): every write records who, when, from where, which record and the change,
 * in the writer's transaction; failed writes record nothing; the hash chain finds an edited,
 * inserted or removed entry.
 */

const t = await createTestApp({ today: () => '2026-11-27' });
const { app, db } = t;

const entriesSince = async (afterId: number, filter = ''): Promise<AuditEntry[]> => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/audit?sort=id&per_page=200&filter=${encodeURIComponent(`id:>${afterId}${filter ? `,${filter}` : ''}`)}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ results: AuditEntry[] }>().results;
};
const headId = async (): Promise<number> => (await db.query<{ id: number | null }>('SELECT max(id) AS id FROM audit_log')).rows[0]?.id ?? 0;
const verify = async (): Promise<AuditVerification> => {
  const res = await app.inject({ method: 'GET', url: '/api/v1/audit/verify' });
  expect(res.statusCode).toBe(200);
  return res.json();
};

/** Runs `work` with the log's append-only triggers off, as an owner tampering with the table could. */
async function tamper(work: () => Promise<unknown>): Promise<void> {
  await db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
  try {
    await work();
  } finally {
    await db.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
  }
}

describe('audit log', () => {
  it('records a registry record created, changed and deleted: who, from where, and the record before and after', async () => {
    const officer = await t.actAs('officer');
    const start = await headId();
    const headers = { ...officer.headers, 'x-request-id': 'req-audit-1' };
    const created = await app.inject({ method: 'POST', url: '/api/v1/organizations', headers, payload: organizationInput({ name: '审计测试公司' }) });
    expect(created.statusCode, created.body).toBe(201);
    const org = created.json<{ id: number; version: number }>();
    const changed = await app.inject({ method: 'PATCH', url: `/api/v1/organizations/${org.id}`, headers: { ...headers, 'if-match': `"${org.version}"` }, payload: { name: '审计测试公司（改名）' } });
    expect(changed.statusCode, changed.body).toBe(200);
    const removed = await app.inject({ method: 'DELETE', url: `/api/v1/organizations/${org.id}`, headers });
    expect(removed.statusCode, removed.body).toBe(204);

    const entries = await entriesSince(start);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    for (const e of entries) {
      expect(e).toMatchObject({ entity: 'organizations', record_id: String(org.id), user_id: officer.userId, username: officer.username, role: 'officer', via: 'token', request_id: 'req-audit-1', ip: '127.0.0.1' });
      expect(e.token_id).toEqual(expect.any(Number));
    }
    const [c, u, d] = entries as [AuditEntry, AuditEntry, AuditEntry];
    expect(c.before).toBeNull();
    expect(c.after).toMatchObject({ id: org.id, name: '审计测试公司', version: 1 });
    expect(u.before).toMatchObject({ name: '审计测试公司', version: 1 });
    expect(u.after).toMatchObject({ name: '审计测试公司（改名）', version: 2 });
    expect(d.before).toMatchObject({ name: '审计测试公司（改名）', version: 2 });
    expect(d.after).toBeNull();
    expect(c.action_label).toEqual({ zh: '新增', en: 'Created' });
  });

  it('records nothing for a write that fails (bad input, stale version, missing record)', async () => {
    const start = await headId();
    expectProblem(await app.inject({ method: 'POST', url: '/api/v1/organizations', payload: { ...organizationInput(), founded_on: '2025-02-30' } }), 400);
    const org = (await app.inject({ method: 'POST', url: '/api/v1/organizations', payload: organizationInput() })).json<{ id: number }>();
    const afterCreate = await headId();
    expect(afterCreate).toBe(start + 1);
    expectProblem(await app.inject({ method: 'PATCH', url: `/api/v1/organizations/${org.id}`, headers: { 'if-match': '"9"' }, payload: { name: '不会写入' } }), 412);
    expectProblem(await app.inject({ method: 'DELETE', url: '/api/v1/organizations/999999' }), 404);
    expect(await headId()).toBe(afterCreate);
  });

  it('records sign-ins, failed sign-ins and sign-outs, user changes and tokens, never a password or a token', async () => {
    const start = await headId();
    const created = await app.inject({ method: 'POST', url: '/api/v1/users', payload: { username: 'audited-user', role: 'officer', password: TEST_PASSWORD } });
    expect(created.statusCode, created.body).toBe(201);
    const user = created.json<{ id: number; version: number }>();
    const reset = await app.inject({ method: 'PATCH', url: `/api/v1/users/${user.id}`, headers: { 'if-match': `"${user.version}"` }, payload: { password: 'Another-Password-2' } });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await t.anonymous({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'audited-user', password: 'Wrong-Password-1' } })).statusCode).toBe(401);
    const signedIn = await t.anonymous({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'audited-user', password: 'Another-Password-2' } });
    expect(signedIn.statusCode).toBe(200);
    const cookie = String(signedIn.headers['set-cookie']).split(';')[0]!;
    const token = await t.anonymous({ method: 'POST', url: '/api/v1/tokens', headers: { cookie }, payload: { name: 'script', scopes: ['imports.read'], expires_in: '1d' } });
    expect(token.statusCode, token.body).toBe(201);
    const secret = token.json<{ token: string; id: number }>();
    expect((await t.anonymous({ method: 'DELETE', url: `/api/v1/tokens/${secret.id}`, headers: { cookie } })).statusCode).toBe(200);
    expect((await t.anonymous({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(204);

    const entries = await entriesSince(start);
    expect(entries.map((e) => `${e.entity}:${e.action}`)).toEqual([
      'users:create',
      'users:update_password_set',
      'users:sign_in_failed',
      'users:sign_in',
      'api_tokens:create',
      'api_tokens:revoke',
      'users:sign_out',
    ]);
    const failed = entries[2]!;
    expect(failed).toMatchObject({ user_id: null, via: 'anonymous', record_id: String(user.id), after: { failures: 1, locked_until: null } });
    expect(entries[3]).toMatchObject({ user_id: user.id, username: 'audited-user', role: 'officer', via: 'session' });
    const stored = await db.query<{ before: string | null; after: string | null }>('SELECT before, after FROM audit_log WHERE id > $1', [start]);
    const text = stored.rows.map((r) => `${r.before ?? ''}${r.after ?? ''}`).join('\n');
    expect(text).not.toContain('argon2');
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain(secret.token);
  });

  it('records targets and official values', async () => {
    const start = await headId();
    const target = await app.inject({ method: 'POST', url: '/api/v1/targets', payload: { indicator_code: 'rd_institutions.count', period: '2027', area: '430100', comparator: '>=', value: 5000 } });
    expect(target.statusCode, target.body).toBe(201);
    const { id, version } = target.json<{ id: number; version: number }>();
    expect((await app.inject({ method: 'PATCH', url: `/api/v1/targets/${id}`, headers: { 'if-match': `"${version}"` }, payload: { value: 5200 } })).statusCode).toBe(200);
    const cascaded = await app.inject({ method: 'POST', url: `/api/v1/targets/${id}/cascade`, payload: { basis: 'previous' } });
    expect(cascaded.statusCode, cascaded.body).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/targets/${id}` })).statusCode).toBe(204);
    const value = await app.inject({ method: 'POST', url: '/api/v1/indicators/gdp/values', payload: { period: '2025', area: '430100', value: 15268.8, source: '长沙市统计公报', published_on: '2026-03-20' } });
    expect(value.statusCode, value.body).toBe(201);

    const entries = await entriesSince(start);
    expect(entries.map((e) => `${e.entity}:${e.action}`)).toEqual(['targets:create', 'targets:update', 'targets:cascade', 'targets:delete', 'official_values:create']);
    expect(entries[1]).toMatchObject({ before: { value: 5000 }, after: { value: 5200 } });
    const deleted = entries[3]!.before as { cascaded: unknown[] };
    expect(deleted.cascaded.length).toBeGreaterThan(0);
    expect(entries[4]).toMatchObject({ after: { value: 15268.8, source: '长沙市统计公报' } });
  });

  it('records an import by its start and its end, naming the file, options and counts; a dry run writes nothing and records nothing', async () => {
    const start = await headId();
    const csv = (uscc: string) => Readable.from([Buffer.from(`uscc,name,kind,district_code\n${uscc},导入审计公司,enterprise,430104\n`)]);
    const { uscc } = organizationInput();
    const dry = await runImport(t.ctx, { entity: 'organizations', stream: csv(uscc), fileName: 'dry.csv', mode: 'upsert', atomic: false, dryRun: true, actor: systemActor('test') });
    expect(dry.status).toBe('succeeded');
    expect(await headId()).toBe(start);
    const done = await runImport(t.ctx, { entity: 'organizations', stream: csv(uscc), fileName: 'orgs.csv', mode: 'upsert', atomic: true, dryRun: false, actor: systemActor('test') });
    const entries = await entriesSince(start);
    expect(entries.map((e) => e.action)).toEqual(['import_start', 'import']);
    expect(entries[0]).toMatchObject({ entity: 'organizations', record_id: String(done.id), username: 'system:test', via: 'system', after: { file_name: 'orgs.csv', options: { atomic: true, mode: 'upsert' } } });
    expect(entries[1]).toMatchObject({ after: { import_id: done.id, status: 'succeeded', inserted: 1, read: 1, file_sha256: done.file_sha256 } });
  });

  it('keeps the chain whole under concurrent writers', async () => {
    const start = await headId();
    const replies = await Promise.all(Array.from({ length: 12 }, () => app.inject({ method: 'POST', url: '/api/v1/organizations', payload: organizationInput() })));
    expect(replies.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const ids = (await entriesSince(start)).map((e) => e.id);
    expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => start + 1 + i));
    expect((await verify()).ok).toBe(true);
  });

  it('refuses to change or remove an entry', async () => {
    await expect(db.query('UPDATE audit_log SET username = $1 WHERE id = 1', ['someone-else'])).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow(/append-only/);
    await expect(db.exec('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
  });

  it('filters, sorts, pages and exports the log', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/v1/audit?filter=entity:targets&per_page=2' });
    expect(page.statusCode).toBe(200);
    const body = page.json<{ meta: { count: number }; results: AuditEntry[] }>();
    expect(body.meta.count).toBe(4);
    expect(body.results.map((e) => e.action)).toEqual(['delete', 'cascade']);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/audit?filter=colour:red' }), 400);
    const csv = await app.inject({ method: 'GET', url: '/api/v1/audit/export?format=csv&lang=en&filter=entity:targets' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/audit-log-\d{8}\.csv/);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id,at,username,role,via,ip,request_id,action,entity,record_id,before,after,prev_hash,hash');
    expect(lines).toHaveLength(5);
  });

  it('verifies the chain, and finds an edited entry, a removed entry and a forged one', async () => {
    const ok = await verify();
    expect(ok).toMatchObject({ ok: true, breaks: [] });
    expect(ok.entries).toBe(await headId());
    expect(ok.head).toEqual({ id: ok.entries, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const victim = 3;
    await tamper(() => db.query(`UPDATE audit_log SET after = replace(after, 'version', 'versi0n') WHERE id = $1`, [victim]));
    const edited = await verifyAudit(db);
    expect(edited.ok).toBe(false);
    expect(edited.breaks).toEqual([{ id: victim, kind: 'hash', message: expect.objectContaining({ en: expect.stringContaining('changed') }) }]);

    await tamper(() => db.query('DELETE FROM audit_log WHERE id = $1', [victim + 2]));
    const removed = await verifyAudit(db);
    expect(removed.breaks.map((b) => `${b.id}:${b.kind}`)).toEqual([`${victim}:hash`, `${victim + 3}:gap`, `${victim + 3}:prev_hash`]);
  });
});
