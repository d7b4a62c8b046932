import type { Observation } from '../../contracts/indicators.js';
import type { Database } from '../../db/client.js';
import type { CityConfig } from '../../domain/city.js';
import type { AppContext } from '../shared/context.js';
import { districtName } from '../../domain/district.js';
import { growthPercent, percentOf, type Cell, type SeriesTable } from '../../domain/indicatorSeries.js';
import type { Message } from '../../domain/message.js';
import { periodBounds } from '../../domain/period.js';
import { sumDivisor, type Catalogue, type NamedField, type RecordIndicator, type ResolvedIndicator } from './catalogue.js';
import { computeSeries, type Years } from './compute.js';
import { newestOfficialValues, type OfficialCell } from './officialValues.js';
import { ensureUpkeep, recordIndicators } from './upkeep.js';

/**
 * The indicator engine (指标引擎): a value for any indicator, year and area, computed from the
 * registry rows or read from the official statistics. Whole series are cached and keyed by the
 * versions of the tables behind them (bumped by triggers on every write), so a value is never
 * served after its rows changed, and the dashboard reads from memory.
 */

export interface Value {
  value: number | null;
  numerator?: number;
  denominator?: number;
  asOf: string | null;
  sourceNote?: string | null;
}

/** Counter of every table, read once per request. */
export type Versions = Map<string, number>;

export class IndicatorEngine {
  private readonly tables = new Map<string, { version: string; table: Promise<SeriesTable> }>();
  private official: { version: string; cells: Promise<Map<string, OfficialCell>> } | null = null;
  private upkeep: Promise<boolean> | null = null;

  readonly db: Database;
  readonly city: CityConfig;

  constructor(
    /** The app the engine serves: its writes (targets, official values) go through `write` on it. */
    readonly app: AppContext,
    readonly catalogue: Catalogue,
  ) {
    this.db = app.db;
    this.city = app.city;
  }

  /** Today in the city (the app's clock), so the dashboard and the filings agree on the date. */
  today(): string {
    return this.app.clock.today();
  }

  get years(): Years {
    return { first: this.catalogue.firstYear, last: Number(this.today().slice(0, 4)) };
  }

  indicator(code: string): ResolvedIndicator | undefined {
    return this.catalogue.indicators.get(code);
  }

  async versions(): Promise<Versions> {
    const { rows } = await this.db.query<{ table_name: string; version: string }>('SELECT table_name, version::text AS version FROM table_versions');
    return new Map(rows.map((r) => [r.table_name, Number(r.version)]));
  }

  /** The series of a record indicator, by area and (optionally) a breakdown. */
  series(r: RecordIndicator, breakdown: NamedField | null, versions: Versions): Promise<SeriesTable> {
    const version = `${this.years.last}:${r.spec.tables.map((t) => versions.get(t) ?? 0).join('.')}`;
    const key = `${r.def.code}\u0001${breakdown?.name ?? ''}`;
    const hit = this.tables.get(key);
    if (hit && hit.version === version) return hit.table;
    const table = this.ready().then(() => computeSeries(this.db, r, breakdown, this.years, this.city.code));
    this.tables.set(key, { version, table });
    // A failed computation must not stay cached.
    table.catch(() => this.tables.get(key)?.table === table && this.tables.delete(key));
    return table;
  }

  /** The buckets are installed and built (once per process; a no-op when another process did it). */
  ready(): Promise<boolean> {
    return (this.upkeep ??= this.install({}));
  }

  /** Builds every bucket again from the registry (`starcity indicators --rebuild`). */
  async rebuild(): Promise<void> {
    this.tables.clear();
    await (this.upkeep = this.install({ rebuild: true }));
  }

  /** A failed install is not remembered: the next read tries again. */
  private install(options: { rebuild?: boolean }): Promise<boolean> {
    const installing = ensureUpkeep(this.db, this.catalogue, options).catch((err: unknown) => {
      if (this.upkeep === installing) this.upkeep = null;
      throw err;
    });
    return installing;
  }

  private officialCells(versions: Versions): Promise<Map<string, OfficialCell>> {
    const version = String(versions.get('official_values') ?? 0);
    if (this.official?.version === version) return this.official.cells;
    const cells = newestOfficialValues(this.db);
    this.official = { version, cells };
    cells.catch(() => this.official?.cells === cells && (this.official = null));
    return cells;
  }

  /** The value of an indicator for a year and area (the city code or a district). */
  async value(code: string, year: number, area: string, versions: Versions): Promise<Value> {
    const r = this.indicator(code);
    if (!r) return { value: null, asOf: null };
    if (r.kind === 'official') {
      const cell = (await this.officialCells(versions)).get(officialKey(code, String(year), area));
      return cell ? { value: cell.value, asOf: cell.publishedOn, sourceNote: cell.source } : { value: null, asOf: null };
    }
    if (r.kind === 'derived') return this.derivedValue(r, year, area, versions);
    const table = await this.series(r, null, versions);
    return this.cellValue(r, table.get(area)?.[year - table.first], year);
  }

  cellValue(r: RecordIndicator, cell: Cell | undefined, year: number): Value {
    if (year < this.years.first || year > this.years.last) return { value: null, asOf: null };
    const asOf = this.asOf(year);
    const c = cell ?? { n: 0, part: 0 };
    if (r.formula.op === 'share') return { value: percentOf(c.part, c.n), numerator: c.part, denominator: c.n, asOf };
    if (r.formula.op === 'sum') return { value: c.n / sumDivisor(r), asOf };
    return { value: c.n, asOf };
  }

  private async derivedValue(r: Extract<ResolvedIndicator, { kind: 'derived' }>, year: number, area: string, versions: Versions): Promise<Value> {
    const f = r.formula;
    if (f.op === 'growth') {
      const [now, before] = await Promise.all([this.value(f.of, year, area, versions), this.value(f.of, year - 1, area, versions)]);
      return { value: growthPercent(now.value, before.value), asOf: now.asOf };
    }
    if (f.op === 'total') return this.totalValue(f.of, year, area, versions);
    const [num, den] = await Promise.all([this.value(f.numerator, year, area, versions), this.value(f.denominator, year, area, versions)]);
    const ratio = num.value === null || den.value === null || den.value === 0 ? null : num.value / den.value;
    const asOf = [num.asOf, den.asOf].filter((d): d is string => d !== null).sort().pop() ?? null;
    return { value: ratio === null ? null : r.def.unit === 'percent' ? ratio * 100 : ratio, asOf };
  }

  /** The sum of the parts; no value while any part has none (an unentered part would pass for zero). */
  private async totalValue(codes: readonly string[], year: number, area: string, versions: Versions): Promise<Value> {
    const parts = await Promise.all(codes.map((code) => this.value(code, year, area, versions)));
    const asOf = parts.map((p) => p.asOf).filter((d): d is string => d !== null).sort().pop() ?? null;
    return { value: parts.some((p) => p.value === null) ? null : parts.reduce((sum, p) => sum + p.value!, 0), asOf };
  }

  /** A computed value stands as of the period's last day, or today while the period runs. */
  asOf(year: number): string {
    const { end } = periodBounds({ kind: 'year', year });
    const today = this.today();
    return today < end ? today : end;
  }

  observation(code: string, year: number, area: string, v: Value, extra: Partial<Observation> = {}): Observation {
    const r = this.indicator(code)!;
    const o: Observation = { code, period: String(year), area, value: v.value, unit: r.def.unit, source: r.kind === 'official' ? 'official' : 'computed', as_of: v.asOf, ...extra };
    if (v.numerator !== undefined) o.numerator = v.numerator;
    if (v.denominator !== undefined) o.denominator = v.denominator;
    if (v.sourceNote !== undefined) o.source_note = v.sourceNote;
    return o;
  }

  /** Display name of an area: the city or one of its districts. */
  areaName(area: string): Message {
    if (area === this.city.code) return this.city.name;
    return districtName(this.city, area) ?? { zh: area, en: area };
  }

  /** Drops every cached series and reads each indicator's series again (the benchmark's "after a bulk change"). */
  async recomputeAll(): Promise<void> {
    this.tables.clear();
    this.official = null;
    const versions = await this.versions();
    await Promise.all([...recordIndicators(this.catalogue).map((r) => this.series(r, null, versions)), this.officialCells(versions)]);
  }
}

export const officialKey = (code: string, period: string, area: string) => `${code}\u0001${period}\u0001${area}`;
