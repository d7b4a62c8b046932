import { anonymousCaller, reachOf, refusal, type Caller, type Permission, type RecordScope } from '../../domain/permissions.js';
import { forbidden, unauthenticated, type AuthFailure } from './accessErrors.js';

/**
 * Who may call a route: anyone, anyone signed in, holders of one permission, or holders whose
 * grant reaches the whole city (a city figure or a cascaded target touches every district: a district officer may not).
 */
export type Access = 'public' | 'signed_in' | Permission | { permission: Permission; cityWide: true };

/** Where a city-wide action lies: no organization, no single district or zone. */
export const CITY_WIDE: RecordScope = { organizationId: null, districtCode: null, zone: null };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

/**
 * Who a request acts as: anonymous, an account signed in with a session cookie, or an account
 * through one of its API tokens (then limited to the token's scopes). The HTTP edge finds it
 * (src/http/auth.ts); routes hand it to `authorize`.
 */
export interface Principal extends Caller {
  credential: 'anonymous' | 'session' | 'token';
  userId: number | null;
  username: string | null;
  displayName: string | null;
  /** The session's id (the SHA-256 of its cookie), when signed in with one. */
  sessionId: string | null;
  session: { createdAt: Date; lastSeenAt: Date } | null;
  token: { id: number; name: string; expiresAt: Date } | null;
  /** Why credentials that came with the request were not accepted (a stale session cookie, say). */
  failure: AuthFailure | null;
}

export const anonymousPrincipal: Principal = {
  ...anonymousCaller,
  credential: 'anonymous',
  userId: null,
  username: null,
  displayName: null,
  sessionId: null,
  session: null,
  token: null,
  failure: null,
};

/**
 * Throws 401 (no identity) or 403 (the role, the token's scopes, or the record's organization or
 * district) unless the principal may do `permission` on a record in `scope`.
 */
export function authorize(principal: Principal, permission: Permission, scope?: RecordScope): void {
  const why = refusal(principal, permission, scope);
  if (why === null) return;
  if (why === 'unauthenticated') throw unauthenticated(principal.failure ?? 'required');
  throw forbidden(principal, permission, why);
}

/** Throws 401 unless someone is signed in (any role). */
export function requireSignedIn(principal: Principal): asserts principal is Principal & { userId: number; username: string } {
  if (principal.userId === null) throw unauthenticated(principal.failure ?? 'required');
}

/** Whether a permission reaches only some records for this principal, so the record must be looked at (an administrator's reach is everything). */
export const limitedReach = (principal: Principal, permission: Permission): boolean => reachOf(principal, permission) !== 'all';
