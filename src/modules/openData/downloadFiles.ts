import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createGzip, type Gzip } from 'node:zlib';
import type { FileColumn } from '../../contracts/fileColumns.js';
import { importReading, type StoredValue } from '../exports/cells.js';
import { csvHead, csvLines, jsonLines, type ReadSheet } from '../exports/writers.js';

/**
 * The bulk-download files of one release (批量下载): CSV with a UTF-8 BOM and JSON Lines, both
 * gzip-compressed, written in one pass over the published rows. Rows go through in batches and
 * the compressed bytes leave in chunks as they come, so memory stays flat whatever the size.
 */

export const downloadFormats = ['csv.gz', 'jsonl.gz'] as const;
export type DownloadFormat = (typeof downloadFormats)[number];

export const downloadMediaTypes: Readonly<Record<DownloadFormat, string>> = {
  'csv.gz': 'text/csv',
  'jsonl.gz': 'application/jsonl',
};

/** A published field as the files carry it. */
export interface PublishedColumn {
  key: string;
  name: { zh: string; en: string };
  type: string;
}

/** A finished file: its size and SHA-256 (hex) over the gzip bytes, as served. */
export interface BuiltFile {
  format: DownloadFormat;
  byteSize: number;
  sha256: string;
}

/** Keeps one chunk of a file (in order: seq 0, 1, …). */
export type ChunkStore = (format: DownloadFormat, seq: number, bytes: Buffer) => Promise<void>;

/** Bytes per stored chunk: a few round trips for a demo file, flat memory for a large one. */
export const CHUNK_BYTES = 256 * 1024;
const ROWS_PER_BATCH = 500;

/**
 * Writes both files of `rows` through `store` and calls `onRow` with each row's id and content
 * hash (for the release's change log). Rows must come in id order.
 */
export async function writeDownloadFiles(
  columns: readonly PublishedColumn[],
  rows: AsyncIterable<Record<string, unknown>>,
  store: ChunkStore,
  onRow: (id: string, hash: string) => void,
  chunkBytes = CHUNK_BYTES,
): Promise<{ files: BuiltFile[]; rowCount: number }> {
  const sheet = downloadSheet(columns);
  const csv = new GzipChunks('csv.gz', store, chunkBytes);
  const jsonl = new GzipChunks('jsonl.gz', store, chunkBytes);
  let rowCount = 0;
  try {
    await csv.write(csvHead(sheet));
    for await (const batch of batchesOf(rows, columns)) {
      for (const { id, hash } of batch.hashes) onRow(id, hash);
      rowCount += batch.values.length;
      await csv.write(csvLines(sheet, batch.values));
      await jsonl.write(jsonLines(sheet, batch.values));
    }
    return { files: [await csv.end(), await jsonl.end()], rowCount };
  } catch (err) {
    csv.abort();
    jsonl.abort();
    throw err;
  }
}

/**
 * The files' reading: canonical keys as headers and stored values verbatim (codes as codes, the
 * dictionary gives their labels). Only free texts get the CSV formula guard — a number such as
 * -5 must stay a number — so every other field is read as a plain value.
 */
function downloadSheet(columns: readonly PublishedColumn[]): ReadSheet {
  const fileColumns: FileColumn[] = columns.map((c) => ({ key: c.key, zh: c.name.zh, en: c.name.en, type: c.type === 'text' ? 'text' : 'code', required: false }));
  return { columns: fileColumns, lang: 'en', sheetName: 'data', reading: importReading('en') };
}

/** A value as the files write it: numbers as their decimal text, structures as JSON. */
export function storedValue(value: unknown): StoredValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** A row's content hash: SHA-256 of its published values in column order (128 bits, base64url). */
export function rowHash(columns: readonly PublishedColumn[], values: Record<string, StoredValue>): string {
  const content = JSON.stringify(columns.map((c) => values[c.key] ?? null));
  return createHash('sha256').update(content).digest('base64url').slice(0, 22);
}

interface Batch {
  values: Array<Record<string, StoredValue>>;
  hashes: Array<{ id: string; hash: string }>;
}

async function* batchesOf(rows: AsyncIterable<Record<string, unknown>>, columns: readonly PublishedColumn[]): AsyncGenerator<Batch> {
  let batch: Batch = { values: [], hashes: [] };
  for await (const row of rows) {
    const values = Object.fromEntries(columns.map((c) => [c.key, storedValue(row[c.key])]));
    batch.values.push(values);
    batch.hashes.push({ id: String(row.id), hash: rowHash(columns, values) });
    if (batch.values.length === ROWS_PER_BATCH) {
      yield batch;
      batch = { values: [], hashes: [] };
    }
  }
  if (batch.values.length > 0) yield batch;
}

/** One gzip file whose compressed bytes are hashed, counted and stored in chunks of `chunkBytes` as they come out. */
class GzipChunks {
  private readonly gzip: Gzip = createGzip();
  private readonly sha = createHash('sha256');
  private byteSize = 0;
  private seq = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly drained: Promise<void>;

  constructor(
    private readonly format: DownloadFormat,
    private readonly store: ChunkStore,
    private readonly chunkBytes: number,
  ) {
    // A failed store ends the gzip stream too, so a writer waiting for 'drain' hears of it.
    this.drained = this.consume().catch((err: unknown) => {
      this.gzip.destroy(err instanceof Error ? err : new Error(String(err)));
      throw err;
    });
    // Its rejection is awaited by end(); until then it must not count as unhandled.
    this.drained.catch(() => undefined);
  }

  /** Waits while the gzip stream is full; a failed store (the stream gone) throws its error here. */
  async write(bytes: Buffer): Promise<void> {
    if (this.gzip.destroyed) await this.drained;
    if (!this.gzip.write(bytes)) await Promise.race([once(this.gzip, 'drain'), this.drained]);
  }

  async end(): Promise<BuiltFile> {
    this.gzip.end();
    await this.drained;
    return { format: this.format, byteSize: this.byteSize, sha256: this.sha.digest('hex') };
  }

  abort(): void {
    this.gzip.destroy();
  }

  private async consume(): Promise<void> {
    for await (const chunk of this.gzip as AsyncIterable<Buffer>) {
      this.sha.update(chunk);
      this.byteSize += chunk.length;
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      if (this.pendingBytes >= this.chunkBytes) await this.flush();
    }
    await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const bytes = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    await this.store(this.format, this.seq++, bytes);
  }
}
