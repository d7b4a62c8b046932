import { describe, expect, it } from 'vitest';
import { pageCount, profilePath, readSearch, SEARCH_PAGE_SIZE, searchParamsOf, searchQuery } from './search';

describe('profiles search', () => {
  it('reads the kind, the words and the page from the address, with defaults for what is missing or wrong', () => {
    expect(readSearch(new URLSearchParams('kind=institution&q=+实验室+&page=3'))).toEqual({ kind: 'institution', q: '实验室', page: 3 });
    expect(readSearch(new URLSearchParams('kind=organization&page=-2'))).toEqual({ kind: 'platform', q: '', page: 1 });
    expect(readSearch(new URLSearchParams('page=1.5')).page).toBe(1);
  });

  it('writes the address back without the defaults', () => {
    expect(searchParamsOf({ kind: 'platform', q: '', page: 1 }).toString()).toBe('');
    const params = searchParamsOf({ kind: 'institution', q: '岳麓', page: 2 });
    expect(readSearch(params)).toEqual({ kind: 'institution', q: '岳麓', page: 2 });
  });

  it('asks the dataset of the kind for the names that contain the words, a page at a time', () => {
    expect(searchQuery({ kind: 'institution', q: '实验室', page: 2 })).toEqual({ dataset: 'rd_institutions', query: { search: '实验室', sort: 'name', page: 2, per_page: SEARCH_PAGE_SIZE } });
    expect(searchQuery({ kind: 'platform', q: '', page: 1 }).query.search).toBeUndefined();
    expect(searchQuery({ kind: 'platform', q: '', page: 1 }).dataset).toBe('platforms');
  });

  it('counts pages and links each result to its profile', () => {
    expect([0, 1, SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE + 1].map(pageCount)).toEqual([1, 1, 1, 2]);
    expect(profilePath('platform', { id: 4 })).toBe('/portal/platforms/4');
    expect(profilePath('institution', { id: 9 })).toBe('/portal/institutions/9');
  });
});
