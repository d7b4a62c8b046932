import { parseCalendarDate } from '../../../src/domain/calendarDate';
import type { ListParams } from '../api/resources';
import type { CodeListName } from '../i18n/codeLabels';

/**
 * The state of a list page (page, sort, search, filters) and its two encodings: the page's own
 * URL query string, so a reload or a shared link shows the same rows, and the API's list query
 * (OpenAlex `filter=`). Pure, so both directions are unit-tested.
 */

/**
 * A filter the page offers: a multi-select over a code list, an inclusive date range, or one
 * choice that stands for API filter terms (a qualification "valid now" is a condition on two dates).
 */
export type FilterSpec = { field: string; kind: 'code'; list: CodeListName } | { field: string; kind: 'dateRange' } | { field: string; kind: 'choice'; terms: (choice: string) => string | null };

/** [from, to], both inclusive; either end may be open. */
export type DateRange = [from: string | null, to: string | null];

export interface ListState {
  page: number;
  perPage: number;
  sort: { field: string; desc: boolean } | null;
  search: string;
  codes: Record<string, string[]>;
  ranges: Record<string, DateRange>;
  /**
   * API filter terms the page has no control for, passed on as they are: a drill-down from an
   * indicator opens the list with its terms (`existing_since:<2026-01-01`), which the server checks.
   */
  filter: string;
}

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PER_PAGE = 25;

export const emptyListState = (): ListState => ({ page: 1, perPage: DEFAULT_PER_PAGE, sort: null, search: '', codes: {}, ranges: {}, filter: '' });

const RANGE_SEPARATOR = '..';

function positiveInt(raw: string | null, fallback: number, max: number): number {
  if (raw === null || !/^\d{1,6}$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= 1 && n <= max ? n : fallback;
}

function readSort(raw: string | null): ListState['sort'] {
  const m = raw === null ? null : /^([a-z_]+)(?::(asc|desc))?$/.exec(raw);
  return m ? { field: m[1]!, desc: m[2] === 'desc' } : null;
}

function readRange(raw: string | null): DateRange | null {
  if (raw === null || !raw.includes(RANGE_SEPARATOR)) return null;
  const [from = '', to = ''] = raw.split(RANGE_SEPARATOR);
  const range: DateRange = [parseCalendarDate(from), parseCalendarDate(to)];
  return range[0] === null && range[1] === null ? null : range;
}

/** Reads the page's URL query; anything malformed is ignored rather than sent to the API. */
export function readListState(query: URLSearchParams, filters: readonly FilterSpec[]): ListState {
  const state = emptyListState();
  state.page = positiveInt(query.get('page'), 1, 10_000);
  const perPage = positiveInt(query.get('per_page'), DEFAULT_PER_PAGE, 200);
  state.perPage = (PAGE_SIZES as readonly number[]).includes(perPage) ? perPage : DEFAULT_PER_PAGE;
  state.sort = readSort(query.get('sort'));
  state.search = (query.get('search') ?? '').trim();
  state.filter = (query.get('filter') ?? '').trim();
  for (const f of filters) {
    const raw = query.get(f.field);
    if (f.kind === 'code') {
      const values = (raw ?? '').split('|').filter((v) => v !== '');
      if (values.length) state.codes[f.field] = values;
    } else if (f.kind === 'choice') {
      if (raw && f.terms(raw) !== null) state.codes[f.field] = [raw];
    } else {
      const range = readRange(raw);
      if (range) state.ranges[f.field] = range;
    }
  }
  return state;
}

/** The URL query of a state; defaults are left out so plain list links stay plain. */
export function writeListState(state: ListState, filters: readonly FilterSpec[]): URLSearchParams {
  const out = new URLSearchParams();
  if (state.search) out.set('search', state.search);
  if (state.filter) out.set('filter', state.filter);
  for (const f of filters) {
    if (f.kind === 'code' || f.kind === 'choice') {
      const values = state.codes[f.field] ?? [];
      if (values.length) out.set(f.field, values.join('|'));
    } else {
      const [from, to] = state.ranges[f.field] ?? [null, null];
      if (from !== null || to !== null) out.set(f.field, `${from ?? ''}${RANGE_SEPARATOR}${to ?? ''}`);
    }
  }
  if (state.sort) out.set('sort', `${state.sort.field}${state.sort.desc ? ':desc' : ''}`);
  if (state.page !== 1) out.set('page', String(state.page));
  if (state.perPage !== DEFAULT_PER_PAGE) out.set('per_page', String(state.perPage));
  return out;
}

/** The calendar day `days` after (or before) a `YYYY-MM-DD` date. */
export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The API's `filter=`: codes of one field OR-ed with `|`, fields AND-ed with `,`. The API's `>`
 * and `<` are strict, so an inclusive range [from, to] becomes `>from−1 day` and `<to+1 day`.
 * `fixed` terms (e.g. `host_org_id:7` on a detail page) come first.
 */
export function filterParam(state: ListState, filters: readonly FilterSpec[], fixed: readonly string[] = []): string | undefined {
  const terms = [...fixed];
  if (state.filter) terms.push(state.filter);
  for (const f of filters) {
    if (f.kind === 'code') {
      const values = state.codes[f.field] ?? [];
      if (values.length) terms.push(`${f.field}:${values.join('|')}`);
    } else if (f.kind === 'choice') {
      const choice = state.codes[f.field]?.[0];
      const chosen = choice === undefined ? null : f.terms(choice);
      if (chosen !== null) terms.push(chosen);
    } else {
      const [from, to] = state.ranges[f.field] ?? [null, null];
      if (from !== null) terms.push(`${f.field}:>${shiftDate(from, -1)}`);
      if (to !== null) terms.push(`${f.field}:<${shiftDate(to, 1)}`);
    }
  }
  return terms.length ? terms.join(',') : undefined;
}

/** The API list query of a state. */
export function toListParams(state: ListState, filters: readonly FilterSpec[]): ListParams {
  const params: ListParams = { page: state.page, per_page: state.perPage };
  const filter = filterParam(state, filters);
  if (filter) params.filter = filter;
  if (state.search) params.search = state.search;
  if (state.sort) params.sort = `${state.sort.field}${state.sort.desc ? ':desc' : ''}`;
  return params;
}

/** True when any filter or search narrows the list. */
export function isFiltered(state: ListState): boolean {
  return state.search !== '' || state.filter !== '' || Object.values(state.codes).some((v) => v.length > 0) || Object.values(state.ranges).some(([a, b]) => a !== null || b !== null);
}
