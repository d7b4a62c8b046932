import { describe, expect, it } from 'vitest';
import type { MarketAnalysis } from '../../../src/contracts/marketAnalysis';
import { analysisChart, analysisQuery, analysisRows, changeText, chartNumberFormat, defaultAnalysis, exportHref, readAnalysis } from './model';

const label = (zh: string, en = zh) => ({ zh, en });
const figures = (count: number, amount: string, drill: string) => ({ values: { count, contract_amount: amount }, previous: null, change: null, drill_filter: drill });

const byYearAndFlow: MarketAnalysis = {
  from: '2024',
  to: '2025',
  filter: '',
  dimensions: [{ code: 'year', name: label('年度', 'Year') }, { code: 'flow', name: label('技术流向', 'Flow') }],
  measures: ['count', 'contract_amount'],
  rows: [
    { keys: [{ key: '2024', label: label('2024') }, { key: 'local', label: label('本市', 'Within the city') }], ...figures(2, '300.00', 'f-2024-local') },
    { keys: [{ key: '2025', label: label('2025') }, { key: 'local', label: label('本市', 'Within the city') }], ...figures(1, '100.00', 'f-2025-local') },
    { keys: [{ key: '2025', label: label('2025') }, { key: 'abroad', label: label('境外', 'Abroad') }], ...figures(4, '50.50', 'f-2025-abroad') },
  ],
  totals: figures(7, '450.50', 'f-all'),
  data_version: '12',
};

describe('the analysis question in the URL', () => {
  const fallback = defaultAnalysis(2025);

  it('defaults to the last five years by year, every measure', () => {
    expect(fallback).toEqual({ dimensions: ['year'], measures: ['count', 'contract_amount', 'transaction_amount'], from: '2021', to: '2025', filter: '', compare: false });
    expect(readAnalysis(new URLSearchParams(''), fallback)).toEqual(fallback);
  });

  it('reads back what it writes', () => {
    const state = { dimensions: ['district', 'flow'] as const, measures: ['contract_amount'] as const, from: '2020', to: '2024', filter: 'type:transfer', compare: true };
    const query = new URLSearchParams(analysisQuery({ ...state, dimensions: [...state.dimensions], measures: [...state.measures] }));
    expect(query.get('dimensions')).toBe('district,flow');
    expect(query.get('compare')).toBe('previous_year');
    expect(readAnalysis(query, fallback)).toEqual({ ...state, dimensions: ['district', 'flow'], measures: ['contract_amount'] });
  });

  it('keeps the default for what is unknown, too many, repeated or malformed, and orders the years', () => {
    const read = (q: string) => readAnalysis(new URLSearchParams(q), fallback);
    expect(read('dimensions=colour').dimensions).toEqual(['year']);
    expect(read('dimensions=year,type,flow').dimensions).toEqual(['year']);
    expect(read('dimensions=type,type').dimensions).toEqual(['year']);
    expect(read('dimensions=').dimensions).toEqual([]);
    expect(read('measures=profit').measures).toEqual(fallback.measures);
    expect(read('from=20x1&to=2023')).toMatchObject({ from: '2021', to: '2023' });
    expect(read('from=2025&to=2019')).toMatchObject({ from: '2019', to: '2025' });
  });

  it('leaves the filter and the comparison out of the query when unset, and exports the same question', () => {
    expect(analysisQuery(fallback)).toEqual({ from: '2021', to: '2025', measures: 'count,contract_amount,transaction_amount', dimensions: 'year' });
    expect(exportHref({ ...fallback, filter: 'flow:local|abroad' }, 'en')).toBe('/api/v1/market-analysis/export?from=2021&to=2025&measures=count%2Ccontract_amount%2Ctransaction_amount&dimensions=year&filter=flow%3Alocal%7Cabroad&lang=en');
  });
});

describe('the table', () => {
  it('has a row per cell with its labels and drill-down, then the totals', () => {
    const rows = analysisRows(byYearAndFlow, 'en', 'Total');
    expect(rows.map((r) => [r.labels, r.values.count, r.drill])).toEqual([
      [['2024', 'Within the city'], 2, 'f-2024-local'],
      [['2025', 'Within the city'], 1, 'f-2025-local'],
      [['2025', 'Abroad'], 4, 'f-2025-abroad'],
      [['Total', ''], 7, 'f-all'],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('writes a change as a signed percentage, and a dash where nothing came before', () => {
    expect(changeText(0.125)).toBe('+12.5 %');
    expect(changeText(-0.5)).toBe('-50.0 %');
    expect(changeText(0)).toBe('0.0 %');
    expect(changeText(null)).toBe('–');
  });
});

describe('the chart', () => {
  it('draws two dimensions as a heatmap whose every item drills to its cell', () => {
    const chart = analysisChart(byYearAndFlow, 'contract_amount', 'zh', String);
    const series = (chart.option.series as Array<{ type: string; data: number[][] }>)[0]!;
    expect(series.type).toBe('heatmap');
    expect(chart.option.xAxis).toMatchObject({ data: ['2024', '2025'] });
    expect(chart.option.yAxis).toMatchObject({ data: ['本市', '境外'] });
    expect(series.data).toEqual([[0, 0, 300], [1, 0, 100], [1, 1, 50.5]]);
    expect(chart.drill).toEqual(['f-2024-local', 'f-2025-local', 'f-2025-abroad']);
  });

  it('draws one dimension, or the total, as bars', () => {
    const one = { ...byYearAndFlow, dimensions: byYearAndFlow.dimensions.slice(0, 1), rows: [{ keys: [{ key: '2025', label: label('2025') }], ...figures(5, '150.50', 'f-2025') }] };
    const bars = analysisChart(one, 'count', 'en', String);
    expect((bars.option.series as Array<{ type: string; data: number[] }>)[0]).toMatchObject({ type: 'bar', data: [5] });
    expect(bars.drill).toEqual(['f-2025']);
    const total = analysisChart({ ...one, dimensions: [], rows: [] }, 'count', 'en', String);
    expect((total.option.series as Array<{ data: number[] }>)[0]!.data).toEqual([7]);
    expect(total.drill).toEqual(['f-all']);
  });

  it('writes amounts in 亿元 in Chinese and millions of CNY in English', () => {
    expect(chartNumberFormat('contract_amount', 'zh')(123_456_789)).toBe('1.23 亿元');
    expect(chartNumberFormat('contract_amount', 'en')(2_500_000)).toBe('CNY 2.5 M');
    expect(chartNumberFormat('count', 'en')(1234)).toBe('1,234');
  });
});
