import type { QueryParams } from '../api/client';
import { PORTAL } from './paths';
import type { PublicRow } from './api';
import type { ProfileKind } from './profile';
import { PROFILE_DATASET } from './profile';

/**
 * The profiles search (/portal/search?kind=institution&q=实验室&page=2): its state lives in the
 * address, so a search can be shared and the back button steps through it. Chinese names are
 * matched as substrings by the public API's `search`.
 */
export interface SearchState {
  kind: ProfileKind;
  q: string;
  page: number;
}

export const SEARCH_PAGE_SIZE = 20;
const MAX_QUERY = 100;

export function readSearch(params: URLSearchParams): SearchState {
  const page = Number(params.get('page'));
  return {
    kind: params.get('kind') === 'institution' ? 'institution' : 'platform',
    q: (params.get('q') ?? '').trim().slice(0, MAX_QUERY),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The address of a search: the defaults left out. */
export function searchParamsOf(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.kind !== 'platform') params.set('kind', state.kind);
  if (state.q) params.set('q', state.q);
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** The rows request of a search, by name. */
export function searchQuery(state: SearchState): { dataset: string; query: QueryParams } {
  return { dataset: PROFILE_DATASET[state.kind], query: { search: state.q || undefined, sort: 'name', page: state.page, per_page: SEARCH_PAGE_SIZE } };
}

/** How many pages `count` rows fill. */
export function pageCount(count: number): number {
  return Math.max(1, Math.ceil(count / SEARCH_PAGE_SIZE));
}

/** A result's link: the profile of its kind. */
export function profilePath(kind: ProfileKind, row: PublicRow): string {
  return kind === 'platform' ? PORTAL.platform(Number(row.id)) : PORTAL.institution(Number(row.id));
}
