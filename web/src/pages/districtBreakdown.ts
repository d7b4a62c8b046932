import type { GroupBucket } from '../api/resources';

export type BreakdownSeries = 'organizations' | 'rdInstitutions' | 'platforms';

/** One row of the overview table; `district` is a code, null (none given) or 'total'. */
export type BreakdownRow = { district: string | null } & Record<BreakdownSeries, number>;

/**
 * The district table of the overview from `group_by=district_code` counts: every configured
 * district in order (zeros included), then records without a district if any, then the totals.
 */
export function districtBreakdown(districts: readonly string[], groups: Partial<Record<BreakdownSeries, readonly GroupBucket[] | undefined>>): BreakdownRow[] {
  const series: BreakdownSeries[] = ['organizations', 'rdInstitutions', 'platforms'];
  const count = (s: BreakdownSeries, key: string | null) => groups[s]?.find((g) => g.key === key)?.count ?? 0;
  const row = (district: string | null): BreakdownRow => ({
    district,
    organizations: count('organizations', district),
    rdInstitutions: count('rdInstitutions', district),
    platforms: count('platforms', district),
  });
  const rows = districts.map(row);
  const unplaced = row(null);
  if (series.some((s) => unplaced[s] > 0)) rows.push(unplaced);
  const sum = (s: BreakdownSeries) => (groups[s] ?? []).reduce((n, g) => n + g.count, 0);
  rows.push({ district: 'total', organizations: sum('organizations'), rdInstitutions: sum('rdInstitutions'), platforms: sum('platforms') });
  return rows;
}
