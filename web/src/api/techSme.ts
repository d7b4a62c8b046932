import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StoredTechSmeEvaluation, TechSmeEvaluationResult, TechSmeEvaluationSave, TechSmeFiguresInput } from '../../../src/contracts/techSmeEvaluation';
import { apiRequest } from './client';
import type { ApiProblem } from './problem';

/** The tech-SME self-evaluation (anyone) and the evaluations an organization stored. */
export type { StoredTechSmeEvaluation, TechSmeEvaluationResult };

const storedPath = (organizationId: number) => `/organizations/${organizationId}/tech-sme-evaluations`;

export function useEvaluateTechSme() {
  return useMutation<TechSmeEvaluationResult, ApiProblem, TechSmeFiguresInput>({
    mutationFn: (body) => apiRequest<TechSmeEvaluationResult>('/tech-sme-evaluation', { method: 'POST', body }),
  });
}

export function useStoredEvaluations(organizationId: number | undefined) {
  return useQuery<StoredTechSmeEvaluation[], ApiProblem>({
    queryKey: [storedPath(organizationId ?? 0)],
    enabled: organizationId !== undefined,
    queryFn: async ({ signal }) => (await apiRequest<{ results: StoredTechSmeEvaluation[] }>(storedPath(organizationId!), { signal })).results,
  });
}

export function useSaveEvaluation() {
  const client = useQueryClient();
  return useMutation<StoredTechSmeEvaluation, ApiProblem, { organizationId: number; body: TechSmeEvaluationSave }>({
    mutationFn: ({ organizationId, body }) => apiRequest<StoredTechSmeEvaluation>(storedPath(organizationId), { method: 'POST', body }),
    onSuccess: (_saved, { organizationId }) => client.invalidateQueries({ queryKey: [storedPath(organizationId)] }),
  });
}
