import type { Indicator, Observation } from '../api/indicators';
import type { Target } from '../api/targets';

/** API replies for the prepare tests, with the fields a test does not care about filled in. */

export const CITY = '430100';

export function indicator(over: Partial<Indicator> = {}): Indicator {
  return {
    code: 'rd_institutions.count',
    name: { zh: '研发机构总数', en: 'R&D institutions' },
    unit: 'count',
    unit_label: { zh: '个', en: '' },
    decimals: 0,
    direction: 'higher_is_better',
    definition: { zh: '定义', en: 'Definition' },
    source: 'computed',
    formula: { op: 'count', entity: 'rd_institutions', timing: { rule: 'as_of_end', since: 'existing_since' } },
    measure: 'stock',
    breakdowns: [{ code: 'district', label: { zh: '区县', en: 'District' } }],
    rows_entity: 'rd_institutions',
    ...over,
  };
}

export function observation(over: Partial<Observation> = {}): Observation {
  return { code: 'rd_institutions.count', period: '2025', area: CITY, value: 0, unit: 'count', source: 'computed', as_of: '2025-12-31', ...over };
}

export function district(code: string, zh: string, en: string, value: number): Observation {
  return observation({ breakdown_key: code, breakdown_label: { zh, en }, value });
}

export function target(over: Partial<Target> = {}): Target {
  return {
    id: 1,
    indicator_code: 'rd_institutions.count',
    indicator_name: { zh: '研发机构总数', en: 'R&D institutions' },
    unit: 'count',
    period: '2026',
    area: CITY,
    area_name: { zh: '长沙市', en: 'Changsha' },
    comparator: '>=',
    value: 10,
    tolerance: null,
    note: null,
    parent_id: null,
    current: 8,
    baseline: 7,
    status: 'off_track',
    status_label: { zh: '进度滞后', en: 'Off track' },
    progress: 1 / 3,
    expected: 8.5,
    projected: 9,
    elapsed: 0.5,
    districts: { count: 0, sum: 0 },
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    version: 1,
    ...over,
  };
}

/** `1,234` style, enough to see which value a label shows. */
export const TEXT = { city: CITY, format: (v: number | null) => (v === null ? '—' : v.toLocaleString('en-US')), share: (r: number) => `${(r * 100).toFixed(1)}%` };
