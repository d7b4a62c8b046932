import { describe, expect, it } from 'vitest';
import { districtsDiffer, targetBar, targetTree } from './prepareTargets';
import { target } from './testFixtures';

describe('target progress bars', () => {
  it('show a floor’s progress from its start, the expected position at the year’s elapsed share, and the status tone', () => {
    expect(targetBar(target())).toEqual({ tone: 'error', percent: 33.3, expectedPercent: 50 });
    expect(targetBar(target({ status: 'achieved', progress: 1.4 }))).toMatchObject({ tone: 'success', percent: 100 });
  });

  it('measure a ceiling or a band against the target itself, and show no bar without a value', () => {
    expect(targetBar(target({ comparator: '≈', value: 70, expected: 35, progress: null, status: 'no_data' }))).toEqual({ tone: 'default', percent: null, expectedPercent: 50 });
  });

  it('notice district targets that no longer add up to the city’s', () => {
    expect(districtsDiffer(target({ districts: { count: 9, sum: 10 } }))).toBe(false);
    expect(districtsDiffer(target({ districts: { count: 9, sum: 11 } }))).toBe(true);
    expect(districtsDiffer(target({ districts: { count: 0, sum: 0 } }))).toBe(false);
    expect(districtsDiffer(target({ area: '430104', districts: null }))).toBe(false);
  });

  it('nest district targets under their city target', () => {
    const city = target({ id: 1 });
    const yuelu = target({ id: 2, area: '430104', parent_id: 1, districts: null });
    const orphan = target({ id: 3, area: '430105', parent_id: 9, districts: null });
    const other = target({ id: 4, indicator_code: 'platforms.national.count' });
    expect(targetTree([city, yuelu, orphan, other])).toEqual([{ ...city, children: [yuelu] }, orphan, other]);
  });
});
