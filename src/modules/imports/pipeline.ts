import { Readable } from 'node:stream';
import { fileColumns, naturalKeys, type FileEntity } from '../../contracts/fileColumns.js';
import { todayIn } from '../../domain/calendarDate.js';
import type { CityConfig } from '../../domain/city.js';
import { violation, type RuleViolation } from '../../domain/message.js';
import { readCsvBatches } from './csvReader.js';
import { entitySpecs, type FileRecordOf } from './fileRecords.js';
import { areaColumn, areaScope, inArea, outsideArea, placeSource, type AreaScope, type ImportArea, type Place } from './areaScope.js';
import { mapHeaders, type HeaderMapping, type HeaderPreviewEntry, type MappedColumn } from './headerMapping.js';
import { danglingReferenceViolation, DuplicateKeys, naturalKeyOf, resolveReferences, type KnownOrganizations } from './inFileChecks.js';
import { readJsonl } from './jsonlReader.js';
import { cellText, fileProblem, ImportFileError, rowProblem, type FileProblem, type RowProblem } from './problems.js';
import type { HeaderEvent, RawCell, RawEvent, RowEvent, TextEncoding } from './rawRows.js';
import { rowValidator, type RowValidator } from './rowValidation.js';
import { peek } from './textDecoding.js';

/**
 * The import pipeline's first stage (导入校验): a file's bytes → validated file records in batches,
 * with every problem, streaming. The writer consumes one batch per transaction; nothing here
 * touches the database except through the injected `knownOrganizations` lookup (and, for an
 * import of qualifications limited to an area, `organizationPlaces`), which
 * {@link resolveBatch} makes once per batch after the database-free {@link FileCheck}.
 */

export type ImportFormat = 'csv' | 'xlsx' | 'jsonl';

export interface ImportInput<E extends FileEntity> {
  entity: E;
  stream: Readable | AsyncIterable<Uint8Array>;
  /** As uploaded; its extension helps choose the format, and it names the file in provenance texts. */
  fileName: string;
  /** CSV only; omitted: detected. */
  encoding?: TextEncoding;
  /** XLSX only; omitted: the first sheet. */
  sheet?: string;
  /** Omitted: by magic bytes (PK\x03\x04 → xlsx), then extension, then content. */
  format?: ImportFormat;
}

export interface ImportDeps extends FileCheckOptions {
  knownOrganizations: KnownOrganizations;
  /**
   * Where these organizations lie (district and zone), by id: an import limited to an area judges
   * a qualification by its holder's place. One lookup per batch; needed only then.
   */
  organizationPlaces?: OrganizationPlaces;
}

export type OrganizationPlaces = (ids: number[]) => Promise<ReadonlyMap<number, Place>>;

export interface ValidatedBatch<R> {
  /** Valid rows, in file order. */
  records: Array<{ line: number; record: R }>;
  /** Problems of the batch's rejected rows, in file order. */
  problems: RowProblem[];
  /** Line of the batch's last row: where a resumed import may continue after. */
  lastLine: number;
  /** Rows of the file this batch covers, valid and rejected. */
  read: number;
  /** Ids of the organizations the batch's rows refer to, by credit code (empty for organizations). */
  organizationIds: ReadonlyMap<string, number>;
}

export interface ValidationCounts {
  read: number;
  valid: number;
  rejected: number;
}

export interface ValidationSummary {
  entity: FileEntity;
  fileName: string;
  format: ImportFormat | null;
  encoding: TextEncoding | null;
  sheet: string | null;
  /** The file's headers and the column each matched; null until the header is read. */
  columns: HeaderPreviewEntry[] | null;
  counts: ValidationCounts;
  fileProblems: FileProblem[];
  /** Bytes read from the stream so far, for progress and ETA. */
  bytesRead: number;
  /** The batches are all out. */
  done: boolean;
  /** False if a file-level error stopped the reading: then the batches cover part of the file, or none. */
  complete: boolean;
}

const DEFAULT_BATCH = 5000;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (head: Uint8Array, magic: number[]) => magic.every((b, i) => head[i] === b);

const oldExcel = violation('format.xls', '不支持旧版 Excel（.xls）文件；请另存为 .xlsx 或 CSV', 'Old Excel files (.xls) are not supported; save as .xlsx or CSV');
const emptyFile = violation('file.empty', '文件为空，没有表头', 'The file is empty: it has no header');
const noRows = violation('file.no_rows', '文件只有表头，没有数据行', 'The file has a header but no data rows');

/** The format of a file: given, or by its magic bytes, extension or first character. */
export function detectFormat(head: Uint8Array, fileName: string, given?: ImportFormat): ImportFormat {
  if (given) return given;
  if (startsWith(head, ZIP)) return 'xlsx';
  if (startsWith(head, OLE)) throw new ImportFileError(oldExcel);
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  const first = Buffer.from(head.subarray(0, 64)).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart();
  return first.startsWith('{') ? 'jsonl' : 'csv';
}

async function* counted(source: AsyncIterable<Uint8Array>, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of source) {
    onBytes(chunk.length);
    yield chunk;
  }
}

/** One row as the database-free checks leave it; its reference is not looked up yet. */
export interface CheckedRow<P> {
  line: number;
  /** What a valid row hands on (its record, or the record prepared for the writer); null when the row was refused here. */
  payload: P | null;
  problems: RowProblem[];
  /** The credit code the row refers to, when it is well-formed. */
  reference?: string;
  /** The reference's cell as report text: where a dangling reference is reported. */
  referenceValue?: string | null;
}

/** A batch of rows checked without the database: the whole file-only stage, no lookup yet. */
export interface CheckedBatch<P> {
  rows: CheckedRow<P>[];
  /** The header of the column holding the rows' references (null for organizations). */
  referenceColumn: string | null;
}

/** What the database-free stage knows about the file so far; the counts of valid rows come later. */
export type FileCheckState = Omit<ValidationSummary, 'counts'> & { read: number };

/**
 * The database-free stage (读取与校验): the file read, parsed, every row validated against the
 * pure domain rules and checked for duplicate keys. It runs in a worker thread during an import
 * (validationThread.ts), in the caller's thread in {@link ImportValidation}. Iterate it once; its
 * `state` is live.
 */
export class FileCheck<E extends FileEntity> implements AsyncIterable<CheckedBatch<FileRecordOf<E>>> {
  private started = false;
  readonly state: FileCheckState;
  private readonly today: string;
  private readonly batchSize: number;
  /** Rows whose own place lies outside it are refused here; null: the whole city. */
  private readonly scope: AreaScope | null;

  constructor(
    private readonly input: ImportInput<E>,
    private readonly options: FileCheckOptions,
  ) {
    this.today = options.today ?? todayIn(options.city.timeZone);
    this.batchSize = options.batchSize ?? DEFAULT_BATCH;
    this.scope = placeSource[input.entity] === 'own' ? areaScope(options.city, options.area) : null;
    this.state = {
      entity: input.entity,
      fileName: input.fileName,
      format: null,
      encoding: null,
      sheet: null,
      columns: null,
      read: 0,
      fileProblems: [],
      bytesRead: 0,
      done: false,
      complete: false,
    };
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<CheckedBatch<FileRecordOf<E>>> {
    if (this.started) throw new Error('An import file can be validated only once');
    this.started = true;
    try {
      yield* this.run();
      this.state.complete = !this.state.fileProblems.some((p) => p.severity === 'error');
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      this.state.fileProblems.push(fileProblem('error', error.violation, error.line === null ? {} : { line: error.line }));
    } finally {
      this.state.done = true;
      if (this.input.stream instanceof Readable) this.input.stream.destroy();
    }
  }

  private async *run(): AsyncGenerator<CheckedBatch<FileRecordOf<E>>> {
    const runs = await openEventRuns(this.input, (n) => (this.state.bytesRead += n), (format) => (this.state.format = format));
    const { entity } = this.input;
    const duplicates = new DuplicateKeys(entity);
    let validator: RowValidator<FileRecordOf<E>> | null = null;
    let referenceAt: MappedColumn | null = null;
    let batch: CheckedRow<FileRecordOf<E>>[] = [];
    const checked = (rows: CheckedRow<FileRecordOf<E>>[]): CheckedBatch<FileRecordOf<E>> => ({ rows, referenceColumn: referenceAt?.header ?? null });

    try {
      for await (const events of runs) {
        for (const event of events) {
          if (event.kind === 'header') {
            const mapping = this.header(event);
            if (!mapping) return;
            validator = rowValidator(entity, mapping, { city: this.options.city, today: this.today, fileName: this.input.fileName, formulaGuarded: this.state.format !== 'jsonl' });
            const ref = entitySpecs[entity].reference;
            referenceAt = ref ? (mapping.byKey.get(ref) ?? null) : null;
            continue;
          }
          if (!validator) continue;
          batch.push(this.row(validator, duplicates, referenceAt, event.line, event.cells, event.problem));
          if (batch.length >= this.batchSize) {
            yield checked(batch);
            batch = [];
          }
        }
      }
    } catch (error) {
      // The rows read before the file broke off are handed on; the error then ends the run.
      if (error instanceof ImportFileError && validator && batch.length > 0) yield checked(batch);
      throw error;
    }
    if (!validator) return void this.state.fileProblems.push(fileProblem('error', emptyFile));
    if (batch.length > 0) yield checked(batch);
    if (this.state.read === 0) this.state.fileProblems.push(fileProblem('warning', noRows));
  }

  private header(event: HeaderEvent): HeaderMapping | null {
    if (event.encoding) this.state.encoding = event.encoding;
    if (event.sheet) this.state.sheet = event.sheet;
    const mapped = mapHeaders(this.input.entity, event.headers, event.line);
    if (!mapped.ok) {
      this.state.columns = mapped.preview;
      this.state.fileProblems.push(...mapped.problems);
      return null;
    }
    this.state.columns = mapped.mapping.preview;
    this.state.fileProblems.push(...mapped.warnings);
    return mapped.mapping;
  }

  private row(
    validator: RowValidator<FileRecordOf<E>>,
    duplicates: DuplicateKeys,
    referenceAt: MappedColumn | null,
    line: number,
    cells: RawCell[],
    malformed: RowEvent['problem'],
  ): CheckedRow<FileRecordOf<E>> {
    this.state.read++;
    if (malformed) return { line, payload: null, problems: [rowProblem(line, null, null, malformed)] };
    const { entity } = this.input;
    const result = validator.validate(line, cells);
    const values = (result.ok ? result.record : result.partial) as Record<string, unknown>;
    const checked: CheckedRow<FileRecordOf<E>> = { line, payload: result.ok ? result.record : null, problems: result.ok ? [] : result.problems };
    const outside = this.outside(values);
    if (outside) {
      checked.problems.push(validator.locate(line, outside.column, cells, outside.violation));
      checked.payload = null;
    }
    const key = naturalKeyOf(entity, values);
    const duplicate = key === null ? null : duplicates.check(key, line);
    if (duplicate) {
      checked.problems.push(validator.locate(line, naturalKeys[entity][0] ?? '', cells, duplicate));
      checked.payload = null;
    }
    const ref = entitySpecs[entity].reference;
    const uscc = ref ? values[ref] : undefined;
    if (typeof uscc === 'string') {
      checked.reference = uscc;
      checked.referenceValue = referenceAt ? cellText(cells[referenceAt.index] ?? null) : null;
    }
    return checked;
  }

  /**
   * The place the row gives, judged against the import's area, with the column to report it at.
   * A row is decided here only when what it leaves out cannot matter (the area has no zones, say):
   * a column the file leaves out keeps the stored value, which only the writer knows; so does a
   * value refused already.
   */
  private outside(values: Record<string, unknown>): { column: string; violation: RuleViolation } | null {
    const scope = this.scope;
    if (!scope) return null;
    const given = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : null);
    const place: Place = { district: given('district_code'), zone: given('zone') };
    // A contract's empty district or zone is its seller's, which only the writer looks up.
    const stated = (k: 'district_code' | 'zone') => k in values && (this.input.entity !== 'tech_contracts' || values[k] !== null);
    const known = (stated('district_code') || scope.districts.length === 0) && (stated('zone') || scope.zones.length === 0);
    if (!known || inArea(scope, place)) return null;
    return { column: areaColumn(scope), violation: outsideArea(scope, 'row', place)! };
  }
}

export interface FileCheckOptions {
  city: CityConfig;
  /** The bureau's day; defaults to today in the city's time zone. */
  today?: string;
  /** Rows per batch; default 5,000. */
  batchSize?: number;
  /** The area the caller is limited to: a row whose record lies outside it is rejected. Empty or omitted: the whole city. */
  area?: ImportArea;
}

/**
 * Resolves a checked batch's references in one lookup, then splits valid rows from rejected ones:
 * the one step of validation that needs the database. An import limited to an area also looks
 * up where the referred organizations lie, once, when its rows lie where they do (qualifications).
 */
export async function resolveBatch<P>(entity: FileEntity, checked: CheckedBatch<P>, deps: Pick<ImportDeps, 'knownOrganizations' | 'organizationPlaces' | 'city' | 'area'>): Promise<ValidatedBatch<P>> {
  const { rows } = checked;
  let organizationIds: ReadonlyMap<string, number> = new Map();
  if (entitySpecs[entity].reference) {
    const column = checked.referenceColumn ?? entitySpecs[entity].reference;
    organizationIds = await resolveReferences(deps.knownOrganizations, rows.flatMap((r) => (r.reference ? [r.reference] : [])));
    for (const r of rows) {
      if (r.reference && !organizationIds.has(r.reference)) r.problems.push(rowProblem(r.line, column, r.referenceValue ?? null, danglingReferenceViolation(r.reference)));
    }
    await checkHolders(entity, checked, organizationIds, deps);
  }
  const batch: ValidatedBatch<P> = { records: [], problems: [], lastLine: rows[rows.length - 1]?.line ?? 0, read: rows.length, organizationIds };
  for (const r of rows) {
    if (r.problems.length === 0 && r.payload !== null) batch.records.push({ line: r.line, record: r.payload });
    else batch.problems.push(...r.problems);
  }
  return batch;
}

/** Rejects the rows of an entity that lies where its holder does (a qualification) when the holder lies outside the import's area. */
async function checkHolders<P>(
  entity: FileEntity,
  checked: CheckedBatch<P>,
  organizationIds: ReadonlyMap<string, number>,
  deps: Pick<ImportDeps, 'organizationPlaces' | 'city' | 'area'>,
): Promise<void> {
  const scope = areaScope(deps.city, deps.area);
  if (!scope || placeSource[entity] !== 'holder') return;
  if (!deps.organizationPlaces) throw new Error('An import limited to an area needs organizationPlaces');
  const holderOf = (r: CheckedRow<P>) => (r.reference === undefined ? undefined : organizationIds.get(r.reference));
  const holders = [...new Set(checked.rows.flatMap((r) => holderOf(r) ?? []))];
  if (holders.length === 0) return;
  const places = await deps.organizationPlaces(holders);
  const column = checked.referenceColumn ?? entitySpecs[entity].reference;
  for (const r of checked.rows) {
    const id = holderOf(r);
    // At most one problem a column: a duplicate key is reported there already.
    if (id === undefined || r.problems.some((p) => p.column === column)) continue;
    const outside = outsideArea(scope, 'holder', places.get(id) ?? { district: null, zone: null });
    if (outside) {
      r.problems.push(rowProblem(r.line, column, r.referenceValue ?? null, outside));
      r.payload = null;
    }
  }
}

/**
 * A validation run in the caller's thread: iterate it (once) for the batches, then read `summary`.
 * The summary is live while batches are read, so a progress bar can show counts and bytes. An
 * import runs the same two steps with the file check in a worker thread (validationThread.ts).
 */
export class ImportValidation<E extends FileEntity> implements AsyncIterable<ValidatedBatch<FileRecordOf<E>>> {
  private readonly check: FileCheck<E>;
  private readonly counts = { valid: 0, rejected: 0 };

  constructor(
    input: ImportInput<E>,
    private readonly deps: ImportDeps,
  ) {
    this.check = new FileCheck(input, deps);
  }

  get summary(): ValidationSummary {
    return summaryOf(this.check.state, this.counts);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ValidatedBatch<FileRecordOf<E>>> {
    for await (const checked of this.check) {
      const batch = await resolveBatch(this.check.state.entity, checked, this.deps);
      countBatch(this.counts, batch);
      yield batch;
    }
  }
}

/** Adds a resolved batch to the counts of valid and rejected rows. */
export function countBatch(counts: { valid: number; rejected: number }, batch: ValidatedBatch<unknown>): void {
  counts.valid += batch.records.length;
  counts.rejected += batch.read - batch.records.length;
}

/** The summary of a run: the file check's state (a copy) with the counts. */
export function summaryOf(state: FileCheckState, counts: { valid: number; rejected: number }): ValidationSummary {
  const { read, ...rest } = state;
  return { ...rest, counts: { read, ...counts }, fileProblems: [...state.fileProblems] };
}

async function* singly<T>(items: AsyncIterable<T>): AsyncGenerator<T[]> {
  for await (const item of items) yield [item];
}

async function* flatten<T>(runs: AsyncIterable<T[]>): AsyncGenerator<T> {
  for await (const run of runs) yield* run;
}

/** Chooses the reader for the file and starts it: its events one by one. */
export async function openReader<E extends FileEntity>(input: ImportInput<E>, onBytes: (n: number) => void, onFormat: (f: ImportFormat) => void): Promise<AsyncIterable<RawEvent>> {
  return flatten(await openEventRuns(input, onBytes, onFormat));
}

/**
 * The reader's events in the runs it makes them: all the rows of a CSV chunk at once (an await
 * per row would cost more than reading it), XLSX and JSON Lines rows one by one.
 */
async function openEventRuns<E extends FileEntity>(input: ImportInput<E>, onBytes: (n: number) => void, onFormat: (f: ImportFormat) => void): Promise<AsyncIterable<RawEvent[]>> {
  const { head, rest } = await peek(counted(input.stream, onBytes), 8);
  const format = detectFormat(head, input.fileName, input.format);
  onFormat(format);
  // exceljs is large: loaded only when a workbook comes.
  if (format === 'xlsx') return singly((await import('./xlsxReader.js')).readXlsx(Readable.from(rest, { objectMode: false }), input.sheet === undefined ? {} : { sheet: input.sheet }));
  if (format === 'jsonl') return singly(readJsonl(rest, { expectedKeys: fileColumns[input.entity].map((c) => c.key) }));
  return readCsvBatches(rest, input.encoding === undefined ? {} : { encoding: input.encoding });
}

/** Validates an import file: `for await (const batch of run)`, then `run.summary`. */
export function validateImportFile<E extends FileEntity>(input: ImportInput<E>, deps: ImportDeps): ImportValidation<E> {
  return new ImportValidation(input, deps);
}
