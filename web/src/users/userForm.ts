import type { User, UserCreate, UserPatch } from '../../../src/contracts/accounts';
import type { AccountRole } from '../../../src/domain/permissions';
import { textOrNull } from '../form/formModel';

/**
 * Between the user dialog's values and the API's bodies. Only officers have an area (districts and
 * zones) and only organization users organizations (the server says so too): the other role's
 * bindings, hidden in the dialog, are never sent.
 */

export interface UserFormValues {
  username: string;
  display_name: string;
  role: AccountRole;
  /** Create: the first password. Edit: a new one set by the administrator, '' to keep the current. */
  password: string;
  districts: string[];
  /** Zone codes; with the districts, an officer's area. */
  zones: string[];
  organization_ids: number[];
  active: boolean;
}

/** Every field of the dialog; server problems of other fields show above it. */
export const USER_FIELDS = ['username', 'display_name', 'role', 'password', 'districts', 'zones', 'organization_ids', 'active'] as const;

/** Problems the server names by list item (`districts.0`, `zones.0`) show on the list's one field. */
export const USER_LIST_FIELDS = ['districts', 'zones', 'organization_ids'] as const;

/** A new account starts with the least a role can do: an expert reads. */
export const newUserValues = (): UserFormValues => ({ username: '', display_name: '', role: 'expert', password: '', districts: [], zones: [], organization_ids: [], active: true });

export function userValues(user: User): UserFormValues {
  return {
    username: user.username,
    display_name: user.display_name ?? '',
    role: user.role,
    password: '',
    districts: [...user.districts],
    zones: [...user.zones],
    organization_ids: user.organizations.map((o) => o.id),
    active: user.active,
  };
}

/** Whether the role has an area: districts and zones. */
export const hasArea = (role: AccountRole): boolean => role === 'officer';
export const hasOrganizations = (role: AccountRole): boolean => role === 'org_user';

export function userCreateBody(v: UserFormValues): UserCreate {
  const body: UserCreate = { username: v.username.trim(), role: v.role, password: v.password, active: v.active, display_name: textOrNull(v.display_name) };
  if (hasArea(v.role)) {
    body.districts = [...v.districts];
    body.zones = [...v.zones];
  }
  if (hasOrganizations(v.role)) body.organization_ids = [...v.organization_ids];
  return body;
}

const sameSet = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/** Only what changed; a role change with unchanged bindings lets the server drop what the new role cannot have. */
export function userPatchBody(user: User, v: UserFormValues): UserPatch {
  const before = userValues(user);
  const patch: UserPatch = {};
  if (textOrNull(v.display_name) !== textOrNull(before.display_name)) patch.display_name = textOrNull(v.display_name);
  if (v.role !== before.role) patch.role = v.role;
  if (v.active !== before.active) patch.active = v.active;
  if (hasArea(v.role) && !sameSet(v.districts, before.districts)) patch.districts = [...v.districts];
  if (hasArea(v.role) && !sameSet(v.zones, before.zones)) patch.zones = [...v.zones];
  if (hasOrganizations(v.role) && !sameSet(v.organization_ids, before.organization_ids)) patch.organization_ids = [...v.organization_ids];
  if (v.password) patch.password = v.password;
  return patch;
}
