import { describe, expect, it } from 'vitest';
import type { FilterSpec } from '../list/listState';
import { registryListUrl } from './registryLink';

const institutionFilters: FilterSpec[] = [
  { field: 'category', kind: 'code', list: 'rd_institution_category' },
  { field: 'level', kind: 'code', list: 'level' },
  { field: 'district_code', kind: 'code', list: 'district' },
  { field: 'established_on', kind: 'dateRange' },
];

describe('registry list link of a drill-down', () => {
  it('turns strict API bounds into the page’s inclusive date range, and codes into its fields', () => {
    const url = registryListUrl('/rd-institutions', 'category:enterprise_rd_center,established_on:>2024-12-31,established_on:<2026-01-01,district_code:430104', institutionFilters);
    expect(url).toBe('/rd-institutions?category=enterprise_rd_center&district_code=430104&established_on=2025-01-01..2025-12-31');
  });

  it('keeps alternatives and open ends', () => {
    expect(registryListUrl('/rd-institutions', 'level:national|provincial,established_on:<2026-01-01', institutionFilters)).toBe('/rd-institutions?level=national%7Cprovincial&established_on=..2025-12-31');
  });

  it('passes terms the page has no control for as its raw filter, unchanged', () => {
    const raw = (url: string) => new URL(url, 'http://x').searchParams.get('filter');
    expect(raw(registryListUrl('/rd-institutions', 'existing_since:<2026-01-01,district_code:430104', institutionFilters))).toBe('existing_since:<2026-01-01');
    expect(raw(registryListUrl('/rd-institutions', 'level:!national', institutionFilters))).toBe('level:!national');
    expect(raw(registryListUrl('/rd-institutions', 'established_on:2025-01-01', institutionFilters))).toBe('established_on:2025-01-01');
    expect(raw(registryListUrl('/rd-institutions', 'level:national,level:provincial', institutionFilters))).toBe('level:provincial');
  });

  it('links the plain list for an empty filter', () => {
    expect(registryListUrl('/rd-institutions', '', institutionFilters)).toBe('/rd-institutions');
  });
});
