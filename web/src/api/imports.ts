import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { FileEntity } from '../../../src/contracts/fileColumns';
import type { ImportPreview, ImportRecordReply, importList, importProblemPage } from '../../../src/contracts/imports';
import { API_PREFIX, apiRequest, apiUpload } from './client';
import type { ApiProblem } from './problem';

/** Imports (导入) over HTTP: uploads, the polled import record, its problems and its CSV report. */
export type ImportListPage = z.output<typeof importList>;
export type ImportProblemPage = z.output<typeof importProblemPage>;

const PATH = '/imports';
/** How often a running import is asked for its progress. */
export const POLL_MS = 500;

export interface UploadVars {
  form: FormData;
}

export function useImportPreview() {
  return useMutation<ImportPreview, ApiProblem, UploadVars>({ mutationFn: ({ form }) => apiUpload<ImportPreview>(`${PATH}/preview`, form) });
}

/** Starts an import (or a dry run); answered 202 with the record to poll. */
export function useStartImport() {
  const client = useQueryClient();
  return useMutation<ImportRecordReply, ApiProblem, UploadVars>({
    mutationFn: ({ form }) => apiUpload<ImportRecordReply>(PATH, form),
    onSuccess: (record) => {
      client.setQueryData([PATH, 'one', record.id], record);
      void client.invalidateQueries({ queryKey: [PATH, 'list'] });
    },
  });
}

/** One import; polled while it runs, and once it ends every registry list is stale. */
export function useImportRecord(id: number | null) {
  const client = useQueryClient();
  return useQuery<ImportRecordReply, ApiProblem>({
    queryKey: [PATH, 'one', id],
    queryFn: async ({ signal }) => {
      const record = await apiRequest<ImportRecordReply>(`${PATH}/${id}`, { signal });
      if (record.status !== 'running' && record.committed) void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'meta' && q.queryKey[0] !== PATH });
      return record;
    },
    enabled: id !== null,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
  });
}

export interface ImportListParams {
  filter?: string;
  page: number;
  per_page: number;
}

export function useImportList(params: ImportListParams) {
  return useQuery<ImportListPage, ApiProblem>({
    queryKey: [PATH, 'list', params],
    queryFn: ({ signal }) => apiRequest<ImportListPage>(PATH, { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
    // A running import in the list moves on its own.
    refetchInterval: (query) => (query.state.data?.results.some((r) => r.status === 'running') ? 2000 : false),
  });
}

export function useImportProblems(id: number, page: number, perPage: number, opts: { enabled: boolean }) {
  return useQuery<ImportProblemPage, ApiProblem>({
    queryKey: [PATH, 'problems', id, page, perPage],
    queryFn: ({ signal }) => apiRequest<ImportProblemPage>(`${PATH}/${id}/problems`, { query: { page, per_page: perPage }, signal }),
    placeholderData: keepPreviousData,
    enabled: opts.enabled,
    staleTime: Infinity,
  });
}

export const importReportUrl = (id: number): string => `${API_PREFIX}${PATH}/${id}/report.csv`;
/** A template's download address; `lang` en gives the canonical English headers. */
export const importTemplateUrl = (entity: FileEntity, format: 'csv' | 'xlsx', lang: 'zh' | 'en'): string => `${API_PREFIX}${PATH}/templates/${entity}.${format}?lang=${lang}`;
