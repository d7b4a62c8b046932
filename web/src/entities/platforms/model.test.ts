import { describe, expect, it } from 'vitest';
import { platformCreate, platformPatch, platformValues } from './model';

describe('platform form model', () => {
  it('starts a new platform as active', () => {
    expect(platformValues().status).toBe('active');
  });

  it('sends a complete create body with blanks as null', () => {
    const v = { ...platformValues(), host_org_id: 7, name: '湖南省某实验室', type: 'provincial_lab' as const, level: 'provincial' as const, district_code: '430104' };
    expect(platformCreate(v)).toEqual({
      host_org_id: 7,
      name: '湖南省某实验室',
      name_en: null,
      type: 'provincial_lab',
      level: 'provincial',
      recognized_on: null,
      authority: null,
      status: 'active',
      district_code: '430104',
      zone: null,
    });
  });

  it('leaves unchosen required selects out of a create', () => {
    expect(Object.keys(platformCreate(platformValues()))).not.toContain('type');
  });

  it('patches only what changed', () => {
    const before = { ...platformValues(), host_org_id: 7, name: 'x' };
    expect(platformPatch(before, { ...before, status: 'revoked', authority: '湖南省科技厅' })).toEqual({ status: 'revoked', authority: '湖南省科技厅' });
  });
});
