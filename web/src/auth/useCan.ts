import type { Permission } from '../../../src/domain/permissions';
import { canDo, type KnownScope } from './access';
import { useMe } from './session';

/** `can(permission, scope?)`: whether to show an action; false until /auth/me has answered. */
export function useCan() {
  const me = useMe();
  return (permission: Permission, scope?: KnownScope) => canDo(me.data, permission, scope);
}
