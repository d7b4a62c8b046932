import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  accountRoles,
  anonymousCaller,
  can,
  effectivePermissions,
  grantableScopes,
  permissionCodes,
  permissionLabels,
  reachOf,
  refusal,
  rolePermissions,
  type Caller,
  type Role,
} from './permissions.js';

const caller = (role: Role, more: Partial<Caller> = {}): Caller => ({ ...anonymousCaller, role, ...more });
const YUELU = { organizationId: 7, districtCode: '430104', zone: null };
const FURONG = { organizationId: 8, districtCode: '430102', zone: null };
/** In Yuelu district and in the high-tech zone, which crosses district lines. */
const YUELU_HITECH = { organizationId: 9, districtCode: '430104', zone: 'changsha_hitech_zone' };
const KAIFU_HITECH = { organizationId: 10, districtCode: '430105', zone: 'changsha_hitech_zone' };
const CITY = { organizationId: null, districtCode: null, zone: null };

describe('the role → permission table', () => {
  it('gives the public nothing, and every account the registry to read', () => {
    expect(rolePermissions.public).toEqual({});
    expect(effectivePermissions(anonymousCaller)).toEqual({});
    for (const role of accountRoles) expect(rolePermissions[role]['registry.read']).toBe('all');
  });

  it('gives the administrator every permission, everywhere', () => {
    expect(effectivePermissions(caller('admin'))).toEqual(Object.fromEntries(permissionCodes.map((p) => [p, 'all'])));
  });

  it('lets only administrators manage users, and only officers and administrators import and set figures', () => {
    for (const role of ['officer', 'expert', 'org_user', 'public'] as const) expect(can(caller(role), 'users.manage'), role).toBe(false);
    for (const p of ['imports.read', 'imports.write', 'official_values.write', 'targets.write'] as const) {
      expect(can(caller('officer'), p), p).toBe(true);
      expect(can(caller('expert'), p), p).toBe(false);
      expect(can(caller('org_user', { organizationIds: [7] }), p), p).toBe(false);
    }
  });

  it('has a label in both languages for every permission and role', () => {
    for (const p of permissionCodes) expect(permissionLabels[p].zh && permissionLabels[p].en, p).toBeTruthy();
  });

  it('is what docs/security.md shows', () => {
    const doc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');
    const start = doc.indexOf('<!-- permissions:start -->');
    const end = doc.indexOf('<!-- permissions:end -->');
    expect(start, 'docs/security.md has the permissions markers').toBeGreaterThan(-1);
    const roles: Role[] = ['public', 'expert', 'org_user', 'officer', 'admin'];
    const LABEL = { all: '✓', area: 'its area', own: 'its organizations' } as const;
    const cell = (r: Role, p: (typeof permissionCodes)[number]) => {
      const reach = rolePermissions[r][p];
      return reach ? LABEL[reach] : '—';
    };
    const table = [
      `| permission | ${roles.join(' | ')} |`,
      `|---|${roles.map(() => '---').join('|')}|`,
      ...permissionCodes.map((p) => `| \`${p}\` ${permissionLabels[p].en} | ${roles.map((r) => cell(r, p)).join(' | ')} |`),
    ].join('\n');
    expect(doc.slice(start + '<!-- permissions:start -->'.length, end).trim()).toBe(table);
  });
});

describe('record-level checks', () => {
  it('an organization user reaches its own organizations only', () => {
    const u = caller('org_user', { organizationIds: [7] });
    expect(refusal(u, 'qualifications.write', YUELU)).toBeNull();
    expect(refusal(u, 'qualifications.write', FURONG)).toBe('organization');
    expect(refusal(u, 'organizations.create')).toBe('role');
    expect(refusal(u, 'qualifications.write', CITY)).toBe('organization');
  });

  it('a district officer reaches its districts; one without districts the whole city', () => {
    const district = caller('officer', { districts: ['430104'] });
    expect(refusal(district, 'platforms.write', YUELU)).toBeNull();
    expect(refusal(district, 'platforms.write', FURONG)).toBe('area');
    expect(refusal(district, 'imports.write', CITY)).toBe('area');
    expect(refusal(district, 'platforms.write', KAIFU_HITECH)).toBe('area');
    const city = caller('officer');
    for (const scope of [YUELU, FURONG, CITY, KAIFU_HITECH]) expect(refusal(city, 'platforms.write', scope)).toBeNull();
  });

  it('a zone officer reaches its zone across district lines, and nothing else', () => {
    const zone = caller('officer', { zones: ['changsha_hitech_zone'] });
    for (const scope of [YUELU_HITECH, KAIFU_HITECH]) expect(refusal(zone, 'organizations.update', scope)).toBeNull();
    expect(refusal(zone, 'organizations.update', YUELU)).toBe('area');
    expect(refusal(zone, 'targets.write', CITY)).toBe('area');
  });

  it('an officer with districts and zones reaches a record in either', () => {
    const both = caller('officer', { districts: ['430102'], zones: ['changsha_hitech_zone'] });
    for (const scope of [FURONG, YUELU_HITECH, KAIFU_HITECH]) expect(refusal(both, 'platforms.write', scope)).toBeNull();
    expect(refusal(both, 'platforms.write', YUELU)).toBe('area');
  });

  it('anonymous callers are unauthenticated, signed-in callers without the permission are refused by role', () => {
    expect(refusal(anonymousCaller, 'organizations.create')).toBe('unauthenticated');
    expect(refusal(caller('expert'), 'organizations.create')).toBe('role');
    expect(refusal(anonymousCaller, 'registry.read')).toBe('unauthenticated');
    for (const role of accountRoles) expect(refusal(caller(role), 'registry.read'), role).toBeNull();
  });
});

describe('token scopes', () => {
  it('limit a token to its scopes, reading the registry always included', () => {
    const token = caller('officer', { scopes: ['organizations.create'] });
    expect(reachOf(token, 'organizations.create')).toBe('area');
    expect(reachOf(token, 'organizations.update')).toBeNull();
    expect(reachOf(token, 'registry.read')).toBe('all');
    expect(reachOf(caller('expert', { scopes: [] }), 'registry.read')).toBe('all');
  });

  it('never exceed the owner: a scope the role lacks gives nothing', () => {
    expect(reachOf(caller('expert', { scopes: ['users.manage'] }), 'users.manage')).toBeNull();
  });

  it('may be any of the owner’s permissions except token management and reading the registry, which every token has', () => {
    expect(grantableScopes(caller('expert'))).toEqual(['reviews.write']);
    expect(grantableScopes(caller('org_user'))).toEqual(['organizations.update', 'qualifications.write', 'rd_institutions.write', 'platforms.write', 'tech_contracts.read', 'tech_contracts.write', 'ip_loans.read', 'talent.read', 'talent.write', 'achievements.read', 'achievements.write', 'applications.write', 'tech_sme_evaluations.read', 'tech_sme_evaluations.write']);
    expect(grantableScopes(caller('admin'))).not.toContain('tokens.manage');
    expect(grantableScopes(caller('admin'))).not.toContain('registry.read');
    expect(grantableScopes(caller('admin'))).toContain('users.manage');
  });
});
