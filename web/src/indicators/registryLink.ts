import { emptyListState, shiftDate, writeListState, type FilterSpec, type ListState } from '../list/listState';

/**
 * The registry list page showing the same rows as a drill-down. The rows endpoint names them
 * with an API filter (`level:national,established_on:>2024-12-31`). Terms the page offers a
 * control for become its own URL fields (`?level=national&established_on=2025-01-01..`), so the
 * filter bar shows them; the others travel as the page's raw `filter`, shown as such and sent to
 * the API unchanged, so the page lists exactly the rows the figure counts.
 */
export function registryListUrl(basePath: string, filter: string, filters: readonly FilterSpec[]): string {
  const state: ListState = emptyListState();
  const rest: string[] = [];
  for (const term of filter.split(',').filter((t) => t !== '')) {
    const colon = term.indexOf(':');
    const spec = filters.find((f) => f.field === term.slice(0, colon));
    const body = term.slice(colon + 1);
    const placed = colon > 0 && spec !== undefined && (spec.kind === 'code' ? addCodes(state, spec.field, body) : addBound(state, spec.field, body));
    if (!placed) rest.push(term);
  }
  state.filter = rest.join(',');
  const query = writeListState(state, filters).toString();
  return query ? `${basePath}?${query}` : basePath;
}

/** `a|b`: codes OR-ed; a negation, a range or an empty value has no place on the page. */
function addCodes(state: ListState, field: string, body: string): boolean {
  const values = body.split('|');
  if (state.codes[field] || values.some((v) => !/^[\w.-]+$/.test(v) || v === 'null')) return false;
  state.codes[field] = values;
  return true;
}

/** `>d` or `<d`, once each: the API's bounds are strict, the page's range inclusive. */
function addBound(state: ListState, field: string, body: string): boolean {
  const m = /^([<>])(\d{4}-\d{2}-\d{2})$/.exec(body);
  if (!m) return false;
  const [from, to] = state.ranges[field] ?? [null, null];
  if (m[1] === '>' ? from !== null : to !== null) return false;
  state.ranges[field] = m[1] === '>' ? [shiftDate(m[2]!, 1), to] : [from, shiftDate(m[2]!, -1)];
  return true;
}
