import { describe, expect, it } from 'vitest';
import { indicator } from '../dashboard/testFixtures';
import { filterCatalogue, readCatalogueFilter, writeCatalogueFilter } from './catalogueFilter';

const list = [
  indicator(),
  indicator({ code: 'gdp', name: { zh: '地区生产总值', en: 'GDP' }, source: 'official' }),
  indicator({ code: 'rd_expenditure', name: { zh: '全社会研发投入', en: 'R&D expenditure' }, source: 'official' }),
];

describe('indicator catalogue filter', () => {
  it('keeps a source and matches code or either name, ignoring case', () => {
    expect(filterCatalogue(list, { source: 'official', search: '' }).map((i) => i.code)).toEqual(['gdp', 'rd_expenditure']);
    expect(filterCatalogue(list, { source: null, search: '研发' }).map((i) => i.code)).toEqual(['rd_institutions.count', 'rd_expenditure']);
    expect(filterCatalogue(list, { source: 'computed', search: 'r&d' }).map((i) => i.code)).toEqual(['rd_institutions.count']);
    expect(filterCatalogue(list, { source: null, search: 'GDP' }).map((i) => i.code)).toEqual(['gdp']);
  });

  it('round-trips through the URL and ignores an unknown source', () => {
    const f = { source: 'official' as const, search: '研发' };
    expect(readCatalogueFilter(writeCatalogueFilter(f))).toEqual(f);
    expect(readCatalogueFilter(new URLSearchParams('source=guess'))).toEqual({ source: null, search: '' });
    expect(writeCatalogueFilter({ source: null, search: '' }).toString()).toBe('');
  });
});
