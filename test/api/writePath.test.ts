import { describe, expect, it } from 'vitest';
import type { Organization } from '../../src/contracts/organizations.js';
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
