import { describe, expect, it } from 'vitest';
import type { Me } from '../../../src/contracts/accounts';
import { canDo, resourceAccess, safeNext } from './access';

const me = (permissions: Me['permissions'], user: Partial<NonNullable<Me['user']>> = {}): Me =>
  ({
    authenticated: true,
    credential: 'session',
    role: 'officer',
    role_label: { zh: '', en: '' },
    user: { organizations: [], districts: [], ...user } as unknown as NonNullable<Me['user']>,
    permissions,
    session: null,
    token: null,
  }) as Me;

describe('canDo', () => {
  it('hides everything without /auth/me, and what the caller lacks', () => {
    expect(canDo(undefined, 'organizations.create')).toBe(false);
    expect(canDo(me({ 'registry.read': 'all' }), 'organizations.create')).toBe(false);
    expect(canDo(me({ 'organizations.create': 'all' }), 'organizations.create')).toBe(true);
  });

  it('shows an org user the edit of its own organizations’ records only', () => {
    const u = me({ 'qualifications.write': 'own' }, { organizations: [{ id: 7, name: 'x' }] });
    const scope = resourceAccess['/qualifications']!.scope;
    expect(canDo(u, 'qualifications.write', scope({ organization_id: 7 }))).toBe(true);
    expect(canDo(u, 'qualifications.write', scope({ organization_id: 8 }))).toBe(false);
  });

  it('shows a district officer its districts’ records (a qualification where its holder is), no others', () => {
    const o = me({ 'platforms.write': 'area', 'qualifications.write': 'area' }, { districts: ['430104'] });
    const platform = resourceAccess['/platforms']!.scope;
    expect(canDo(o, 'platforms.write', platform({ host_org_id: 1, district_code: '430104' }))).toBe(true);
    expect(canDo(o, 'platforms.write', platform({ host_org_id: 1, district_code: '430102' }))).toBe(false);
    const qualification = resourceAccess['/qualifications']!.scope;
    expect(canDo(o, 'qualifications.write', qualification({ organization_id: 1, organization_district_code: '430104' }))).toBe(true);
    expect(canDo(o, 'qualifications.write', qualification({ organization_id: 1, organization_district_code: '430102' }))).toBe(false);
  });
});

describe('safeNext', () => {
  it('keeps paths of this site, nothing else', () => {
    expect(safeNext('/organizations?page=2')).toBe('/organizations?page=2');
    for (const bad of [null, '', 'https://evil.example', '//evil.example', '/login']) expect(safeNext(bad)).toBe('/');
  });
});
