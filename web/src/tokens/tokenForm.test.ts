import { describe, expect, it } from 'vitest';
import type { Me } from '../../../src/contracts/accounts';
import { accountRoles, grantableScopes } from '../../../src/domain/permissions';
import { callerOf, newTokenValues, scopeOptions, tokenCreateBody } from './tokenForm';

const me = (role: Me['role'], user: Partial<NonNullable<Me['user']>> | null = {}): Me =>
  ({
    authenticated: user !== null,
    credential: user ? 'session' : 'anonymous',
    role,
    role_label: { zh: '', en: '' },
    user: user ? ({ organizations: [], districts: [], zones: [], ...user } as unknown as NonNullable<Me['user']>) : null,
    permissions: {},
    session: null,
    token: null,
  }) as Me;

describe('scopeOptions', () => {
  it('offers an officer its own permissions, never tokens.manage or public reads', () => {
    const values = scopeOptions(me('officer', { districts: ['430104'] }), 'zh').map((o) => o.value);
    expect(values).toContain('imports.write');
    expect(values).toContain('organizations.create');
    expect(values).not.toContain('tokens.manage');
    expect(values).not.toContain('registry.read');
    expect(values).not.toContain('users.manage');
  });

  it('offers an administrator user management and the audit log', () => {
    const values = scopeOptions(me('admin'), 'en').map((o) => o.value);
    expect(values).toEqual(expect.arrayContaining(['users.manage', 'audit.read']));
  });

  it('offers every role exactly what the shared table lets it give', () => {
    for (const role of accountRoles) {
      const values = scopeOptions(me(role), 'zh').map((o) => o.value);
      expect(values, role).toEqual(grantableScopes(callerOf(me(role))));
      expect(values, role).not.toContain('tokens.manage');
    }
  });

  it('labels scopes in the UI language, and offers nothing without a signed-in user', () => {
    expect(scopeOptions(me('org_user', { organizations: [{ id: 3, name: 'x' }] }), 'en').find((o) => o.value === 'qualifications.write')?.label).toBe('Create, change and delete qualifications');
    expect(scopeOptions(undefined, 'zh')).toEqual([]);
    expect(scopeOptions(me('public', null), 'zh')).toEqual([]);
  });
});

describe('callerOf', () => {
  it('reads the bindings from /auth/me, as a session', () => {
    expect(callerOf(me('org_user', { organizations: [{ id: 3, name: 'x' }] }))).toEqual({ role: 'org_user', organizationIds: [3], districts: [], zones: [], scopes: null });
    expect(callerOf(me('officer', { districts: ['430104'], zones: ['changsha_hitech_zone'] }))).toEqual({ role: 'officer', organizationIds: [], districts: ['430104'], zones: ['changsha_hitech_zone'], scopes: null });
  });
});

describe('tokenCreateBody', () => {
  it('trims the name and defaults to 30 days', () => {
    expect(tokenCreateBody({ ...newTokenValues(), name: ' nightly import ', scopes: ['imports.write'] })).toEqual({ name: 'nightly import', scopes: ['imports.write'], expires_in: '30d' });
  });
});
