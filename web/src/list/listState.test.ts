import { describe, expect, it } from 'vitest';
import { emptyListState, filterParam, isFiltered, readListState, shiftDate, toListParams, writeListState, type FilterSpec, type ListState } from './listState';

const filters: FilterSpec[] = [
  { field: 'kind', kind: 'code', list: 'organization_kind' },
  { field: 'district_code', kind: 'code', list: 'district' },
  { field: 'founded_on', kind: 'dateRange' },
];

const state = (patch: Partial<ListState>): ListState => ({ ...emptyListState(), ...patch });

describe('shiftDate', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(shiftDate('2020-01-01', -1)).toBe('2019-12-31');
    expect(shiftDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(shiftDate('2023-02-28', 1)).toBe('2023-03-01');
    expect(shiftDate('2025-12-31', 1)).toBe('2026-01-01');
  });
});

describe('raw filter terms (from an indicator drill-down)', () => {
  it('round-trips through the URL and goes to the API before the page’s own filters', () => {
    const s = readListState(new URLSearchParams('filter=existing_since:<2026-01-01&kind=enterprise'), filters);
    expect(s.filter).toBe('existing_since:<2026-01-01');
    expect(writeListState(s, filters).get('filter')).toBe('existing_since:<2026-01-01');
    expect(filterParam(s, filters)).toBe('existing_since:<2026-01-01,kind:enterprise');
    expect(isFiltered({ ...emptyListState(), filter: 'a:b' })).toBe(true);
  });
});

describe('filterParam', () => {
  it('is absent when nothing is filtered', () => {
    expect(filterParam(emptyListState(), filters)).toBeUndefined();
  });

  it('ORs codes of one field with | and ANDs fields with ,', () => {
    const s = state({ codes: { kind: ['enterprise', 'university'], district_code: ['430104'] } });
    expect(filterParam(s, filters)).toBe('kind:enterprise|university,district_code:430104');
  });

  it('turns an inclusive date range into strict > and < one day outside', () => {
    expect(filterParam(state({ ranges: { founded_on: ['2020-01-01', '2020-12-31'] } }), filters)).toBe('founded_on:>2019-12-31,founded_on:<2021-01-01');
    expect(filterParam(state({ ranges: { founded_on: [null, '2020-12-31'] } }), filters)).toBe('founded_on:<2021-01-01');
    expect(filterParam(state({ ranges: { founded_on: ['2020-03-01', null] } }), filters)).toBe('founded_on:>2020-02-29');
  });

  it('puts fixed terms first', () => {
    expect(filterParam(state({ codes: { kind: ['enterprise'] } }), filters, ['host_org_id:7'])).toBe('host_org_id:7,kind:enterprise');
  });

  it('ignores filter state of fields the page does not offer', () => {
    expect(filterParam(state({ codes: { zone: ['x'] } }), filters)).toBeUndefined();
  });
});

describe('URL query round trip', () => {
  it('omits defaults', () => {
    expect(writeListState(emptyListState(), filters).toString()).toBe('');
  });

  it('writes and reads back every part of the state', () => {
    const s = state({
      page: 3,
      perPage: 50,
      sort: { field: 'founded_on', desc: true },
      search: '长沙',
      codes: { kind: ['enterprise', 'hospital'] },
      ranges: { founded_on: ['2010-01-01', null] },
    });
    const query = writeListState(s, filters);
    expect(query.get('kind')).toBe('enterprise|hospital');
    expect(query.get('founded_on')).toBe('2010-01-01..');
    expect(query.get('sort')).toBe('founded_on:desc');
    expect(readListState(new URLSearchParams(query.toString()), filters)).toEqual(s);
  });

  it('ignores malformed values instead of sending them on', () => {
    const s = readListState(new URLSearchParams('page=0&per_page=7&sort=na;me&founded_on=2025-02-30..x&kind='), filters);
    expect(s).toEqual(emptyListState());
  });

  it('keeps one valid end of a half-broken range', () => {
    expect(readListState(new URLSearchParams('founded_on=2020-01-01..2020-13-01'), filters).ranges).toEqual({ founded_on: ['2020-01-01', null] });
  });
});

describe('toListParams', () => {
  it('maps state to the API list query', () => {
    const s = state({ page: 2, search: '研究院', sort: { field: 'name', desc: false }, codes: { kind: ['university'] } });
    expect(toListParams(s, filters)).toEqual({ page: 2, per_page: 25, search: '研究院', sort: 'name', filter: 'kind:university' });
  });
});

describe('isFiltered', () => {
  it('notices search, codes and ranges but not paging or sorting', () => {
    expect(isFiltered(state({ page: 4, sort: { field: 'name', desc: true } }))).toBe(false);
    expect(isFiltered(state({ search: 'x' }))).toBe(true);
    expect(isFiltered(state({ codes: { kind: ['x'] } }))).toBe(true);
    expect(isFiltered(state({ ranges: { founded_on: [null, '2020-01-01'] } }))).toBe(true);
  });
});

describe('a choice filter', () => {
  const choice: FilterSpec[] = [{ field: 'validity', kind: 'choice', terms: (c) => (c === 'valid' ? 'valid_to:>2026-12-03|null' : null) }];

  it('keeps one known choice in the URL and sends the terms it stands for', () => {
    const s = readListState(new URLSearchParams('validity=valid'), choice);
    expect(s.codes).toEqual({ validity: ['valid'] });
    expect(writeListState(s, choice).get('validity')).toBe('valid');
    expect(filterParam(s, choice)).toBe('valid_to:>2026-12-03|null');
  });

  it('ignores a choice it does not know', () => {
    expect(readListState(new URLSearchParams('validity=soon'), choice).codes).toEqual({});
  });
});
