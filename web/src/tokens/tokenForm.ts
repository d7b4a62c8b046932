import type { ApiToken, Me, TokenCreate } from '../../../src/contracts/accounts';
import { grantableScopes, permissionLabels, type Caller, type Permission } from '../../../src/domain/permissions';

/** The new-token dialog's choices and body; pure, so which scopes are offered is tested. */

/** Lifetimes offered, shortest first (the server takes 1 minute to 366 days). */
export const TOKEN_LIFETIMES = ['1d', '7d', '30d', '90d', '180d', '366d'] as const;
export type TokenLifetime = (typeof TOKEN_LIFETIMES)[number];
export const DEFAULT_LIFETIME: TokenLifetime = '30d';

export interface TokenFormValues {
  name: string;
  scopes: Permission[];
  expires_in: TokenLifetime;
}

export const TOKEN_FIELDS = ['name', 'scopes', 'expires_in'] as const;
/** `scopes.2` (a scope the caller cannot give) shows on the scopes field. */
export const TOKEN_LIST_FIELDS = ['scopes'] as const;

export const newTokenValues = (): TokenFormValues => ({ name: '', scopes: [], expires_in: DEFAULT_LIFETIME });

/** The caller as the permission table knows it, from /auth/me (a session: everything the role has). */
export function callerOf(me: Me): Caller {
  return {
    role: me.role,
    organizationIds: me.user?.organizations.map((o) => o.id) ?? [],
    districts: me.user?.districts ?? [],
    zones: me.user?.zones ?? [],
    scopes: null,
  };
}

/** The scopes a token of this caller may carry, labelled; none before /auth/me answers. */
export function scopeOptions(me: Me | undefined, side: 'zh' | 'en'): Array<{ value: Permission; label: string }> {
  if (!me?.user) return [];
  return grantableScopes(callerOf(me)).map((p) => ({ value: p, label: permissionLabels[p][side] }));
}

export function tokenCreateBody(v: TokenFormValues): TokenCreate {
  return { name: v.name.trim(), scopes: [...v.scopes], expires_in: v.expires_in };
}

/** antd Tag colours of a token's status: only an active token still works. */
export const TOKEN_STATUS_COLORS: Record<ApiToken['status'], string> = { active: 'success', expired: 'default', revoked: 'error' };
