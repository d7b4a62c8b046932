import { describe, expect, it } from 'vitest';
import { applicationListParams, emptyApplicationListState, readApplicationListState, withSort, writeApplicationListState } from './applicationListQuery';

describe('applications list URL state', () => {
  it('round-trips the filters, sort and paging', () => {
    const state = { filingType: 'pilot_platform', state: 'submitted', district: '430104', zone: 'changsha_hitech_zone', sort: { field: 'state_since' as const, desc: false }, page: 2, perPage: 50 };
    const query = writeApplicationListState(state);
    expect(query.toString()).toBe('type=pilot_platform&state=submitted&district=430104&zone=changsha_hitech_zone&sort=state_since&page=2&per_page=50');
    expect(readApplicationListState(query)).toEqual(state);
  });

  it('keeps the plain list at a plain URL', () => {
    expect(writeApplicationListState(emptyApplicationListState()).toString()).toBe('');
  });

  it('ignores what the API would refuse', () => {
    expect(readApplicationListState(new URLSearchParams('type=Pilot;drop&state=x y&district=43&zone=Hi-Tech,state:x&sort=colour:desc&page=0&per_page=7'))).toEqual(emptyApplicationListState());
  });
});

describe('applications list API query', () => {
  it('ANDs the chosen filters and passes the sort and page', () => {
    const state = { ...emptyApplicationListState(), filingType: 'four_global', district: '430102', sort: { field: 'submitted_at' as const, desc: true } };
    expect(applicationListParams(state)).toEqual({ filter: 'filing_type:four_global,district_code:430102', sort: 'submitted_at:desc', page: 1, per_page: 25 });
    expect(applicationListParams({ ...emptyApplicationListState(), zone: 'changsha_hitech_zone' })).toEqual({ filter: 'zone:changsha_hitech_zone', page: 1, per_page: 25 });
  });

  it('sends no filter or sort when none is chosen', () => {
    expect(applicationListParams(emptyApplicationListState())).toEqual({ page: 1, per_page: 25 });
  });
});

describe('sorting from the table header', () => {
  it('sets a sort the API knows and starts again at page 1', () => {
    const state = { ...emptyApplicationListState(), page: 3 };
    expect(withSort(state, 'submitted_at', 'descend')).toMatchObject({ sort: { field: 'submitted_at', desc: true }, page: 1 });
    expect(withSort(state, 'organization_name', 'ascend')).toBe(state);
  });

  it('leaves the page alone when the sort did not change', () => {
    const state = { ...emptyApplicationListState(), sort: { field: 'updated_at' as const, desc: true }, page: 3 };
    expect(withSort(state, 'updated_at', 'descend')).toBe(state);
  });
});
