import { describe, expect, it } from 'vitest';
import { districtBreakdown } from './districtBreakdown';

const bucket = (key: string | null, count: number) => ({ key, key_display_name: null, count });

describe('districtBreakdown', () => {
  it('lists every district in order with zeros, then the totals', () => {
    const rows = districtBreakdown(['430102', '430104'], { organizations: [bucket('430104', 5)], platforms: [bucket('430102', 2), bucket('430104', 1)] });
    expect(rows).toEqual([
      { district: '430102', organizations: 0, rdInstitutions: 0, platforms: 2 },
      { district: '430104', organizations: 5, rdInstitutions: 0, platforms: 1 },
      { district: 'total', organizations: 5, rdInstitutions: 0, platforms: 3 },
    ]);
  });

  it('adds a row for records without a district, counted in the total', () => {
    const rows = districtBreakdown(['430104'], { organizations: [bucket('430104', 2), bucket(null, 3)] });
    expect(rows.map((r) => [r.district, r.organizations])).toEqual([
      ['430104', 2],
      [null, 3],
      ['total', 5],
    ]);
  });

  it('shows zeros while the counts are loading', () => {
    expect(districtBreakdown(['430104'], {})).toEqual([
      { district: '430104', organizations: 0, rdInstitutions: 0, platforms: 0 },
      { district: 'total', organizations: 0, rdInstitutions: 0, platforms: 0 },
    ]);
  });
});
