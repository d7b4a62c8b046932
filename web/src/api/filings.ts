import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ApplicationCreate,
  ApplicationPatch,
  ApplicationSummary,
  ApplicationView,
  applicationList,
  evaluationBody,
  expert,
  expertCreate,
  expertPatch,
  filingTypeList,
  inboxReply,
  objectionBody,
  publicNotice,
  resolutionBody,
  reviewBody,
} from '../../../src/contracts/workflows';
import { API_PREFIX, apiRequest, apiUpload } from './client';
import type { ApiProblem } from './problem';

/** Filing workflows (备案) over HTTP: types, applications and their steps, the expert pool, public notices, the inbox. */
export type { ApplicationCreate, ApplicationSummary, ApplicationView };
export type FilingTypeList = z.output<typeof filingTypeList>;
export type FilingTypeView = FilingTypeList['results'][number];
export type ApplicationListPage = z.output<typeof applicationList>;
export type Expert = z.output<typeof expert>;
export type ExpertCreate = z.output<typeof expertCreate>;
export type ExpertPatch = z.output<typeof expertPatch>;
export type PublicNotice = z.output<typeof publicNotice>;
export type Inbox = z.output<typeof inboxReply>;
export type ReviewBody = z.output<typeof reviewBody>;
export type ObjectionBody = z.output<typeof objectionBody>;
export type ResolutionBody = z.output<typeof resolutionBody>;
export type EvaluationBody = z.output<typeof evaluationBody>;
export type Attachment = ApplicationView['attachments'][number];

const APPLICATIONS = '/applications';
const EXPERTS = '/experts';
const NOTICES = '/notices';
const INBOX = '/inbox';

/** Filing types change only with a server restart. */
export function useFilingTypes() {
  return useQuery<FilingTypeList, ApiProblem>({ queryKey: ['/filing-types'], queryFn: ({ signal }) => apiRequest<FilingTypeList>('/filing-types', { signal }), staleTime: Infinity });
}

export interface ApplicationListParams {
  filter?: string;
  sort?: string;
  page: number;
  per_page: number;
}

export function useApplicationList(params: ApplicationListParams) {
  return useQuery<ApplicationListPage, ApiProblem>({
    queryKey: [APPLICATIONS, 'list', params],
    queryFn: ({ signal }) => apiRequest<ApplicationListPage>(APPLICATIONS, { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One application as the server has it now (after a 412, to edit from the current version). */
export function fetchApplication(id: number): Promise<ApplicationView> {
  return apiRequest<ApplicationView>(`${APPLICATIONS}/${id}`);
}

/** Fetches the application again and puts it in the cache (reloading after a 412). */
export function useRefreshApplication() {
  const client = useQueryClient();
  return async (id: number): Promise<ApplicationView> => {
    const fresh = await fetchApplication(id);
    client.setQueryData([APPLICATIONS, 'one', id], fresh);
    return fresh;
  };
}

export function useApplication(id: number) {
  return useQuery<ApplicationView, ApiProblem>({ queryKey: [APPLICATIONS, 'one', id], queryFn: ({ signal }) => apiRequest<ApplicationView>(`${APPLICATIONS}/${id}`, { signal }), staleTime: 0 });
}

/**
 * Every step answers with the application as it now is: it replaces the cached one at once, and
 * lists, the inbox, notices and (after filing) the registry are fetched again.
 */
function useApplicationStep<Vars>(send: (vars: Vars) => Promise<ApplicationView>) {
  const client = useQueryClient();
  return useMutation<ApplicationView, ApiProblem, Vars>({
    mutationFn: send,
    onSuccess: (view) => {
      client.setQueryData([APPLICATIONS, 'one', view.id], view);
      void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'meta' && q.queryKey[0] !== 'auth' && !(q.queryKey[0] === APPLICATIONS && q.queryKey[1] === 'one' && q.queryKey[2] === view.id) });
    },
    // 412: someone acted first. The page reloads the application, so it shows where it stands now beside the refusal.
    onError: (err) => {
      if (err.status === 412) void client.invalidateQueries({ queryKey: [APPLICATIONS, 'one'] });
    },
  });
}

export function useCreateApplication() {
  return useApplicationStep<ApplicationCreate>((body) => apiRequest<ApplicationView>(APPLICATIONS, { method: 'POST', body }));
}

export interface SaveVars {
  id: number;
  /** The version the form was loaded from: a change made meanwhile answers 412. */
  version: number;
  patch: ApplicationPatch;
}

export function useSaveApplication() {
  return useApplicationStep<SaveVars>(({ id, version, patch }) => apiRequest<ApplicationView>(`${APPLICATIONS}/${id}`, { method: 'PATCH', body: patch, version }));
}

export interface TransitionVars {
  id: number;
  /** The version the page shows: if someone acted meanwhile the server answers 412. */
  version: number;
  action: string;
  reason?: string;
  /** Chosen from the action's list (reason_codes), where it has one. */
  reason_code?: string;
}

export function useTransition() {
  return useApplicationStep<TransitionVars>(({ id, version, action, reason, reason_code }) =>
    apiRequest<ApplicationView>(`${APPLICATIONS}/${id}/transitions`, { method: 'POST', body: { action, ...(reason ? { reason } : {}), ...(reason_code ? { reason_code } : {}) }, version }),
  );
}

export function useExpertDraw() {
  return useApplicationStep<{ id: number }>(({ id }) => apiRequest<ApplicationView>(`${APPLICATIONS}/${id}/expert-draw`, { method: 'POST', body: {} }));
}

export function useSubmitReview() {
  return useApplicationStep<{ id: number; body: ReviewBody }>(({ id, body }) => apiRequest<ApplicationView>(`${APPLICATIONS}/${id}/reviews`, { method: 'POST', body }));
}

export function useResolveObjection() {
  return useApplicationStep<{ id: number; objectionId: number; body: ResolutionBody }>(({ id, objectionId, body }) =>
    apiRequest<ApplicationView>(`${APPLICATIONS}/${id}/objections/${objectionId}/resolution`, { method: 'POST', body }),
  );
}

export function useEvaluate() {
  return useApplicationStep<{ id: number; body: EvaluationBody }>(({ id, body }) => apiRequest<ApplicationView>(`${APPLICATIONS}/${id}/evaluations`, { method: 'POST', body }));
}

/** Documents change the checklist and the timeline: the application is fetched again. */
function useAttachmentChange<Vars extends { id: number }>(send: (vars: Vars) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation<unknown, ApiProblem, Vars>({
    mutationFn: send,
    onSuccess: (_, { id }) => client.invalidateQueries({ queryKey: [APPLICATIONS, 'one', id] }),
  });
}

export function useUploadAttachment() {
  return useAttachmentChange<{ id: number; form: FormData }>(({ id, form }) => apiUpload<Attachment>(`${APPLICATIONS}/${id}/attachments`, form));
}

export function useRemoveAttachment() {
  return useAttachmentChange<{ id: number; attachmentId: number }>(({ id, attachmentId }) => apiRequest<null>(`${APPLICATIONS}/${id}/attachments/${attachmentId}`, { method: 'DELETE' }));
}

export const attachmentUrl = (applicationId: number, attachmentId: number): string => `${API_PREFIX}${APPLICATIONS}/${applicationId}/attachments/${attachmentId}`;

export function useNotices() {
  return useQuery<PublicNotice[], ApiProblem>({ queryKey: [NOTICES], queryFn: async ({ signal }) => (await apiRequest<{ results: PublicNotice[] }>(NOTICES, { signal })).results });
}

export function useLodgeObjection() {
  return useMutation<{ id: number }, ApiProblem, { applicationId: number; body: ObjectionBody }>({
    mutationFn: ({ applicationId, body }) => apiRequest<{ id: number }>(`${NOTICES}/${applicationId}/objections`, { method: 'POST', body }),
  });
}

export function useExperts(opts: { enabled?: boolean } = {}) {
  return useQuery<Expert[], ApiProblem>({
    queryKey: [EXPERTS, 'list'],
    queryFn: async ({ signal }) => (await apiRequest<{ results: Expert[] }>(EXPERTS, { signal })).results,
    enabled: opts.enabled ?? true,
  });
}

export function fetchExpert(id: number): Promise<Expert | undefined> {
  return apiRequest<{ results: Expert[] }>(EXPERTS).then((r) => r.results.find((e) => e.id === id));
}

export interface ExpertCandidate {
  user_id: number;
  username: string;
  display_name: string | null;
}

/** The accounts that may join the pool: active experts not in it yet. */
export function useExpertCandidates() {
  return useQuery<ExpertCandidate[], ApiProblem>({
    queryKey: [EXPERTS, 'candidates'],
    queryFn: async ({ signal }) => (await apiRequest<{ results: ExpertCandidate[] }>(`${EXPERTS}/candidates`, { signal })).results,
  });
}

function useInvalidateExperts() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [EXPERTS] });
}

export function useCreateExpert() {
  const invalidate = useInvalidateExperts();
  return useMutation<Expert, ApiProblem, ExpertCreate>({ mutationFn: (body) => apiRequest<Expert>(EXPERTS, { method: 'POST', body }), onSuccess: invalidate });
}

export function useUpdateExpert() {
  const invalidate = useInvalidateExperts();
  return useMutation<Expert, ApiProblem, { id: number; version: number; patch: ExpertPatch }>({
    mutationFn: ({ id, version, patch }) => apiRequest<Expert>(`${EXPERTS}/${id}`, { method: 'PATCH', body: patch, version }),
    onSuccess: invalidate,
  });
}

/** Only for someone signed in (an anonymous call would be sent to the sign-in page); refreshed every minute. */
export function useInbox(enabled: boolean) {
  return useQuery<Inbox, ApiProblem>({ queryKey: [INBOX], queryFn: ({ signal }) => apiRequest<Inbox>(INBOX, { signal }), enabled, refetchInterval: enabled ? 60_000 : false });
}
