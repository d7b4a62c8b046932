import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { readListState, writeListState, type FilterSpec, type ListState } from './listState';

/**
 * A list page's state, kept in the URL query string (so reloads and shared links keep it).
 * Updates render synchronously (flushSync): a navigation rendered as a transition would leave
 * the table's handlers holding the previous state, so a quick filter-then-sort lost the filter.
 */
export function useListState(filters: readonly FilterSpec[]): [ListState, (next: ListState) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readListState(params, filters), [params, filters]);
  const setState = useCallback((next: ListState) => setParams(writeListState(next, filters), { flushSync: true }), [setParams, filters]);
  return [state, setState];
}
