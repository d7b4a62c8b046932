import { fileEntities, type FileEntity } from '../../contracts/fileColumns.js';
import { copyText, type Queryable } from '../../db/client.js';
import type { ListSpec } from '../../db/list/spec.js';
import type { Place } from './areaScope.js';
import type { ReportedProblem } from './problems.js';
import { integer, tableColumns, type SqlColumn, type SqlValue, type TableSpec } from './tableRows.js';

/**
 * SQL of the import writer (导入写入) and of the import records. Every statement is set-based:
 * one query per batch whatever its size — new rows by COPY, lookups and updates with the batch's
 * values as one JSON parameter — so a batch costs a handful of round trips.
 */

/** A stored row: id, version and the key and data columns, dates as 'YYYY-MM-DD'. */
export type StoredRow = { id: number; version: number } & Record<string, SqlValue>;

/**
 * A batch's rows as one JSON parameter, read back as a relation by `json_to_recordset`: JSON.stringify
 * and PostgreSQL's JSON parser are native code on both sides, where array parameters are escaped
 * element by element in JavaScript (5,000 keys: 4× faster on PostgreSQL, 10× on PGlite).
 */
const rowsOf = (columns: readonly SqlColumn[], param = '$1') => `json_to_recordset(${param}::json) AS k(${columns.map((c) => `${c.name} ${c.type}`).join(', ')})`;
const names = (columns: readonly SqlColumn[]) => columns.map((c) => c.name).join(', ');
const jsonRows = (columns: readonly SqlColumn[], rows: ReadonlyArray<Record<string, SqlValue | undefined>>) =>
  JSON.stringify(rows.map((r) => Object.fromEntries(columns.map((c) => [c.name, r[c.name] ?? null]))));
/** The same for rows given as values in column order (the first `columns.length` of each). */
function jsonValueRows(columns: readonly SqlColumn[], rows: ReadonlyArray<ReadonlyArray<SqlValue | undefined>>): string {
  // An object literal per row, not Object.fromEntries: this runs for every row of every batch.
  return JSON.stringify(
    rows.map((r) => {
      const row: Record<string, SqlValue> = {};
      columns.forEach((c, i) => (row[c.name] = r[i] ?? null));
      return row;
    }),
  );
}

/**
 * Ids of the organizations with these credit codes: one query, answered as one JSON object. A row
 * per organization cost the embedded engine's client more than the lookup (each field of 5,000
 * rows a batch decoded on its own: about 1 s of 25 for 200,000 R&D institutions).
 */
export async function organizationIds(db: Queryable, usccs: readonly string[]): Promise<Map<string, number>> {
  if (usccs.length === 0) return new Map();
  const { rows } = await db.query<{ ids: Record<string, number> | null }>(
    'SELECT json_object_agg(o.uscc, o.id) AS ids FROM json_array_elements_text($1::json) AS k(uscc) JOIN organizations o USING (uscc)',
    [JSON.stringify([...new Set(usccs)])],
  );
  return new Map(Object.entries(rows[0]?.ids ?? {}));
}

/** Where the organizations with these ids lie (district and zone), in one query: where the qualifications they hold lie. */
export async function organizationPlaces(db: Queryable, ids: readonly number[]): Promise<Map<number, Place>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ places: Record<string, Place> | null }>(
    `SELECT json_object_agg(o.id, json_build_object('district', o.district_code, 'zone', o.zone)) AS places
       FROM json_array_elements_text($1::json) AS k(id) JOIN organizations o ON o.id = k.id::int`,
    [JSON.stringify([...new Set(ids)])],
  );
  return new Map(Object.entries(rows[0]?.places ?? {}).map(([id, place]) => [Number(id), place]));
}

/** The stored rows with the natural keys of these rows (values by {@link tableColumns}, the key first): one query. */
export async function existingRows(db: Queryable, spec: TableSpec, rows: ReadonlyArray<ReadonlyArray<SqlValue | undefined>>): Promise<StoredRow[]> {
  if (rows.length === 0) return [];
  // Amounts as text: the file's are text too, and a float would not compare equal.
  const columns = tableColumns(spec.table).map((c) => (c.type === 'numeric' ? `t.${c.name}::text AS ${c.name}` : `t.${c.name}`)).join(', ');
  const sql = `SELECT t.id, t.version, ${columns} FROM ${spec.table} t JOIN ${rowsOf(spec.keys)} USING (${names(spec.keys)})`;
  return (await db.query<StoredRow>(sql, [jsonValueRows(spec.keys, rows)])).rows;
}

/** New rows (values by {@link tableColumns}) in with COPY: several times faster than INSERT for the large batches an import writes. */
export async function insertRows(db: Queryable, spec: TableSpec, rows: ReadonlyArray<ReadonlyArray<SqlValue | undefined>>): Promise<void> {
  if (rows.length === 0) return;
  await db.copyRows(spec.table, tableColumns(spec.table).map((c) => c.name), copyText(rows));
}

/**
 * Writes whole rows (stored values merged with the file's) and bumps their version. The version
 * read earlier in the same transaction guards against a writer in between: then nothing matches.
 */
export async function updateRows(db: Queryable, spec: TableSpec, rows: ReadonlyArray<StoredRow>): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = [integer('id'), integer('version'), ...spec.data];
  const set = spec.data.map((c) => `${c.name} = k.${c.name}`).join(', ');
  const sql = `UPDATE ${spec.table} t SET ${set}, version = t.version + 1, updated_at = now() FROM ${rowsOf(columns)} WHERE t.id = k.id AND t.version = k.version`;
  return (await db.query(sql, [jsonRows(columns, rows)])).affectedRows;
}

// ——— import records ———

export const importStatuses = ['running', 'succeeded', 'rejected', 'failed'] as const;
export type ImportStatus = (typeof importStatuses)[number];

export interface ImportCounts {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportOptionsRecord {
  mode: 'upsert' | 'insert';
  atomic: boolean;
  dry_run: boolean;
  encoding: string | null;
  sheet: string | null;
  /** The districts and zones the import was limited to; both empty: the whole city. */
  districts: string[];
  zones: string[];
}

/** An import as recorded (导入记录). */
export interface ImportRecord extends ImportCounts {
  id: number;
  entity: FileEntity;
  file_name: string;
  file_sha256: string | null;
  file_size: number | null;
  options: ImportOptionsRecord;
  detected: { format: string | null; encoding: string | null; sheet: string | null } | null;
  status: ImportStatus;
  committed: boolean;
  bytes_read: number;
  problems_total: number;
  problems_stored: number;
  started_at: string;
  finished_at: string | null;
  error: string | null;
  created_by: string | null;
}

// Imports recorded before districts and zones were kept reached the whole city.
const RECORD_COLUMNS = `id, entity, file_name, file_sha256, file_size::float8 AS file_size, jsonb_build_object('districts', '[]'::jsonb, 'zones', '[]'::jsonb) || options AS options, detected, status, committed,
  read, inserted, updated, unchanged, rejected, bytes_read::float8 AS bytes_read, problems_total, problems_stored,
  to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS started_at,
  to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS finished_at, error, created_by`;

/** The list of imports (导入记录), newest first, filterable by entity, status and start time. */
export const importListSpec: ListSpec = {
  from: 'imports t',
  tables: ['imports'],
  select: RECORD_COLUMNS,
  fields: {
    id: { column: 't.id', type: 'int', sort: true },
    entity: { column: 't.entity', type: 'code', notNull: true, values: fileEntities, sort: true, group: true },
    status: { column: 't.status', type: 'code', notNull: true, values: importStatuses, sort: true, group: true },
    started_at: { column: 't.started_at', type: 'timestamp', notNull: true, sort: true },
    finished_at: { column: 't.finished_at', type: 'timestamp', sort: true },
  },
  searchColumns: ['t.file_name'],
  defaultSort: { field: 'started_at', desc: true },
};

export async function createImportRecord(
  db: Queryable,
  r: { entity: FileEntity; fileName: string; fileSize: number | null; sha256: string | null; options: ImportOptionsRecord; runner: string; createdBy: string | null },
): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    'INSERT INTO imports (entity, file_name, file_size, file_sha256, options, runner, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
    [r.entity, r.fileName, r.fileSize, r.sha256, JSON.stringify(r.options), r.runner, r.createdBy],
  );
  return rows[0]!.id;
}

/** The running imports, with their runner and the seconds since their last batch. */
export async function runningImports(db: Queryable): Promise<Array<{ id: number; runner: string | null; idle_seconds: number }>> {
  const { rows } = await db.query<{ id: number; runner: string | null; idle_seconds: number }>(
    "SELECT id, runner, extract(epoch FROM now() - heartbeat_at)::float8 AS idle_seconds FROM imports WHERE status = 'running'",
  );
  return rows;
}

export async function markInterrupted(db: Queryable, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query("UPDATE imports SET status = 'failed', error = 'interrupted', finished_at = now() WHERE id = ANY($1::int[]) AND status = 'running'", [ids]);
}

/** Counts and bytes so far; the heartbeat says the runner is alive. */
export async function saveProgress(db: Queryable, id: number, counts: ImportCounts, bytesRead: number, problems: { total: number; stored: number }, committed: boolean): Promise<void> {
  await db.query(
    `UPDATE imports SET read = $2, inserted = $3, updated = $4, unchanged = $5, rejected = $6, bytes_read = $7,
       problems_total = $8, problems_stored = $9, committed = $10, heartbeat_at = now() WHERE id = $1`,
    [id, counts.read, counts.inserted, counts.updated, counts.unchanged, counts.rejected, bytesRead, problems.total, problems.stored, committed],
  );
}

export async function finishImportRecord(
  db: Queryable,
  id: number,
  end: { status: ImportStatus; error: string | null; sha256: string | null; detected: ImportRecord['detected'] },
): Promise<void> {
  await db.query(
    'UPDATE imports SET status = $2, error = $3, file_sha256 = coalesce(file_sha256, $4), detected = $5, finished_at = now(), heartbeat_at = now() WHERE id = $1',
    [id, end.status, end.error, end.sha256, end.detected === null ? null : JSON.stringify(end.detected)],
  );
}

export async function getImportRecord(db: Queryable, id: number): Promise<ImportRecord | null> {
  const { rows } = await db.query<ImportRecord>(`SELECT ${RECORD_COLUMNS} FROM imports WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

export async function insertProblems(db: Queryable, importId: number, problems: ReadonlyArray<ReportedProblem>): Promise<void> {
  if (problems.length === 0) return;
  await db.query(
    `INSERT INTO import_problems (import_id, line, column_name, value, code, message_zh, message_en)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
    [importId, problems.map((p) => p.line), problems.map((p) => p.column), problems.map((p) => p.value), problems.map((p) => p.code), problems.map((p) => p.message.zh), problems.map((p) => p.message.en)],
  );
}

/** The stored problems of an import in report order, read in pages: a huge report never sits in memory. */
export async function* importProblems(db: Queryable, importId: number, pageSize = 5000): AsyncGenerator<ReportedProblem> {
  let after = 0;
  for (;;) {
    const { rows } = await db.query<{ id: number; line: number | null; column_name: string | null; value: string | null; code: string; message_zh: string; message_en: string }>(
      'SELECT id::float8 AS id, line, column_name, value, code, message_zh, message_en FROM import_problems WHERE import_id = $1 AND id > $2 ORDER BY id LIMIT $3',
      [importId, after, pageSize],
    );
    for (const r of rows) yield { line: r.line, column: r.column_name, value: r.value, code: r.code, message: { zh: r.message_zh, en: r.message_en } };
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** One page of an import's stored problems in report order, with their total, for the wizard's table. */
export async function importProblemPage(db: Queryable, importId: number, perPage: number, page: number): Promise<{ count: number; results: ReportedProblem[] }> {
  const [count, rows] = await Promise.all([
    db.query<{ n: number }>('SELECT count(*)::int AS n FROM import_problems WHERE import_id = $1', [importId]),
    db.query<{ line: number | null; column_name: string | null; value: string | null; code: string; message_zh: string; message_en: string }>(
      'SELECT line, column_name, value, code, message_zh, message_en FROM import_problems WHERE import_id = $1 ORDER BY id LIMIT $2 OFFSET $3',
      [importId, perPage, (page - 1) * perPage],
    ),
  ]);
  return {
    count: count.rows[0]?.n ?? 0,
    results: rows.rows.map((r) => ({ line: r.line, column: r.column_name, value: r.value, code: r.code, message: { zh: r.message_zh, en: r.message_en } })),
  };
}
