import { z } from 'zod';
import type { ListQuery } from '../../contracts/common.js';
import type { Indicator, Observation, OfficialValueCreate, rowsQuery } from '../../contracts/indicators.js';
import type { Queryable } from '../../db/client.js';
import { formatFilters, parseListQuery, type ParsedList } from '../../db/list/parse.js';
import { runList, type ListPage } from '../../db/list/sql.js';
import type { Message } from '../../domain/message.js';
import { isViolation, parsePeriod } from '../../domain/period.js';
import { unitLabels } from '../../domain/indicatorUnits.js';
import { presentAchievement, visibleSql as achievementsVisibleSql } from '../achievements/service.js';
import { presentIncubation } from '../incubations/service.js';
import { presentIpLoan, shippedIpLoanPolicies, visibleSql as ipLoansVisibleSql } from '../ipLoans/service.js';
import { presentOrganization } from '../organizations/service.js';
import { presentProject } from '../projects/service.js';
import { presentTransfer } from '../transfers/service.js';
import { presentPlatform } from '../platforms/service.js';
import { presentQualification } from '../qualifications/service.js';
import { presentRdInstitution } from '../rdInstitutions/service.js';
import { registryListSpec } from '../shared/registryLists.js';
import { authorize, type Principal } from '../shared/principal.js';
import { presentTechContract, visibleSql } from '../techContracts/service.js';
import { introductionFor, introductionListSpecFor, presentTalentIntroduction } from '../talent/service.js';
import type { AuditActor } from '../audit/trail.js';
import { notFound, validationFailed } from '../shared/errors.js';
import { write } from '../shared/write.js';
import { breakdownLabels, measureOf, type Entity, type NamedField, type RecordIndicator, type ResolvedIndicator } from './catalogue.js';
import { rowFilters } from './compute.js';
import type { IndicatorEngine, Versions } from './engine.js';
import { insertOfficialValue, officialValueHistory, type OfficialValueRow } from './officialValues.js';

/** Use cases of indicators (指标): the catalogue, observations, the rows behind a value, official values. */

const INDICATOR: Message = { zh: '指标', en: 'Indicator' };

const problem = (field: string, code: string, zh: string, en: string, params?: Record<string, unknown>) =>
  validationFailed([params ? { field, code, message: { zh, en }, params } : { field, code, message: { zh, en } }]);

export function findIndicator(engine: IndicatorEngine, code: string): ResolvedIndicator {
  const r = engine.indicator(code);
  if (!r) throw notFound(INDICATOR, code);
  return r;
}

export function presentIndicator(engine: IndicatorEngine, r: ResolvedIndicator): Indicator {
  const def = r.def;
  return {
    code: def.code,
    name: def.name,
    unit: def.unit,
    unit_label: unitLabels[def.unit],
    decimals: def.decimals ?? 0,
    direction: def.direction,
    definition: def.definition,
    source: r.kind === 'official' ? 'official' : 'computed',
    formula: def.formula ?? null,
    measure: measureOf(r, engine.catalogue),
    breakdowns: r.kind === 'record' ? [...r.breakdowns.keys()].map((code) => ({ code, label: breakdownLabels[code] ?? { zh: code, en: code } })) : [],
    rows_entity: r.kind === 'record' ? (r.distinct?.entity ?? r.formula.entity) : null,
  };
}

export function listIndicators(engine: IndicatorEngine): { first_year: number; results: Indicator[] } {
  return { first_year: engine.catalogue.firstYear, results: [...engine.catalogue.indicators.values()].map((r) => presentIndicator(engine, r)) };
}

/** The city's code or one of its districts; anything else is a field problem. */
export function checkArea(engine: IndicatorEngine, area: string | undefined): string {
  if (area === undefined || area === engine.city.code) return engine.city.code;
  if (engine.city.districts.some((d) => d.code === area)) return area;
  throw problem('area', 'area.unknown', `区域“${area}”不是本市或其区县代码`, `Area "${area}" is neither the city nor one of its districts`, { value: area });
}

/** A year the engine computes: from the catalogue's first year to the running one. */
export function checkYear(engine: IndicatorEngine, period: string, field = 'period'): number {
  const p = parsePeriod(period);
  if (isViolation(p)) throw problem(field, p.code, p.message.zh, p.message.en, p.params);
  if (p.kind !== 'year') throw problem(field, 'period.quarter_not_computed', '季度指标尚未提供，请按年份查询', 'Quarterly values are not computed yet; ask for a year', { value: period });
  const { first, last } = engine.years;
  if (p.year < first || p.year > last) {
    throw problem(field, 'period.out_of_range', `统计期应在 ${first}–${last} 年之间`, `The period must be a year from ${first} to ${last}`, { value: period, first, last });
  }
  return p.year;
}

function checkBreakdown(r: ResolvedIndicator, breakdown: string): NamedField {
  const found = r.kind === 'record' ? r.breakdowns.get(breakdown) : undefined;
  if (found) return found;
  const allowed = r.kind === 'record' ? [...r.breakdowns.keys()] : [];
  throw problem(
    'breakdown',
    'breakdown.unknown',
    allowed.length ? `指标 ${r.def.code} 可按以下维度分解：${allowed.join('、')}` : `指标 ${r.def.code} 不可分解`,
    allowed.length ? `Indicator ${r.def.code} breaks down by: ${allowed.join(', ')}` : `Indicator ${r.def.code} has no breakdowns`,
    { allowed: allowed.join(',') },
  );
}

/** `known`: the table counters the caller already read for this request (the dashboard reads them once). */
export async function observations(engine: IndicatorEngine, code: string, q: { period?: string; area?: string; breakdown?: string }, known?: Versions): Promise<Observation[]> {
  const r = findIndicator(engine, code);
  const area = checkArea(engine, q.area);
  const { first, last } = engine.years;
  const years = q.period ? [checkYear(engine, q.period)] : Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const versions = known ?? (await engine.versions());
  if (q.breakdown !== undefined) return breakdownObservations(engine, r as RecordIndicator, checkBreakdown(r, q.breakdown), q.breakdown, years, area, versions);
  const values = await Promise.all(years.map((y) => engine.value(code, y, area, versions)));
  return years.map((y, i) => engine.observation(code, y, area, values[i]!));
}

async function breakdownObservations(engine: IndicatorEngine, r: RecordIndicator, field: NamedField, breakdown: string, years: number[], area: string, versions: Versions): Promise<Observation[]> {
  const city = engine.city.code;
  // By district, the series the engine keeps anyway (every value per area) is the breakdown.
  const byArea = field.name === r.area.name;
  const table = await engine.series(r, byArea ? null : field, versions);
  const cells = (key: string | null) => (byArea ? table.get(key ?? '') : table.get(area, key));
  const seen = byArea ? (area === city ? table.areas().map((a) => (a === '' ? null : a)) : [area]) : table.keys(area);
  // Keys with nothing in the years asked for are left out, except that every district appears on
  // a city's district breakdown (a map shows them all).
  const keys = seen.filter((key) => years.some((y) => (cells(key)?.[y - table.first]?.n ?? 0) > 0));
  if (byArea && area === city) for (const d of engine.city.districts) if (!keys.includes(d.code)) keys.push(d.code);
  const out: Observation[] = [];
  for (const y of years) {
    for (const key of keys) {
      const v = engine.cellValue(r, cells(key)?.[y - table.first], y);
      out.push(engine.observation(r.def.code, y, area, v, { breakdown_key: key, breakdown_label: key === null ? null : (field.field.label?.(key) ?? null) }));
    }
  }
  return out;
}

const presenters: Record<Entity, (row: never) => object> = {
  organizations: presentOrganization,
  qualifications: presentQualification,
  rd_institutions: presentRdInstitution,
  platforms: presentPlatform,
  tech_contracts: presentTechContract,
  projects: presentProject,
  achievements: presentAchievement,
  transfers: presentTransfer,
  incubations: presentIncubation,
  talent_introductions: presentTalentIntroduction,
  ip_loans: (row: Parameters<typeof presentIpLoan>[0]) => presentIpLoan(row, shippedIpLoanPolicies()),
};

export interface IndicatorRows extends ListPage<Record<string, unknown>> {
  indicator: { code: string; period: string; area: string; part: 'all' | 'part' };
  entity: Entity;
  /** The registry list filter that returns the same rows (null when they are another list's rows referred to, e.g. distinct organizations). */
  filter: string | null;
}

/** The rows behind one value (下钻): the registry list with the formula's, period's and area's filters added. */
export async function indicatorRows(engine: IndicatorEngine, code: string, q: z.output<typeof rowsQuery>, principal: Principal): Promise<IndicatorRows> {
  const r = findIndicator(engine, code);
  if (r.kind !== 'record') {
    throw problem('code', 'indicator.no_rows', `指标 ${code} 为${r.kind === 'official' ? '官方统计值' : '派生指标'}，没有对应的登记记录`, `Indicator ${code} is ${r.kind === 'official' ? 'an official statistic' : 'derived from others'}: no registry rows lie behind it`);
  }
  const year = checkYear(engine, q.period);
  const area = checkArea(engine, q.area);
  const terms = rowFilters(r, { kind: 'year', year }, area === engine.city.code ? null : area, q.part === 'part');
  const { period: _p, area: _a, part, ...listQuery } = q;
  const entity = r.distinct?.entity ?? r.formula.entity;
  const owner = ACHIEVEMENT_OWNERS[entity];
  const spec = entity === 'tech_contracts' ? contractRowsSpec(engine, principal) : entity === 'talent_introductions' ? talentRowsSpec(engine, principal) : entity === 'ip_loans' ? ipLoanRowsSpec(engine, principal) : owner ? achievementRowsSpec(engine, entity, owner, principal) : (r.distinct?.spec ?? r.spec);
  const parsed = parseListQuery(spec, listQuery as ListQuery);
  if (!parsed.ok) throw validationFailed(parsed.problems);
  const list: ParsedList = r.distinct
    ? { ...parsed.value, referencedBy: { spec: r.spec, filters: terms, column: r.distinct.field.field.column } }
    : { ...parsed.value, filters: [...terms, ...parsed.value.filters] };
  const present = entity === 'talent_introductions' ? (row: never) => introductionFor(presentTalentIntroduction(row), principal) : presenters[entity];
  const page = await runList(engine.db, spec, list, present as (row: { id: number }) => Record<string, unknown>);
  return { ...page, indicator: { code, period: String(year), area, part }, entity, filter: r.distinct ? null : formatFilters(terms) };
}

/** The contracts behind a value are not public: the caller's own reach of the contracts list (its sums are). */
function contractRowsSpec(engine: IndicatorEngine, principal: Principal) {
  authorize(principal, 'tech_contracts.read');
  return registryListSpec('tech_contracts', engine.city, visibleSql(engine.app, principal));
}

/** A firm's borrowing is not public: the caller's own reach of the loans list (the sums are). */
function ipLoanRowsSpec(engine: IndicatorEngine, principal: Principal) {
  authorize(principal, 'ip_loans.read');
  return registryListSpec('ip_loans', engine.city, ipLoansVisibleSql(engine.app, principal));
}

/** The people behind a talent figure are not public: the caller's reach, and their personal data masked unless it may see it. */
function talentRowsSpec(engine: IndicatorEngine, principal: Principal) {
  authorize(principal, 'talent.read');
  return introductionListSpecFor(engine.app, principal);
}

/** Projects, achievements, transfers, incubations: the rows are their owners' business, read by reach (the figures are public). */
const ACHIEVEMENT_OWNERS: Partial<Record<Entity, string>> = { projects: 'lead_org_id', achievements: 'owner_org_id', transfers: 'owner_org_id', incubations: 'owner_org_id' };
function achievementRowsSpec(engine: IndicatorEngine, entity: Entity, ownerColumn: string, principal: Principal) {
  authorize(principal, 'achievements.read');
  return registryListSpec(entity, engine.city, achievementsVisibleSql(engine.app, principal, ownerColumn));
}

// ── Official statistics ──────────────────────────────────────────────────────────────────────────

function presentOfficialValue(row: OfficialValueRow) {
  return {
    id: row.id,
    code: row.indicator_code,
    period: row.period,
    area: row.area_code,
    value: row.value,
    source: row.source,
    published_on: row.published_on,
    note: row.note,
    created_at: row.created_at.toISOString(),
    current: row.current,
  };
}

function officialIndicator(engine: IndicatorEngine, code: string): ResolvedIndicator {
  const r = findIndicator(engine, code);
  if (r.kind !== 'official') {
    throw problem('code', 'indicator.computed', `指标 ${code} 由登记数据计算得出，不能录入数值`, `Indicator ${code} is computed from the registry; values cannot be entered`);
  }
  return r;
}

/** Records a published (or revised) official figure; older publications stay as its history. */
export async function addOfficialValue(engine: IndicatorEngine, code: string, input: OfficialValueCreate, actor: AuditActor) {
  officialIndicator(engine, code);
  const p = parsePeriod(input.period);
  if (!isViolation(p) && p.kind !== 'year') throw problem('period', 'period.quarter_not_computed', '季度数值尚未支持，请按年份录入', 'Quarterly values are not supported yet; enter a year');
  const area = checkArea(engine, input.area);
  return write(engine.app, actor, { action: 'create', entity: 'official_values' }, async ({ db }) => {
    const id = await insertOfficialValue(db, { indicator_code: code, period: input.period, area_code: area, value: input.value, source: input.source, published_on: input.published_on, note: input.note ?? null });
    const rows = await officialValueHistory(db, code, { period: input.period, area });
    const added = presentOfficialValue(rows.find((row) => row.id === id)!);
    return { result: added, recordId: id, after: added };
  });
}

export async function listOfficialValues(engine: IndicatorEngine, code: string, q: { period?: string; area?: string }) {
  officialIndicator(engine, code);
  const area = q.area === undefined ? undefined : checkArea(engine, q.area);
  return { results: (await officialValueHistory(engine.db, code, { period: q.period, area })).map(presentOfficialValue) };
}

/** An official figure as a data file gives it (the demo's statistics, a city's back series). */
export interface OfficialFigure {
  code: string;
  period: string;
  value: number;
  source: string;
  published_on: string;
  note?: string;
}

/**
 * Loads official figures for the city, skipping any already recorded with the same publication
 * day and value, so loading twice adds nothing. Codes are checked against the catalogue first.
 */
export async function loadOfficialFigures(engine: IndicatorEngine, figures: readonly OfficialFigure[], db: Queryable = engine.db): Promise<number> {
  for (const f of figures) officialIndicator(engine, f.code);
  let added = 0;
  for (const f of figures) {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM official_values WHERE indicator_code = $1 AND period = $2 AND area_code = $3 AND published_on = $4 AND value = $5`,
      [f.code, f.period, engine.city.code, f.published_on, f.value],
    );
    if (rows[0]!.n > 0) continue;
    await insertOfficialValue(db, { indicator_code: f.code, period: f.period, area_code: engine.city.code, value: f.value, source: f.source, published_on: f.published_on, note: f.note ?? null });
    added++;
  }
  return added;
}
