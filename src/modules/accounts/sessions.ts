import type { Me, PasswordChangeBody } from '../../contracts/accounts.js';
import { afterFailure, isLocked, lockoutPolicy, sessionDeadline, sessionState } from '../../domain/accountSecurity.js';
import { checkPassword } from '../../domain/passwordPolicy.js';
import { effectivePermissions, roleLabels, type AccountRole, type Permission } from '../../domain/permissions.js';
import type { AuditActor } from '../audit/trail.js';
import type { AuthFailure } from '../shared/accessErrors.js';
import { AppError, validationFailed } from '../shared/errors.js';
import { anonymousPrincipal, type Principal } from '../shared/principal.js';
import { iso } from '../shared/records.js';
import { write } from '../shared/write.js';
import type { AccountsContext } from './context.js';
import { credentialCacheFor, forgetCredentials } from './credentialCache.js';
import { hashPassword, newSecret, secretHash, verifyNothing, verifyPassword } from './passwords.js';
import * as q from './queries.js';
import { presentUser } from './users.js';

/** Signing in and out, the session behind a cookie, and changing one's password. */

/** A session is marked used at most once a minute: one write per minute of activity, not per request. */
const TOUCH_EVERY_MS = 60_000;

const badCredentials = () =>
  new AppError('unauthenticated', { zh: '用户名或密码错误', en: 'Wrong username or password' }, [
    { field: 'credentials', code: 'auth.bad_credentials', message: { zh: '用户名或密码错误', en: 'Wrong username or password' } },
  ]);

/** 429 with Retry-After: the lock ends at `until`, or an administrator lifts it. */
export function accountLocked(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  const message = {
    zh: `登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试，或请管理员解锁`,
    en: `Too many failed sign-ins: the account is locked; try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask an administrator to unlock it`,
  };
  return new AppError('locked', { zh: '账号已锁定', en: 'Account locked' }, [{ field: 'credentials', code: 'account.locked', message, params: { locked_until: until.toISOString(), retry_after_seconds: seconds } }], message.en, {
    'retry-after': String(seconds),
  });
}

const accountDisabled = () =>
  new AppError('forbidden', { zh: '账号已停用', en: 'Account disabled' }, [
    { field: 'credentials', code: 'account.disabled', message: { zh: '账号已停用，请联系管理员', en: 'The account is disabled; contact an administrator' } },
  ]);

export interface SignedIn {
  /** The cookie's value: shown to the browser once, stored only as its hash. */
  secret: string;
  principal: Principal;
}

/**
 * Whom a sign-in names: an account, or a name no account has. Both are counted and locked out the
 * same way, with the same statements, so neither the replies nor their timing tell which
 * usernames exist.
 */
interface Claimant {
  user: q.UserRow | null;
  /** The lower-cased name, the key of a name no account has. */
  key: string;
  lockedUntil: Date | null;
}

async function claimantOf(ctx: AccountsContext, username: string): Promise<Claimant> {
  const user = (await q.findUserByUsername(ctx.db, username)) ?? null;
  const key = username.toLowerCase();
  const lockedUntil = user ? user.locked_until : ((await q.nameSignInState(ctx.db, key))?.locked_until ?? null);
  return { user, key, lockedUntil };
}

/** Verifies against the account's hash, or spends the same time on a dummy one. */
const passwordMatches = (user: q.UserRow | null, password: string) =>
  user?.password_hash ? verifyPassword(user.password_hash, password) : verifyNothing(password);

/**
 * Counts one failed attempt (a sign-in, or a wrong current password), with its audit entry, in one
 * transaction; returns when the lock ends if this attempt locked the account or name.
 */
async function countFailure(ctx: AccountsContext, who: Claimant, actor: AuditActor, action: 'sign_in_failed' | 'password_change_failed'): Promise<Date | null> {
  const now = ctx.clock.now();
  return write(ctx, actor, { action, entity: 'users' }, async ({ db: tx }) => {
    const current = who.user ? await q.findUserById(tx, who.user.id, true) : await q.nameSignInState(tx, who.key, true);
    const next = afterFailure((current?.recent_failures ?? []).map((t) => new Date(t)), now);
    const state = { recentFailures: next.recent, lockedUntil: next.lockedUntil };
    if (who.user) await q.setSignInState(tx, who.user.id, state);
    else await q.setNameSignInState(tx, who.key, state, now);
    // An unknown name is not written down: people type passwords into the username field.
    const after = { failures: next.recent.length, locked_until: next.lockedUntil ? iso(next.lockedUntil) : null };
    return { result: next.lockedUntil, recordId: who.user?.id ?? null, after };
  });
}

/**
 * Checks a username and password. A locked account or name is refused before its password is
 * even checked; five failures within fifteen minutes lock it, whether or not it is an account.
 */
export async function login(ctx: AccountsContext, input: { username: string; password: string; ip: string | null; userAgent: string | null }, actor: AuditActor): Promise<SignedIn> {
  const who = await claimantOf(ctx, input.username);
  const started = ctx.clock.now();
  if (isLocked(who.lockedUntil, started)) throw accountLocked(who.lockedUntil!, started);
  const user = who.user;
  if (!(await passwordMatches(user, input.password)) || !user) {
    const lockedUntil = await countFailure(ctx, who, actor, 'sign_in_failed');
    if (lockedUntil) throw accountLocked(lockedUntil, ctx.clock.now());
    throw badCredentials();
  }
  if (!user.active) throw accountDisabled();
  const now = ctx.clock.now();
  const secret = newSecret();
  const id = secretHash(secret);
  const self = { ...actor, userId: user.id, username: user.username, role: user.role, via: 'session' as const };
  await write(ctx, self, { action: 'sign_in', entity: 'users' }, async ({ db: tx }) => {
    await q.setSignInState(tx, user.id, { recentFailures: [], lockedUntil: null, lastLoginAt: now });
    await q.deleteStaleSessions(tx, new Date(now.getTime() - ctx.sessions.idleMs), new Date(now.getTime() - ctx.sessions.absoluteMs));
    await q.deleteStaleNameStates(tx, new Date(now.getTime() - lockoutPolicy.windowMs - lockoutPolicy.lockMs));
    await q.insertSession(tx, { id, userId: user.id, now, ip: input.ip, userAgent: input.userAgent?.slice(0, 500) ?? null });
    return { result: null, recordId: user.id };
  });
  return { secret, principal: principalOf(user, { credential: 'session', sessionId: id, session: { createdAt: now, lastSeenAt: now } }) };
}

export async function logout(ctx: AccountsContext, sessionId: string, actor: AuditActor): Promise<void> {
  await write(ctx, actor, { action: 'sign_out', entity: 'users' }, async ({ db: tx }) => {
    // A session already ended (signed out in another tab, expired) is no sign-out to record.
    const ended = await q.deleteSession(tx, sessionId);
    return { result: null, recordId: actor.userId, audited: ended && actor.userId !== null };
  });
  forgetCredentials(ctx.db);
}

/** The principal a user row stands for, through a session or a token. */
export function principalOf(user: q.UserRow, via: Partial<Principal> & Pick<Principal, 'credential'>): Principal {
  return {
    ...anonymousPrincipal,
    role: user.role as AccountRole,
    organizationIds: user.organization_ids,
    districts: user.districts,
    zones: user.zones,
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    ...via,
  };
}

export type Resolved = { ok: true; principal: Principal } | { ok: false; failure: AuthFailure };

/** What a live session stands for, kept between requests (credentialCache.ts). */
interface SessionHolder {
  session: q.SessionRow;
  user: q.UserRow;
}

/** The principal behind a session cookie, or why it no longer holds (idle, too old, account gone or disabled). */
export async function resolveSession(ctx: AccountsContext, secret: string): Promise<Resolved> {
  const id = secretHash(secret);
  const cache = credentialCacheFor<SessionHolder>(ctx.db, 'session');
  const stamp = await cache.stamp();
  const now = ctx.clock.now();
  const held = cache.get(id, stamp);
  // A session that has lapsed by the kept times may have been used through another server since: the table decides.
  if (held && sessionState(sessionTimes(held.session), now, ctx.sessions) === 'active') return admitSession(ctx, held, now);
  cache.delete(id);
  const session = await q.findSession(ctx.db, id);
  if (!session) return { ok: false, failure: 'session_expired' };
  const state = sessionState(sessionTimes(session), now, ctx.sessions);
  if (state !== 'active') {
    await q.deleteSession(ctx.db, id);
    return { ok: false, failure: state === 'idle' ? 'session_idle' : 'session_expired' };
  }
  const user = await q.findUserById(ctx.db, session.user_id);
  if (!user || !user.active) return { ok: false, failure: 'account_disabled' };
  const holder = { session, user };
  cache.put(id, holder, stamp);
  return admitSession(ctx, holder, now);
}

const sessionTimes = (session: q.SessionRow) => ({ createdAt: new Date(session.created_at), lastSeenAt: new Date(session.last_seen_at) });

/** Marks the session used (once a minute) and gives its principal. */
async function admitSession(ctx: AccountsContext, { session, user }: SessionHolder, now: Date): Promise<Resolved> {
  if (now.getTime() - new Date(session.last_seen_at).getTime() >= TOUCH_EVERY_MS) {
    await q.touchSession(ctx.db, session.id, now);
    session.last_seen_at = now;
  }
  return { ok: true, principal: principalOf(user, { credential: 'session', sessionId: session.id, session: sessionTimes(session) }) };
}

const sessionRequired = () =>
  new AppError('forbidden', { zh: '需要登录会话', en: 'A signed-in session is required' }, [
    { field: 'credentials', code: 'auth.session_required', message: { zh: '只能在登录会话中修改密码，API 令牌不能修改', en: 'A password is changed in a signed-in session, never with an API token' } },
  ]);

/**
 * Changes the caller's own password, in a session only (a leaked token must not take the
 * account): the current password is required, and a wrong one counts toward the lock-out like a
 * failed sign-in; the caller's other sessions end.
 */
export async function changePassword(ctx: AccountsContext, principal: Principal & { userId: number }, body: PasswordChangeBody, actor: AuditActor): Promise<void> {
  if (principal.credential !== 'session') throw sessionRequired();
  const user = await q.findUserById(ctx.db, principal.userId);
  if (!user) throw badCredentials();
  const started = ctx.clock.now();
  if (isLocked(user.locked_until, started)) throw accountLocked(user.locked_until!, started);
  const current = await passwordMatches(user, body.current_password);
  if (!current) {
    const lockedUntil = await countFailure(ctx, { user, key: user.username.toLowerCase(), lockedUntil: null }, actor, 'password_change_failed');
    if (lockedUntil) throw accountLocked(lockedUntil, ctx.clock.now());
  }
  const problems = current
    ? []
    : [{ field: 'current_password', code: 'password.wrong', message: { zh: '当前密码不正确', en: 'The current password is wrong' } }];
  for (const v of checkPassword(body.new_password, user.username))
    problems.push({ field: 'new_password', code: v.code, message: v.message, ...(v.params ? { params: v.params } : {}) });
  if (current && body.new_password === body.current_password)
    problems.push({ field: 'new_password', code: 'password.unchanged', message: { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' } });
  if (problems.length) throw validationFailed(problems);
  const hash = await hashPassword(body.new_password);
  const now = ctx.clock.now();
  await write(ctx, actor, { action: 'password_change', entity: 'users' }, async ({ db: tx }) => {
    await q.updateUser(tx, user.id, null, { password_hash: hash, demo_password: false, password_changed_at: now }, now);
    await q.deleteUserSessions(tx, user.id, principal.sessionId);
    return { result: null, recordId: user.id };
  });
  forgetCredentials(ctx.db);
}

/** What /auth/me answers: whom the request acts as and everything it may do. */
export async function describeCaller(ctx: AccountsContext, principal: Principal): Promise<Me> {
  const row = principal.userId === null ? undefined : await q.findUserById(ctx.db, principal.userId);
  const session = principal.session
    ? {
        expires_at: iso(sessionDeadline(principal.session, ctx.sessions)),
        absolute_expires_at: iso(new Date(principal.session.createdAt.getTime() + ctx.sessions.absoluteMs)),
      }
    : null;
  return {
    authenticated: principal.userId !== null,
    credential: principal.credential,
    role: principal.role,
    role_label: roleLabels[principal.role],
    user: row ? await presentUser(ctx.db, row) : null,
    permissions: effectivePermissions(principal),
    session,
    token: principal.token ? { id: principal.token.id, name: principal.token.name, expires_at: iso(principal.token.expiresAt), scopes: [...(principal.scopes ?? [])] as Permission[] } : null,
  };
}
