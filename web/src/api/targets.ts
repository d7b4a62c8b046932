import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Target, TargetCreate, TargetPatch } from '../../../src/contracts/indicators';
import { apiRequest } from './client';
import { DASHBOARD_KEY } from './indicators';
import type { ApiProblem } from './problem';
import type { Draft } from './resources';

/** Targets (目标): their standing, creating and changing them, cascading a city's to its districts. */
export type { Target };
export type CascadeBasis = 'current' | 'previous';

const PATH = '/targets';

export function useTargets(period: string) {
  return useQuery<Target[], ApiProblem>({
    queryKey: [PATH, period],
    queryFn: async ({ signal }) => (await apiRequest<{ results: Target[] }>(PATH, { query: { period }, signal })).results,
  });
}

/** A target write changes the targets list and the dashboard's targets section. */
function useInvalidateTargets() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ predicate: (q) => q.queryKey[0] === PATH || q.queryKey[0] === DASHBOARD_KEY });
}

export function useCreateTarget() {
  const invalidate = useInvalidateTargets();
  return useMutation<Target, ApiProblem, Draft<TargetCreate>>({
    mutationFn: (body) => apiRequest<Target>(PATH, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export interface TargetUpdate {
  id: number;
  /** The version the edit started from: a newer one on the server answers 412. */
  version: number;
  patch: Draft<TargetPatch>;
}

export function useUpdateTarget() {
  const invalidate = useInvalidateTargets();
  return useMutation<Target, ApiProblem, TargetUpdate>({
    mutationFn: ({ id, version, patch }) => apiRequest<Target>(`${PATH}/${id}`, { method: 'PATCH', body: patch, version }),
    onSuccess: invalidate,
  });
}

export function useCascadeTarget() {
  const invalidate = useInvalidateTargets();
  return useMutation<Target[], ApiProblem, { id: number; basis: CascadeBasis }>({
    mutationFn: async ({ id, basis }) => (await apiRequest<{ results: Target[] }>(`${PATH}/${id}/cascade`, { method: 'POST', body: { basis } })).results,
    onSuccess: invalidate,
  });
}
