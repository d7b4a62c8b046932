import type { Target, TargetCreate, TargetPatch } from '../../contracts/indicators.js';
import { apportion } from '../../domain/apportion.js';
import type { Message } from '../../domain/message.js';
import { elapsedShare, isViolation, parsePeriod } from '../../domain/period.js';
import { assessTarget, targetStatuses } from '../../domain/targetStatus.js';
import type { FieldProblem } from '../../contracts/common.js';
import type { Queryable } from '../../db/client.js';
import type { AuditActor } from '../audit/trail.js';
import { AppError, conflict, notFound, validationFailed } from '../shared/errors.js';
import { deleteVersioned, iso, updateVersioned } from '../shared/records.js';
import { write, type RecordLock } from '../shared/write.js';
import { measureOf, type ResolvedIndicator } from './catalogue.js';
import type { IndicatorEngine, Versions } from './engine.js';
import { checkArea, findIndicator } from './service.js';
import * as q from './targetQueries.js';

/** Targets (目标) per indicator, year and area; their standing; cascading a city's target to its districts. */

const TARGET: Message = { zh: '目标', en: 'Target' };
const TABLE = { table: 'targets', columns: q.TARGET_COLUMNS, entity: TARGET };
type Sums = Awaited<ReturnType<typeof q.districtSums>>;

/** Targets may look up to five years past the running one. */
const TARGET_HORIZON = 5;

function targetYearProblem(engine: IndicatorEngine, period: string): FieldProblem | null {
  const p = parsePeriod(period);
  const { first, last } = engine.years;
  const max = last + TARGET_HORIZON;
  if (!isViolation(p) && p.kind === 'year' && p.year >= first && p.year <= max) return null;
  return { field: 'period', code: 'period.out_of_range', message: { zh: `目标年份应在 ${first}–${max} 年之间`, en: `A target's year must be from ${first} to ${max}` }, params: { value: period, first, last: max } };
}

/** Every problem of a new target at once: the indicator, the year and the area. */
function checkNewTarget(engine: IndicatorEngine, input: TargetCreate): string {
  const problems: FieldProblem[] = [];
  if (!engine.indicator(input.indicator_code)) {
    problems.push({ field: 'indicator_code', code: 'indicator.unknown', message: { zh: `未知指标“${input.indicator_code}”`, en: `Unknown indicator "${input.indicator_code}"` }, params: { value: input.indicator_code } });
  }
  const year = targetYearProblem(engine, input.period);
  if (year) problems.push(year);
  let area = engine.city.code;
  try {
    area = checkArea(engine, input.area);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    problems.push(...e.errors);
  }
  if (problems.length) throw validationFailed(problems);
  return area;
}

async function presentTarget(engine: IndicatorEngine, row: q.TargetRow, versions: Versions, sums: Sums): Promise<Target> {
  const r = findIndicator(engine, row.indicator_code);
  const year = Number(row.period);
  const computedYet = year <= engine.years.last;
  const [now, before] = computedYet
    ? await Promise.all([engine.value(row.indicator_code, year, row.area_code, versions), engine.value(row.indicator_code, year - 1, row.area_code, versions)])
    : [{ value: null }, await engine.value(row.indicator_code, year - 1, row.area_code, versions)];
  const measure = measureOf(r, engine.catalogue);
  // An official figure is published once, for the whole period: when it is there, it is final.
  const elapsed = r.kind === 'official' && now.value !== null ? 1 : elapsedShare({ kind: 'year', year }, engine.today());
  const a = assessTarget({ comparator: row.comparator, target: row.value, tolerance: row.tolerance, value: now.value, baseline: before.value, measure, elapsed });
  return {
    id: row.id,
    indicator_code: row.indicator_code,
    indicator_name: r.def.name,
    unit: r.def.unit,
    period: row.period,
    area: row.area_code,
    area_name: engine.areaName(row.area_code),
    comparator: row.comparator,
    value: row.value,
    tolerance: row.tolerance,
    note: row.note,
    parent_id: row.parent_id,
    current: now.value,
    baseline: before.value,
    status: a.status,
    status_label: targetStatuses[a.status],
    progress: a.progress,
    expected: a.expected,
    projected: a.projected,
    elapsed,
    districts: row.area_code === engine.city.code ? (sums.get(`${row.indicator_code}\u0001${row.period}`) ?? { count: 0, sum: 0 }) : null,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  };
}

export async function listTargets(engine: IndicatorEngine, f: { period?: string; area?: string; indicator_code?: string; parent_id?: number }, known?: Versions): Promise<Target[]> {
  const [rows, versions, sums] = await Promise.all([q.findTargets(engine.db, f), known ?? engine.versions(), q.districtSums(engine.db, engine.city.code)]);
  return Promise.all(rows.map((row) => presentTarget(engine, row, versions, sums)));
}

export async function getTarget(engine: IndicatorEngine, id: number): Promise<Target> {
  const [row] = await q.findTargets(engine.db, { id });
  if (!row) throw notFound(TARGET, id);
  return presentTarget(engine, row, await engine.versions(), await q.districtSums(engine.db, engine.city.code));
}

/** The stored target row, as the audit log keeps it (progress and status are computed, not stored). */
const storedTarget = async (db: Queryable, id: number): Promise<q.TargetRow | undefined> => (await q.findTargets(db, { id }))[0];

/** Who may write a target: the route's check of the caller's area, run on the locked row. */
export type TargetGuard = (row: q.TargetRow) => void;

const targetRecord = (id: number, version: () => number | undefined, guard?: TargetGuard): RecordLock<q.TargetRow> => ({ id, noun: TARGET, lock: q.lockTarget, expectedVersion: version, ...(guard ? { guard } : {}) });

export async function createTarget(engine: IndicatorEngine, input: TargetCreate, actor: AuditActor): Promise<Target> {
  const area = checkNewTarget(engine, input);
  const parent = area === engine.city.code ? null : await q.cityTargetId(engine.db, input.indicator_code, input.period, engine.city.code);
  const id = await write(engine.app, actor, { action: 'create', entity: 'targets' }, async ({ db }) => {
    const id = await q.insertTarget(db, {
      indicator_code: input.indicator_code,
      period: input.period,
      area_code: area,
      comparator: input.comparator,
      value: input.value,
      tolerance: input.tolerance ?? null,
      parent_id: parent,
      note: input.note ?? null,
    });
    if (id === null) {
      throw conflict({
        field: 'indicator_code',
        code: 'target.exists',
        message: { zh: `${input.period} 年该区域已有此指标的目标，请修改原目标`, en: `A target for this indicator, year and area exists already; update it instead` },
        params: { indicator_code: input.indicator_code, period: input.period, area },
      });
    }
    return { result: id, recordId: id, after: await storedTarget(db, id) };
  });
  return getTarget(engine, id);
}

/** `version` gives the If-Match the client sent (missing: 428); `guard` refuses a caller outside the target's area. */
export async function updateTarget(engine: IndicatorEngine, id: number, version: () => number, patch: TargetPatch, actor: AuditActor, guard?: TargetGuard): Promise<Target> {
  const { version: _v, ...fields } = patch;
  await write(engine.app, actor, { action: 'update', entity: 'targets', record: targetRecord(id, version, guard) }, async ({ db }, before: q.TargetRow) => {
    const after = await updateVersioned<q.TargetRow>(db, TABLE, id, before.version, fields, q.TARGET_WRITABLE);
    return { result: null, before, after };
  });
  return getTarget(engine, id);
}

/** Deletes a target; the district targets cascaded from it go with it (and are named in the log entry). */
export async function deleteTarget(engine: IndicatorEngine, id: number, version: () => number | undefined, actor: AuditActor, guard?: TargetGuard): Promise<void> {
  await write(engine.app, actor, { action: 'delete', entity: 'targets', record: targetRecord(id, version, guard) }, async ({ db }, before: q.TargetRow) => {
    const parts = await q.findTargets(db, { parent_id: id });
    await deleteVersioned(db, TABLE, id, before.version);
    return { result: null, before: { ...before, cascaded: parts } };
  });
}

/** Indicators whose district values add up to the city's: only those can be split over districts. */
function isAdditive(r: ResolvedIndicator): boolean {
  if (r.kind === 'record') return r.formula.op !== 'share';
  return r.kind === 'official' && (r.def.unit === 'count' || r.def.unit === 'yuan_100m');
}

/**
 * Cascades a city target to every district (目标分解), in proportion to each district's value of
 * the target's year so far (or of the year before), keeping the sum equal to the city's target.
 */
export async function cascadeTarget(engine: IndicatorEngine, id: number, basis: 'current' | 'previous', actor: AuditActor): Promise<Target[]> {
  const city = await getTarget(engine, id);
  const r = findIndicator(engine, city.indicator_code);
  const refuse = (code: string, zh: string, en: string) => conflict({ field: 'id', code, message: { zh, en } });
  if (city.area !== engine.city.code) throw refuse('target.not_city', '只有全市目标可以分解到区县', 'Only a city-wide target can be cascaded to districts');
  if (!isAdditive(r)) throw refuse('target.not_additive', '该指标的区县值相加不等于全市值（比例、排名等），不能按区县分解', 'The districts’ values of this indicator do not add up to the city’s (a share or a rank), so it cannot be split over districts');
  const year = Math.min(Number(city.period) - (basis === 'previous' ? 1 : 0), engine.years.last);
  const versions = await engine.versions();
  const districts = engine.city.districts;
  const weights = await Promise.all(districts.map(async (d) => (await engine.value(city.indicator_code, year, d.code, versions)).value ?? 0));
  const decimals = r.def.unit === 'count' ? 0 : (r.def.decimals ?? 2);
  const values = apportion(city.value, weights, decimals);
  const tolerances = city.tolerance === null ? null : apportion(city.tolerance, weights, decimals);
  await write(engine.app, actor, { action: 'cascade', entity: 'targets' }, async ({ db }) => {
    const before = await q.findTargets(db, { parent_id: city.id });
    for (const [i, d] of districts.entries()) {
      await q.upsertDistrictTarget(db, { indicator_code: city.indicator_code, period: city.period, area_code: d.code, comparator: city.comparator, value: values[i]!, tolerance: tolerances?.[i] ?? null, parent_id: city.id });
    }
    return { result: null, recordId: city.id, before, after: { basis, districts: await q.findTargets(db, { parent_id: city.id }) } };
  });
  return listTargets(engine, { parent_id: city.id });
}

/** City targets as a data file gives them; a target already set for the indicator and year is kept. */
export async function loadCityTargets(engine: IndicatorEngine, targets: readonly Omit<TargetCreate, 'area'>[], db: Queryable = engine.db): Promise<number> {
  let added = 0;
  for (const t of targets) {
    checkNewTarget(engine, t);
    const id = await q.insertTarget(db, { indicator_code: t.indicator_code, period: t.period, area_code: engine.city.code, comparator: t.comparator, value: t.value, tolerance: t.tolerance ?? null, parent_id: null, note: t.note ?? null });
    if (id !== null) added++;
  }
  return added;
}
