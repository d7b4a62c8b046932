import type { z } from 'zod';
import { fileColumns, fileEntities, fileEntityWrite, type FileEntity } from '../../../src/contracts/fileColumns';
import type { Permission } from '../../../src/domain/permissions';
import type { ImportPreview, importStatus } from '../../../src/contracts/imports';

export type ImportStatus = z.output<typeof importStatus>;

/** Every entity a file can hold: the import list's filter. */
export const IMPORT_ENTITIES: readonly FileEntity[] = fileEntities;

/** What the wizard offers: the entities the user may write, as the server checks (`fileEntityWrite`). */
export const importableEntities = (can: (permission: Permission) => boolean): FileEntity[] => IMPORT_ENTITIES.filter((e) => can(fileEntityWrite[e]));
export const IMPORT_STATUSES: readonly ImportStatus[] = ['running', 'succeeded', 'rejected', 'failed'];

/** antd Tag colours: rejected (atomic run with bad rows, nothing written) is a warning, failed an error. */
export const STATUS_COLORS: Record<ImportStatus, string> = { running: 'processing', succeeded: 'success', rejected: 'warning', failed: 'error' };

/** The registry list of each entity in the web app (file entities use _, routes use -). */
const REGISTRY_PATHS: Record<FileEntity, string> = {
  organizations: '/organizations',
  qualifications: '/qualifications',
  rd_institutions: '/rd-institutions',
  platforms: '/platforms',
  tech_contracts: '/tech-contracts',
  talent_introductions: '/talent-introductions',
  recruitment_calls: '/recruitment-calls',
  projects: '/projects',
  achievements: '/achievements',
  transfers: '/transfers',
  incubations: '/incubations',
  ip_loans: '/ip-loans',
};

export const registryPath = (entity: FileEntity): string => REGISTRY_PATHS[entity];

export const isRunning = (status: ImportStatus): boolean => status === 'running';

/** The list's filter query: `entity:x,status:y`, or nothing. */
export function importListFilter(entity: FileEntity | null, status: ImportStatus | null): string | undefined {
  const parts = [entity && `entity:${entity}`, status && `status:${status}`].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(',') : undefined;
}

/** Problem pages the API serves at most this many per page. */
export const MAX_PROBLEMS_PER_PAGE = 200;
export const PROBLEM_PAGE_SIZES = [20, 50, 100, 200] as const;

/** Table paging → the problems query: a changed page size starts again at page 1. */
export function problemPageQuery(current: { page: number; perPage: number }, next: { page?: number; pageSize?: number }): { page: number; perPage: number } {
  const perPage = Math.min(MAX_PROBLEMS_PER_PAGE, Math.max(1, next.pageSize ?? current.perPage));
  return { perPage, page: perPage === current.perPage ? Math.max(1, next.page ?? current.page) : 1 };
}

/** A header of the file and the column it was matched to; `label` is null for an ignored header. */
export interface MappedHeader {
  header: string;
  key: string | null;
  label: string | null;
  required: boolean;
}

export function mapHeaders(entity: FileEntity, columns: NonNullable<ImportPreview['columns']>, side: 'zh' | 'en'): MappedHeader[] {
  return columns.map(({ header, key }) => {
    const column = key === null ? undefined : fileColumns[entity].find((c) => c.key === key);
    return { header, key, label: column ? column[side] : null, required: column?.required ?? false };
  });
}

/** A preview can go on to the dry run only when the file has no error of its own (a warning is fine). */
export const blocksImport = (preview: ImportPreview): boolean => preview.file_problems.some((p) => p.severity === 'error');
