import type { HeatmapSeriesOption } from 'echarts/charts';
import type { MarketAnalysis } from '../../../src/contracts/marketAnalysis';
import { analysisMeasures, type AnalysisMeasure } from '../../../src/contracts/marketAnalysis';
import { dimensions, type Dimension } from '../../../src/domain/analysis/query';
import { GRID, type ChartModel } from '../dashboard/chartModel';

/**
 * The market analysis page's pure part: its question as URL fields and as the API's query, the
 * table's rows, and the chart, whose every data item drills to the contracts list filter of its
 * cell.
 */

export interface AnalysisState {
  dimensions: Dimension[];
  measures: AnalysisMeasure[];
  /** First and last year. */
  from: string;
  to: string;
  /** Extra terms in the contracts list's filter syntax. */
  filter: string;
  /** Each cell beside the same cell a year before. */
  compare: boolean;
}

export const MAX_DIMENSIONS = 2;

/** The last five years up to `lastYear`, by year. */
export const defaultAnalysis = (lastYear: number): AnalysisState => ({ dimensions: ['year'], measures: [...analysisMeasures], from: String(lastYear - 4), to: String(lastYear), filter: '', compare: false });

const YEAR = /^\d{4}$/;
const names = <T extends string>(raw: string | null, allowed: readonly T[]): T[] | null => {
  if (raw === null) return null;
  const list = raw.split(',').filter(Boolean);
  return list.every((n) => (allowed as readonly string[]).includes(n)) && new Set(list).size === list.length ? (list as T[]) : null;
};

/** The page's question from its URL; what is missing or malformed keeps the default. */
export function readAnalysis(query: URLSearchParams, fallback: AnalysisState): AnalysisState {
  const dims = names(query.get('dimensions'), dimensions);
  const measures = names(query.get('measures'), analysisMeasures);
  const year = (key: 'from' | 'to') => {
    const raw = query.get(key);
    return raw !== null && YEAR.test(raw) ? raw : fallback[key];
  };
  const [from, to] = [year('from'), year('to')];
  return {
    dimensions: dims && dims.length <= MAX_DIMENSIONS ? dims : fallback.dimensions,
    measures: measures && measures.length > 0 ? measures : fallback.measures,
    from: from <= to ? from : to,
    to: from <= to ? to : from,
    filter: (query.get('filter') ?? '').trim(),
    compare: query.get('compare') === 'previous_year',
  };
}

/** The API's query (and the page's URL, which carries the same fields). */
export function analysisQuery(s: AnalysisState): Record<string, string> {
  const q: Record<string, string> = { from: s.from, to: s.to, measures: s.measures.join(',') };
  if (s.dimensions.length) q.dimensions = s.dimensions.join(',');
  if (s.filter) q.filter = s.filter;
  if (s.compare) q.compare = 'previous_year';
  return q;
}

/** The XLSX of the table as shown, headers and labels in `lang`. */
export const exportHref = (s: AnalysisState, lang: 'zh' | 'en'): string => `/api/v1/market-analysis/export?${new URLSearchParams({ ...analysisQuery(s), lang }).toString()}`;

type Figures = MarketAnalysis['totals'];

export interface AnalysisRow {
  key: string;
  /** The keys' labels, one per dimension ("合计" / "Total" for the totals row). */
  labels: string[];
  values: Figures['values'];
  previous: Figures['previous'];
  change: Figures['change'];
  /** The contracts list filter of the row's contracts. */
  drill: string;
}

/** The table: a row per cell, then the totals. */
export function analysisRows(answer: MarketAnalysis, side: 'zh' | 'en', totalLabel: string): AnalysisRow[] {
  const rows = answer.rows.map((r) => ({ key: r.keys.map((k) => k.key ?? '∅').join('\u0001'), labels: r.keys.map((k) => k.label[side]), values: r.values, previous: r.previous, change: r.change, drill: r.drill_filter }));
  const total = answer.totals;
  const labels = answer.dimensions.length ? [totalLabel, ...answer.dimensions.slice(1).map(() => '')] : [totalLabel];
  return [...rows, { key: '\u0002total', labels, values: total.values, previous: total.previous, change: total.change, drill: total.drill_filter }];
}

/** A measure's value as a number for drawing (an amount's text read as a float is fine on a chart; the table shows it exact). */
export function measureNumber(values: Figures['values'], measure: AnalysisMeasure): number {
  const v = values[measure];
  return v === undefined ? 0 : Number(v);
}

/**
 * The chart of one measure: bars over one dimension (or the total), a heatmap over two (the
 * first across, the second down). Each data item drills to its cell's filter.
 */
export function analysisChart(answer: MarketAnalysis, measure: AnalysisMeasure, side: 'zh' | 'en', format: (value: number) => string): ChartModel<string> {
  const tooltip = { valueFormatter: (v: unknown) => format(Number(v)) };
  if (answer.dimensions.length < 2) {
    const cells = answer.dimensions.length ? answer.rows : [{ keys: [], values: answer.totals.values, drill_filter: answer.totals.drill_filter }];
    return {
      option: {
        grid: GRID,
        tooltip: { trigger: 'axis', ...tooltip },
        xAxis: { type: 'category', data: cells.map((c) => c.keys[0]?.label[side] ?? '') },
        yAxis: { type: 'value', axisLabel: { formatter: (v: number) => format(v) } },
        series: [{ type: 'bar', data: cells.map((c) => measureNumber(c.values, measure)) }],
      },
      drill: cells.map((c) => c.drill_filter),
    };
  }
  const across = distinct(answer.rows.map((r) => r.keys[0]!.label[side]));
  const down = distinct(answer.rows.map((r) => r.keys[1]!.label[side]));
  const values = answer.rows.map((r) => measureNumber(r.values, measure));
  const data: HeatmapSeriesOption['data'] = answer.rows.map((r, i) => [across.indexOf(r.keys[0]!.label[side]), down.indexOf(r.keys[1]!.label[side]), values[i]!]);
  return {
    option: {
      grid: GRID,
      tooltip: { ...tooltip },
      xAxis: { type: 'category', data: across },
      yAxis: { type: 'category', data: down },
      visualMap: { type: 'continuous', min: 0, max: Math.max(1, ...values), calculable: false, orient: 'horizontal', left: 'center', bottom: 0, show: false },
      series: [{ type: 'heatmap', data, label: { show: across.length * down.length <= 60, formatter: (p: { value?: unknown }) => format(Number((p.value as number[])[2])) } }],
    },
    drill: answer.rows.map((r) => r.drill_filter),
  };
}

const distinct = (labels: string[]): string[] => [...new Set(labels)];

/** A chart's value as text: counts as they are, amounts in 亿元 (Chinese) or millions of CNY (English). */
export function chartNumberFormat(measure: AnalysisMeasure, side: 'zh' | 'en'): (value: number) => string {
  if (measure === 'count') return (v) => v.toLocaleString(side === 'zh' ? 'zh-CN' : 'en-US');
  return side === 'zh' ? (v) => `${(v / 1e8).toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 亿元` : (v) => `CNY ${(v / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1 })} M`;
}

/** A relative change as a signed percentage ("+12.5 %"); a dash when there was nothing to compare with. */
export function changeText(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return '–';
  const pct = Math.round(ratio * 1000) / 10;
  return `${pct > 0 ? '+' : ''}${pct.toFixed(1)} %`;
}
