import type { User } from '../../../src/contracts/accounts';
import type { AccountRole } from '../../../src/domain/permissions';

/**
 * The users page filters and sorts the whole list in the browser (GET /users answers every
 * account at once; a city has a few hundred at most). Pure, so it is tested without a table.
 */

export interface UserFilter {
  /** Substring of the username or display name, whatever the case. */
  search: string;
  role: AccountRole | null;
  /** true: active accounts only; false: disabled ones only; null: both. */
  active: boolean | null;
  lockedOnly: boolean;
}

export const emptyUserFilter = (): UserFilter => ({ search: '', role: null, active: null, lockedOnly: false });

/** Locked now: a lock-out that has not yet run out (an expired lock is no lock). */
export function isLocked(user: Pick<User, 'locked_until'>, now: number): boolean {
  if (user.locked_until === null) return false;
  const until = Date.parse(user.locked_until);
  return !Number.isNaN(until) && until > now;
}

export function filterUsers(users: readonly User[], filter: UserFilter, now: number): User[] {
  const needle = filter.search.trim().toLocaleLowerCase();
  return users.filter(
    (u) =>
      (needle === '' || u.username.toLocaleLowerCase().includes(needle) || (u.display_name ?? '').toLocaleLowerCase().includes(needle)) &&
      (filter.role === null || u.role === filter.role) &&
      (filter.active === null || u.active === filter.active) &&
      (!filter.lockedOnly || isLocked(u, now)),
  );
}

export type UserSortField = 'username' | 'role' | 'last_login_at' | 'created_at';

/** Ascending order of a column (the table reverses it for descending); absent times sort first. */
export function compareUsers(field: UserSortField): (a: User, b: User) => number {
  return (a, b) => {
    const x = a[field] ?? '';
    const y = b[field] ?? '';
    // ISO timestamps compare as text; names by the Chinese collation, so 张 and Zhang sort sensibly.
    return field === 'username' || field === 'role' ? x.localeCompare(y, 'zh-CN') : x < y ? -1 : x > y ? 1 : 0;
  };
}
