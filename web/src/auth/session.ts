import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { DemoAccounts, Me, PasswordChangeBody } from '../../../src/contracts/accounts';
import { apiRequest } from '../api/client';
import type { ApiProblem } from '../api/problem';

/** The signed-in caller (or anonymous), its sign-in and sign-out. */

export const ME_KEY = ['auth', 'me'] as const;

/** Whom the browser acts as, and what it may do (the server's /auth/me). */
export function useMe() {
  return useQuery<Me, ApiProblem>({ queryKey: ME_KEY, queryFn: ({ signal }) => apiRequest<Me>('/auth/me', { signal }), staleTime: 60_000 });
}

export function useDemoAccounts() {
  return useQuery<DemoAccounts, ApiProblem>({ queryKey: ['auth', 'demo'], queryFn: ({ signal }) => apiRequest<DemoAccounts>('/auth/demo', { signal }), staleTime: Infinity });
}

/** Signing in or out changes what every page may show: everything is fetched again. */
function useRefetchAll() {
  const client = useQueryClient();
  return async (me?: Me) => {
    if (me) client.setQueryData(ME_KEY, me);
    await client.invalidateQueries();
  };
}

export function useLogin() {
  const refetch = useRefetchAll();
  return useMutation<Me, ApiProblem, { username: string; password: string }>({
    mutationFn: (body) => apiRequest<Me>('/auth/login', { method: 'POST', body }),
    onSuccess: (me) => refetch(me),
  });
}

/**
 * Signing out leaves the workspace for the public portal before anything is fetched again (a
 * registry page would read as a visitor, get 401 and ask to sign in), then forgets what was
 * fetched as the account: the registry is for accounts.
 */
export function useLogout() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation<null, ApiProblem, void>({
    mutationFn: () => apiRequest<null>('/auth/logout', { method: 'POST' }),
    onSuccess: async () => {
      // flushSync: the workspace's pages are unmounted, so their queries are inactive, when forgotten.
      await navigate('/portal', { flushSync: true });
      client.removeQueries({ type: 'inactive' });
      await client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

export function useChangePassword() {
  return useMutation<null, ApiProblem, PasswordChangeBody>({ mutationFn: (body) => apiRequest<null>('/auth/password', { method: 'POST', body }) });
}
