import type { ApplicationListParams } from '../api/filings';
import { DEFAULT_PER_PAGE, PAGE_SIZES } from '../list/listState';

/**
 * The applications list (officer queue, applicant's own) as the URL keeps it —
 * ?type=&state=&district=&zone=&sort=&page=&per_page= — and the API query it asks for.
 */

/** The sorts the API offers on applications. */
export const APPLICATION_SORTS = ['state_since', 'submitted_at', 'updated_at'] as const;
export type ApplicationSortField = (typeof APPLICATION_SORTS)[number];

export interface ApplicationListState {
  filingType: string | null;
  state: string | null;
  district: string | null;
  /** A zone's code; an officer's area is its districts and zones. */
  zone: string | null;
  sort: { field: ApplicationSortField; desc: boolean } | null;
  page: number;
  perPage: number;
}

export const emptyApplicationListState = (): ApplicationListState => ({ filingType: null, state: null, district: null, zone: null, sort: null, page: 1, perPage: DEFAULT_PER_PAGE });

const CODE = /^[a-z][a-z0-9_]{0,63}$/;
const DISTRICT = /^\d{6}$/;
const matching = (pattern: RegExp, raw: string | null): string | null => (raw !== null && pattern.test(raw) ? raw : null);

function readSort(raw: string | null): ApplicationListState['sort'] {
  const m = raw === null ? null : /^([a-z_]+)(?::(asc|desc))?$/.exec(raw);
  const field = m?.[1];
  return field && (APPLICATION_SORTS as readonly string[]).includes(field) ? { field: field as ApplicationSortField, desc: m?.[2] === 'desc' } : null;
}

/** Reads the URL; anything malformed falls back to the default rather than reaching the API. */
export function readApplicationListState(query: URLSearchParams): ApplicationListState {
  const page = Number(query.get('page'));
  const perPage = Number(query.get('per_page'));
  return {
    filingType: matching(CODE, query.get('type')),
    state: matching(CODE, query.get('state')),
    district: matching(DISTRICT, query.get('district')),
    zone: matching(CODE, query.get('zone')),
    sort: readSort(query.get('sort')),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    perPage: (PAGE_SIZES as readonly number[]).includes(perPage) ? perPage : DEFAULT_PER_PAGE,
  };
}

/** Only what differs from the defaults, so the plain list has a plain URL. */
export function writeApplicationListState(state: ApplicationListState): URLSearchParams {
  const query = new URLSearchParams();
  if (state.filingType) query.set('type', state.filingType);
  if (state.state) query.set('state', state.state);
  if (state.district) query.set('district', state.district);
  if (state.zone) query.set('zone', state.zone);
  if (state.sort) query.set('sort', `${state.sort.field}${state.sort.desc ? ':desc' : ''}`);
  if (state.page > 1) query.set('page', String(state.page));
  if (state.perPage !== DEFAULT_PER_PAGE) query.set('per_page', String(state.perPage));
  return query;
}

/** The API's list query: `filter=filing_type:x,state:y,district_code:z,zone:w`, the sort and the page. */
export function applicationListParams(state: ApplicationListState): ApplicationListParams {
  const terms = [
    state.filingType && `filing_type:${state.filingType}`,
    state.state && `state:${state.state}`,
    state.district && `district_code:${state.district}`,
    state.zone && `zone:${state.zone}`,
  ].filter((t): t is string => Boolean(t));
  return {
    ...(terms.length ? { filter: terms.join(',') } : {}),
    ...(state.sort ? { sort: `${state.sort.field}${state.sort.desc ? ':desc' : ''}` } : {}),
    page: state.page,
    per_page: state.perPage,
  };
}

/** A table header click → the next state: a new sort starts again at page 1; clearing it goes back to the API's default. */
export function withSort(state: ApplicationListState, field: string | undefined, order: 'ascend' | 'descend' | null | undefined): ApplicationListState {
  const sort = field && order && (APPLICATION_SORTS as readonly string[]).includes(field) ? { field: field as ApplicationSortField, desc: order === 'descend' } : null;
  const same = sort?.field === state.sort?.field && sort?.desc === state.sort?.desc;
  return same ? state : { ...state, sort, page: 1 };
}
