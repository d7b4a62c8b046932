import { parseCalendarDate } from '../../../src/domain/calendarDate';
import type { ListParams } from '../api/resources';
import { DEFAULT_PER_PAGE, PAGE_SIZES, shiftDate } from '../list/listState';

/**
 * The audit log page's state (filters, sort, paging) and its two encodings: the page's URL query,
 * so a reload or a shared link shows the same entries, and the API's list query. Pure.
 */

export type AuditSortField = 'id' | 'at';

export interface AuditListState {
  username: string;
  action: string;
  entity: string;
  recordId: string;
  /** Substring of the username or of the before/after record. */
  search: string;
  /** Inclusive calendar days in the viewer's time zone; either end may be open. */
  from: string | null;
  to: string | null;
  sort: { field: AuditSortField; desc: boolean };
  page: number;
  perPage: number;
}

/** Newest first, as the API sorts by default. */
export const DEFAULT_AUDIT_SORT = { field: 'id', desc: true } as const;

export const emptyAuditListState = (): AuditListState => ({
  username: '',
  action: '',
  entity: '',
  recordId: '',
  search: '',
  from: null,
  to: null,
  sort: { ...DEFAULT_AUDIT_SORT },
  page: 1,
  perPage: DEFAULT_PER_PAGE,
});

/** The text filters: state key → URL parameter and API filter field. */
const TEXT_FILTERS = [
  ['username', 'username'],
  ['action', 'action'],
  ['entity', 'entity'],
  ['recordId', 'record_id'],
] as const;

/**
 * A typed filter value as the filter language can carry it: `,` and `|` separate terms and
 * alternatives and a leading `!` negates, so they are dropped rather than changing the query.
 */
export function filterValue(raw: string): string {
  return raw.replace(/[,|]/g, '').trim().replace(/^!+/, '').trim();
}

function positiveInt(raw: string | null, fallback: number): number {
  if (raw === null || !/^\d{1,5}$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= 1 ? n : fallback;
}

function readSort(raw: string | null): AuditListState['sort'] {
  const m = raw === null ? null : /^(id|at)(?::(asc|desc))?$/.exec(raw);
  return m ? { field: m[1] as AuditSortField, desc: m[2] === 'desc' } : { ...DEFAULT_AUDIT_SORT };
}

const sortText = (sort: AuditListState['sort']): string => `${sort.field}${sort.desc ? ':desc' : ''}`;
const isDefaultSort = (sort: AuditListState['sort']): boolean => sort.field === DEFAULT_AUDIT_SORT.field && sort.desc === DEFAULT_AUDIT_SORT.desc;

/** Reads the page's URL; anything malformed falls back to the default rather than reaching the API. */
export function readAuditListState(query: URLSearchParams): AuditListState {
  const state = emptyAuditListState();
  for (const [key, param] of TEXT_FILTERS) state[key] = filterValue(query.get(param) ?? '');
  state.search = (query.get('search') ?? '').trim();
  state.from = parseCalendarDate(query.get('from') ?? '');
  state.to = parseCalendarDate(query.get('to') ?? '');
  state.sort = readSort(query.get('sort'));
  state.page = Math.min(positiveInt(query.get('page'), 1), 10_000);
  const perPage = positiveInt(query.get('per_page'), DEFAULT_PER_PAGE);
  state.perPage = (PAGE_SIZES as readonly number[]).includes(perPage) ? perPage : DEFAULT_PER_PAGE;
  return state;
}

/** The URL query of a state; defaults are left out so the plain page has a plain URL. */
export function writeAuditListState(state: AuditListState): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, param] of TEXT_FILTERS) if (state[key]) out.set(param, state[key]);
  if (state.search) out.set('search', state.search);
  if (state.from) out.set('from', state.from);
  if (state.to) out.set('to', state.to);
  if (!isDefaultSort(state.sort)) out.set('sort', sortText(state.sort));
  if (state.page !== 1) out.set('page', String(state.page));
  if (state.perPage !== DEFAULT_PER_PAGE) out.set('per_page', String(state.perPage));
  return out;
}

/** Minutes east of UTC of the viewer's time zone at the start of a day (e.g. 480 in China). */
export type UtcOffsetOf = (date: string) => number;

export const localUtcOffset: UtcOffsetOf = (date) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return -new Date(y, m - 1, d).getTimezoneOffset();
};

/** The instant a calendar day begins in a zone, as epoch milliseconds. */
function dayStart(date: string, offsetOf: UtcOffsetOf): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) - offsetOf(date) * 60_000;
}

const isoSeconds = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

/**
 * `at` filter terms for inclusive days [from, to] of the viewer's calendar. The API's `>` and `<`
 * are strict and `at` has microseconds: from → after the last microsecond of the day before,
 * to → before the next day begins.
 */
export function timeTerms(from: string | null, to: string | null, offsetOf: UtcOffsetOf = localUtcOffset): string[] {
  const terms: string[] = [];
  if (from) terms.push(`at:>${isoSeconds(dayStart(from, offsetOf) - 1000)}.999999Z`);
  if (to) {
    const next = shiftDate(to, 1);
    terms.push(`at:<${isoSeconds(dayStart(next, offsetOf))}Z`);
  }
  return terms;
}

/** The API's `filter=` of a state, or undefined when nothing narrows the log. */
export function auditFilter(state: AuditListState, offsetOf: UtcOffsetOf = localUtcOffset): string | undefined {
  const terms: string[] = [];
  for (const [key, field] of TEXT_FILTERS) {
    const value = filterValue(state[key]);
    if (value) terms.push(`${field}:${value}`);
  }
  terms.push(...timeTerms(state.from, state.to, offsetOf));
  return terms.length ? terms.join(',') : undefined;
}

/** The API list query of a state (the export takes the same filter, search and sort). */
export function auditListParams(state: AuditListState, offsetOf: UtcOffsetOf = localUtcOffset): ListParams {
  const params: ListParams = { page: state.page, per_page: state.perPage, sort: sortText(state.sort) };
  const filter = auditFilter(state, offsetOf);
  if (filter) params.filter = filter;
  if (state.search) params.search = state.search;
  return params;
}

/** True when any filter or the search narrows the log (paging and sorting do not). */
export function isAuditFiltered(state: AuditListState): boolean {
  return TEXT_FILTERS.some(([key]) => state[key] !== '') || state.search !== '' || state.from !== null || state.to !== null;
}
