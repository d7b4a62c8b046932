import { describe, expect, it } from 'vitest';
import type { Dashboard, Indicator, Observation, Target } from '../../contracts/indicators.js';
import { renderReportHtml } from './html.js';
import { annualReportModel, reportFigures, type ReportCell, type ReportInputs, type ReportTable } from './model.js';

/** API replies with the fields a test does not care about filled in. */
const CITY = '430100';
const indicator = (over: Partial<Indicator> = {}): Indicator => ({
  code: 'rd_institutions.count',
  name: { zh: '研发机构总数', en: 'R&D institutions' },
  unit: 'count',
  unit_label: { zh: '个', en: '' },
  decimals: 0,
  direction: 'higher_is_better',
  definition: { zh: '定义', en: 'Definition' },
  source: 'computed',
  formula: null,
  measure: 'stock',
  breakdowns: [],
  rows_entity: null,
  ...over,
});
const observation = (over: Partial<Observation> = {}): Observation => ({ code: 'rd_institutions.count', period: '2025', area: CITY, value: 0, unit: 'count', source: 'computed', as_of: '2025-12-31', ...over });
const district = (code: string, zh: string, en: string, value: number) => observation({ breakdown_key: code, breakdown_label: { zh, en }, value });
const target = (over: Partial<Target> = {}): Target => ({
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
});

const institutions = indicator();
const rank = indicator({ code: 'rank.wipo_gii_cluster', name: { zh: '科技集群排名', en: 'GII cluster rank' }, unit: 'rank', direction: 'lower_is_better', source: 'official', breakdowns: [] });
const turnover = indicator({ code: 'contracts.turnover', name: { zh: '技术合同成交额', en: 'Contract turnover' }, unit: 'yuan_100m', decimals: 2 });
const years = (i: Indicator, from: number, to: number): Observation[] => Array.from({ length: to - from + 1 }, (_, k) => observation({ code: i.code, unit: i.unit, period: String(from + k), value: 100 + k }));

function dashboardOf(year: number, over: Partial<Dashboard> = {}): Dashboard {
  const value = (i: Indicator, period: number, v: number, extra: Partial<Observation> = {}) => observation({ code: i.code, unit: i.unit, period: String(period), value: v, ...extra });
  const official = { source: 'official' as const, source_note: '长沙晚报 Changsha Evening News', as_of: '2026-01-01' };
  return {
    period: String(year),
    target_period: String(year),
    running_period: '2026',
    as_of: `${year}-12-31`,
    area: CITY,
    computed_at: '2026-11-27T00:00:00.000Z',
    kpis: [
      { indicator: institutions, value: value(institutions, year, 120), previous: value(institutions, year - 1, 100), change: 20, change_percent: 20 },
      { indicator: rank, value: value(rank, year, 44, official), previous: value(rank, year - 1, 50, official), change: -6, change_percent: -12 },
      { indicator: turnover, value: value(turnover, year, 10.5), previous: null, change: null, change_percent: null },
    ],
    targets: [],
    trends: [{ indicator: institutions, points: years(institutions, 2016, 2026) }],
    breakdowns: [{ indicator: institutions, breakdown: 'district', points: [district('430102', '芙蓉区', 'Furong', 7), district('430104', '岳麓区', 'Yuelu', 9)] }],
    map: { indicator: institutions, points: [] },
    funnel: [{ indicator: institutions, value: value(institutions, year, 120) }],
    ...over,
  };
}

function inputs(year: number, over: Partial<ReportInputs> = {}): ReportInputs {
  return { year, city: { zh: '长沙市', en: 'Changsha' }, generatedAt: '2026-11-27T08:00:00.000Z', dashboard: dashboardOf(year), nextTargets: null, series: [], breakdowns: [], ...over };
}

const table = (inputsOf: ReportInputs, key: string): ReportTable => annualReportModel(inputsOf, 2016).tables.find((t) => t.key === key)!;
const texts = (cells: ReportCell[]) => cells.map((c) => ('text' in c ? c.text.en : c.figure.value));

describe('the annual report model', () => {
  it('shows the headline figures with the year before, the change, and an official figure’s source and day; a rank moves by places', () => {
    const headline = table(inputs(2025), 'headline');
    expect(headline.columns.map((c) => c.zh).slice(1, 3)).toEqual(['2025 年', '2024 年']);
    expect(texts(headline.rows[0]!)).toEqual(['R&D institutions', 120, 100, 20, 'Computed from the registry']);
    expect(texts(headline.rows[1]!)).toEqual(['GII cluster rank', 44, 50, -6, '长沙晚报 Changsha Evening News (2026-01-01)']);
    expect(headline.rows[1]![3]).toMatchObject({ figure: { of: 'change', unit: 'rank' } });
    expect(texts(headline.rows[2]!)).toEqual(['Contract turnover', 10.5, '—', null, 'Computed from the registry']);
  });

  it('names a figure derived from others (R&D intensity from two official figures) as derived, not counted from the registry', () => {
    const intensity = indicator({ code: 'rd_intensity', name: { zh: '研发投入强度', en: 'R&D intensity' }, unit: 'percent', decimals: 2, formula: { op: 'ratio', numerator: 'rd_expenditure', denominator: 'gdp' } });
    const value = observation({ code: 'rd_intensity', unit: 'percent', value: 3.36 });
    const model = annualReportModel(inputs(2025, { dashboard: dashboardOf(2025, { kpis: [{ indicator: intensity, value, previous: null, change: null, change_percent: null }] }) }), 2016);
    expect(texts(model.tables.find((t) => t.key === 'headline')!.rows[0]!).at(-1)).toBe('Derived from other indicators');
    expect(texts(model.tables.find((t) => t.key === 'definitions')!.rows[0]!).at(-1)).toBe('Derived from other indicators');
  });

  it('looks back five years from the report’s year, never before the catalogue’s first year', () => {
    expect(table(inputs(2025), 'trends').columns.map((c) => c.en)).toEqual(['Indicator', '2021', '2022', '2023', '2024', '2025']);
    const early = table(inputs(2017, { dashboard: dashboardOf(2017) }), 'trends');
    expect(early.columns.map((c) => c.en)).toEqual(['Indicator', '2016', '2017']);
    expect(texts(early.rows[0]!)).toEqual(['R&D institutions', 100, 101]);
    expect(early.charts[0]!.series[0]!.figures.map((f) => f.value)).toEqual([100, 101]);
  });

  it('reads the year’s targets as met or missed, and says when none was set', () => {
    const d = dashboardOf(2025, {
      targets: [target({ period: '2025', status: 'achieved', elapsed: 1, current: 12, value: 10 }), target({ id: 2, period: '2025', status: 'off_track', elapsed: 1, current: 8, value: 10 })],
    });
    const model = annualReportModel(inputs(2025, { dashboard: d }), 2016);
    expect(model.tables.find((t) => t.key === 'targets')!.rows.map((r) => texts(r))).toEqual([
      ['R&D institutions', '≥', 10, 12, 'Met'],
      ['R&D institutions', '≥', 10, 8, 'Missed'],
    ]);
    expect(model.commentary.map((m) => m.en)).toContain('Of the 2 targets set for 2025, 1 were met and 1 missed.');
    expect(texts(table(inputs(2025), 'targets').rows[0]!)[0]).toBe('No targets set for 2025');
  });

  it('adds the next year’s targets with their standing only when given', () => {
    expect(table(inputs(2025), 'targets_next')).toBeUndefined();
    const next = table(inputs(2025, { nextTargets: { period: '2026', asOf: '2026-11-27', targets: [target()] } }), 'targets_next');
    expect(next.title.en).toBe('Targets for 2026: progress as of 2026-11-27');
    expect(texts(next.rows[0]!)).toEqual(['R&D institutions', '≥', 10, 8, 'Off track']);
  });

  it('lays a breakdown out by key, an indicator without a key getting an empty cell and records without one "not given"', () => {
    const contracts = indicator({ code: 'contracts.count', name: { zh: '合同数', en: 'Contracts' } });
    const model = annualReportModel(
      inputs(2025, {
        breakdowns: [
          { by: 'zone', indicator: institutions, points: [observation({ breakdown_key: 'z1', breakdown_label: { zh: '一区', en: 'Zone 1' }, value: 3 }), observation({ breakdown_key: null, value: 2 })] },
          { by: 'zone', indicator: contracts, points: [observation({ code: contracts.code, breakdown_key: null, value: 5 })] },
        ],
      }),
      2016,
    );
    const zones = model.tables.find((t) => t.key === 'zones')!;
    expect(zones.rows.map((r) => texts(r))).toEqual([
      ['Zone 1', 3, null],
      ['Not given', 2, 5],
    ]);
    expect(zones.rows[0]![2]).toMatchObject({ figure: { code: 'contracts.count', period: '2025', area: CITY, breakdown: { by: 'zone', key: 'z1' } } });
  });

  it('shows a thematic section only for the indicators the catalogue has, and lists every figure of tables and charts', () => {
    const model = annualReportModel(inputs(2025, { series: [{ indicator: turnover, points: years(turnover, 2016, 2026) }] }), 2016);
    expect(model.tables.map((t) => t.key)).toEqual(['headline', 'targets', 'trends', 'districts', 'zones', 'four_global', 'market', 'definitions']);
    const figures = reportFigures(model);
    const inTables = model.tables.flatMap((t) => t.rows.flatMap((r) => r.filter((c) => 'figure' in c))).length;
    const inCharts = model.tables.flatMap((t) => t.charts.flatMap((c) => c.series.flatMap((s) => s.figures))).length;
    expect(figures).toHaveLength(inTables + inCharts);
    expect(model.tables.find((t) => t.key === 'definitions')!.rows.map((r) => texts(r)[0])).toEqual(['R&D institutions', 'GII cluster rank', 'Contract turnover']);
  });
});

describe('the report as HTML', () => {
  it('escapes every text, in the tables and in the server-drawn charts', async () => {
    const sly = indicator({ name: { zh: '<b>研发</b> & "机构"', en: '<img src=x onerror=alert(1)> & co' } });
    const d = dashboardOf(2025, { trends: [{ indicator: sly, points: years(sly, 2016, 2026) }], funnel: [{ indicator: sly, value: observation({ value: 1 }) }] });
    for (const lang of ['zh', 'en'] as const) {
      const html = await renderReportHtml(annualReportModel(inputs(2025, { dashboard: d }), 2016), lang);
      expect(html).not.toMatch(/<b>|<img/);
      expect(html).toContain(lang === 'zh' ? '&lt;b&gt;研发&lt;/b&gt; &amp; &quot;机构&quot;' : '&lt;img src=x onerror=alert(1)&gt; &amp; co');
      expect(html).not.toContain('<script');
    }
  });

  it('writes money as each language does and the page’s language for the font', async () => {
    const zh = await renderReportHtml(annualReportModel(inputs(2025), 2016), 'zh');
    const en = await renderReportHtml(annualReportModel(inputs(2025), 2016), 'en');
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('10.50 亿元');
    expect(en).toContain('CNY 1.05 bn');
    expect(en).toContain('up 6 places');
    expect(zh).toContain('上升 6 位');
  });
});
