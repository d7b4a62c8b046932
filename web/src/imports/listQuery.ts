import type { FileEntity } from '../../../src/contracts/fileColumns';
import { DEFAULT_PER_PAGE, PAGE_SIZES } from '../list/listState';
import { IMPORT_ENTITIES, IMPORT_STATUSES, type ImportStatus } from './importView';

/** The imports list as the URL keeps it: ?entity=&status=&page=&per_page= */
export interface ImportListState {
  entity: FileEntity | null;
  status: ImportStatus | null;
  page: number;
  perPage: number;
}

const oneOf = <T extends string>(values: readonly T[], raw: string | null): T | null => (values as readonly (string | null)[]).includes(raw) ? (raw as T) : null;

/** Reads the URL; anything unknown or malformed falls back to the default rather than erroring. */
export function readImportListState(query: URLSearchParams): ImportListState {
  const page = Number(query.get('page'));
  const perPage = Number(query.get('per_page'));
  return {
    entity: oneOf(IMPORT_ENTITIES, query.get('entity')),
    status: oneOf(IMPORT_STATUSES, query.get('status')),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    perPage: (PAGE_SIZES as readonly number[]).includes(perPage) ? perPage : DEFAULT_PER_PAGE,
  };
}

/** Writes only what differs from the defaults, so the plain list has a plain URL. */
export function writeImportListState(state: ImportListState): URLSearchParams {
  const query = new URLSearchParams();
  if (state.entity) query.set('entity', state.entity);
  if (state.status) query.set('status', state.status);
  if (state.page > 1) query.set('page', String(state.page));
  if (state.perPage !== DEFAULT_PER_PAGE) query.set('per_page', String(state.perPage));
  return query;
}
