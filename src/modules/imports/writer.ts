import { naturalKeys, type FileEntity } from '../../contracts/fileColumns.js';
import type { Queryable } from '../../db/client.js';
import { fourGlobalFeatureCodes } from '../../domain/fourGlobal.js';
import { violation } from '../../domain/message.js';
import { entitySpecs, type FileRecordOf } from './fileRecords.js';
import { resolveClaim, type ImportedClaims } from './fourGlobalColumns.js';
import { danglingReferenceViolation } from './inFileChecks.js';
import { rowProblem, type RowProblem } from './problems.js';
import { existingRows, insertRows, tableSpecs, updateRows, type SqlValue, type StoredRow, type TableSpec } from './queries.js';

/**
 * The import's second stage (导入写入): one validated batch into its table, in the caller's
 * transaction. Each record is classified against the stored row with the same natural key —
 * insert, update or unchanged — comparing only the columns the file had, so re-importing a file
 * changes nothing and bumps no version.
 */

export type ImportMode = 'upsert' | 'insert';

export interface WriteOptions {
  mode: ImportMode;
  /** Classify and report, write nothing. */
  dryRun: boolean;
  /** The import's day: the confirmation date of a "four global" claim the file gave without one. */
  importDate: string;
  fileName: string;
}

export interface BatchOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows rejected here (the key exists in insert mode; an unresolved organization): their problems. */
  problems: RowProblem[];
}

/** A row's column values; undefined: the file did not give the column (keep the stored value). */
type FileRow = Record<string, SqlValue | undefined>;

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

/** The file's values of a record under its table's column names, four-global claims resolved. */
function fileRow(entity: FileEntity, record: Record<string, unknown>, origin: { importDate: string; fileName: string; line: number }): FileRow {
  const row: FileRow = {};
  for (const c of tableSpecs[entity].data) {
    if (c.name in record) row[c.name] = record[c.name] as SqlValue;
  }
  for (const k of tableSpecs[entity].keys) if (k.name in record) row[k.name] = record[k.name] as SqlValue;
  if (entity === 'rd_institutions') {
    const claims = record.four_global as ImportedClaims;
    for (const f of fourGlobalFeatureCodes) {
      const claim = claims[f];
      if (claim === undefined) continue;
      const stored = resolveClaim(claim, { ...origin });
      row[`${f}_evidence`] = stored.evidence;
      row[`${f}_confirmed_on`] = stored.confirmed_on;
    }
  }
  return row;
}

/**
 * A bare 是 (no date, no evidence) confirms what may already be confirmed: the stored date and
 * evidence then stand, so the same file imported on a later day, or with its rows moved, changes nothing.
 */
function keepConfirmations(claims: ImportedClaims, row: FileRow, stored: StoredRow): void {
  for (const f of fourGlobalFeatureCodes) {
    const claim = claims[f];
    const confirmedOn = stored[`${f}_confirmed_on`];
    if (claim?.status !== 'confirmed' || confirmedOn === null || confirmedOn === undefined) continue;
    if (claim.confirmed_on === null) row[`${f}_confirmed_on`] = confirmedOn;
    if (claim.evidence === null && stored[`${f}_evidence`] !== null) row[`${f}_evidence`] = stored[`${f}_evidence`];
  }
}

const keyOf = (spec: TableSpec, row: Readonly<Record<string, SqlValue | undefined>>) => spec.keys.map((k) => String(row[k.name])).join('\u0001');

/**
 * Classifies a batch and, unless a dry run, writes it: new rows with COPY, changed ones with one
 * UPDATE. `organizationIds` are those the validator resolved for the batch; an organization
 * deleted since fails the write on its foreign key, and the batch is rolled back.
 */
export async function writeBatch<E extends FileEntity>(
  db: Queryable,
  entity: E,
  records: ReadonlyArray<{ line: number; record: FileRecordOf<E> }>,
  organizationIds: ReadonlyMap<string, number>,
  opts: WriteOptions,
): Promise<BatchOutcome> {
  const spec = tableSpecs[entity];
  const reference = entitySpecs[entity].reference;
  const outcome: BatchOutcome = { inserted: 0, updated: 0, unchanged: 0, problems: [] };
  const plain = records.map((r) => ({ line: r.line, record: r.record as unknown as Record<string, unknown> }));

  const rows: Array<{ line: number; record: Record<string, unknown>; row: FileRow; key: string }> = [];
  for (const { line, record } of plain) {
    const row = fileRow(entity, record, { importDate: opts.importDate, fileName: opts.fileName, line });
    if (reference) {
      const uscc = record[reference] as string;
      const id = organizationIds.get(uscc);
      // The validator resolves every reference of a valid row; this guards a caller that did not.
      if (id === undefined) {
        outcome.problems.push(rowProblem(line, reference, uscc, danglingReferenceViolation(uscc)));
        continue;
      }
      row[entity === 'qualifications' ? 'organization_id' : 'host_org_id'] = id;
    }
    rows.push({ line, record, row, key: keyOf(spec, row) });
  }

  const stored = new Map((await existingRows(db, spec, rows.map((r) => r.row as Record<string, SqlValue>))).map((s) => [keyOf(spec, s), s]));
  const inserts: Array<Record<string, SqlValue>> = [];
  const updates: StoredRow[] = [];
  for (const { line, record, row, key } of rows) {
    const existing = stored.get(key);
    if (!existing) {
      inserts.push(row as Record<string, SqlValue>);
      continue;
    }
    if (opts.mode === 'insert') {
      const shown = naturalKeys[entity].map((k) => String(record[k])).join(' / ');
      outcome.problems.push(rowProblem(line, naturalKeys[entity][0] ?? null, shown, existsViolation(entity, shown)));
      continue;
    }
    if (entity === 'rd_institutions') keepConfirmations(record.four_global as ImportedClaims, row, existing);
    const merged: StoredRow = { ...existing };
    let changed = false;
    for (const c of spec.data) {
      const value = row[c.name];
      if (value === undefined || value === existing[c.name]) continue;
      merged[c.name] = value;
      changed = true;
    }
    if (changed) updates.push(merged);
    else outcome.unchanged++;
  }
  outcome.inserted = inserts.length;
  outcome.updated = updates.length;
  if (!opts.dryRun) {
    await insertRows(db, spec, inserts);
    if ((await updateRows(db, spec, updates)) !== updates.length) throw new ConcurrentChangeError(spec.table);
  }
  return outcome;
}
