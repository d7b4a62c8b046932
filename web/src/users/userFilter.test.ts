import { describe, expect, it } from 'vitest';
import type { User } from '../../../src/contracts/accounts';
import { compareUsers, emptyUserFilter, filterUsers, isLocked } from './userFilter';

const NOW = Date.parse('2026-01-05T10:00:00Z');

const user = (patch: Partial<User>): User => ({
  id: 1,
  username: 'u',
  display_name: null,
  role: 'officer',
  role_label: { zh: '', en: '' },
  active: true,
  districts: [],
  zones: [],
  organizations: [],
  locked_until: null,
  last_login_at: null,
  password_changed_at: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  version: 1,
  ...patch,
});

const users = [
  user({ id: 1, username: 'admin', role: 'admin', last_login_at: '2026-01-04T08:00:00.000Z' }),
  user({ id: 2, username: 'yuelu', display_name: '岳麓区科技局', locked_until: '2026-01-05T10:10:00.000Z' }),
  user({ id: 3, username: 'Expert.Li', role: 'expert', active: false, locked_until: '2026-01-05T09:00:00.000Z' }),
];

describe('isLocked', () => {
  it('is true only while the lock has not run out', () => {
    expect(isLocked(users[1]!, NOW)).toBe(true);
    expect(isLocked(users[2]!, NOW)).toBe(false);
    expect(isLocked(users[0]!, NOW)).toBe(false);
  });
});

describe('filterUsers', () => {
  const ids = (filter: Partial<ReturnType<typeof emptyUserFilter>>) => filterUsers(users, { ...emptyUserFilter(), ...filter }, NOW).map((u) => u.id);

  it('keeps everyone without a filter', () => {
    expect(ids({})).toEqual([1, 2, 3]);
  });

  it('searches username and display name, whatever the case', () => {
    expect(ids({ search: 'expert' })).toEqual([3]);
    expect(ids({ search: '岳麓' })).toEqual([2]);
    expect(ids({ search: '  ADM ' })).toEqual([1]);
  });

  it('filters by role, active and locked, together', () => {
    expect(ids({ role: 'officer' })).toEqual([2]);
    expect(ids({ active: false })).toEqual([3]);
    expect(ids({ active: true })).toEqual([1, 2]);
    expect(ids({ lockedOnly: true })).toEqual([2]);
    expect(ids({ lockedOnly: true, role: 'admin' })).toEqual([]);
  });
});

describe('compareUsers', () => {
  it('orders names and times ascending, absent times first', () => {
    expect([...users].sort(compareUsers('username')).map((u) => u.id)).toEqual([1, 3, 2]);
    expect([...users].sort(compareUsers('last_login_at')).map((u) => u.id)).toEqual([2, 3, 1]);
    expect([...users].sort(compareUsers('role')).map((u) => u.role)).toEqual(['admin', 'expert', 'officer']);
  });
});
