import type { Dashboard, Indicator, Observation, Target } from '../../contracts/indicators.js';
import type { IndicatorUnit } from '../../domain/indicatorUnits.js';
import type { Message } from '../../domain/message.js';
import { reportCommentary, targetOutcome, type FigureUnit, type HeadlineFigure, type TargetFigure, type TargetOutcome } from '../../domain/reportCommentary.js';

/**
 * The annual report (年度统计报告) as data, in both languages: its commentary, its tables (each
 * with its source and statistical year) and its charts. Built from the dashboard's reply and the
 * indicator service's observations only — every figure is one the dashboard or
 * `/indicators/{code}/observations` serves, never computed again here. The renderers (HTML,
 * XLSX, PDF) lay it out; they add no figures either.
 */

/** One figure of the report and where it comes from, so a test can find the same one in the API. */
export interface Figure {
  code: string;
  period: string;
  area: string;
  /** A breakdown's cell: `district`, `zone`, `contract_type`… and its key (null: records without one). */
  breakdown?: { by: string; key: string | null };
  /** `value`: the observation; `change_percent`, `change` (a rank's places): the dashboard's change on the year before; `target`, `target_current`: a target's goal and its figure. */
  of: 'value' | 'change_percent' | 'change' | 'target' | 'target_current';
  value: number | null;
  unit: IndicatorUnit;
  decimals: number;
}

export type ReportCell = { text: Message } | { figure: Figure };

export interface ReportChart {
  kind: 'line' | 'bar';
  title: Message;
  categories: Message[];
  series: Array<{ name: Message; figures: Figure[] }>;
  unit: FigureUnit;
}

export interface ReportTable {
  /** Stable key (the XLSX sheet's order and the tests'). */
  key: string;
  title: Message;
  /** Where the figures come from (each sheet names it with the statistical year). */
  source: Message;
  note?: Message;
  columns: Message[];
  rows: ReportCell[][];
  charts: ReportChart[];
}

export interface ReportModel {
  year: number;
  city: Message;
  title: Message;
  /** The day the year's computed figures stand for: its last day, or today while it runs. */
  asOf: string;
  generatedAt: string;
  commentary: Message[];
  tables: ReportTable[];
}

/** Five years of an indicator, as the indicator service answers them. */
export interface IndicatorSeries {
  indicator: Indicator;
  points: Observation[];
}

/** One year of an indicator broken down (`zone`, `contract_type`…). */
export interface IndicatorBreakdown extends IndicatorSeries {
  by: string;
}

/** The thematic sections beyond the dashboard: which indicators each shows, as far as the catalogue has them. */
export const REPORT_SECTIONS = [
  { key: 'platforms', title: { zh: '创新平台', en: 'Innovation platforms' }, codes: ['platforms.national.count', 'platforms.national_key_lab.new', 'platforms.concept_verification_center.count', 'platforms.pilot_platform.count'] },
  { key: 'enterprises', title: { zh: '创新主体', en: 'Innovative enterprises' }, codes: ['enterprises.high_tech.count', 'enterprises.tech_sme.count', 'enterprises.little_giant.count'] },
  { key: 'market', title: { zh: '技术市场', en: 'Technology market' }, codes: ['contracts.count', 'contracts.turnover', 'contracts.tech_transaction'] },
  {
    key: 'achievements',
    title: { zh: '攻关与成果转化', en: 'Key technologies and transfer of achievements' },
    codes: ['projects.count', 'achievements.count', 'achievements.key_tech_breakthroughs', 'achievements.globally_leading', 'transfers.count', 'transfers.amount', 'incubations.count'],
  },
  { key: 'finance', title: { zh: '科技金融（知识产权质押融资）', en: 'Finance (IP-backed loans)' }, codes: ['ip_loans.firms_financed', 'ip_loans.amount', 'ip_loans.outstanding', 'ip_loans.overdue_rate', 'ip_loans.compensation_paid'] },
  { key: 'talent', title: { zh: '人才引进', en: 'Talent' }, codes: ['talent.introductions'] },
] as const satisfies ReadonlyArray<{ key: string; title: Message; codes: readonly string[] }>;

/** The year's breakdowns beyond the districts: the zones of the dashboard's indicators, the market by contract type, talent by category. */
export const REPORT_BREAKDOWNS = [
  { key: 'contract_types', by: 'contract_type', title: { zh: '技术合同按类型', en: 'Technology contracts by type' }, codes: ['contracts.count', 'contracts.turnover'] },
  { key: 'talent_categories', by: 'talent_category', title: { zh: '引进人才按类别', en: 'Talent introduced by category' }, codes: ['talent.introductions'] },
] as const;

/** How many years the trends look back: the report's year and the four before. */
export const TREND_YEARS = 5;

export interface ReportInputs {
  year: number;
  city: Message;
  generatedAt: string;
  /** The dashboard of the year, its targets the year's own. */
  dashboard: Dashboard;
  /** The following year's targets and their progress, when that year has begun. */
  nextTargets: { period: string; asOf: string; targets: Target[] } | null;
  /** Every indicator of the sections, every year the engine has. */
  series: IndicatorSeries[];
  /** The dashboard's district indicators by zone, and `REPORT_BREAKDOWNS`. */
  breakdowns: IndicatorBreakdown[];
}

const COMPUTED: Message = { zh: '登记数据计算', en: 'Computed from the registry' };
const DASHBOARD_SOURCE: Message = { zh: '驾驶舱（指标引擎）；官方统计值注明其来源', en: 'Dashboard (indicator engine); official statistics name their source' };
const NOT_GIVEN: Message = { zh: '未填写', en: 'Not given' };
const INDICATOR: Message = { zh: '指标', en: 'Indicator' };

const text = (m: Message): ReportCell => ({ text: m });
const plain = (s: string): ReportCell => ({ text: { zh: s, en: s } });
const unitOf = (i: Indicator): FigureUnit => ({ unit: i.unit, decimals: i.decimals });

function figureOf(i: Indicator, o: Observation, of: Figure['of'] = 'value'): Figure {
  return { code: i.code, period: o.period, area: o.area, of, value: o.value, unit: i.unit, decimals: i.decimals };
}

const DERIVED: Message = { zh: '由其他指标推算', en: 'Derived from other indicators' };
const derived = (i: Indicator) => i.formula !== null && (i.formula.op === 'ratio' || i.formula.op === 'growth' || i.formula.op === 'total');

/** "登记数据计算", "由其他指标推算" (R&D intensity from two official figures), or an official figure's own source and publication day. */
function sourceOf(i: Indicator, o: Observation): Message {
  if (o.source !== 'official') return derived(i) ? DERIVED : COMPUTED;
  const on = o.as_of ? `（${o.as_of}）` : '';
  return { zh: `${o.source_note ?? '官方统计'}${on}`, en: `${o.source_note ?? 'Official statistics'}${o.as_of ? ` (${o.as_of})` : ''}` };
}

const yearLabel = (y: number | string): Message => ({ zh: `${y} 年`, en: String(y) });

function headlineTable(d: Dashboard, year: number): ReportTable {
  const rows = d.kpis.map((k): ReportCell[] => [
    text(k.indicator.name),
    { figure: figureOf(k.indicator, k.value) },
    k.previous ? { figure: figureOf(k.indicator, k.previous) } : plain('—'),
    // A rank moves by places (the dashboard's change), not by a percentage.
    k.indicator.unit === 'rank' ? { figure: { ...figureOf(k.indicator, k.value, 'change'), value: k.change } } : { figure: { ...figureOf(k.indicator, k.value, 'change_percent'), value: k.change_percent, unit: 'percent' as const, decimals: 1 } },
    text(sourceOf(k.indicator, k.value)),
  ]);
  return {
    key: 'headline',
    title: { zh: '主要指标', en: 'Headline indicators' },
    source: DASHBOARD_SOURCE,
    columns: [INDICATOR, yearLabel(year), yearLabel(year - 1), { zh: '增减 %（排名：位次）', en: 'Change % (ranks: places)' }, { zh: '来源', en: 'Source' }],
    rows,
    charts: [],
  };
}

const OUTCOME_LABELS: Record<TargetOutcome, Message> = {
  met: { zh: '已完成', en: 'Met' },
  missed: { zh: '未完成', en: 'Missed' },
  open: { zh: '推进中', en: 'Open' },
  no_data: { zh: '暂无数据', en: 'No figure' },
};
const COMPARATORS: Record<Target['comparator'], string> = { '>=': '≥', '<=': '≤', '≈': '≈' };

const targetFigure = (t: Target, of: 'target' | 'target_current'): Figure => ({
  code: t.indicator_code,
  period: t.period,
  area: t.area,
  of,
  value: of === 'target' ? t.value : t.current,
  unit: t.unit,
  decimals: t.unit === 'count' || t.unit === 'rank' ? 0 : 2,
});

function targetsTable(key: string, period: string, targets: readonly Target[], title: Message, outcome: (t: Target) => Message): ReportTable {
  const rows: ReportCell[][] = targets.map((t) => [text(t.indicator_name), plain(COMPARATORS[t.comparator]), { figure: targetFigure(t, 'target') }, { figure: targetFigure(t, 'target_current') }, text(outcome(t))]);
  if (!rows.length) rows.push([text({ zh: `${period} 年未设定目标`, en: `No targets set for ${period}` }), plain(''), plain(''), plain(''), plain('')]);
  return {
    key,
    title,
    source: { zh: '目标管理与驾驶舱（指标引擎）', en: 'Targets and dashboard (indicator engine)' },
    columns: [INDICATOR, { zh: '比较', en: 'Comparator' }, { zh: '目标值', en: 'Target' }, { zh: '实际值', en: 'Actual' }, { zh: '结果', en: 'Outcome' }],
    rows,
    charts: [],
  };
}

/** Points of the five years up to the report's, in year order (a year the engine has no point for stays empty). */
function trendYears(year: number, firstYear: number): number[] {
  const from = Math.max(firstYear, year - TREND_YEARS + 1);
  return Array.from({ length: year - from + 1 }, (_, i) => from + i);
}

function seriesTable(key: string, title: Message, source: Message, series: readonly IndicatorSeries[], years: number[], area: string, chartEach: boolean): ReportTable {
  const at = (s: IndicatorSeries, y: number) => s.points.find((p) => p.period === String(y) && p.breakdown_key === undefined);
  const rows = series.map((s) => [text(s.indicator.name), ...years.map((y): ReportCell => ({ figure: figureOf(s.indicator, at(s, y) ?? blank(s.indicator, y, area)) }))]);
  const charts: ReportChart[] = chartEach
    ? series.map((s) => ({ kind: 'line', title: s.indicator.name, categories: years.map(yearLabel), series: [{ name: s.indicator.name, figures: years.map((y) => figureOf(s.indicator, at(s, y) ?? blank(s.indicator, y, area))) }], unit: unitOf(s.indicator) }))
    : [];
  return { key, title, source, columns: [INDICATOR, ...years.map(yearLabel)], rows, charts };
}

/** A year the series lacks: no value (the engine answers every year it computes, so this only pads). */
const blank = (i: Indicator, y: number, area: string): Observation => ({ code: i.code, period: String(y), area, value: null, unit: i.unit, source: i.source, as_of: null });

/** Rows = the breakdown's keys (in first-seen order), columns = the indicators. */
function breakdownTable(key: string, title: Message, by: string, parts: readonly IndicatorSeries[], chart: boolean, at: { period: string; area: string }): ReportTable {
  const keys: Array<{ key: string | null; label: Message }> = [];
  for (const p of parts) for (const o of p.points) if (!keys.some((k) => k.key === (o.breakdown_key ?? null))) keys.push({ key: o.breakdown_key ?? null, label: o.breakdown_label ?? (o.breakdown_key ? { zh: o.breakdown_key, en: o.breakdown_key } : NOT_GIVEN) });
  // A key one indicator has and another lacks (nothing counted there) is an empty cell of the latter.
  const cell = (p: IndicatorSeries, k: string | null): Figure => ({
    code: p.indicator.code,
    ...at,
    breakdown: { by, key: k },
    of: 'value',
    value: p.points.find((o) => (o.breakdown_key ?? null) === k)?.value ?? null,
    ...unitOf(p.indicator),
  });
  const rows = keys.map((k) => [text(k.label), ...parts.map((p): ReportCell => ({ figure: cell(p, k.key) }))]);
  const first = parts[0];
  const charts: ReportChart[] =
    chart && first ? [{ kind: 'bar', title: first.indicator.name, categories: keys.map((k) => k.label), series: [{ name: first.indicator.name, figures: keys.map((k) => cell(first, k.key)) }], unit: unitOf(first.indicator) }] : [];
  return { key, title, source: COMPUTED, columns: [{ zh: '分组', en: 'Group' }, ...parts.map((p) => p.indicator.name)], rows, charts };
}

function fourGlobalTable(d: Dashboard): ReportTable {
  const rows = d.funnel.map((f) => [text(f.indicator.name), { figure: figureOf(f.indicator, f.value) } as ReportCell]);
  const first = d.funnel[0];
  return {
    key: 'four_global',
    title: { zh: '“四个全球”研发机构', en: 'The "four global" picture of R&D institutions' },
    source: DASHBOARD_SOURCE,
    note: { zh: '全球布局、全球任务、全球资源、全球成果四项特征经核实的研发机构。', en: 'R&D institutions with confirmed global layout, tasks, resources and results.' },
    columns: [INDICATOR, { zh: '数值', en: 'Value' }],
    rows,
    charts: first
      ? [{ kind: 'bar', title: { zh: '“四个全球”研发机构', en: '"Four global" R&D institutions' }, categories: d.funnel.map((f) => f.indicator.name), series: [{ name: first.indicator.name, figures: d.funnel.map((f) => figureOf(f.indicator, f.value)) }], unit: unitOf(first.indicator) }]
      : [],
  };
}

function definitionsTable(indicators: readonly Indicator[]): ReportTable {
  return {
    key: 'definitions',
    title: { zh: '指标定义与来源', en: 'Definitions and sources' },
    source: { zh: '指标目录（config/indicators.json）', en: 'Indicator catalogue (config/indicators.json)' },
    columns: [INDICATOR, { zh: '定义', en: 'Definition' }, { zh: '来源', en: 'Source' }],
    rows: indicators.map((i) => [text(i.name), text(i.definition), text(i.source === 'official' ? { zh: '官方统计（录入时注明来源）', en: 'Official statistics (entered with their source)' } : derived(i) ? DERIVED : COMPUTED)]),
    charts: [],
  };
}

function headlineFigures(d: Dashboard): HeadlineFigure[] {
  return d.kpis.map((k) => ({ name: k.indicator.name, ...unitOf(k.indicator), direction: k.indicator.direction, value: k.value.value, previous: k.previous?.value ?? null }));
}

function targetFigures(targets: readonly Target[]): TargetFigure[] {
  return targets.map((t) => ({ name: t.indicator_name, unit: t.unit, decimals: t.unit === 'count' || t.unit === 'rank' ? 0 : 2, comparator: t.comparator, target: t.value, current: t.current, outcome: targetOutcome(t.status, t.elapsed) }));
}

/** The report of one year from the dashboard's reply and the indicator service's answers. */
export function annualReportModel(input: ReportInputs, firstYear: number): ReportModel {
  const { year, dashboard: d } = input;
  const years = trendYears(year, firstYear);
  const seriesOf = (codes: readonly string[]) => codes.map((c) => input.series.find((s) => s.indicator.code === c)).filter((s): s is IndicatorSeries => s !== undefined);
  const breakdownsOf = (by: string) => input.breakdowns.filter((b) => b.by === by);
  const at = { period: String(year), area: d.area };
  const tables: ReportTable[] = [
    headlineTable(d, year),
    targetsTable('targets', String(year), d.targets, { zh: `${year} 年目标完成情况`, en: `Targets for ${year}` }, (t) => OUTCOME_LABELS[targetOutcome(t.status, t.elapsed)]),
  ];
  if (input.nextTargets) {
    const { period, asOf, targets } = input.nextTargets;
    tables.push(targetsTable('targets_next', period, targets, { zh: `${period} 年目标进展（截至 ${asOf}）`, en: `Targets for ${period}: progress as of ${asOf}` }, (t) => t.status_label));
  }
  tables.push(seriesTable('trends', { zh: '五年趋势', en: 'Five-year trends' }, DASHBOARD_SOURCE, d.trends, years, d.area, true));
  tables.push(breakdownTable('districts', { zh: '分区县', en: 'By district' }, 'district', d.breakdowns, true, at));
  tables.push(breakdownTable('zones', { zh: '分园区（功能区）', en: 'By zone' }, 'zone', breakdownsOf('zone'), true, at));
  tables.push(fourGlobalTable(d));
  for (const s of REPORT_SECTIONS) {
    const parts = seriesOf(s.codes);
    if (parts.length) tables.push(seriesTable(s.key, s.title, COMPUTED, parts, years, d.area, false));
  }
  for (const b of REPORT_BREAKDOWNS) {
    const parts = breakdownsOf(b.by);
    if (parts.length) tables.push(breakdownTable(b.key, b.title, b.by, parts, true, at));
  }
  const shown = new Map<string, Indicator>();
  for (const i of [...d.kpis.map((k) => k.indicator), ...input.series.map((s) => s.indicator), ...input.breakdowns.map((b) => b.indicator)]) shown.set(i.code, i);
  tables.push(definitionsTable([...shown.values()]));
  return {
    year,
    city: input.city,
    title: { zh: `${input.city.zh}全球研发中心城市建设 ${year} 年度统计报告`, en: `${input.city.en} as a global R&D center city: statistical report ${year}` },
    asOf: d.as_of,
    generatedAt: input.generatedAt,
    commentary: reportCommentary(year, headlineFigures(d), targetFigures(d.targets)),
    tables,
  };
}

/** Every figure of the report, in its tables and charts (what the comparison test walks). */
export function reportFigures(model: ReportModel): Figure[] {
  const out: Figure[] = [];
  for (const t of model.tables) {
    for (const row of t.rows) for (const c of row) if ('figure' in c) out.push(c.figure);
    for (const chart of t.charts) for (const s of chart.series) out.push(...s.figures);
  }
  return out;
}
