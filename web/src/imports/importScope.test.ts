import { describe, expect, it } from 'vitest';
import type { Me } from '../../../src/contracts/accounts';
import { citywide } from '../../../src/domain/permissions';
import { canDo } from '../auth/access';
import { areaPhrase, importArea } from './importScope';

const me = (permissions: Me['permissions'], districts: string[] = [], zones: string[] = []): Me =>
  ({
    authenticated: true,
    credential: 'session',
    role: 'officer',
    role_label: { zh: '', en: '' },
    user: { organizations: [], districts, zones } as unknown as NonNullable<Me['user']>,
    permissions,
    session: null,
    token: null,
  }) as Me;

const names: Record<string, { zh: string; en: string }> = {
  '430104': { zh: '岳麓区', en: 'Yuelu District' },
  '430102': { zh: '芙蓉区', en: 'Furong District' },
  changsha_hitech_zone: { zh: '长沙高新区', en: 'Changsha High-tech Zone' },
};
const label = (side: 'zh' | 'en') => (_list: string, code: string | null | undefined) => names[code ?? '']?.[side] ?? String(code);

describe('importArea', () => {
  it('limits an officer’s imports to its districts and zones, who may import all the same', () => {
    const officer = me({ 'imports.write': 'area' }, ['430104'], ['changsha_hitech_zone']);
    expect(importArea(officer)).toEqual({ districts: ['430104'], zones: ['changsha_hitech_zone'] });
    expect(canDo(officer, 'imports.write')).toBe(true);
    expect(importArea(me({ 'imports.write': 'area' }, [], ['changsha_hitech_zone']))).toEqual({ districts: [], zones: ['changsha_hitech_zone'] });
  });

  it('leaves a city-wide officer, an administrator and anyone without the permission unlimited', () => {
    const unlimited = [me({ 'imports.write': 'area' }), me({ 'imports.write': 'all' }, ['430104'], ['changsha_hitech_zone']), me({ 'registry.read': 'all' }, ['430104']), undefined];
    for (const caller of unlimited) {
      expect(importArea(caller)).toEqual({ districts: [], zones: [] });
      expect(citywide(importArea(caller))).toBe(true);
    }
  });
});

describe('areaPhrase', () => {
  it('names districts then zones as the server’s messages do', () => {
    const area = { districts: ['430104', '430102'], zones: ['changsha_hitech_zone'] };
    expect(areaPhrase(area, label('zh'), 'zh')).toBe('岳麓区、芙蓉区、长沙高新区');
    expect(areaPhrase(area, label('en'), 'en')).toBe('Yuelu District, Furong District, Changsha High-tech Zone');
    expect(areaPhrase({ districts: [], zones: ['changsha_hitech_zone'] }, label('zh'), 'zh')).toBe('长沙高新区');
  });
});
