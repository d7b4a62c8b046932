import { Readable } from 'node:stream';
import type { MarketAnalysis, MarketAnalysisExportQuery, MarketAnalysisQuery, MarketTopSellers, MarketTopSellersQuery, AnalysisMeasure } from '../../contracts/marketAnalysis.js';
import { analysisMeasures, splitNames } from '../../contracts/marketAnalysis.js';
import type { FileColumn } from '../../contracts/fileColumns.js';
import { formatFilters, parseFilters } from '../../db/list/parse.js';
import type { ListSpec } from '../../db/list/spec.js';
import { fenToYuan } from '../../domain/analysis/fen.js';
import { dimensionListField, dimensionNames, measureNames } from '../../domain/analysis/names.js';
import { aggregate, change, filterColumns, topSellers, yearOnYear, type Cell, type Dimension, type FilterTerm, type Measures, type Scope, type Selection } from '../../domain/analysis/query.js';
import { citywide, reachOf } from '../../domain/permissions.js';
import { formatPeriod, parsePeriod, periodBounds, shiftDate, type Period } from '../../domain/period.js';
import { contentDisposition } from '../exports/cells.js';
import { writeExport } from '../exports/writers.js';
import type { ServiceContext } from '../shared/context.js';
import { validationFailed } from '../shared/errors.js';
import type { Principal } from '../shared/principal.js';
import { marketCodes } from '../techContracts/codes.js';
import { techContractListSpec } from '../techContracts/queries.js';
import { keyLabel } from './labels.js';
import { organizationNames } from './queries.js';
import type { ContractColumnStore } from './store.js';

/** The contracts list's fields a question may filter on (the same parser, so a drill-down filter is a list filter). */
function filterSpec(ctx: ServiceContext): ListSpec {
  const list = techContractListSpec(ctx.city, marketCodes().market);
  return { ...list, fields: Object.fromEntries(Object.keys(filterColumns).map((f) => [f, list.fields[f]!])) };
}

/** Whose contracts the caller counts: exactly the contracts list's reach (visibleSql in techContracts/service.ts). */
export function scopeOf(ctx: ServiceContext, p: Principal): Scope {
  const reach = reachOf(p, 'tech_contracts.read');
  if (reach === 'all' || (reach === 'area' && citywide(p))) return { kind: 'all' };
  if (reach === 'own') return { kind: 'sellers', ids: p.organizationIds.filter(Number.isInteger) };
  if (reach !== 'area') return { kind: 'none' };
  return { kind: 'area', districts: p.districts.filter((d) => ctx.city.districts.some((x) => x.code === d)), zones: p.zones.filter((z) => ctx.city.zones.some((x) => x.code === z)) };
}

interface Asked {
  selection: Selection;
  /** The list filter every drill-down starts from: registered, within the period, the caller's filter. */
  baseFilter: string;
}

function selectionOf(ctx: ServiceContext, q: { from: string; to?: string | undefined; filter?: string | undefined }, principal: Principal): Asked {
  const from = parsePeriod(q.from) as Period;
  const to = parsePeriod(q.to ?? q.from) as Period;
  if (periodBounds(to).end < periodBounds(from).start)
    throw validationFailed([{ field: 'to', code: 'period.reversed', message: { zh: `结束统计期 ${q.to} 早于开始统计期 ${q.from}`, en: `The last period ${q.to} is before the first ${q.from}` }, params: { from: q.from, to: q.to } }]);
  const parsed = parseFilters(filterSpec(ctx), q.filter ?? '');
  if (!parsed.ok) throw validationFailed(parsed.problems);
  const filters: FilterTerm[] = parsed.value;
  const range = `registered_on:>${shiftDate(periodBounds(from).start, -1)},registered_on:<${shiftDate(periodBounds(to).end, 1)}`;
  const baseFilter = ['status:registered', range, formatFilters(parsed.value)].filter(Boolean).join(',');
  return { selection: { from, to, filters, scope: scopeOf(ctx, principal) }, baseFilter };
}

/** The list filter of one cell: the base, plus each dimension's key (a quarter as its days). */
function cellFilter(base: string, by: readonly Dimension[], keys: ReadonlyArray<string | null>): string {
  const terms = by.map((d, i) => {
    const key = keys[i] ?? null;
    if (d === 'quarter' && key !== null) {
      const { start, end } = periodBounds(parsePeriod(key) as Period);
      return `registered_on:>${shiftDate(start, -1)},registered_on:<${shiftDate(end, 1)}`;
    }
    return `${dimensionListField[d]}:${key ?? 'null'}`;
  });
  return [base, ...terms].join(',');
}

function valuesOf(m: Measures, measures: readonly AnalysisMeasure[]): MarketAnalysis['totals']['values'] {
  const all = { count: m.count, contract_amount: fenToYuan(m.contract), transaction_amount: fenToYuan(m.transaction) };
  return Object.fromEntries(measures.map((k) => [k, all[k]]));
}

function changesOf(now: Measures, before: Measures, measures: readonly AnalysisMeasure[]): NonNullable<MarketAnalysis['totals']['change']> {
  const all = { count: change(now.count, before.count), contract_amount: change(now.contract, before.contract), transaction_amount: change(now.transaction, before.transaction) };
  return Object.fromEntries(measures.map((k) => [k, all[k]]));
}

type Compared = Cell & { previous?: Measures };

function figures(c: Compared, measures: readonly AnalysisMeasure[], drill: string): MarketAnalysis['totals'] {
  return {
    values: valuesOf(c, measures),
    previous: c.previous ? valuesOf(c.previous, measures) : null,
    change: c.previous ? changesOf(c, c.previous, measures) : null,
    drill_filter: drill,
  };
}

/** GET /market-analysis: the cells of the question, their totals, and each cell's drill-down filter. */
export async function analyse(ctx: ServiceContext, store: ContractColumnStore, q: MarketAnalysisQuery, principal: Principal): Promise<MarketAnalysis> {
  const by = splitNames(q.dimensions) as Dimension[];
  const measures = q.measures ? (splitNames(q.measures) as AnalysisMeasure[]) : [...analysisMeasures];
  const { selection, baseFilter } = selectionOf(ctx, q, principal);
  const compare = q.compare === 'previous_year';
  const { version, cells, total } = await store.read((columns, version) => {
    const cells: Compared[] = compare ? yearOnYear(columns, selection, by) : aggregate(columns, selection, by);
    const total: Compared = (compare ? yearOnYear(columns, selection, []) : aggregate(columns, selection, []))[0] ?? { keys: [], count: 0, contract: 0, transaction: 0, ...(compare ? { previous: { count: 0, contract: 0, transaction: 0 } } : {}) };
    return { version, cells, total };
  });
  return {
    from: formatPeriod(selection.from),
    to: formatPeriod(selection.to),
    filter: formatFilters(selection.filters),
    dimensions: by.map((code) => ({ code, name: dimensionNames[code] })),
    measures,
    rows: cells.map((c) => ({ keys: c.keys.map((key, i) => ({ key, label: keyLabel(ctx.city, by[i]!, key) })), ...figures(c, measures, cellFilter(baseFilter, by, c.keys)) })),
    totals: figures(total, measures, baseFilter),
    data_version: version,
  };
}

/** GET /market-analysis/top-sellers: the sellers of the largest contract amounts in the selection. */
export async function topSellersOf(ctx: ServiceContext, store: ContractColumnStore, q: MarketTopSellersQuery, principal: Principal): Promise<MarketTopSellers> {
  const { selection, baseFilter } = selectionOf(ctx, q, principal);
  const top = await store.read((columns) => topSellers(columns, selection, q.limit));
  const names = await organizationNames(ctx.db, top.map((s) => s.sellerId));
  return {
    from: formatPeriod(selection.from),
    to: formatPeriod(selection.to),
    items: top.map((s, i) => ({
      rank: i + 1,
      seller_org_id: s.sellerId,
      seller_name: names.get(s.sellerId) ?? '',
      count: s.count,
      contract_amount: fenToYuan(s.contract),
      transaction_amount: fenToYuan(s.transaction),
      drill_filter: `${baseFilter},seller_org_id:${s.sellerId}`,
    })),
  };
}

const textColumn = (key: string, name: { zh: string; en: string }): FileColumn => ({ key, zh: name.zh, en: name.en, type: 'text', required: false });

/** The analysis table as an XLSX file: a column per dimension, then the measures (and the year before, and the change). */
export async function exportAnalysis(ctx: ServiceContext, store: ContractColumnStore, q: MarketAnalysisExportQuery, principal: Principal): Promise<{ stream: Readable; contentDisposition: string }> {
  const answer = await analyse(ctx, store, q, principal);
  const compared = q.compare === 'previous_year';
  const columns: FileColumn[] = [
    ...answer.dimensions.map((d) => textColumn(`dimension_${d.code}`, d.name)),
    ...answer.measures.map((m) => textColumn(m, measureNames[m])),
    ...(compared ? answer.measures.map((m) => textColumn(`previous_${m}`, { zh: `上年${measureNames[m].zh}`, en: `${measureNames[m].en}, a year before` })) : []),
    ...(compared ? answer.measures.map((m) => textColumn(`change_${m}`, { zh: `${measureNames[m].zh}同比`, en: `${measureNames[m].en}, change` })) : []),
  ];
  const lang = q.lang;
  const line = (keys: string[], f: MarketAnalysis['totals']): Record<string, string | null> => {
    const row: Record<string, string | null> = Object.fromEntries(answer.dimensions.map((d, i) => [`dimension_${d.code}`, keys[i] ?? null]));
    for (const m of answer.measures) {
      row[m] = String(f.values[m] ?? '');
      if (!compared) continue;
      row[`previous_${m}`] = String(f.previous?.[m] ?? '');
      const ratio = f.change?.[m];
      row[`change_${m}`] = ratio === null || ratio === undefined ? null : `${(ratio * 100).toFixed(1)}%`;
    }
    return row;
  };
  const totalLabel = lang === 'zh' ? '合计' : 'Total';
  const rows = [...answer.rows.map((r) => line(r.keys.map((k) => k.label[lang]), r)), line(answer.dimensions.length ? [totalLabel] : [], answer.totals)];
  const sheet = { columns, lang, sheetName: lang === 'zh' ? '技术市场分析' : 'Market analysis', reading: { header: (c: FileColumn) => c[lang], text: (_c: FileColumn, v: unknown) => (v === null || v === '' ? null : String(v)) } };
  const names = { ascii: `market-analysis-${ctx.clock.today().replaceAll('-', '')}.xlsx`, utf8: `${lang === 'zh' ? '技术市场分析' : 'market-analysis'}-${ctx.clock.today().replaceAll('-', '')}.xlsx` };
  return { stream: writeExport('xlsx', sheet, (async function* () { yield rows; })()), contentDisposition: contentDisposition(names) };
}
