import { achievementFileEntities, naturalKeys, type AchievementFileEntity, type FileEntity } from '../../contracts/fileColumns.js';
import type { Queryable } from '../../db/client.js';
import { violation } from '../../domain/message.js';
import type { CityConfig } from '../../domain/city.js';
import { areaColumn, outsideArea, placeSource, type AreaScope } from './areaScope.js';
import type { ServiceContext } from '../shared/context.js';
import { writeAchievementRows } from './achievementRows.js';
import { writeLoanRows } from './loanRows.js';
import { completeContractRows, numberRegistrations } from './contractRows.js';
import { entitySpecs } from './fileRecords.js';
import { danglingReferenceViolation } from './inFileChecks.js';
import { quotedKey } from './personalCells.js';
import { rowProblem, type RowProblem } from './problems.js';
import { existingRows, insertRows, updateRows, type StoredRow } from './queries.js';
import { keepConfirmations, tableColumns, tableSpecs, type SqlValue, type TableRow, type TableSpec } from './tableRows.js';

/**
 * The import's second stage (导入写入): one validated batch, its rows prepared in their table's
 * terms (tableRows.ts), into its table, in the caller's transaction. Each record is classified against the stored row with the same natural key —
 * insert, update or unchanged — comparing only the columns the file had, so re-importing a file
 * changes nothing and bumps no version.
 */

export type ImportMode = 'upsert' | 'insert';

export interface WriteOptions {
  mode: ImportMode;
  /** Classify and report, write nothing. */
  dryRun: boolean;
  /**
   * The area the import is limited to, or null for the whole city. The reading thread judged
   * the places rows give where it could; here, with what the database holds: a row may not
   * change a stored record outside the area, nor leave a record outside it.
   */
  scope?: AreaScope | null;
  /** The city's configuration: where a technology contract's buyer lies (its flow). */
  city: CityConfig;
  /** What the services of projects, achievements, transfers and incubations run on (achievementRows.ts). */
  services?: Omit<ServiceContext, 'db'>;
}

export interface BatchOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows rejected here (the key exists in insert mode; an unresolved organization; outside the import's area): their problems. */
  problems: RowProblem[];
}

const isAchievementEntity = (entity: FileEntity): entity is AchievementFileEntity => (achievementFileEntities as readonly string[]).includes(entity);

/** Thrown when a row changed between the batch's read and its write: the batch is rolled back. */
export class ConcurrentChangeError extends Error {
  constructor(table: string) {
    super(`Rows of ${table} were changed by another writer during the import; run the import again`);
    this.name = 'ConcurrentChangeError';
  }
}

export function existsViolation(entity: FileEntity, key: string) {
  const columns = naturalKeys[entity].join(' + ');
  return violation(
    'import.exists',
    `该记录已存在（${columns}：${key}）；插入模式不更新已有记录`,
    `A record with this key already exists (${columns}: ${key}); insert mode does not update existing records`,
    { key },
  );
}

/** The natural key as the file gave it (credit codes, not ids; a person's name masked), for the insert mode's problem. */
function shownKey(entity: FileEntity, row: TableRow): string {
  const columns = tableColumns(entity);
  return quotedKey(
    entity,
    naturalKeys[entity].map((k) => String(k === entitySpecs[entity].reference ? row.reference : row.values[columns.findIndex((c) => c.name === k)])),
  );
}

const keyOf = (spec: TableSpec, values: ReadonlyArray<SqlValue | undefined>) => spec.keys.map((_, i) => String(values[i])).join('\u0001');
const storedKeyOf = (spec: TableSpec, row: StoredRow) => spec.keys.map((k) => String(row[k.name])).join('\u0001');

/** The problem of a row outside the import's area, or null. */
type ScopeCheck = (line: number, row: TableRow, existing: StoredRow | undefined) => RowProblem | null;

/**
 * Where a row's record would lie against the import's area, as far as the stored rows tell: a
 * stored record outside it may not be changed (reported at the record's key, as an existing key
 * in insert mode is), and the record as the row leaves it — what the row gives over what is
 * stored — must lie inside (a new organization without district or zone lies nowhere). Nothing
 * for an import of the whole city, nor for qualifications (judged by their holder while validating).
 */
function scopeCheck(entity: FileEntity, scope: AreaScope | null): ScopeCheck {
  const columns = tableColumns(entity);
  const districtAt = columns.findIndex((c) => c.name === 'district_code');
  const zoneAt = columns.findIndex((c) => c.name === 'zone');
  if (!scope || placeSource[entity] !== 'own' || districtAt < 0) return () => null;
  const text = (v: SqlValue | undefined) => (typeof v === 'string' ? v : null);
  return (line, row, existing) => {
    if (existing) {
      const v = outsideArea(scope, 'stored', { district: text(existing.district_code), zone: text(existing.zone) });
      if (v) return rowProblem(line, naturalKeys[entity][0] ?? null, shownKey(entity, row), v);
    }
    const leaves = (at: number, name: string) => (row.values[at] !== undefined ? text(row.values[at]) : text(existing?.[name]));
    const place = { district: leaves(districtAt, 'district_code'), zone: zoneAt < 0 ? null : leaves(zoneAt, 'zone') };
    const v = outsideArea(scope, 'row', place);
    const column = areaColumn(scope);
    return v && rowProblem(line, column, column === 'zone' ? place.zone : place.district, v);
  };
}

/**
 * Classifies a batch and, unless a dry run, writes it: new rows with COPY, changed ones with one
 * UPDATE. `organizationIds` are those the validator resolved for the batch; an organization
 * deleted since fails the write on its foreign key, and the batch is rolled back.
 */
export async function writeBatch(
  db: Queryable,
  entity: FileEntity,
  records: ReadonlyArray<{ line: number; record: TableRow }>,
  organizationIds: ReadonlyMap<string, number>,
  opts: WriteOptions,
): Promise<BatchOutcome> {
  if (isAchievementEntity(entity)) {
    if (!opts.services) throw new Error(`Writing ${entity} needs the services' context`);
    return writeAchievementRows(db, entity, records, { mode: opts.mode, dryRun: opts.dryRun, scope: opts.scope ?? null, services: opts.services });
  }
  if (entity === 'ip_loans') {
    if (!opts.services) throw new Error('Writing ip_loans needs the services’ context');
    return writeLoanRows(db, records, { mode: opts.mode, dryRun: opts.dryRun, scope: opts.scope ?? null, services: opts.services });
  }
  const spec = tableSpecs[entity];
  const reference = entitySpecs[entity].reference;
  const idAt = spec.keys.findIndex((k) => k.name === spec.organizationId);
  const outcome: BatchOutcome = { inserted: 0, updated: 0, unchanged: 0, problems: [] };

  let rows: Array<{ line: number; row: TableRow; key: string }> = [];
  for (const { line, record: row } of records) {
    if (reference && row.reference !== null) {
      const id = organizationIds.get(row.reference);
      // The validator resolves every reference of a valid row; this guards a caller that did not.
      if (id === undefined) {
        outcome.problems.push(rowProblem(line, reference, row.reference, danglingReferenceViolation(row.reference)));
        continue;
      }
      row.values[idAt] = id;
    }
    rows.push({ line, row, key: keyOf(spec, row.values) });
  }

  const stored = new Map((await existingRows(db, spec, rows.map((r) => r.row.values))).map((s) => [storedKeyOf(spec, s), s]));
  if (entity === 'tech_contracts') {
    const refused = await completeContractRows(db, opts.city, rows.map((r) => ({ ...r, existing: stored.get(r.key) })), opts.mode);
    outcome.problems.push(...refused.values());
    rows = rows.filter((r) => !refused.has(r.line));
  }
  const inserts: Array<ReadonlyArray<SqlValue | undefined>> = [];
  const updates: StoredRow[] = [];
  const firstData = spec.keys.length;
  const outsideScope = scopeCheck(entity, opts.scope ?? null);
  for (const { line, row, key } of rows) {
    const existing = stored.get(key);
    const outside = outsideScope(line, row, existing);
    if (outside) {
      outcome.problems.push(outside);
      continue;
    }
    if (!existing) {
      inserts.push(row.values);
      continue;
    }
    if (opts.mode === 'insert') {
      const shown = shownKey(entity, row);
      outcome.problems.push(rowProblem(line, naturalKeys[entity][0] ?? null, shown, existsViolation(entity, shown)));
      continue;
    }
    if (row.filled !== 0) keepConfirmations(row, existing);
    const merged: StoredRow = { ...existing };
    let changed = false;
    spec.data.forEach((c, i) => {
      const value = row.values[firstData + i];
      if (value === undefined || value === existing[c.name]) return;
      merged[c.name] = value;
      changed = true;
    });
    if (changed) updates.push(merged);
    else outcome.unchanged++;
  }
  outcome.inserted = inserts.length;
  outcome.updated = updates.length;
  if (!opts.dryRun) {
    if (entity === 'tech_contracts') await numberContracts(db, opts.city, inserts, updates);
    await insertRows(db, spec, inserts);
    if ((await updateRows(db, spec, updates)) !== updates.length) throw new ConcurrentChangeError(spec.table);
  }
  return outcome;
}

/** Registration numbers for the contracts about to be written (inserts by column position, updates by name). */
async function numberContracts(db: Queryable, city: CityConfig, inserts: Array<ReadonlyArray<SqlValue | undefined>>, updates: StoredRow[]): Promise<void> {
  const columns = tableColumns('tech_contracts');
  const named = inserts.map((values) => Object.fromEntries(columns.map((c, i) => [c.name, values[i]])));
  await numberRegistrations(db, city, [...named, ...updates]);
  const at = columns.findIndex((c) => c.name === 'registration_number');
  named.forEach((row, i) => ((inserts[i] as Array<SqlValue | undefined>)[at] = row.registration_number));
}
