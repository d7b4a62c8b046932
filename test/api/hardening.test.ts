import { once } from 'node:events';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/modules/accounts/users.js';
import { systemActor } from '../../src/modules/audit/trail.js';
import { createTestApp, TEST_PASSWORD } from '../support/testApp.js';
import { errorAt, expectProblem } from './helpers.js';

/**
 * Security and reliability defects of issue 13, each with the request that showed it: password
 * change by token and unlimited guesses, uploads cut off or malformed, usernames told apart by
 * their lock-out, cross-site writes and sign-ins, missing security headers, loose parsing.
 */

let now = new Date('2026-12-04T09:00:00Z');
const MINUTE = 60_000;
const advance = (ms: number) => void (now = new Date(now.getTime() + ms));
const t = await createTestApp({ now: () => now });
const { app, anonymous } = t;

let n = 0;
const account = () => createUser(t.accounts, { username: `hardened${++n}`, role: 'officer', password: TEST_PASSWORD }, systemActor('test'));
const login = (username: string, password = TEST_PASSWORD, headers: Record<string, string> = {}) =>
  anonymous({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });
const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie']).split(';')[0]!;

/** A multipart body as given, sent with its own Content-Length. */
const rawUpload = (url: string, body: string, contentType = 'multipart/form-data; boundary=xyz') =>
  app.inject({ method: 'POST', url, payload: Buffer.from(body), headers: { 'content-type': contentType } });

const filePart = (name: string, content: string, fields: Record<string, string> = {}, boundary = 'xyz') =>
  Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('') + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;

describe('password change (item 1)', () => {
  it('is refused to an API token, whatever its scopes: only a session changes a password', async () => {
    const officer = await t.actAs('officer');
    const res = await anonymous({ method: 'POST', url: '/api/v1/auth/password', headers: officer.headers, payload: { current_password: TEST_PASSWORD, new_password: 'Another-Secret-2' } });
    expect(errorAt(expectProblem(res, 403, ['credentials']), 'credentials').code).toBe('auth.session_required');
    expect((await login(officer.username)).statusCode).toBe(200);
  });

  it('counts wrong current passwords toward the lock-out: the fifth locks the account, for sign-in too', async () => {
    const u = await account();
    const cookie = cookieOf(await login(u.username));
    const change = (current: string) =>
      anonymous({ method: 'POST', url: '/api/v1/auth/password', headers: { cookie }, payload: { current_password: current, new_password: 'Another-Secret-2' } });
    for (let i = 0; i < 4; i++) expect(errorAt(expectProblem(await change(`Guess-Number-${i}`), 400), 'current_password').code).toBe('password.wrong');
    const fifth = await change('Guess-Number-5');
    expect(errorAt(expectProblem(fifth, 429, ['credentials']), 'credentials').code).toBe('account.locked');
    expect(fifth.headers['retry-after']).toBe('900');
    // Locked: even the right current password is refused, and so is signing in.
    expectProblem(await change(TEST_PASSWORD), 429);
    expectProblem(await login(u.username), 429);
    advance(15 * MINUTE);
    expect((await change(TEST_PASSWORD)).statusCode).toBe(204);
  });
});

describe('sign-in of names that are no account (item 4)', () => {
  const guess = (username: string) => login(username, 'Wrong-Password-1');

  it('answers and locks an unknown name exactly like an account: same replies, locked at the fifth failure, for 15 minutes', async () => {
    const known = (await account()).username;
    const unknown = `nobody-${++n}`;
    for (let i = 0; i < 4; i++) {
      const [a, b] = [await guess(known), await guess(unknown)];
      expect([a.statusCode, b.statusCode]).toEqual([401, 401]);
      expect(b.json().errors).toEqual(a.json().errors);
    }
    const [a, b] = [await guess(known), await guess(unknown)];
    expect([a.statusCode, b.statusCode]).toEqual([429, 429]);
    expect(b.headers['retry-after']).toBe(a.headers['retry-after']);
    expect(b.json().errors).toEqual(a.json().errors);
    advance(10 * MINUTE);
    expect(errorAt(expectProblem(await guess(unknown.toUpperCase()), 429), 'credentials').params).toMatchObject({ retry_after_seconds: 300 });
    advance(5 * MINUTE);
    expectProblem(await guess(unknown), 401);
  });

  it('does the same work for an unknown name as for a wrong password: a failure counted in a transaction with its audit entry', async () => {
    const known = (await account()).username;
    const entries = async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'sign_in_failed'`)).rows[0]!.n;
    const before = await entries();
    await guess(known);
    await guess(`nobody-${++n}`);
    expect(await entries()).toBe(before + 2);
    // The unknown name itself is not written down (people type passwords into the username field).
    const { rows } = await t.db.query<{ record_id: string | null; after: string }>(`SELECT record_id, after::text FROM audit_log WHERE action = 'sign_in_failed' ORDER BY id DESC LIMIT 1`);
    expect(rows[0]).toMatchObject({ record_id: null });
    expect(rows[0]!.after).not.toContain('nobody');
  });
});

describe('cross-site requests (item 5)', () => {
  it('refuses cookie-signed writes with Origin: null, or with no Origin but Sec-Fetch-Site: cross-site or same-site', async () => {
    const u = await account();
    const cookie = cookieOf(await login(u.username));
    const logout = (headers: Record<string, string>) => anonymous({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie, ...headers } });
    for (const headers of [{ origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }] as Array<Record<string, string>>)
      expect(errorAt(expectProblem(await logout(headers), 403), 'Origin').code).toBe('auth.cross_site');
    expect((await logout({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(204);
  });

  it('refuses a sign-in from another site (login CSRF), not one from this site or from a non-browser client', async () => {
    const u = await account();
    for (const headers of [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }] as Array<Record<string, string>>) {
      const res = await login(u.username, TEST_PASSWORD, headers);
      expect(errorAt(expectProblem(res, 403), 'Origin').code).toBe('auth.cross_site');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect((await login(u.username, TEST_PASSWORD, { origin: 'http://localhost:8080', host: 'localhost:8080' })).statusCode).toBe(200);
    expect((await login(u.username)).statusCode).toBe(200);
  });
});

describe('security headers (item 6)', () => {
  const expectHeaders = (headers: Record<string, unknown>) => {
    expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('same-origin');
  };

  it('are on API replies, problems, downloads and the API docs', async () => {
    for (const url of ['/api/v1/auth/me', '/api/v1/no-such-thing', '/api/v1/imports/templates/organizations/csv', '/api/docs/static/index.html', '/healthz']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeLessThan(500);
      expectHeaders(res.headers);
    }
  });
});

describe('strict parsing (item 7)', () => {
  it('refuses path ids that Number() would read: 0x10, 1e3, +1, " 1", 010', async () => {
    for (const id of ['0x10', '1e3', '+1', '%201', '010', '1.0']) {
      const p = expectProblem(await app.inject({ method: 'GET', url: `/api/v1/organizations/${id}` }), 400, ['id']);
      expect(errorAt(p, 'id').code, id).toBe('id.invalid');
    }
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/organizations/16' }), 404);
  });

  it('answers JSON sent as text/plain with 415, as documented', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/organizations', payload: '{"name":"x"}', headers: { 'content-type': 'text/plain' } });
    expect(errorAt(expectProblem(res, 415, ['body']), 'body').code).toBe('body.media_type');
  });

  it('refuses official values and targets beyond any published figure', async () => {
    const value = (v: number) => app.inject({ method: 'POST', url: '/api/v1/indicators/gdp/values', payload: { period: '2025', value: v, source: 'Bulletin', published_on: '2026-03-01' } });
    expect(errorAt(expectProblem(await value(1e300), 400, ['value']), 'value').code).toBe('too_big');
    expect(errorAt(expectProblem(await value(-1e300), 400, ['value']), 'value').code).toBe('too_small');
  });

  it('refuses published and trivial passwords', async () => {
    for (const password of ['Password123!', 'P@ssw0rd2026', 'Qwerty123456!', 'aaaaaaaaaaaaaaaaaaaa', '1234567890123456', 'abcdefghijklmnopqr']) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/users', payload: { username: `pw${++n}`, role: 'officer', password } });
      expect(errorAt(expectProblem(res, 400, ['password']), 'password').code, password).toBe('password.common');
    }
  });
});

describe('malformed uploads (item 3)', () => {
  const endpoints = ['/api/v1/imports/preview', '/api/v1/imports', '/api/v1/applications/1/attachments'];

  it('answers a multipart body without its boundary, with another boundary, or cut mid-part with 400, never 500', async () => {
    const cut = filePart('a.csv', 'uscc,名称\n1,2\n', { entity: 'organizations' }).slice(0, 120);
    for (const url of endpoints) {
      for (const [body, type] of [
        [filePart('a.csv', 'x'), 'multipart/form-data'],
        ['--nope\r\n\r\n', 'multipart/form-data; boundary=xyz'],
        [cut, 'multipart/form-data; boundary=xyz'],
      ] as const) {
        const res = await rawUpload(url, body, type);
        expect(errorAt(expectProblem(res, 400, ['body']), 'body').code, `${url} ${JSON.stringify(body.slice(0, 20))}`).toBe('body.multipart');
      }
    }
  });

  it('names the file when its name holds a NUL or another control character', async () => {
    for (const url of endpoints) {
      const res = await rawUpload(url, filePart('a\u0000b.csv', 'uscc\n', { entity: 'organizations', checklist_item: 'x' }));
      expect(errorAt(expectProblem(res, 400), 'file').code, url).toBe('file.name_invalid');
    }
  });
});

// A server on a real socket with short bounds: a second of body, half a second of silence.
const bounded = await createTestApp({ timeouts: { requestMs: 1_500, idleMs: 500 } });
const port = Number(new URL(await bounded.app.listen({ port: 0, host: '127.0.0.1' })).port);

describe('time bounds (item 2)', () => {
  /** Sends `head` and then, every 100 ms, each of `drip` over a real socket; resolves with all the server wrote once it closes. */
  function exchange(port: number, head: string, drip: string[] = []): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let got = '';
      const timer = setInterval(() => (drip.length ? socket.write(drip.shift()!) : clearInterval(timer)), 100);
      socket.on('data', (d) => void (got += d.toString()));
      socket.on('close', () => (clearInterval(timer), resolve(got)));
      socket.on('error', (err) => ((err as { code?: string }).code === 'ECONNRESET' ? undefined : reject(err)));
      socket.write(head);
    });
  }

  const body = filePart('a.csv', 'uscc,名称\n'.repeat(50), { entity: 'organizations' });
  const headers = `POST /api/v1/imports/preview HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${bounded.adminAuthorization}\r\nContent-Type: multipart/form-data; boundary=xyz\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;

  it('ends an upload cut off before its closing boundary (correct Content-Length): the connection is closed, or answered 408/400', async () => {
    const reply = await exchange(port, headers + body.slice(0, body.length - 20));
    if (reply) expect(reply).toMatch(/^HTTP\/1\.1 (408|400) /);
  });

  it('answers 408 to an upload that trickles in past the request bound, however lively', async () => {
    const pieces = body.match(/[\s\S]{1,20}/g)!;
    const reply = await exchange(port, headers, pieces);
    expect(reply).toMatch(/^HTTP\/1\.1 408 /);
    expect(reply).toContain('"code":"request.timeout"');
  });

  it('closes while such uploads hang', async () => {
    const arrived = once(bounded.app.server, 'request');
    const hanging = exchange(port, headers + body.slice(0, 100));
    await arrived;
    await bounded.app.close();
    await hanging;
  });
});
