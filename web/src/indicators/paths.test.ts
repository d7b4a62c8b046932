import { describe, expect, it } from 'vitest';
import { indicatorPath, readArea, readYear, yearRange } from './paths';

describe('indicator page addresses', () => {
  it('name the indicator, the year and a district only when there is one', () => {
    expect(indicatorPath({ code: 'rd_institutions.count', period: '2025' })).toBe('/indicators/rd_institutions.count?period=2025');
    expect(indicatorPath({ code: 'rd_institutions.count', period: '2024', area: '430104' })).toBe('/indicators/rd_institutions.count?period=2024&area=430104');
  });

  it('offer the years from the first to the last', () => {
    expect(yearRange(2016, 2019)).toEqual(['2016', '2017', '2018', '2019']);
    expect(yearRange(2020, 2019)).toEqual([]);
  });

  it('read only a year and a district that exist', () => {
    const years = ['2024', '2025'];
    expect(readYear('2024', years, '2025')).toBe('2024');
    expect(readYear('2015', years, '2025')).toBe('2025');
    expect(readYear(null, years, '2025')).toBe('2025');
    expect(readArea('430104', ['430104'])).toBe('430104');
    expect(readArea('430100', ['430104'])).toBeUndefined();
  });
});
