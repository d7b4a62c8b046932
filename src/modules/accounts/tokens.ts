import type { ApiToken, ApiTokenCreated, TokenCreate } from '../../contracts/accounts.js';
import type { FieldProblem } from '../../contracts/common.js';
import { parseLifetime } from '../../domain/accountSecurity.js';
import { grantableScopes, permissionCodes, permissionLabels, type Caller, type Permission } from '../../domain/permissions.js';
import type { AuditActor } from '../audit/trail.js';
import { notFound, validationFailed } from '../shared/errors.js';
import { iso } from '../shared/records.js';
import { write } from '../shared/write.js';
import type { AccountsContext } from './context.js';
import { credentialCacheFor, forgetCredentials } from './credentialCache.js';
import { newSecret, secretHash } from './passwords.js';
import * as q from './queries.js';
import { principalOf, type Resolved } from './sessions.js';

/**
 * API tokens (API 令牌) for machine clients: `Authorization: Bearer sc_…`. A token acts for its
 * owner within the scopes it was given (never more than the owner has now), until it expires or
 * is revoked. Only its SHA-256 is stored; the token itself is shown once, when created.
 */

const TOKEN = { zh: 'API 令牌', en: 'API token' };
const TOKEN_PREFIX = 'sc_';
/** Enough of the token to tell it apart in a list, far too little to guess the rest (256 random bits). */
const SHOWN_CHARACTERS = 10;

function present(row: q.TokenRow, now: Date): ApiToken {
  const status = row.revoked_at ? 'revoked' : new Date(row.expires_at).getTime() <= now.getTime() ? 'expired' : 'active';
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes.filter((s): s is Permission => (permissionCodes as readonly string[]).includes(s)),
    status,
    created_at: iso(row.created_at),
    expires_at: iso(row.expires_at),
    revoked_at: row.revoked_at ? iso(row.revoked_at) : null,
    last_used_at: row.last_used_at ? iso(row.last_used_at) : null,
  };
}

/** Makes a token for `owner`; its scopes must be among the owner's own permissions. */
export async function createToken(ctx: AccountsContext, owner: Caller & { userId: number }, input: TokenCreate, actor: AuditActor): Promise<ApiTokenCreated> {
  const problems: FieldProblem[] = [];
  const lifetime = parseLifetime(input.expires_in);
  if (lifetime === null)
    problems.push({
      field: 'expires_in',
      code: 'token.lifetime',
      message: { zh: '有效期应为数字加单位 m、h 或 d（分钟、小时、天），介于 1 分钟与 366 天之间，如 30d', en: 'A lifetime is a number and m, h or d (minutes, hours, days), from 1 minute to 366 days, e.g. 30d' },
      params: { value: input.expires_in },
    });
  const grantable = grantableScopes({ ...owner, scopes: null });
  input.scopes.forEach((scope, i) => {
    if (!grantable.includes(scope))
      problems.push({
        field: `scopes.${i}`,
        code: 'token.scope_not_held',
        message: { zh: `您没有可授予令牌的权限“${permissionLabels[scope].zh}”`, en: `You cannot give a token "${permissionLabels[scope].en}"` },
        params: { scope },
      });
  });
  if (problems.length) throw validationFailed(problems);
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  const now = ctx.clock.now();
  const created = await write(ctx, actor, { action: 'create', entity: 'api_tokens' }, async ({ db }) => {
    const row = await q.insertToken(db, {
      userId: owner.userId,
      name: input.name,
      hash: secretHash(secret),
      prefix: secret.slice(0, SHOWN_CHARACTERS),
      scopes: [...new Set(input.scopes)],
      now,
      expiresAt: new Date(now.getTime() + lifetime!),
    });
    const shown = present(row, now);
    return { result: shown, recordId: row.id, after: shown };
  });
  return { ...created, token: secret };
}

export async function listTokens(ctx: AccountsContext, userId: number): Promise<ApiToken[]> {
  const now = ctx.clock.now();
  return (await q.listTokens(ctx.db, userId)).map((r) => present(r, now));
}

/** Revokes one of the caller's tokens; another user's token is "not found" (its existence is not told). */
export async function revokeToken(ctx: AccountsContext, userId: number, id: number, actor: AuditActor): Promise<ApiToken> {
  const now = ctx.clock.now();
  const revoked = await write(ctx, actor, { action: 'revoke', entity: 'api_tokens' }, async ({ db }) => {
    const row = await q.revokeToken(db, userId, id, now);
    if (!row) throw notFound(TOKEN, id);
    const revoked = present(row, now);
    return { result: revoked, recordId: id, after: revoked };
  });
  forgetCredentials(ctx.db);
  return revoked;
}

/** What a token that lets its caller in stands for, kept between requests (credentialCache.ts). */
interface TokenHolder {
  token: q.TokenRow;
  user: q.UserRow;
}

/** The principal behind a bearer token, or why it is refused. */
export async function resolveToken(ctx: AccountsContext, secret: string): Promise<Resolved> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return { ok: false, failure: 'token_invalid' };
  const hash = secretHash(secret);
  const cache = credentialCacheFor<TokenHolder>(ctx.db, 'token');
  const stamp = await cache.stamp();
  let held = cache.get(hash, stamp);
  if (!held) {
    const token = await q.findTokenByHash(ctx.db, hash);
    if (!token) return { ok: false, failure: 'token_invalid' };
    if (token.revoked_at) return { ok: false, failure: 'token_revoked' };
    const user = await q.findUserById(ctx.db, token.user_id);
    if (!user || !user.active) return { ok: false, failure: 'account_disabled' };
    held = { token, user };
    cache.put(hash, held, stamp);
  }
  const { token, user } = held;
  const now = ctx.clock.now();
  if (new Date(token.expires_at).getTime() <= now.getTime()) return { ok: false, failure: 'token_expired' };
  if (!token.last_used_at || now.getTime() - new Date(token.last_used_at).getTime() >= 60_000) {
    await q.touchToken(ctx.db, token.id, now);
    token.last_used_at = now;
  }
  return {
    ok: true,
    principal: principalOf(user, {
      credential: 'token',
      scopes: token.scopes.filter((s): s is Permission => (permissionCodes as readonly string[]).includes(s)),
      token: { id: token.id, name: token.name, expiresAt: new Date(token.expires_at) },
    }),
  };
}
