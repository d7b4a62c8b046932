import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditVerification } from '../../../src/contracts/audit';
import { apiRequest } from './client';
import type { ApiProblem } from './problem';
import type { ListPage, ListParams } from './resources';

/** The audit log (审计日志): entries a page at a time, and the hash chain's verification. */
export type { AuditEntry, AuditVerification };

export const AUDIT_PATH = '/audit';

export function useAuditList(params: ListParams) {
  return useQuery<ListPage<AuditEntry>, ApiProblem>({
    queryKey: [AUDIT_PATH, 'list', params],
    queryFn: ({ signal }) => apiRequest<ListPage<AuditEntry>>(AUDIT_PATH, { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    // The log grows with every write anywhere: always ask again when the page comes back.
    staleTime: 0,
  });
}

/** Recomputes the whole chain on the server: only when asked (the button), never cached. */
export function useAuditVerification() {
  return useQuery<AuditVerification, ApiProblem>({
    queryKey: [AUDIT_PATH, 'verify'],
    queryFn: ({ signal }) => apiRequest<AuditVerification>(`${AUDIT_PATH}/verify`, { signal }),
    enabled: false,
    staleTime: 0,
    gcTime: 0,
  });
}
