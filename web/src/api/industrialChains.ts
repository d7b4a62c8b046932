import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ChainGaps, ChainList, ChainRows, ChainView } from '../../../src/contracts/industrialChains';
import { apiRequest } from './client';
import type { ApiProblem } from './problem';

/** Industrial chains (产业链): the chains, one chain's view, the gap ranking, the rows behind a figure. */
export type { ChainGaps, ChainList, ChainRows, ChainView };

export function useChains() {
  return useQuery<ChainList, ApiProblem>({ queryKey: ['/chains'], queryFn: ({ signal }) => apiRequest<ChainList>('/chains', { signal }) });
}

export function useChainView(chain: string, query: Record<string, string>) {
  const path = `/chains/${encodeURIComponent(chain)}`;
  return useQuery<ChainView, ApiProblem>({
    queryKey: [path, query],
    queryFn: ({ signal }) => apiRequest<ChainView>(path, { query, signal }),
    enabled: chain !== '',
    placeholderData: keepPreviousData,
  });
}

export function useChainGaps(query: Record<string, string>, enabled: boolean) {
  return useQuery<ChainGaps, ApiProblem>({ queryKey: ['/chains/gaps', query], queryFn: ({ signal }) => apiRequest<ChainGaps>('/chains/gaps', { query, signal }), enabled });
}

export function useChainRows(request: { path: string; query: Record<string, string> } | null) {
  return useQuery<ChainRows, ApiProblem>({
    queryKey: [request?.path, request?.query],
    queryFn: ({ signal }) => apiRequest<ChainRows>(request!.path, { query: request!.query, signal }),
    enabled: request !== null,
    placeholderData: keepPreviousData,
  });
}
