import { describe, expect, it } from 'vitest';
import { organizationCreate } from '../../src/contracts/organizations.js';
import { platformCreate } from '../../src/contracts/platforms.js';
import { qualificationCreate } from '../../src/contracts/qualifications.js';
import { rdInstitutionCreate } from '../../src/contracts/rdInstitutions.js';
import { createOrganization, organizationInput, platformInput, qualificationInput, rdInstitutionInput } from '../support/factories.js';
import { createTestApp } from '../support/testApp.js';
import { errorAt, expectProblem, rowCount, snapshot, storedRow, type Table } from './helpers.js';

/**
 * "No malformed request may produce a 500 or a partial write": wrong types, unknown fields,
 * overlong strings, invalid codes, impossible dates, bodies over the limit and broken JSON each
 * get a 4xx problem+json naming the field, on create and on update of every resource, and the
 * database is left exactly as it was.
 */
const { app, db } = await createTestApp();
const BODY_LIMIT = 512 * 1024;

interface Resource {
  path: string;
  table: Table;
  /** Top-level fields of the create contract. */
  fields: string[];
  input: () => Promise<Record<string, unknown>>;
  /** Free-text fields (dotted path) and their maximum length. */
  texts: Record<string, number>;
  /** Code-like strings with a length limit, checked against the city's lists. */
  codes: Record<string, number>;
  dates: string[];
  enums: string[];
}

const EVIDENCE = { global_layout: { evidence: '海外研发中心' } };

const RESOURCES: Resource[] = [
  {
    path: 'organizations',
    table: 'organizations',
    fields: Object.keys(organizationCreate.shape),
    input: async () => ({ ...organizationInput() }),
    texts: { name: 200, name_en: 300, address: 500, uscc_override_reason: 500 },
    codes: { uscc: 40, district_code: 12, zone: 64 },
    dates: ['founded_on'],
    enums: ['kind'],
  },
  {
    path: 'qualifications',
    table: 'qualifications',
    fields: Object.keys(qualificationCreate.shape),
    input: async () => ({ ...(await qualificationInput(app)) }),
    texts: { certificate_no: 100 },
    codes: {},
    dates: ['valid_from', 'valid_to'],
    enums: ['qualification'],
  },
  {
    path: 'rd-institutions',
    table: 'rd_institutions',
    fields: Object.keys(rdInstitutionCreate.shape),
    input: async () => ({ ...(await rdInstitutionInput(app, { host_org_id: host() })), four_global: EVIDENCE }),
    texts: { name: 200, name_en: 300, 'four_global.global_layout.evidence': 2000 },
    codes: { district_code: 12, zone: 64 },
    dates: ['established_on', 'four_global.global_layout.confirmed_on'],
    enums: ['category', 'level'],
  },
  {
    path: 'platforms',
    table: 'platforms',
    fields: Object.keys(platformCreate.shape),
    input: async () => ({ ...(await platformInput(app, { host_org_id: host() })) }),
    texts: { name: 200, name_en: 300, authority: 200 },
    codes: { district_code: 12, zone: 64 },
    dates: ['recognized_on'],
    enums: ['type', 'level', 'status'],
  },
];

/** One host for the institutions and platforms of this file (their natural key includes the name). */
let hostId = 0;
const host = () => hostId;
const hostReady = createOrganization(app, { name: '坏输入测试依托单位' }).then((o) => (hostId = o.id));

/** Sets a dotted path in a copy of the body. */
function withValue(body: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  const key = head ?? '';
  if (rest.length === 0) return { ...body, [key]: value };
  const inner = (body[key] ?? {}) as Record<string, unknown>;
  return { ...body, [key]: withValue(inner, rest.join('.'), value) };
}

const post = (r: Resource, payload: unknown, contentType = 'application/json') =>
  app.inject({ method: 'POST', url: `/api/v1/${r.path}`, headers: { 'content-type': contentType }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload) });

const patchRaw = (r: Resource, id: number, version: number, payload: string, contentType = 'application/json') =>
  app.inject({ method: 'PATCH', url: `/api/v1/${r.path}/${id}`, headers: { 'content-type': contentType, 'if-match': `"${version}"` }, payload });

/** One stored record per resource to send bad updates to. */
const targets = new Map<string, number>();
async function target(r: Resource): Promise<number> {
  await hostReady;
  const known = targets.get(r.path);
  if (known) return known;
  const res = await post(r, await r.input());
  expect(res.statusCode, res.body).toBe(201);
  const id = (res.json() as { id: number }).id;
  targets.set(r.path, id);
  return id;
}

/** Sends a create that must fail with `status`, proving no table changed. */
async function refusedCreate(r: Resource, payload: unknown, status: number, fields?: string[], contentType?: string) {
  await hostReady;
  const before = await snapshot(db);
  const p = expectProblem(await post(r, payload, contentType), status, fields);
  expect(await snapshot(db)).toEqual(before);
  return p;
}

/** Sends an update that must fail with `status`, proving the stored row did not change. */
async function refusedUpdate(r: Resource, payload: unknown, status: number, fields?: string[], contentType?: string) {
  const id = await target(r);
  const stored = await storedRow(db, r.table, id);
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const p = expectProblem(await patchRaw(r, id, Number(stored?.version), body, contentType), status, fields);
  expect(await storedRow(db, r.table, id)).toEqual(stored);
  return p;
}

describe.each(RESOURCES)('$path: malformed bodies', (r) => {
  it.each(['{"name":', '{name: 1}', "{'a': 1}", '[1,]', '{"a":1}}', 'undefined', '\u0000'])('refuses the broken JSON %j with 400 on create and update', async (raw) => {
    for (const p of [await refusedCreate(r, raw, 400, ['body']), await refusedUpdate(r, raw, 400, ['body'])]) {
      expect(p.type).toBe('urn:starcity:problem:malformed-json');
    }
  });

  it('refuses an empty JSON body', async () => {
    await refusedCreate(r, '', 400, ['body']);
    await refusedUpdate(r, '', 400, ['body']);
  });

  it.each([
    ['an array', '[]'],
    ['null', 'null'],
    ['a string', '"x"'],
    ['a number', '42'],
    ['a boolean', 'true'],
  ])('refuses %s as the body, naming the body itself', async (_label, raw) => {
    expect(errorAt(await refusedCreate(r, raw, 400, ['body']), 'body').code).toBe('invalid_type');
    await refusedUpdate(r, raw, 400, ['body']);
  });

  it('refuses a body over the 512 KiB limit with 413, and reads one just under it', async () => {
    const big = JSON.stringify({ ...(await r.input()), name_en: 'x'.repeat(BODY_LIMIT) });
    expect((await refusedCreate(r, big, 413, ['body'])).type).toBe('urn:starcity:problem:body-too-large');
    await refusedUpdate(r, big, 413, ['body']);
    const field = Object.keys(r.texts)[0]!;
    const base = JSON.stringify(withValue(await r.input(), field, ''));
    const atLimit = JSON.stringify(withValue(await r.input(), field, 'x'.repeat(BODY_LIMIT - base.length - 40)));
    expect(atLimit.length).toBeLessThanOrEqual(BODY_LIMIT);
    expect(errorAt(await refusedCreate(r, atLimit, 400, [field]), field).code).toBe('too_long');
  });

  it('refuses bodies that are not JSON', async () => {
    await refusedCreate(r, 'a=1&b=2', 415, ['body'], 'application/x-www-form-urlencoded');
    await refusedCreate(r, '--x\r\n\r\n--x--', 415, ['body'], 'multipart/form-data; boundary=x');
    await refusedCreate(r, '<xml/>', 415, ['body'], 'application/xml');
    // JSON sent as text/plain (what a cross-site form can send) is refused like any other media type.
    await refusedCreate(r, JSON.stringify(await r.input()), 415, ['body'], 'text/plain');
    await refusedUpdate(r, 'a=1', 415, ['body'], 'application/x-www-form-urlencoded');
  });

  it('refuses prototype-polluting keys and leaves Object.prototype alone', async () => {
    const base = JSON.stringify(await r.input()).slice(1);
    await refusedCreate(r, `{"__proto__":{"polluted":true},${base}`, 400);
    await refusedCreate(r, `{"constructor":{"prototype":{"polluted":true}},${base}`, 400);
    await refusedUpdate(r, '{"__proto__":{"polluted":true}}', 400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a deeply nested value in a field or an unknown key without overflowing', async () => {
    const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
    const field = r.fields[1]!;
    const body = JSON.stringify(await r.input());
    errorAt(await refusedCreate(r, `${body.slice(0, -1)},"${field}":${deep(50_000)}}`, 400), field);
    errorAt(await refusedCreate(r, `${body.slice(0, -1)},"deep":${deep(50_000)}}`, 400, ['deep']), 'deep');
    errorAt(await refusedUpdate(r, `{"${field}":${deep(50_000)}}`, 400, [field]), field);
  });
});

describe.each(RESOURCES)('$path: bad field values name the field', (r) => {
  it('refuses overlong strings, naming each field and its limit', async () => {
    for (const [field, max] of Object.entries({ ...r.texts, ...r.codes })) {
      const p = await refusedCreate(r, withValue(await r.input(), field, 'x'.repeat(max + 1)), 400, [field]);
      expect(errorAt(p, field)).toMatchObject({ code: 'too_long', params: { max } });
      await refusedUpdate(r, withValue({}, field, 'x'.repeat(max + 1)), 400, [field]);
    }
  });

  it('refuses the NUL character in any text, naming the field', async () => {
    for (const field of [...Object.keys(r.texts), ...Object.keys(r.codes)]) {
      const p = await refusedCreate(r, withValue(await r.input(), field, 'a\u0000b'), 400, [field]);
      if (field in r.texts) expect(errorAt(p, field).code).toBe('text.nul');
      await refusedUpdate(r, withValue({}, field, 'a\u0000b'), 400, [field]);
    }
  });

  it.each(['2025-02-30', '2023-02-29', '2025-04-31', '2025-00-10', '2025-1-1', '2025/01/01', '20250101', '2025-01-01T00:00:00Z', '0000-01-01'])(
    'refuses the date %j in every date field',
    async (date) => {
      for (const field of r.dates) {
        // A date longer than YYYY-MM-DD is also too long: both problems are reported.
        const p = await refusedCreate(r, withValue(await r.input(), field, date), 400, [field]);
        expect(p.errors.map((e) => e.code)).toContain('date.invalid');
        await refusedUpdate(r, withValue({}, field, date), 400, [field]);
      }
    },
  );

  it('refuses invalid codes, listing the allowed ones', async () => {
    for (const field of r.enums) {
      for (const value of ['bogus', '', 'ENTERPRISE', 1]) {
        const p = await refusedCreate(r, withValue(await r.input(), field, value), 400, [field]);
        expect(errorAt(p, field).code).toBe('invalid_code');
        await refusedUpdate(r, withValue({}, field, value), 400, [field]);
      }
    }
  });

  it('refuses wrong types in every field', async () => {
    const base = await r.input();
    for (const field of r.fields) {
      // A number is the wrong type for text, and a numeral the wrong type for an id.
      for (const value of [typeof base[field] === 'number' ? '42' : 42, true, ['x'], { x: 1 }]) {
        const expected = field === 'four_global' && typeof value === 'object' && !Array.isArray(value) ? ['four_global.x'] : [field];
        await refusedCreate(r, withValue(await r.input(), field, value), 400, expected);
        await refusedUpdate(r, withValue({}, field, value), 400, expected);
      }
    }
  });

  it('refuses unknown fields, reporting each one', async () => {
    const p = await refusedCreate(r, { ...(await r.input()), id: 1, version: 1, created_at: '2020-01-01', Name: 'x' }, 400, ['id', 'version', 'created_at', 'Name']);
    expect(p.errors.every((e) => e.code === 'unknown_field')).toBe(true);
    await refusedUpdate(r, { id: 1, created_at: '2020-01-01' }, 400, ['id', 'created_at']);
  });

  /**
   * Sweeps hostile values through every field: each request is either accepted whole or refused
   * with a problem naming that field; never a 5xx, never a partial write.
   */
  it('never answers 5xx nor writes part of a request, whatever a field holds', async () => {
    const hostile: unknown[] = [null, 0, -1, 1.5, 1e300, 2 ** 31, true, [], {}, '', ' ', '\t\n', 'x'.repeat(5000), 'a\u0000b', '2025-02-30', '430122', { $gt: '' }, ['a'], '长沙'];
    for (const field of r.fields) {
      for (const value of hostile) {
        await hostReady;
        const body = withValue(await r.input(), field, value);
        const before = await rowCount(db, r.table);
        const res = await post(r, body);
        const label = `${field} = ${JSON.stringify(value).slice(0, 40)}`;
        expect(res.statusCode, `${label}: ${res.body}`).toBeLessThan(500);
        if (res.statusCode === 201) {
          expect(await rowCount(db, r.table), label).toBe(before + 1);
          continue;
        }
        const p = expectProblem(res, res.statusCode);
        expect(p.errors.some((e) => e.field === field || e.field.startsWith(`${field}.`)), `${label}: ${res.body}`).toBe(true);
        expect(await rowCount(db, r.table), label).toBe(before);
      }
    }
  });

  it('never answers 5xx nor changes part of a record on update, whatever a field holds', async () => {
    const id = await target(r);
    const hostile: unknown[] = [null, 0, -1, 1e300, true, [], {}, '', 'x'.repeat(5000), 'a\u0000b', '2025-02-30', { $gt: '' }];
    for (const field of r.fields) {
      for (const value of hostile) {
        const stored = await storedRow(db, r.table, id);
        const res = await patchRaw(r, id, Number(stored?.version), JSON.stringify({ [field]: value }));
        const label = `${field} = ${JSON.stringify(value).slice(0, 40)}`;
        expect(res.statusCode, `${label}: ${res.body}`).toBeLessThan(500);
        if (res.statusCode === 200) continue;
        const p = expectProblem(res, res.statusCode);
        expect(p.errors.some((e) => e.field === field || e.field.startsWith(`${field}.`)), `${label}: ${res.body}`).toBe(true);
        expect(await storedRow(db, r.table, id), label).toEqual(stored);
      }
    }
  });
});

describe('bad URLs', () => {
  it('answers an unknown route or method with a 404 problem', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/nothing' }), 404, []);
    expectProblem(await app.inject({ method: 'PUT', url: `/api/v1/organizations/${await target(RESOURCES[0]!)}`, payload: {} }), 404, []);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/organizations/1/extra' }), 404, []);
  });

  it('answers a broken %-escape in the path with a 400 problem', async () => {
    expect((expectProblem(await app.inject({ method: 'GET', url: '/api/v1/organizations/%E4' }), 400, [])).type).toBe('urn:starcity:problem:bad-request');
  });

  it('names id for ids that are not numbers', async () => {
    for (const id of ['%E4%B8%AD', 'NaN', 'Infinity', '1e3x', '%20', '1,5']) {
      const p = expectProblem(await app.inject({ method: 'GET', url: `/api/v1/organizations/${id}` }), 400, ['id']);
      expect(errorAt(p, 'id').message.en, id).not.toMatch(/got number$/);
    }
  });
});
