import { z } from 'zod';
import { dimensions, type Dimension } from '../domain/analysis/query.js';
import { violation, type RuleViolation } from '../domain/message.js';
import { exportLanguages } from './exports.js';
import { bilingual, id, withRule } from './common.js';
import { period } from './indicators.js';

/** The market analysis (技术市场分析): registered technology contracts by up to two dimensions. */
export const analysisMeasures = ['count', 'contract_amount', 'transaction_amount'] as const;
export type AnalysisMeasure = (typeof analysisMeasures)[number];

/** Comma-separated names, each one of `allowed`, at most `max`, none twice. */
function checkNames(allowed: readonly string[], max: number, noun: { zh: string; en: string }) {
  return (text: string): RuleViolation | null => {
    const names = text.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = names.find((n) => !allowed.includes(n));
    if (unknown !== undefined)
      return violation(`${noun.en}.unknown`, `未知${noun.zh}“${unknown}”，可选：${allowed.join(', ')}`, `Unknown ${noun.en} "${unknown}"; one of: ${allowed.join(', ')}`, { value: unknown, allowed: allowed.join(', ') });
    if (names.length > max) return violation(`${noun.en}.too_many`, `最多选择 ${max} 个${noun.zh}`, `At most ${max} ${noun.en}s`, { max, value: text });
    if (new Set(names).size < names.length) return violation(`${noun.en}.repeated`, `${noun.zh}不能重复`, `A ${noun.en} is named twice`, { value: text });
    return null;
  };
}

export const splitNames = (text: string | undefined): string[] => (text ?? '').split(',').map((s) => s.trim()).filter(Boolean);

const dimensionList = withRule(z.string().max(200), checkNames(dimensions, 2, { zh: '维度', en: 'dimension' }));
const measureList = withRule(z.string().max(200), checkNames(analysisMeasures, analysisMeasures.length, { zh: '指标', en: 'measure' }));

const selection = {
  from: period.describe('First period: a year (2021) or a quarter (2021Q1); contracts by registration date'),
  to: period.optional().describe('Last period (default: the first)'),
  filter: z.string().max(2000).optional().describe('The contracts list’s filter syntax over type, sub_type, flow, district_code, zone, technology_field, seller_kind, buyer_province, seller_org_id, registered_on, registered_year, contract_amount, transaction_amount'),
};

export const marketAnalysisQuery = z.strictObject({
  ...selection,
  dimensions: dimensionList.optional().describe(`Up to two of ${dimensions.join(', ')}, comma-separated; none gives the total`),
  measures: measureList.optional().describe(`Any of ${analysisMeasures.join(', ')} (default all)`),
  compare: z.enum(['none', 'previous_year']).default('none').describe('previous_year: each cell beside the same cell a year before, and the change'),
});
export type MarketAnalysisQuery = z.output<typeof marketAnalysisQuery>;

export const marketAnalysisExportQuery = marketAnalysisQuery.extend({ lang: z.enum(exportLanguages).default('zh') });
export type MarketAnalysisExportQuery = z.output<typeof marketAnalysisExportQuery>;

/** Money as decimal text of yuan, exact. */
const yuan = z.string().meta({ example: '1250000.00' });
const values = z.object({ count: z.number().int().optional(), contract_amount: yuan.optional(), transaction_amount: yuan.optional() });
const changes = z.object({ count: z.number().nullable().optional(), contract_amount: z.number().nullable().optional(), transaction_amount: z.number().nullable().optional() });

const figures = z.object({
  values,
  previous: values.nullable().describe('The same cell a year before (compare=previous_year)'),
  change: changes.nullable().describe('Relative change from a year before (0.25 = +25 %); null where there was nothing'),
  drill_filter: z.string().describe('The contracts list filter (GET /api/v1/tech-contracts?filter=…) that lists exactly this cell’s contracts'),
});

export const marketAnalysis = z
  .object({
    from: z.string(),
    to: z.string(),
    filter: z.string(),
    dimensions: z.array(z.object({ code: z.string(), name: bilingual })),
    measures: z.array(z.enum(analysisMeasures)),
    rows: z.array(figures.extend({ keys: z.array(z.object({ key: z.string().nullable(), label: bilingual })) })),
    totals: figures,
    data_version: z.string().describe('The version of the data the answer was computed on: a write changes it'),
  })
  .meta({ id: 'MarketAnalysis' });
export type MarketAnalysis = z.output<typeof marketAnalysis>;
export type AnalysisDimension = Dimension;

export const marketTopSellersQuery = z.strictObject({ ...selection, limit: z.coerce.number().int().min(1).max(100).default(20) });
export type MarketTopSellersQuery = z.output<typeof marketTopSellersQuery>;
export const marketTopSellers = z
  .object({
    from: z.string(),
    to: z.string(),
    items: z.array(
      z.object({ rank: z.number().int(), seller_org_id: id, seller_name: z.string(), count: z.number().int(), contract_amount: yuan, transaction_amount: yuan, drill_filter: z.string() }),
    ),
  })
  .meta({ id: 'MarketTopSellers' });
export type MarketTopSellers = z.output<typeof marketTopSellers>;
