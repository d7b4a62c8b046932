import { describe, expect, it } from 'vitest';
import { comparisonOf, prepareKpi, rankMove, toneOf, type Kpi } from './prepareKpi';
import { CITY, indicator, observation } from './testFixtures';

const kpi = (over: Partial<Kpi> = {}): Kpi => ({
  indicator: indicator(),
  value: observation({ value: 344 }),
  previous: observation({ period: '2024', value: 255 }),
  change: 89,
  change_percent: 34.9,
  ...over,
});

describe('KPI cards', () => {
  it('show the value, the change up and in good colour, and lead to the indicator for the year', () => {
    expect(prepareKpi(kpi(), CITY)).toMatchObject({
      value: 344,
      change: 89,
      changePercent: 34.9,
      arrow: 'up',
      tone: 'good',
      previousPeriod: '2024',
      comparison: 'change',
      rankMove: null,
      source: 'computed',
      asOf: '2025-12-31',
      unit: { unit: 'count', decimals: 0 },
      drill: { code: 'rd_institutions.count', period: '2025' },
    });
  });

  it('colour a change by the indicator’s direction: a rank going down is good news', () => {
    expect(toneOf(-5, 'lower_is_better')).toBe('good');
    expect(toneOf(5, 'lower_is_better')).toBe('bad');
    expect(toneOf(-1, 'higher_is_better')).toBe('bad');
    expect(toneOf(0, 'higher_is_better')).toBe('neutral');
    expect(toneOf(null, 'higher_is_better')).toBe('neutral');
  });

  it('give a share its change in points only, and an official figure its source', () => {
    const share = prepareKpi(kpi({ indicator: indicator({ unit: 'percent', decimals: 0 }), change: 21.5, change_percent: 43.6 }), CITY);
    expect(share).toMatchObject({ change: 21.5, changePercent: null, unit: { unit: 'percent', decimals: 0 } });
    const official = prepareKpi(
      kpi({ indicator: indicator({ code: 'rd_expenditure', source: 'official' }), value: observation({ code: 'rd_expenditure', value: 511.56, source: 'official', as_of: '2026-03-20', source_note: '统计公报' }), previous: null, change: null, change_percent: null }),
      CITY,
    );
    expect(official).toMatchObject({ source: 'official', asOf: '2026-03-20', sourceNote: '统计公报', arrow: null, tone: 'neutral', previousPeriod: null, comparison: 'noPreviousYear' });
  });

  it('move a rank by places: from No. 50 to No. 44 is up 6 places, with an up arrow, in good colour', () => {
    const rank = prepareKpi(kpi({ indicator: indicator({ unit: 'rank', direction: 'lower_is_better' }), value: observation({ value: 44 }), previous: observation({ period: '2024', value: 50 }), change: -6, change_percent: -12 }), CITY);
    expect(rank).toMatchObject({ rankMove: { direction: 'up', places: 6, wording: 'up' }, arrow: 'up', tone: 'good', changePercent: null });
    expect(rankMove(3)).toEqual({ direction: 'down', places: 3, wording: 'down' });
    expect(rankMove(-1)).toEqual({ direction: 'up', places: 1, wording: 'upOne' });
    expect(rankMove(0)).toEqual({ direction: 'same', places: 0, wording: 'same' });
  });

  it('say "no previous year" only when there is none, and a missing figure otherwise', () => {
    expect(comparisonOf(kpi())).toBe('change');
    expect(comparisonOf(kpi({ previous: null, change: null }))).toBe('noPreviousYear');
    expect(comparisonOf(kpi({ previous: observation({ period: '2024', value: null }), change: null }))).toBe('noPreviousValue');
    expect(comparisonOf(kpi({ value: observation({ value: null }), change: null }))).toBe('noValue');
  });
});
