import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Centrality, GraphPath, Neighbourhood } from '../../../src/contracts/innovationGraph';
import { apiRequest } from './client';
import type { ApiProblem } from './problem';

/** The innovation graph (创新网络): a node's neighbourhood, the path between two, the hubs. */
export type { Centrality, GraphPath, Neighbourhood };

export function useNeighbourhood(request: { path: string; query: Record<string, string> } | null) {
  return useQuery<Neighbourhood, ApiProblem>({
    queryKey: ['/graph/neighbourhood', request],
    queryFn: ({ signal }) => apiRequest<Neighbourhood>(request!.path, { query: request!.query, signal }),
    enabled: request !== null,
    placeholderData: keepPreviousData,
  });
}

export function useGraphPath(from: string, to: string, types: Record<string, string>) {
  return useQuery<GraphPath, ApiProblem>({
    queryKey: ['/graph/path', from, to, types],
    queryFn: ({ signal }) => apiRequest<GraphPath>('/graph/path', { query: { from, to, ...types }, signal }),
    enabled: from !== '' && to !== '',
    retry: false,
  });
}

export function useHubs(kind: string, limit: number) {
  return useQuery<Centrality, ApiProblem>({
    queryKey: ['/graph/centrality', kind, limit],
    queryFn: ({ signal }) => apiRequest<Centrality>('/graph/centrality', { query: { measure: 'pagerank', kind, limit }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Organizations and R&D institutions whose name holds the text: the entity picker's options (kind:id). */
export function useEntitySearch(text: string) {
  return useQuery<Array<{ ref: string; name: string; kind: 'organization' | 'rd_institution' }>, ApiProblem>({
    queryKey: ['/graph/entities', text],
    queryFn: async ({ signal }) => {
      const query = { search: text, per_page: 10 };
      const [orgs, institutions] = await Promise.all([
        apiRequest<{ results: Array<{ id: number; name: string }> }>('/organizations', { query, signal }),
        apiRequest<{ results: Array<{ id: number; name: string }> }>('/rd-institutions', { query, signal }),
      ]);
      return [...orgs.results.map((o) => ({ ref: `organization:${o.id}`, name: o.name, kind: 'organization' as const })), ...institutions.results.map((r) => ({ ref: `rd_institution:${r.id}`, name: r.name, kind: 'rd_institution' as const }))];
    },
    enabled: text.trim() !== '',
    placeholderData: keepPreviousData,
  });
}
