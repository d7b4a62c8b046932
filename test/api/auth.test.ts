import Fastify, { type LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { apiToken, apiTokenCreated, apiTokenList, demoAccounts, me, user, type Me } from '../../src/contracts/accounts.js';
import { defaultSessionPolicy } from '../../src/domain/accountSecurity.js';
import { registerAuth } from '../../src/http/auth.js';
import { registerProblemHandlers } from '../../src/http/problems.js';
import { createUser } from '../../src/modules/accounts/users.js';
import { systemActor } from '../../src/modules/audit/trail.js';
import { createOrganization, organizationInput } from '../support/factories.js';
import { observedDatabase, type Statement } from '../support/observedDatabase.js';
import { createTestApp, TEST_PASSWORD } from '../support/testApp.js';
import { errorAt, expectProblem } from './helpers.js';

/**
 * Sign-in, sessions (idle and absolute timeouts), lock-out, password change, API tokens and user
 * management. Time is the test's own clock: nothing sleeps.
 */

let now = new Date('2026-11-27T09:00:00Z');
const MINUTE = 60_000;
const advance = (ms: number) => void (now = new Date(now.getTime() + ms));
const statements: Statement[] = [];
const t = await createTestApp({ now: () => now, observe: (db) => observedDatabase(db, statements) });
const { anonymous } = t;

let n = 0;
/** A fresh officer account (its own lock-out state), signed in by nobody yet. */
async function account(role: 'officer' | 'expert' | 'admin' = 'officer', extra: { organization_ids?: number[] } = {}) {
  const created = await createUser(t.accounts, { username: `user${++n}`, role, password: TEST_PASSWORD, ...extra }, systemActor('test'));
  return created;
}

const login = (username: string, password = TEST_PASSWORD, headers: Record<string, string> = {}) =>
  anonymous({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, headers });
const cookieOf = (res: { headers: Record<string, unknown> }) => {
  const set = String(res.headers['set-cookie']);
  return set.split(';')[0]!;
};
const withCookie = (cookie: string) => ({ cookie });
const meOf = async (headers: Record<string, string>): Promise<Me> => me.parse((await anonymous({ method: 'GET', url: '/api/v1/auth/me', headers })).json());
const createOrg = (headers: Record<string, string>) => anonymous({ method: 'POST', url: '/api/v1/organizations', payload: organizationInput(), headers });

describe('sign-in and sign-out', () => {
  it('signs in: a session cookie (HttpOnly, SameSite=Lax, Path=/, no Secure over plain HTTP) and the caller in the reply', async () => {
    const u = await account();
    const res = await login(u.username);
    expect(res.statusCode, res.body).toBe(200);
    const set = String(res.headers['set-cookie']);
    expect(set).toMatch(/^starcity_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    const body = me.parse(res.json());
    expect(body).toMatchObject({ authenticated: true, credential: 'session', role: 'officer', user: { username: u.username } });
    expect(body.permissions['organizations.create']).toBe('area');
    expect(body.session?.expires_at).toBe(new Date(now.getTime() + 30 * MINUTE).toISOString());
    expect(await meOf(withCookie(cookieOf(res)))).toMatchObject({ authenticated: true, user: { id: u.id } });
  });

  it('answers anonymous callers: no permission at all, not even reading the registry', async () => {
    expect(await meOf({})).toMatchObject({ authenticated: false, credential: 'anonymous', role: 'public', user: null, permissions: {} });
  });

  it('refuses a wrong password and an unknown username alike (401), and sets no cookie', async () => {
    const u = await account();
    const wrong = await login(u.username, 'Wrong-Password-1');
    const unknown = await login('nobody-at-all', 'Wrong-Password-1');
    for (const res of [wrong, unknown]) {
      expect(errorAt(expectProblem(res, 401, ['credentials']), 'credentials').code).toBe('auth.bad_credentials');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(wrong.json().errors).toEqual(unknown.json().errors);
  });

  it('takes the username whatever its case', async () => {
    const u = await account();
    expect((await login(u.username.toUpperCase())).statusCode).toBe(200);
  });

  it('marks the cookie Secure when a trusted proxy says the request came over TLS', async () => {
    const proxied = await createTestApp({ now: () => now, trustProxy: true });
    const u = await createUser(proxied.accounts, { username: 'proxied', role: 'expert', password: TEST_PASSWORD }, systemActor('test'));
    const res = await proxied.anonymous({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: TEST_PASSWORD }, headers: { 'x-forwarded-proto': 'https' } });
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure$/);
    // Without trustProxy the header is not believed.
    const u2 = await account();
    expect(String((await login(u2.username, TEST_PASSWORD, { 'x-forwarded-proto': 'https' })).headers['set-cookie'])).not.toMatch(/Secure/);
  });

  it('signs out: the session ends, the cookie is cleared, writes are 401 again', async () => {
    const u = await account();
    const cookie = cookieOf(await login(u.username));
    expect((await createOrg(withCookie(cookie))).statusCode).toBe(201);
    const out = await anonymous({ method: 'POST', url: '/api/v1/auth/logout', headers: withCookie(cookie) });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/^starcity_session=; .*Max-Age=0/);
    expect((await meOf(withCookie(cookie))).authenticated).toBe(false);
    expect(errorAt(expectProblem(await createOrg(withCookie(cookie)), 401), 'credentials').code).toBe('auth.session_expired');
  });

  it('refuses a cookie-signed write from another site (Origin), not one from this site', async () => {
    const u = await account();
    const cookie = cookieOf(await login(u.username));
    const foreign = await anonymous({ method: 'POST', url: '/api/v1/organizations', payload: organizationInput(), headers: { cookie, origin: 'https://evil.example' } });
    expect(errorAt(expectProblem(foreign, 403), 'Origin').code).toBe('auth.cross_site');
    const own = await anonymous({ method: 'POST', url: '/api/v1/organizations', payload: organizationInput(), headers: { cookie, origin: 'http://localhost:8080', host: 'localhost:8080' } });
    expect(own.statusCode, own.body).toBe(201);
  });

  it('refuses a disabled account (403) and ends its sessions', async () => {
    const u = await account();
    const cookie = cookieOf(await login(u.username));
    const off = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${u.id}`, payload: { active: false }, headers: { 'if-match': `"${u.version}"` } });
    expect(off.statusCode, off.body).toBe(200);
    expect((await meOf(withCookie(cookie))).authenticated).toBe(false);
    expect(errorAt(expectProblem(await login(u.username), 403), 'credentials').code).toBe('account.disabled');
  });
});

describe('lock-out', () => {
  it('locks after 5 failures within 15 minutes (429 + Retry-After, zh and en), even for the right password, until the lock ends', async () => {
    const u = await account();
    for (let i = 0; i < 4; i++) expectProblem(await login(u.username, 'Wrong-Password-1'), 401);
    const fifth = await login(u.username, 'Wrong-Password-1');
    const p = expectProblem(fifth, 429, ['credentials']);
    expect(fifth.headers['retry-after']).toBe('900');
    expect(errorAt(p, 'credentials')).toMatchObject({ code: 'account.locked', params: { retry_after_seconds: 900 } });
    expect(errorAt(p, 'credentials').message.zh).toContain('15 分钟');
    expect(errorAt(p, 'credentials').message.en).toContain('15 minutes');
    advance(10 * MINUTE);
    const still = await login(u.username);
    expectProblem(still, 429);
    expect(still.headers['retry-after']).toBe('300');
    advance(5 * MINUTE);
    expect((await login(u.username)).statusCode).toBe(200);
  });

  it('counts failures within 15 minutes only, and a success starts the count again', async () => {
    const u = await account();
    for (let i = 0; i < 4; i++) expectProblem(await login(u.username, 'Wrong-Password-1'), 401);
    advance(16 * MINUTE);
    expectProblem(await login(u.username, 'Wrong-Password-1'), 401);
    for (let i = 0; i < 3; i++) expectProblem(await login(u.username, 'Wrong-Password-1'), 401);
    expect((await login(u.username)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expectProblem(await login(u.username, 'Wrong-Password-1'), 401);
    expect((await login(u.username)).statusCode).toBe(200);
  });

  it('is lifted by an administrator', async () => {
    const u = await account();
    for (let i = 0; i < 5; i++) await login(u.username, 'Wrong-Password-1');
    const locked = user.parse((await t.app.inject({ method: 'GET', url: `/api/v1/users/${u.id}` })).json());
    expect(locked.locked_until).toBe(new Date(now.getTime() + 15 * MINUTE).toISOString());
    expectProblem(await login(u.username), 429);
    const unlocked = await t.app.inject({ method: 'POST', url: `/api/v1/users/${u.id}/unlock` });
    expect(user.parse(unlocked.json()).locked_until).toBeNull();
    expect((await login(u.username)).statusCode).toBe(200);
  });
});

describe('session timeouts', () => {
  it('ends a session after 30 minutes without a request; activity keeps it going', async () => {
    const u = await account();
    const cookie = cookieOf(await login(u.username));
    advance(29 * MINUTE);
    expect((await meOf(withCookie(cookie))).authenticated).toBe(true);
    advance(29 * MINUTE);
    expect((await meOf(withCookie(cookie))).authenticated).toBe(true);
    advance(30 * MINUTE);
    const res = await createOrg(withCookie(cookie));
    expect(errorAt(expectProblem(res, 401, ['credentials']), 'credentials')).toMatchObject({ code: 'auth.session_idle' });
    expect(String(res.headers['set-cookie'])).toMatch(/Max-Age=0/);
    expect((await meOf(withCookie(cookie))).authenticated).toBe(false);
  });

  it('ends a session 12 hours after sign-in, however busy', async () => {
    const u = await account();
    const cookie = cookieOf(await login(u.username));
    for (let h = 0; h < 35; h++) {
      advance(20 * MINUTE);
      expect((await meOf(withCookie(cookie))).authenticated, `after ${(h + 1) * 20} minutes`).toBe(true);
    }
    advance(20 * MINUTE);
    expect(errorAt(expectProblem(await createOrg(withCookie(cookie)), 401), 'credentials').code).toBe('auth.session_expired');
  });

  it('takes other timeouts from the configuration', async () => {
    const short = await createTestApp({ now: () => now, sessions: { idleMs: 5 * MINUTE, absoluteMs: defaultSessionPolicy.absoluteMs } });
    const u = await createUser(short.accounts, { username: 'short', role: 'expert', password: TEST_PASSWORD }, systemActor('test'));
    const res = await short.anonymous({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: TEST_PASSWORD } });
    const cookie = cookieOf(res);
    advance(6 * MINUTE);
    expect(me.parse((await short.anonymous({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json()).authenticated).toBe(false);
  });
});

describe('password change', () => {
  it('needs the current password and a new one that meets the policy; then only the new one signs in, and other sessions end', async () => {
    const u = await account();
    const cookie = cookieOf(await login(u.username));
    const other = cookieOf(await login(u.username));
    const change = (payload: object) => anonymous({ method: 'POST', url: '/api/v1/auth/password', payload, headers: withCookie(cookie) });
    const bad = expectProblem(await change({ current_password: 'Wrong-Password-1', new_password: 'short' }), 400, ['current_password', 'new_password']);
    expect(bad.errors.map((e) => e.code).sort()).toEqual(['password.too_short', 'password.too_simple', 'password.wrong']);
    expect(errorAt(expectProblem(await change({ current_password: TEST_PASSWORD, new_password: TEST_PASSWORD }), 400), 'new_password').code).toBe('password.unchanged');
    expect((await change({ current_password: TEST_PASSWORD, new_password: 'Another-Secret-2' })).statusCode).toBe(204);
    expectProblem(await login(u.username), 401);
    expect((await login(u.username, 'Another-Secret-2')).statusCode).toBe(200);
    expect((await meOf(withCookie(cookie))).authenticated).toBe(true);
    expect((await meOf(withCookie(other))).authenticated).toBe(false);
  });

  it('is for signed-in callers only', async () => {
    expectProblem(await anonymous({ method: 'POST', url: '/api/v1/auth/password', payload: { current_password: 'a', new_password: 'b' } }), 401);
  });
});

const accountReads = () => statements.map((s) => s.sql).filter((sql) => /\b(api_tokens|users|sessions)\b/.test(sql));

/**
 * What a request reads of the account tables once the notifications of the set-up's own writes
 * (a sign-in ends stale sessions) have arrived — on PostgreSQL a moment after them, and one
 * arriving after a request took its stamp makes the next read the account again: nothing.
 */
async function settledWithoutAccountReads(request: () => Promise<LightMyRequestResponse>): Promise<string[]> {
  for (let i = 0; i < 100; i++) {
    statements.length = 0;
    expect((await request()).statusCode).toBe(200);
    if (accountReads().length === 0) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  statements.length = 0;
  expect((await request()).statusCode).toBe(200);
  return accountReads();
}

/**
 * The code of the 401 a request meets once the notification of a change has arrived (it follows
 * the commit by a moment, on PostgreSQL over the network); the last answer's code after 2 s.
 */
async function refusedWithin(request: () => Promise<LightMyRequestResponse>): Promise<string> {
  let res = await request();
  for (let i = 0; i < 100 && res.statusCode !== 401; i++) {
    await new Promise((r) => setTimeout(r, 20));
    res = await request();
  }
  return res.statusCode === 401 ? errorAt(expectProblem(res, 401), 'credentials').code : `status ${res.statusCode}`;
}

describe('API tokens', () => {
  async function signedIn(role: 'officer' | 'expert' | 'admin' = 'officer', extra: { organization_ids?: number[] } = {}) {
    const u = await account(role, extra);
    return { user: u, headers: withCookie(cookieOf(await login(u.username))) };
  }
  const create = (headers: Record<string, string>, payload: object) => anonymous({ method: 'POST', url: '/api/v1/tokens', payload, headers });

  it('is created with a session, shown once, listed without its secret, and acts within its scopes', async () => {
    const { headers } = await signedIn();
    const res = await create(headers, { name: 'nightly import', scopes: ['organizations.create'], expires_in: '30d' });
    expect(res.statusCode, res.body).toBe(201);
    const created = apiTokenCreated.parse(res.json());
    expect(created.token).toMatch(/^sc_[\w-]{43}$/);
    expect(created).toMatchObject({ status: 'active', prefix: created.token.slice(0, 10), expires_at: new Date(now.getTime() + 30 * 24 * 60 * MINUTE).toISOString() });
    const list = apiTokenList.parse((await anonymous({ method: 'GET', url: '/api/v1/tokens', headers })).json());
    expect(list.results.map((x) => x.id)).toEqual([created.id]);
    expect(JSON.stringify(list)).not.toContain(created.token);
    const { rows } = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [created.id]);
    expect(rows[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);

    const bearer = { authorization: `Bearer ${created.token}` };
    expect(await meOf(bearer)).toMatchObject({ authenticated: true, credential: 'token', token: { id: created.id, scopes: ['organizations.create'] } });
    expect((await createOrg(bearer)).statusCode).toBe(201);
    const org = await createOrganization(t.app);
    const outside = await anonymous({ method: 'PATCH', url: `/api/v1/organizations/${org.id}`, payload: { name: '改名' }, headers: { ...bearer, 'if-match': '"1"' } });
    expect(errorAt(expectProblem(outside, 403), 'permission').code).toBe('permission.token_scope');
  });

  it('expires', async () => {
    const { user: owner, headers } = await signedIn();
    const created = apiTokenCreated.parse((await create(headers, { name: 'short', scopes: ['organizations.create'], expires_in: '2h' })).json());
    const bearer = { authorization: `Bearer ${created.token}` };
    advance(119 * MINUTE);
    expect((await createOrg(bearer)).statusCode).toBe(201);
    advance(MINUTE);
    const res = await createOrg(bearer);
    expect(errorAt(expectProblem(res, 401), 'credentials').code).toBe('auth.token_expired');
    expect(res.headers['www-authenticate']).toContain('invalid_token');
    // A refused token is refused on public reads too: the client learns at once.
    expectProblem(await anonymous({ method: 'GET', url: '/api/v1/meta', headers: bearer }), 401);
    const again = withCookie(cookieOf(await login(owner.username)));
    expect(apiTokenList.parse((await anonymous({ method: 'GET', url: '/api/v1/tokens', headers: again })).json()).results[0]!.status).toBe('expired');
  });

  it('is revoked by its owner; another user’s token is 404', async () => {
    const owner = await signedIn();
    const stranger = await signedIn();
    const created = apiTokenCreated.parse((await create(owner.headers, { name: 'ci', scopes: ['organizations.create'] })).json());
    const revoke = (headers: Record<string, string>) => anonymous({ method: 'DELETE', url: `/api/v1/tokens/${created.id}`, headers });
    expectProblem(await revoke(stranger.headers), 404);
    const revoked = await revoke(owner.headers);
    expect(apiToken.parse(revoked.json())).toMatchObject({ status: 'revoked' });
    expect(errorAt(expectProblem(await createOrg({ authorization: `Bearer ${created.token}` }), 401), 'credentials').code).toBe('auth.token_revoked');
  });

  it('is not read again while nothing changes, and is refused once another process revokes it', async () => {
    const owner = await signedIn();
    const created = apiTokenCreated.parse((await create(owner.headers, { name: 'reader', scopes: ['organizations.create'] })).json());
    const bearer = { authorization: `Bearer ${created.token}` };
    const org = await createOrganization(t.app);
    const read = () => anonymous({ method: 'GET', url: `/api/v1/organizations/${org.id}`, headers: bearer });
    expect(await settledWithoutAccountReads(read)).toEqual([]);
    // Not through the service: only the table's NOTIFY can tell this process.
    await t.db.query('UPDATE api_tokens SET revoked_at = $1 WHERE id = $2', [now, created.id]);
    expect(await refusedWithin(read)).toBe('auth.token_revoked');
  });

  it('keeps a session the same way, and drops it once another process disables the account', async () => {
    const { user: u, headers } = await signedIn();
    const read = () => anonymous({ method: 'GET', url: '/api/v1/organizations', headers });
    expect(await settledWithoutAccountReads(read)).toEqual([]);
    await t.db.query('UPDATE users SET active = false WHERE id = $1', [u.id]);
    expect(await refusedWithin(read)).toBe('auth.account_disabled');
  });

  it('refuses scopes the owner lacks, unknown scopes, token management and bad lifetimes', async () => {
    const orgUser = await signedIn('expert');
    const p = expectProblem(await create(orgUser.headers, { name: 'x', scopes: ['imports.write'] }), 400, ['scopes.0']);
    expect(errorAt(p, 'scopes.0').code).toBe('token.scope_not_held');
    const { headers } = await signedIn('admin');
    expectProblem(await create(headers, { name: 'x', scopes: ['tokens.manage'] }), 400, ['scopes.0']);
    expectProblem(await create(headers, { name: 'x', scopes: ['fly'] }), 400, ['scopes.0']);
    expectProblem(await create(headers, { name: 'x', scopes: ['users.manage'], expires_in: '400d' }), 400, ['expires_in']);
    expectProblem(await create(headers, { name: 'x', scopes: ['users.manage'], expires_in: 'soon' }), 400, ['expires_in']);
  });

  it('never does more than its owner can do now (a demoted owner’s token shrinks)', async () => {
    const { user: u, headers } = await signedIn();
    const created = apiTokenCreated.parse((await create(headers, { name: 'x', scopes: ['organizations.create'] })).json());
    const demoted = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${u.id}`, payload: { role: 'expert' }, headers: { 'if-match': `"${u.version}"` } });
    expect(demoted.statusCode, demoted.body).toBe(200);
    expect(errorAt(expectProblem(await createOrg({ authorization: `Bearer ${created.token}` }), 403), 'permission').code).toBe('permission.role');
  });

  it('refuses a malformed or unknown bearer token', async () => {
    for (const authorization of ['Bearer nope', 'Bearer sc_unknown', 'Basic YTpi']) {
      const res = await anonymous({ method: 'GET', url: '/api/v1/meta', headers: { authorization } });
      expect(errorAt(expectProblem(res, 401), 'credentials').code).toBe('auth.token_invalid');
    }
  });
});

describe('user management', () => {
  const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/users', payload });

  it('creates users; the password policy, usernames (any case), bindings and roles are checked all at once', async () => {
    const org = await createOrganization(t.app);
    const ok = await post({ username: 'Zhang.San', role: 'org_user', password: 'Correct-Horse-9', organization_ids: [org.id], display_name: '张三' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(user.parse(ok.json())).toMatchObject({ username: 'Zhang.San', role: 'org_user', organizations: [{ id: org.id, name: org.name }], districts: [] });
    expect(errorAt(expectProblem(await post({ username: 'zhang.san', role: 'expert', password: 'Correct-Horse-9' }), 409), 'username').code).toBe('username.taken');
    const p = expectProblem(await post({ username: 'lisi', role: 'org_user', password: 'lisi', districts: ['430104', '999999'] }), 400, ['districts', 'districts.1', 'organization_ids', 'password']);
    expect(p.errors.filter((e) => e.field === 'password').map((e) => e.code).sort()).toEqual(['password.is_username', 'password.too_short', 'password.too_simple']);
    expect(p.errors.filter((e) => e.field !== 'password').map((e) => e.code).sort()).toEqual(['district.unknown', 'user.districts_role', 'user.organizations_required'].sort());
    const zoned = expectProblem(await post({ username: 'wangwu', role: 'expert', password: 'Correct-Horse-9', zones: ['changsha_hitech_zone', 'atlantis'] }), 400, ['zones', 'zones.1']);
    expect(zoned.errors.map((e) => e.code).sort()).toEqual(['user.zones_role', 'zone.unknown']);
    const zoneOfficer = await post({ username: 'gaoxin', role: 'officer', password: 'Correct-Horse-9', zones: ['changsha_hitech_zone'] });
    expect(user.parse(zoneOfficer.json())).toMatchObject({ role: 'officer', districts: [], zones: ['changsha_hitech_zone'] });
    // The stored hash is argon2id; the password itself is nowhere.
    const { rows } = await t.db.query<{ password_hash: string }>("SELECT password_hash FROM users WHERE username = 'Zhang.San'");
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('lists users, changes role and districts with If-Match, and keeps the last administrator', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/users' })).json() as { results: unknown[] };
    expect(list.results.length).toBeGreaterThan(0);
    const o = await account('officer');
    const changed = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${o.id}`, payload: { districts: ['430104'] }, headers: { 'if-match': `"${o.version}"` } });
    expect(user.parse(changed.json())).toMatchObject({ districts: ['430104'], zones: [], version: o.version + 1 });
    const zoned = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${o.id}`, payload: { zones: ['changsha_hitech_zone'] }, headers: { 'if-match': `"${o.version + 1}"` } });
    expect(user.parse(zoned.json())).toMatchObject({ districts: ['430104'], zones: ['changsha_hitech_zone'], version: o.version + 2 });
    const demoted = await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${o.id}`, payload: { role: 'expert' }, headers: { 'if-match': `"${o.version + 2}"` } });
    expect(user.parse(demoted.json())).toMatchObject({ role: 'expert', districts: [], zones: [] });
    expectProblem(await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${o.id}`, payload: { districts: [] }, headers: { 'if-match': `"${o.version}"` } }), 412);
    expectProblem(await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${o.id}`, payload: { districts: [] } }), 428);

    const { rows } = await t.db.query<{ id: number; version: number }>("SELECT id, version FROM users WHERE role = 'admin' AND active");
    for (const a of rows.slice(1)) await t.db.query("UPDATE users SET role = 'expert' WHERE id = $1", [a.id]);
    const last = rows[0]!;
    expect(errorAt(expectProblem(await t.app.inject({ method: 'PATCH', url: `/api/v1/users/${last.id}`, payload: { role: 'expert' }, headers: { 'if-match': `"${last.version}"` } }), 409), 'role').code).toBe('user.last_admin');
  });
});

describe('demo accounts', () => {
  it('are not offered when the server does not run the demo', async () => {
    expect(demoAccounts.parse((await anonymous({ method: 'GET', url: '/api/v1/auth/demo' })).json())).toEqual({ enabled: false, password: null, accounts: [] });
  });
});

describe('route registration', () => {
  it('refuses a write route that declares no access, so no write route can be left unguarded', async () => {
    const app = Fastify();
    registerProblemHandlers(app);
    registerAuth(app, t.accounts);
    expect(() => app.post('/unguarded', async () => ({}))).toThrow(/POST \/unguarded declares no access/);
    expect(() => app.post('/guarded', { config: { access: 'users.manage' } }, async () => ({}))).not.toThrow();
    await app.close();
  });
});
