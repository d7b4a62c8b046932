import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiToken, ApiTokenCreated, TokenCreate } from '../../../src/contracts/accounts';
import { apiRequest } from './client';
import type { ApiProblem } from './problem';

/** One's own API tokens (API 令牌): listed without the secret, created (the secret shown once), revoked. */
export type { ApiToken, ApiTokenCreated };

const PATH = '/tokens';

export function useTokens() {
  return useQuery<ApiToken[], ApiProblem>({
    queryKey: [PATH],
    queryFn: async ({ signal }) => (await apiRequest<{ results: ApiToken[] }>(PATH, { signal })).results,
  });
}

export function useCreateToken() {
  const client = useQueryClient();
  return useMutation<ApiTokenCreated, ApiProblem, TokenCreate>({
    mutationFn: (body) => apiRequest<ApiTokenCreated>(PATH, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [PATH] }),
  });
}

export function useRevokeToken() {
  const client = useQueryClient();
  return useMutation<ApiToken, ApiProblem, number>({
    mutationFn: (id) => apiRequest<ApiToken>(`${PATH}/${id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [PATH] }),
  });
}
