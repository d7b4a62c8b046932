import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { User, UserCreate, UserPatch } from '../../../src/contracts/accounts';
import { AUDIT_PATH } from './audit';
import { apiRequest } from './client';
import type { ApiProblem } from './problem';

/** User management (用户管理): every account, created, changed and unlocked by an administrator. */
export type { User };

const PATH = '/users';

export function useUsers() {
  return useQuery<User[], ApiProblem>({
    queryKey: [PATH, 'list'],
    queryFn: async ({ signal }) => (await apiRequest<{ results: User[] }>(PATH, { signal })).results,
  });
}

/** One user as the server has it now (after a 412, to edit from the current version). */
export function fetchUser(id: number): Promise<User> {
  return apiRequest<User>(`${PATH}/${id}`);
}

/** A change to an account shows in the user list and as a new audit entry. */
function useInvalidateUsers() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ predicate: (q) => q.queryKey[0] === PATH || q.queryKey[0] === AUDIT_PATH });
}

export function useCreateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation<User, ApiProblem, UserCreate>({
    mutationFn: (body) => apiRequest<User>(PATH, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export interface UserUpdate {
  id: number;
  /** The version the dialog opened on: a change made meanwhile answers 412. */
  version: number;
  patch: UserPatch;
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation<User, ApiProblem, UserUpdate>({
    mutationFn: ({ id, version, patch }) => apiRequest<User>(`${PATH}/${id}`, { method: 'PATCH', body: patch, version }),
    onSuccess: invalidate,
  });
}

export function useUnlockUser() {
  const invalidate = useInvalidateUsers();
  return useMutation<User, ApiProblem, number>({
    mutationFn: (id) => apiRequest<User>(`${PATH}/${id}/unlock`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}
