import { describe, expect, it } from 'vitest';
import type { User } from '../../../src/contracts/accounts';
import { newUserValues, userCreateBody, userPatchBody, userValues, type UserFormValues } from './userForm';

const officer: User = {
  id: 4,
  username: 'yuelu',
  display_name: '岳麓区科技局',
  role: 'officer',
  role_label: { zh: '科技局审核员', en: 'Bureau officer' },
  active: true,
  districts: ['430104'],
  zones: [],
  organizations: [],
  locked_until: null,
  last_login_at: null,
  password_changed_at: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  version: 3,
};

const values = (patch: Partial<UserFormValues>): UserFormValues => ({ ...userValues(officer), ...patch });

describe('userCreateBody', () => {
  it('sends an officer’s area (districts and zones) and no organizations', () => {
    expect(
      userCreateBody({ ...newUserValues(), username: ' yuelu ', role: 'officer', password: 'pw', districts: ['430104'], zones: ['changsha_hitech_zone'], organization_ids: [9] }),
    ).toEqual({
      username: 'yuelu',
      role: 'officer',
      password: 'pw',
      active: true,
      display_name: null,
      districts: ['430104'],
      zones: ['changsha_hitech_zone'],
    });
  });

  it('sends an organization user’s organizations and no area', () => {
    const body = userCreateBody({ ...newUserValues(), username: 'hnu', display_name: '湖南大学', role: 'org_user', password: 'pw', districts: ['430104'], zones: ['changsha_hitech_zone'], organization_ids: [9, 12] });
    expect(body).toMatchObject({ display_name: '湖南大学', organization_ids: [9, 12] });
    expect(body).not.toHaveProperty('districts');
    expect(body).not.toHaveProperty('zones');
  });

  it('starts a new account as an active expert', () => {
    expect(newUserValues()).toMatchObject({ role: 'expert', active: true, districts: [], zones: [], organization_ids: [] });
  });
});

describe('userPatchBody', () => {
  it('is empty when nothing changed', () => {
    expect(userPatchBody(officer, userValues(officer))).toEqual({});
  });

  it('sends only what changed, districts in any order being the same', () => {
    expect(userPatchBody({ ...officer, districts: ['430104', '430102'] }, values({ districts: ['430102', '430104'], display_name: '' }))).toEqual({ display_name: null });
    expect(userPatchBody(officer, values({ districts: ['430102'], active: false }))).toEqual({ districts: ['430102'], active: false });
  });

  it('sends the zones when they changed, in any order being the same', () => {
    const zoned = { ...officer, zones: ['changsha_hitech_zone', 'xiangjiang_new_area'] };
    expect(userPatchBody(zoned, { ...userValues(zoned), zones: ['xiangjiang_new_area', 'changsha_hitech_zone'] })).toEqual({});
    expect(userPatchBody(officer, values({ zones: ['changsha_hitech_zone'] }))).toEqual({ zones: ['changsha_hitech_zone'] });
    expect(userPatchBody(zoned, { ...userValues(zoned), zones: [] })).toEqual({ zones: [] });
  });

  it('changes the role without sending bindings the new role cannot have', () => {
    expect(userPatchBody(officer, values({ role: 'admin' }))).toEqual({ role: 'admin' });
    expect(userPatchBody(officer, values({ role: 'admin', zones: ['changsha_hitech_zone'] }))).toEqual({ role: 'admin' });
    expect(userPatchBody(officer, values({ role: 'org_user', organization_ids: [7] }))).toEqual({ role: 'org_user', organization_ids: [7] });
  });

  it('sends a new password only when one was typed', () => {
    expect(userPatchBody(officer, values({ password: 'New-Password-2026' }))).toEqual({ password: 'New-Password-2026' });
  });
});
