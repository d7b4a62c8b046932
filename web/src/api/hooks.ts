import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegistryMeta } from '../../../src/contracts/meta';
import { apiRequest } from './client';
import type { ApiProblem } from './problem';
import type { Draft, ListPage, ListParams, Resource } from './resources';

const META_KEY = ['meta'] as const;

/** City configuration and code lists; they change only with a server restart. */
export const metaQuery = {
  queryKey: META_KEY,
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<RegistryMeta>('/meta', { signal }),
  staleTime: Infinity,
};

export function useMeta() {
  return useQuery<RegistryMeta, ApiProblem>(metaQuery);
}

/** A write can change any list (names of hosts show in other lists), so every record query refetches. */
function useInvalidateRecords() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== META_KEY[0] });
}

export function useList<Item>(resource: Resource<Item, unknown, unknown>, params: ListParams, opts: { enabled?: boolean } = {}) {
  return useQuery<ListPage<Item>, ApiProblem>({
    queryKey: [resource.path, 'list', params],
    queryFn: ({ signal }) => apiRequest<ListPage<Item>>(resource.path, { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useRecord<Item>(resource: Resource<Item, unknown, unknown>, id: number) {
  return useQuery<Item, ApiProblem>({
    queryKey: [resource.path, 'one', id],
    queryFn: ({ signal }) => apiRequest<Item>(`${resource.path}/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useCreate<Item, Create>(resource: Resource<Item, Create, unknown>) {
  const invalidate = useInvalidateRecords();
  return useMutation<Item, ApiProblem, Draft<Create>>({
    mutationFn: (body) => apiRequest<Item>(resource.path, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export interface UpdateVars<Patch> {
  id: number;
  /** The version the edit started from; a newer one on the server answers 412. */
  version: number;
  patch: Draft<Patch>;
}

export function useUpdate<Item, Patch>(resource: Resource<Item, unknown, Patch>) {
  const invalidate = useInvalidateRecords();
  return useMutation<Item, ApiProblem, UpdateVars<Patch>>({
    mutationFn: ({ id, version, patch }) => apiRequest<Item>(`${resource.path}/${id}`, { method: 'PATCH', body: patch, version }),
    onSuccess: invalidate,
  });
}

export function useRemove(resource: Resource<unknown, unknown, unknown>) {
  const invalidate = useInvalidateRecords();
  return useMutation<null, ApiProblem, { id: number; version: number }>({
    mutationFn: ({ id, version }) => apiRequest<null>(`${resource.path}/${id}`, { method: 'DELETE', version }),
    onSuccess: invalidate,
  });
}
