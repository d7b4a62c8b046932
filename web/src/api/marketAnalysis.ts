import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MarketAnalysis } from '../../../src/contracts/marketAnalysis';
import { apiRequest } from './client';
import type { ApiProblem } from './problem';

/** The market analysis (技术市场分析): registered contracts by up to two dimensions. */
export type { MarketAnalysis };

const PATH = '/market-analysis';

export function useMarketAnalysis(query: Record<string, string>) {
  return useQuery<MarketAnalysis, ApiProblem>({
    queryKey: [PATH, query],
    queryFn: ({ signal }) => apiRequest<MarketAnalysis>(PATH, { query, signal }),
    placeholderData: keepPreviousData,
  });
}
