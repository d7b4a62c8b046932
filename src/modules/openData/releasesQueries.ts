import type { Queryable } from '../../db/client.js';
import type { ReleaseChanges } from '../../domain/openDataRelease.js';
import type { BuiltFile, DownloadFormat } from './downloadFiles.js';

/** The SQL of the open-data releases (migration 0020). */

/** A file of a release as stored: its size, SHA-256 and how many chunks hold it. */
export interface StoredFile extends BuiltFile {
  chunks: number;
}

export interface ReleaseRow {
  datasetId: string;
  number: number;
  releasedAt: string;
  sourceKey: string;
  rowCount: number;
  added: number;
  changed: number;
  removed: number;
  /** The ids; null for a first release (every row is new). */
  changes: ReleaseChanges | null;
  files: StoredFile[];
}

interface DbRelease {
  dataset_id: string;
  release_no: number;
  released_at: Date | string;
  source_key: string;
  row_count: number;
  added: number;
  changed: number;
  removed: number;
  changes: ReleaseChanges | Record<string, never>;
  files: Array<{ format: DownloadFormat; byte_size: number; sha256: string; chunks: number }>;
}

const COLUMNS = 'dataset_id, release_no, released_at, source_key, row_count, added, changed, removed, changes, files';

function toRelease(r: DbRelease): ReleaseRow {
  return {
    datasetId: r.dataset_id,
    number: r.release_no,
    releasedAt: new Date(r.released_at).toISOString(),
    sourceKey: r.source_key,
    rowCount: r.row_count,
    added: r.added,
    changed: r.changed,
    removed: r.removed,
    changes: 'added' in r.changes ? (r.changes as ReleaseChanges) : null,
    files: r.files.map((f) => ({ format: f.format, byteSize: f.byte_size, sha256: f.sha256, chunks: f.chunks })),
  };
}

/** A release whose files are still being written (`openRelease`) has none yet: it is not shown. */
const COMPLETE = "files <> '[]'::jsonb";

export async function latestRelease(db: Queryable, datasetId: string): Promise<ReleaseRow | null> {
  const { rows } = await db.query<DbRelease>(`SELECT ${COLUMNS} FROM open_data_releases WHERE dataset_id = $1 AND ${COMPLETE} ORDER BY release_no DESC LIMIT 1`, [datasetId]);
  return rows[0] ? toRelease(rows[0]) : null;
}

/** Every release of a dataset, newest first. */
export async function releasesOf(db: Queryable, datasetId: string): Promise<ReleaseRow[]> {
  const { rows } = await db.query<DbRelease>(`SELECT ${COLUMNS} FROM open_data_releases WHERE dataset_id = $1 AND ${COMPLETE} ORDER BY release_no DESC`, [datasetId]);
  return rows.map(toRelease);
}

/** The row hashes of the latest release (empty before the first). */
export async function latestRowHashes(db: Queryable, datasetId: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ row_hashes: Record<string, string> | null }>(
    `SELECT row_hashes FROM open_data_releases WHERE dataset_id = $1 AND ${COMPLETE} ORDER BY release_no DESC LIMIT 1`,
    [datasetId],
  );
  return new Map(Object.entries(rows[0]?.row_hashes ?? {}));
}

/** A build that failed half-way (embedded database) left its release incomplete: its chunks go with it. */
export async function dropIncompleteReleases(db: Queryable, datasetId: string): Promise<void> {
  await db.query(`DELETE FROM open_data_releases WHERE dataset_id = $1 AND NOT (${COMPLETE})`, [datasetId]);
}

/** Opens a release whose files are being written (its figures are set by `completeRelease`). */
export async function openRelease(db: Queryable, datasetId: string, number: number, releasedAt: Date, sourceKey: string): Promise<void> {
  await db.query(
    `INSERT INTO open_data_releases (dataset_id, release_no, released_at, source_key, row_count, added, changed, removed, changes, files)
     VALUES ($1, $2, $3, $4, 0, 0, 0, 0, '{}', '[]')`,
    [datasetId, number, releasedAt, sourceKey],
  );
}

export async function storeChunk(db: Queryable, datasetId: string, number: number, format: DownloadFormat, seq: number, bytes: Buffer): Promise<void> {
  await db.query('INSERT INTO open_data_file_chunks (dataset_id, release_no, format, seq, bytes) VALUES ($1, $2, $3, $4, $5)', [datasetId, number, format, seq, bytes]);
}

export interface ReleaseFigures {
  rowCount: number;
  changes: ReleaseChanges;
  /** Whether the ids are listed (not on a first release). */
  listIds: boolean;
  rowHashes: ReadonlyMap<string, string>;
  files: StoredFile[];
}

/** Sets a release's figures and lets the releases before it go of their row hashes and, but for the last, of their files. */
export async function completeRelease(db: Queryable, datasetId: string, number: number, figures: ReleaseFigures): Promise<void> {
  const { changes } = figures;
  await db.query(
    `UPDATE open_data_releases SET row_count = $3, added = $4, changed = $5, removed = $6, changes = $7, row_hashes = $8, files = $9, updated_at = now()
      WHERE dataset_id = $1 AND release_no = $2`,
    [
      datasetId,
      number,
      figures.rowCount,
      changes.added.length,
      changes.changed.length,
      changes.removed.length,
      JSON.stringify(figures.listIds ? changes : {}),
      JSON.stringify(Object.fromEntries(figures.rowHashes)),
      JSON.stringify(figures.files.map((f) => ({ format: f.format, byte_size: f.byteSize, sha256: f.sha256, chunks: f.chunks }))),
    ],
  );
  await db.query('UPDATE open_data_releases SET row_hashes = NULL WHERE dataset_id = $1 AND release_no < $2 AND row_hashes IS NOT NULL', [datasetId, number]);
  await db.query('DELETE FROM open_data_file_chunks WHERE dataset_id = $1 AND release_no < $2', [datasetId, number - 1]);
}

/** Drops a release that changed nothing (its chunks go with it) and marks the one before current. */
export async function discardRelease(db: Queryable, datasetId: string, number: number, sourceKey: string): Promise<void> {
  await db.query('DELETE FROM open_data_releases WHERE dataset_id = $1 AND release_no = $2', [datasetId, number]);
  await db.query('UPDATE open_data_releases SET source_key = $3, updated_at = now(), version = version + 1 WHERE dataset_id = $1 AND release_no = $2', [datasetId, number - 1, sourceKey]);
}

/** One chunk of a file, or null when it is gone (a release two newer was made meanwhile). */
export async function readChunk(db: Queryable, datasetId: string, number: number, format: DownloadFormat, seq: number): Promise<Buffer | null> {
  const { rows } = await db.query<{ bytes: Uint8Array }>('SELECT bytes FROM open_data_file_chunks WHERE dataset_id = $1 AND release_no = $2 AND format = $3 AND seq = $4', [datasetId, number, format, seq]);
  const bytes = rows[0]?.bytes;
  return bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : null;
}
