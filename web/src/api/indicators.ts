import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Dashboard, Indicator, Observation, OfficialValueCreate, indicatorCatalogue, officialValue, registryEntities } from '../../../src/contracts/indicators';
import { apiRequest } from './client';
import type { ApiProblem } from './problem';
import type { Draft, ListPage } from './resources';

/** Indicators (指标): the catalogue, values, the rows behind a value, official statistics, the dashboard. */
export type { Dashboard, Indicator, Observation };
export type IndicatorCatalogue = z.output<typeof indicatorCatalogue>;
export type OfficialValue = z.output<typeof officialValue>;
export type RegistryEntity = (typeof registryEntities)[number];

/** The drill-down reply: a registry list page plus what it is the rows of. */
export type IndicatorRows = ListPage<{ id: number }> & {
  indicator: { code: string; period: string; area: string; part: 'all' | 'part' };
  entity: RegistryEntity;
  /** The registry list filter giving the same rows; null for rows another list refers to (distinct organizations). */
  filter: string | null;
};

export interface ObservationQuery {
  period?: string;
  area?: string;
  breakdown?: string;
}

export interface RowsQuery {
  period: string;
  area?: string;
  part?: 'all' | 'part';
  sort?: string;
  page?: number;
  per_page?: number;
}

const PATH = '/indicators';
const path = (code: string) => `${PATH}/${encodeURIComponent(code)}`;

/** The catalogue is configuration: it changes only with a server restart. */
export function useIndicatorCatalogue() {
  return useQuery<IndicatorCatalogue, ApiProblem>({
    queryKey: [PATH, 'catalogue'],
    queryFn: ({ signal }) => apiRequest<IndicatorCatalogue>(PATH, { signal }),
    staleTime: Infinity,
  });
}

export function useIndicator(code: string) {
  return useQuery<Indicator, ApiProblem>({
    queryKey: [PATH, 'one', code],
    queryFn: ({ signal }) => apiRequest<Indicator>(path(code), { signal }),
    staleTime: Infinity,
  });
}

export function useObservations(code: string, query: ObservationQuery, opts: { enabled?: boolean } = {}) {
  return useQuery<Observation[], ApiProblem>({
    queryKey: [PATH, 'observations', code, query],
    queryFn: async ({ signal }) => (await apiRequest<{ results: Observation[] }>(`${path(code)}/observations`, { query: { ...query }, signal })).results,
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useIndicatorRows(code: string, query: RowsQuery, opts: { enabled?: boolean } = {}) {
  return useQuery<IndicatorRows, ApiProblem>({
    queryKey: [PATH, 'rows', code, query],
    queryFn: ({ signal }) => apiRequest<IndicatorRows>(`${path(code)}/rows`, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useOfficialValues(code: string, opts: { enabled?: boolean } = {}) {
  return useQuery<OfficialValue[], ApiProblem>({
    queryKey: [PATH, 'values', code],
    queryFn: async ({ signal }) => (await apiRequest<{ results: OfficialValue[] }>(`${path(code)}/values`, { signal })).results,
    enabled: opts.enabled ?? true,
  });
}

/** A new official figure moves its indicator, those derived from it, the targets and the dashboard. */
export function useAddOfficialValue(code: string) {
  const client = useQueryClient();
  return useMutation<OfficialValue, ApiProblem, Draft<OfficialValueCreate>>({
    mutationFn: (body) => apiRequest<OfficialValue>(`${path(code)}/values`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'meta' && !(q.queryKey[0] === PATH && q.queryKey[1] === 'catalogue') }),
  });
}

export const DASHBOARD_KEY = '/dashboard';

/** The whole dashboard in one call; without a year the server picks the last complete year, and the running year's targets. */
export function useDashboard(year: { period?: string; target_period?: string }) {
  return useQuery<Dashboard, ApiProblem>({
    queryKey: [DASHBOARD_KEY, year.period ?? null, year.target_period ?? null],
    queryFn: ({ signal }) => apiRequest<Dashboard>(DASHBOARD_KEY, { query: { ...year }, signal }),
    placeholderData: keepPreviousData,
  });
}
