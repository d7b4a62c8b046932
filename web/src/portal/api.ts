import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { PublicDataset, PublicIndicator, PublicIndicatorDetail, PublicRow, PublicRowsPage, publicDatasetList, publicIndicatorList } from '../../../src/contracts/publicData';
import { apiRequest, type QueryParams } from '../api/client';
import type { ApiProblem } from '../api/problem';
import { PUBLIC_API } from './paths';

/** The public API (`/api/v1/public/…`) as the portal reads it: published data only, no account. */
export type { PublicDataset, PublicIndicator, PublicIndicatorDetail, PublicRow, PublicRowsPage };
export type PublicDatasetList = z.output<typeof publicDatasetList>;
export type PublicIndicatorList = z.output<typeof publicIndicatorList>;

/** The catalogue and its dictionaries change only with the server's configuration. */
export function usePublicDatasets(opts: { enabled?: boolean } = {}) {
  return useQuery<PublicDatasetList, ApiProblem>({
    queryKey: [PUBLIC_API.datasets],
    queryFn: ({ signal }) => apiRequest<PublicDatasetList>(PUBLIC_API.datasets, { signal }),
    staleTime: Infinity,
    enabled: opts.enabled ?? true,
  });
}

export function usePublicDataset(id: string): PublicDataset | undefined {
  return usePublicDatasets().data?.results.find((d) => d.id === id);
}

export function usePublicRows(dataset: string, query: QueryParams, opts: { enabled?: boolean } = {}) {
  return useQuery<PublicRowsPage, ApiProblem>({
    queryKey: [PUBLIC_API.rows(dataset), query],
    queryFn: ({ signal }) => apiRequest<PublicRowsPage>(PUBLIC_API.rows(dataset), { query, signal }),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function usePublicRow(dataset: string, id: number) {
  return useQuery<PublicRow, ApiProblem>({
    queryKey: [PUBLIC_API.row(dataset, id)],
    queryFn: ({ signal }) => apiRequest<PublicRow>(PUBLIC_API.row(dataset, id), { signal }),
  });
}

/** The published headline indicators: five years each, and the running year's target. */
export const indicatorsQuery = {
  queryKey: [PUBLIC_API.indicators],
  queryFn: ({ signal }: { signal: AbortSignal }) => apiRequest<PublicIndicatorList>(PUBLIC_API.indicators, { signal }),
};

export function usePublicIndicators() {
  return useQuery<PublicIndicatorList, ApiProblem>(indicatorsQuery);
}

/** One indicator with its district and zone breakdowns. */
export function usePublicIndicator(code: string) {
  return useQuery<PublicIndicatorDetail, ApiProblem>({
    queryKey: [PUBLIC_API.indicator(code)],
    queryFn: ({ signal }) => apiRequest<PublicIndicatorDetail>(PUBLIC_API.indicator(code), { signal }),
    enabled: code !== '',
  });
}

/** The published rows behind a figure (its year, and a district or a zone filter). */
export function usePublicIndicatorRows(code: string, query: QueryParams, opts: { enabled?: boolean } = {}) {
  return useQuery<PublicRowsPage, ApiProblem>({
    queryKey: [PUBLIC_API.indicatorRows(code), query],
    queryFn: ({ signal }) => apiRequest<PublicRowsPage>(PUBLIC_API.indicatorRows(code), { query, signal }),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}
