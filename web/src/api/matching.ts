import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MatchList } from '../../../src/contracts/matching';
import { apiRequest } from './client';
import type { ApiProblem } from './problem';

/** Matching (对接推荐): the enterprises for an achievement, the institutions for an enterprise. */
export type { MatchList };

export type MatchQuestion = 'achievement-enterprises' | 'enterprise-institutions';

const PATHS: Record<MatchQuestion, (id: number) => string> = {
  'achievement-enterprises': (id) => `/matching/achievements/${id}/enterprises`,
  'enterprise-institutions': (id) => `/matching/enterprises/${id}/institutions`,
};

export function useMatches(question: MatchQuestion, id: number, limit: number, enabled: boolean) {
  const path = PATHS[question](id);
  const query = { limit: String(limit) };
  return useQuery<MatchList, ApiProblem>({ queryKey: [path, query], queryFn: ({ signal }) => apiRequest<MatchList>(path, { query, signal }), enabled, placeholderData: keepPreviousData });
}
