import type { Indicator } from '../api/indicators';

/** The catalogue page's filters, kept in its URL: `?source=official&search=研发`. */
export interface CatalogueFilter {
  source: Indicator['source'] | null;
  search: string;
}

export function readCatalogueFilter(query: URLSearchParams): CatalogueFilter {
  const source = query.get('source');
  return { source: source === 'computed' || source === 'official' ? source : null, search: (query.get('search') ?? '').trim() };
}

export function writeCatalogueFilter(f: CatalogueFilter): URLSearchParams {
  const out = new URLSearchParams();
  if (f.source) out.set('source', f.source);
  if (f.search) out.set('search', f.search);
  return out;
}

/** Indicators of the source asked for whose code or name (in either language) contains the search. */
export function filterCatalogue(indicators: readonly Indicator[], f: CatalogueFilter): Indicator[] {
  const needle = f.search.toLowerCase();
  return indicators.filter((i) => (f.source === null || i.source === f.source) && (needle === '' || [i.code, i.name.zh, i.name.en].some((s) => s.toLowerCase().includes(needle))));
}
