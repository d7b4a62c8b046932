import type { Observation } from '../../contracts/indicators.js';
import type { PublicIndicator, PublicIndicatorDetail, PublicRowsPage } from '../../contracts/publicData.js';
import type { ListQuery } from '../../contracts/common.js';
import type { FilterTerm } from '../../db/list/parse.js';
import type { Publication, PublishedDataset } from '../../domain/publication.js';
import type { RecordIndicator, ResolvedIndicator } from '../indicators/catalogue.js';
import { rowFilters } from '../indicators/compute.js';
import type { IndicatorEngine, Versions } from '../indicators/engine.js';
import { checkArea, checkYear, findIndicator, observations, presentIndicator } from '../indicators/service.js';
import { listTargets } from '../indicators/targets.js';
import { notFound } from '../shared/errors.js';
import { listPublishedRows, PUBLIC_PREFIX } from './datasets.js';
import { datasetSpec } from './publication.js';

/**
 * The published indicators (config/publication.json `indicators`): every figure is the dashboard's,
 * from the same engine — five years up to the last complete one, the running year's target and
 * where it stands, breakdowns by district and zone, and the published rows behind a figure.
 */

const INDICATOR = { zh: '公开指标', en: 'Published indicator' };
const YEARS_SHOWN = 5;

/** The years shown: five up to the last complete one (the dashboard's default year), none before the catalogue's first. */
function shownYears(engine: IndicatorEngine): number[] {
  const last = engine.years.last - 1;
  const first = Math.max(engine.years.first, last - YEARS_SHOWN + 1);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** A published indicator, or 404 — an unpublished one is as absent as an unknown one. */
function publishedIndicator(engine: IndicatorEngine, publication: Publication, code: string): ResolvedIndicator {
  if (!publication.indicators.includes(code)) throw notFound(INDICATOR, code);
  return findIndicator(engine, code);
}

/** Every table a published figure is computed from: a write to any changes the replies. */
export function indicatorTables(engine: IndicatorEngine, publication: Publication): string[] {
  const tables = new Set(['official_values', 'targets']);
  for (const code of publication.indicators) {
    const r = engine.indicator(code);
    if (r?.kind !== 'record') continue;
    for (const t of [...r.spec.tables, ...(r.distinct?.spec.tables ?? [])]) tables.add(t);
  }
  return [...tables];
}

const figureOf = (o: Observation) => ({ period: o.period, value: o.value, as_of: o.as_of, source_note: o.source_note ?? null });

async function summary(engine: IndicatorEngine, r: ResolvedIndicator, versions: Versions, targets: Awaited<ReturnType<typeof listTargets>>): Promise<PublicIndicator> {
  const { formula: _f, measure: _m, breakdowns: _b, rows_entity: _r, ...about } = presentIndicator(engine, r);
  const years = new Set(shownYears(engine).map(String));
  const points = (await observations(engine, r.def.code, {}, versions)).filter((o) => years.has(o.period));
  const target = targets.find((t) => t.indicator_code === r.def.code);
  return {
    ...about,
    values: points.map(figureOf),
    target: target ? { period: target.period, comparator: target.comparator, value: target.value, current: target.current, status: target.status, status_label: target.status_label, progress: target.progress } : null,
    links: { self: `${PUBLIC_PREFIX}/indicators/${encodeURIComponent(r.def.code)}` },
  };
}

/** The city's targets of the running year (the dashboard's default target year). */
const cityTargets = (engine: IndicatorEngine, versions: Versions) => listTargets(engine, { period: String(engine.years.last), area: engine.city.code }, versions);

export async function publicIndicators(engine: IndicatorEngine, publication: Publication) {
  const versions = await engine.versions();
  const targets = await cityTargets(engine, versions);
  const results = await Promise.all(publication.indicators.map((code) => summary(engine, findIndicator(engine, code), versions, targets)));
  return { period: String(engine.years.last - 1), target_period: String(engine.years.last), results };
}

export async function publicIndicator(engine: IndicatorEngine, publication: Publication, code: string): Promise<PublicIndicatorDetail> {
  const r = publishedIndicator(engine, publication, code);
  const versions = await engine.versions();
  const [about, byDistrict, byZone] = await Promise.all([
    cityTargets(engine, versions).then((targets) => summary(engine, r, versions, targets)),
    breakdown(engine, r, 'district', versions),
    breakdown(engine, r, 'zone', versions),
  ]);
  const last = engine.years.last - 1;
  const rows = rowsOf(engine, publication, r) ? `${about.links.self}/rows?period=${last}` : null;
  return { ...about, by_district: byDistrict, by_zone: byZone, links: { ...about.links, rows } };
}

/** Per district or zone over the years shown; official statistics have none. */
async function breakdown(engine: IndicatorEngine, r: ResolvedIndicator, by: 'district' | 'zone', versions: Versions) {
  if (r.kind !== 'record' || !r.breakdowns.has(by)) return [];
  const years = shownYears(engine);
  const points = await Promise.all(years.map((y) => observations(engine, r.def.code, { period: String(y), breakdown: by }, versions)));
  return points.flat().map((o) => ({ period: o.period, key: o.breakdown_key ?? null, label: o.breakdown_label ?? null, value: o.value }));
}

/**
 * The published dataset holding an indicator's records, when every field its formula filters on
 * is a field of that dataset's list (what the rows route applies server-side).
 */
function rowsOf(engine: IndicatorEngine, publication: Publication, r: ResolvedIndicator): { r: RecordIndicator; dataset: PublishedDataset } | null {
  if (r.kind !== 'record') return null;
  const dataset = publication.datasets.find((d) => d.registry === (r.distinct?.entity ?? r.formula.entity));
  if (!dataset) return null;
  if (r.distinct) return { r, dataset };
  const fields = datasetSpec(dataset, engine.city, engine.today()).all.fields;
  const terms = rowFilters(r, { kind: 'year', year: engine.years.last }, null, false);
  return terms.every((t) => fields[t.field]) ? { r, dataset } : null;
}

/**
 * The published rows behind one figure: the indicator's filters for the year and area, applied
 * by the server over the dataset's rows — published fields only, within its row condition.
 */
export async function publicIndicatorRows(engine: IndicatorEngine, publication: Publication, code: string, q: ListQuery & { period: string; area?: string | undefined }): Promise<PublicRowsPage> {
  const found = rowsOf(engine, publication, publishedIndicator(engine, publication, code));
  if (!found) throw notFound({ zh: '指标的公开记录', en: 'Published rows of the indicator' }, code);
  const { r, dataset } = found;
  const year = checkYear(engine, q.period);
  const area = checkArea(engine, q.area);
  const terms: FilterTerm[] = rowFilters(r, { kind: 'year', year }, area === engine.city.code ? null : area, false);
  const { period: _p, area: _a, ...query } = q;
  const narrow = r.distinct ? { referencedBy: { spec: r.spec, filters: terms, column: r.distinct.field.field.column } } : { filters: terms };
  return listPublishedRows(engine.app, dataset.id, query, narrow);
}
