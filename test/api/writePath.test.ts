import { describe, expect, it } from 'vitest';
import type { Organization } from '../../src/contracts/organizations.js';
import { logout } from '../../src/modules/accounts/sessions.js';
import { systemActor } from '../../src/modules/audit/trail.js';
import { auditNested, write } from '../../src/modules/shared/write.js';
import { createOrganization, createPlatform, createQualification, createRdInstitution } from '../support/factories.js';
import { observedDatabase, type Statement } from '../support/observedDatabase.js';
import { createTestApp } from '../support/testApp.js';
import { errorAt, expectProblem } from './helpers.js';

/**
 * The one audited write path (issue 13): a write reads and locks its record once, checks the
 * caller's reach and the version on that one row, and appends the audit entry in the same
 * transaction.
 */

const statements: Statement[] = [];
const t = await createTestApp({ observe: (db) => observedDatabase(db, statements) });
const { app } = t;
const YUELU = '430104';
const FURONG = '430102';
const officer = await t.actAs('officer', { districts: [YUELU] });
const furongOfficer = await t.actAs('officer', { districts: [FURONG] });

/** Statements that read a record's row (by its id). */
const readsOf = (id: number, table = 'organizations') => statements.filter((s) => /^\s*SELECT\b/i.test(s.sql) && new RegExp(`\\bFROM ${table}\\b`, 'i').test(s.sql) && s.params[0] === id);

const patchAs = (headers: Record<string, string>, org: Organization, payload: object, version: number | null = org.version) =>
  app.inject({ method: 'PATCH', url: `/api/v1/organizations/${org.id}`, headers: { ...headers, ...(version === null ? {} : { 'if-match': `"${version}"` }) }, payload });

describe('a district officer’s PATCH', () => {
  it('reads the record once', async () => {
    const org = await createOrganization(app, { district_code: YUELU });
    statements.length = 0;
    const res = await patchAs(officer.headers, org, { name: '岳麓改名科技有限公司' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe(`"${org.version + 1}"`);
    expect(readsOf(org.id)).toHaveLength(1);
    expect(readsOf(org.id)[0]!.sql).toMatch(/FOR UPDATE/);
  });

  it.each([
    ['qualifications', async () => createQualification(app, { organization_id: (await createOrganization(app, { district_code: YUELU })).id }), { certificate_no: 'GR2026-0001' }],
    ['platforms', async () => createPlatform(app, { district_code: YUELU }), { name_en: 'Renamed platform' }],
    ['rd-institutions', async () => createRdInstitution(app, { district_code: YUELU }), { name_en: 'Renamed institution' }],
  ] as const)('of %s reads the record once too, and shows it changed', async (path, make, change) => {
    const record = await make();
    statements.length = 0;
    const res = await app.inject({ method: 'PATCH', url: `/api/v1/${path}/${record.id}`, headers: { ...officer.headers, 'if-match': `"${record.version}"` }, payload: change });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ...change, version: record.version + 1 });
    expect(readsOf(record.id, path.replace('-', '_'))).toHaveLength(1);
  });

  it('is audited with the record before and after, in the write’s transaction', async () => {
    const org = await createOrganization(app, { district_code: YUELU });
    const res = await patchAs(officer.headers, org, { address: '岳麓区麓山南路 1 号' });
    expect(res.statusCode, res.body).toBe(200);
    const { rows } = await t.db.query<{ before: string; after: string; username: string }>("SELECT before, after, username FROM audit_log WHERE entity = 'organizations' AND record_id = $1 AND action = 'update'", [String(org.id)]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.username).toBe(officer.username);
    expect(JSON.parse(rows[0]!.before)).toMatchObject({ address: org.address, version: org.version });
    expect(JSON.parse(rows[0]!.after)).toMatchObject({ address: '岳麓区麓山南路 1 号', version: org.version + 1 });
  });

  it('with a stale version is 412 naming the current one; without one 428; nothing is written', async () => {
    const org = await createOrganization(app, { district_code: YUELU });
    const stale = expectProblem(await patchAs(officer.headers, org, { name: '过期版本' }, org.version + 5), 412);
    expect(errorAt(stale, 'version').params).toEqual({ current: org.version });
    expectProblem(await patchAs(officer.headers, org, { name: '没有版本' }, null), 428);
    const { rows } = await t.db.query<{ name: string; version: number }>('SELECT name, version FROM organizations WHERE id = $1', [org.id]);
    expect(rows[0]).toEqual({ name: org.name, version: org.version });
  });

  it('outside the officer’s area is 403 before the version is looked at', async () => {
    const org = await createOrganization(app, { district_code: YUELU });
    expectProblem(await patchAs(furongOfficer.headers, org, { name: '越区修改' }, org.version + 5), 403);
    expectProblem(await patchAs(furongOfficer.headers, org, { name: '越区修改' }, null), 403);
    // Nor may an officer move a record out of its area.
    expectProblem(await patchAs(officer.headers, org, { district_code: FURONG }), 403);
  });
});

describe('the audit entries of a write', () => {
  const actor = systemActor('write-path-test');
  const head = async () => (await t.db.query<{ id: number }>('SELECT coalesce(max(id), 0)::int AS id FROM audit_log')).rows[0]!.id;
  const entriesAfter = async (id: number) =>
    (await t.db.query<{ entity: string; action: string; record_id: string | null; username: string; at: Date }>('SELECT entity, action, record_id, username, at FROM audit_log WHERE id > $1 ORDER BY id', [id])).rows;

  it('a record changed through another’s write (filing creates the platform) is entered just before the write’s own, by the same actor, at the same time', async () => {
    const start = await head();
    await write(t.ctx, actor, { action: 'file', entity: 'applications' }, async (tx) => {
      auditNested(tx, { action: 'create', entity: 'platforms', recordId: 7, after: { id: 7 } });
      return { result: null, recordId: 3 };
    });
    const entries = await entriesAfter(start);
    expect(entries.map((e) => `${e.entity}:${e.action}:${e.record_id}:${e.username}`)).toEqual(['platforms:create:7:system:write-path-test', 'applications:file:3:system:write-path-test']);
    expect(entries[0]!.at).toEqual(entries[1]!.at);
  });

  it('a change that fails leaves no entry, nested ones included', async () => {
    const start = await head();
    const failing = write(t.ctx, actor, { action: 'file', entity: 'applications' }, async (tx) => {
      auditNested(tx, { action: 'create', entity: 'platforms', recordId: 8 });
      throw new Error('refused after the nested change');
    });
    await expect(failing).rejects.toThrow('refused after the nested change');
    expect(await head()).toBe(start);
  });

  it('a nested entry outside a write is refused: the log is written by write() alone', () => {
    expect(() => auditNested(t.ctx, { action: 'create', entity: 'platforms', recordId: 9 })).toThrow(/outside a write/);
  });

  it('a sign-out of a session already ended is no write to record', async () => {
    const start = await head();
    await logout(t.accounts, 'no-such-session', { ...actor, userId: 1 });
    expect(await head()).toBe(start);
  });
});
