import { describe, expect, it } from 'vitest';
import type { Me } from '../../../src/contracts/accounts';
import { anonymousCaller, effectivePermissions } from '../../../src/domain/permissions';
import { canDo, resourceAccess, safeNext, signInPath } from './access';

const me = (permissions: Me['permissions'], user: Partial<NonNullable<Me['user']>> = {}): Me =>
  ({
    authenticated: true,
    credential: 'session',
    role: 'officer',
    role_label: { zh: '', en: '' },
    user: { organizations: [], districts: [], zones: [], ...user } as unknown as NonNullable<Me['user']>,
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

  it('shows a zone officer the records in its zones, whatever their district, no others', () => {
    const o = me({ 'organizations.update': 'area', 'rd_institutions.write': 'area' }, { zones: ['changsha_hitech_zone'] });
    const organization = resourceAccess['/organizations']!.scope;
    expect(canDo(o, 'organizations.update', organization({ id: 1, district_code: '430104', zone: 'changsha_hitech_zone' }))).toBe(true);
    expect(canDo(o, 'organizations.update', organization({ id: 1, district_code: '430104', zone: null }))).toBe(false);
    const institution = resourceAccess['/rd-institutions']!.scope;
    expect(canDo(o, 'rd_institutions.write', institution({ host_org_id: 1, district_code: '430102', zone: 'changsha_hitech_zone' }))).toBe(true);
    expect(canDo(o, 'rd_institutions.write', institution({ host_org_id: 1, district_code: '430102', zone: 'xiangjiang_new_area' }))).toBe(false);
    const qualification = resourceAccess['/qualifications']!.scope;
    const zoned = me({ 'qualifications.write': 'area' }, { zones: ['changsha_hitech_zone'] });
    expect(canDo(zoned, 'qualifications.write', qualification({ organization_id: 1, organization_district_code: '430102', organization_zone: 'changsha_hitech_zone' }))).toBe(true);
    expect(canDo(zoned, 'qualifications.write', qualification({ organization_id: 1, organization_district_code: '430102', organization_zone: null }))).toBe(false);
  });

  it('shows an officer of districts and zones the records in either', () => {
    const o = me({ 'platforms.write': 'area' }, { districts: ['430104'], zones: ['changsha_hitech_zone'] });
    const platform = resourceAccess['/platforms']!.scope;
    expect(canDo(o, 'platforms.write', platform({ host_org_id: 1, district_code: '430104', zone: null }))).toBe(true);
    expect(canDo(o, 'platforms.write', platform({ host_org_id: 1, district_code: '430102', zone: 'changsha_hitech_zone' }))).toBe(true);
    expect(canDo(o, 'platforms.write', platform({ host_org_id: 1, district_code: '430102', zone: null }))).toBe(false);
  });

  it('leaves a record whose district and zone are both unknown to the server, and judges by the one known', () => {
    const o = me({ 'targets.write': 'area' }, { zones: ['changsha_hitech_zone'] });
    expect(canDo(o, 'targets.write', { organizationId: null, districtCode: undefined, zone: undefined })).toBe(true);
    expect(canDo(o, 'targets.write', { organizationId: null, districtCode: undefined, zone: 'changsha_hitech_zone' })).toBe(true);
    // A city target: a zone officer is not city-wide.
    expect(canDo(o, 'targets.write', { organizationId: null, districtCode: null })).toBe(false);
    expect(canDo(me({ 'targets.write': 'area' }), 'targets.write', { organizationId: null, districtCode: null })).toBe(true);
  });
});

describe('safeNext', () => {
  it('keeps paths of this site, nothing else', () => {
    expect(safeNext('/organizations?page=2')).toBe('/organizations?page=2');
    for (const bad of [null, '', 'https://evil.example', '//evil.example', '/login']) expect(safeNext(bad)).toBe('/');
  });
});

describe('a visitor (issue 16: the registry is for accounts)', () => {
  const visitor = { ...me(effectivePermissions(anonymousCaller)), authenticated: false, credential: 'anonymous', role: 'public', user: null } as Me;

  it('may not read the registry, the dashboard or the indicators; any account may', () => {
    expect(canDo(visitor, 'registry.read')).toBe(false);
    expect(canDo(me({ 'registry.read': 'all' }), 'registry.read')).toBe(true);
  });

  it('is sent to sign in and brought back to the page it asked for, query and all', () => {
    const path = signInPath('/organizations?filter=district_code:430104&page=2');
    expect(path).toBe('/login?next=%2Forganizations%3Ffilter%3Ddistrict_code%3A430104%26page%3D2');
    expect(safeNext(new URLSearchParams(path.split('?')[1]).get('next'))).toBe('/organizations?filter=district_code:430104&page=2');
  });
});
