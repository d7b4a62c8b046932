import { describe, expect, it } from 'vitest';
import type { Me } from '../../../src/contracts/accounts';
import { canDo } from '../auth/access';
import { districtPhrase, importDistricts } from './importScope';

const me = (permissions: Me['permissions'], districts: string[] = []): Me =>
  ({
    authenticated: true,
    credential: 'session',
    role: 'officer',
    role_label: { zh: '', en: '' },
    user: { organizations: [], districts } as unknown as NonNullable<Me['user']>,
    permissions,
    session: null,
    token: null,
  }) as Me;

describe('importDistricts', () => {
  it('limits a district officer’s imports to its districts, who may import all the same', () => {
    const officer = me({ 'imports.write': 'area' }, ['430104']);
    expect(importDistricts(officer)).toEqual(['430104']);
    expect(canDo(officer, 'imports.write')).toBe(true);
  });

  it('leaves a city-wide officer, an administrator and anyone without the permission unlimited', () => {
    expect(importDistricts(me({ 'imports.write': 'area' }))).toEqual([]);
    expect(importDistricts(me({ 'imports.write': 'all' }, ['430104']))).toEqual([]);
    expect(importDistricts(me({ 'registry.read': 'all' }, ['430104']))).toEqual([]);
    expect(importDistricts(undefined)).toEqual([]);
  });
});

describe('districtPhrase', () => {
  it('joins names as the server’s messages do', () => {
    expect(districtPhrase(['岳麓区', '芙蓉区'], 'zh')).toBe('岳麓区、芙蓉区');
    expect(districtPhrase(['Yuelu District', 'Furong District'], 'en')).toBe('Yuelu District, Furong District');
  });
});
