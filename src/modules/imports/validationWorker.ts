import { parentPort, workerData } from 'node:worker_threads';
import type { FileEntity } from '../../contracts/fileColumns.js';
import type { CityConfig } from '../../domain/city.js';
import type { ImportArea } from './areaScope.js';
import type { FileRecordOf } from './fileRecords.js';
import { packBatch, type PackedBatch } from './batchTransfer.js';
import { collectGarbage } from './garbageCollection.js';
import { FileCheck, type CheckedBatch, type FileCheckState, type ImportFormat } from './pipeline.js';
import type { TextEncoding } from './rawRows.js';
import { tableRowOf, type TableRow } from './tableRows.js';

/**
 * The worker thread of an import (导入读取线程): the database-free stage — the bytes the writer's
 * thread sends, decoded and parsed, every row validated against the pure domain rules, checked
 * for duplicate keys and, for an import limited to an area, for the place it gives — and each
 * valid row prepared for the writer. It can run on another core
 * while the writer's thread drives the database: on the embedded database the engine runs on that
 * thread, so reading and writing could not overlap there otherwise. validationThread.ts is the
 * other end.
 */

export interface WorkerSetup {
  entity: FileEntity;
  fileName: string;
  encoding?: TextEncoding;
  sheet?: string;
  format?: ImportFormat;
  city: CityConfig;
  /** The import's day: rows are judged against it, and a bare 是 is confirmed on it. */
  importDate: string;
  batchSize?: number;
  /** The area the import is limited to: a row placing its record outside it is rejected here. */
  area?: ImportArea;
  /** Batches the worker may check before the writer's thread has taken them. */
  ahead: number;
}

/** The file's bytes in order, then their end (or that reading them failed); `taken`: one batch was. */
export type ToWorker = { kind: 'bytes'; chunk: Uint8Array } | { kind: 'end' } | { kind: 'broken' } | { kind: 'taken' };

export type FromWorker =
  /** The reader took a chunk: the writer's thread may send more. */
  | { kind: 'consumed'; bytes: number }
  | { kind: 'batch'; batch: PackedBatch; state: FileCheckState }
  /** `wholeFileRead`: the reader asked past the last byte (a refused header stops it earlier). */
  | { kind: 'done'; state: FileCheckState; wholeFileRead: boolean }
  /** `sourceBroken`: the error is the byte stream's own, which the writer's thread holds. */
  | { kind: 'failed'; error: unknown; sourceBroken: boolean };

class SourceBroken extends Error {}

/** Node's default chunk of a file stream. */
const READ_PIECE = 64 * 1024;

/** The bytes as the writer's thread sends them, for the reader to pull. */
class IncomingBytes implements AsyncIterable<Uint8Array> {
  private readonly chunks: Uint8Array[] = [];
  private ended = false;
  private broken = false;
  private wake: (() => void) | null = null;
  wholeFileRead = false;

  constructor(private readonly post: (message: FromWorker) => void) {}

  receive(message: Exclude<ToWorker, { kind: 'taken' }>): void {
    if (message.kind === 'bytes') this.chunks.push(message.chunk);
    else if (message.kind === 'end') this.ended = true;
    else this.broken = true;
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for (;;) {
      const chunk = this.chunks.shift();
      if (chunk) {
        this.post({ kind: 'consumed', bytes: chunk.length });
        // The file comes in 1 MiB chunks (service.ts, openImportFile); the reader takes them in
        // pieces of the size it was built for, or a CSV chunk's run of rows (8,000 at 1 MiB)
        // would be alive at once.
        for (let at = 0; at < chunk.length; at += READ_PIECE) yield chunk.subarray(at, at + READ_PIECE);
      } else if (this.broken) {
        throw new SourceBroken();
      } else if (this.ended) {
        this.wholeFileRead = true;
        return;
      } else {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = null;
      }
    }
  }
}

/** How many more batches may be checked before the writer's thread takes one. */
class Credits {
  private wake: (() => void) | null = null;
  constructor(private available: number) {}

  give(): void {
    this.available++;
    this.wake?.();
  }

  async spend(): Promise<void> {
    while (this.available === 0) {
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
    this.available--;
  }
}

/** The batch's valid records in their table's terms: the writer's preparation, done here. */
function prepared(setup: WorkerSetup, checked: CheckedBatch<FileRecordOf<FileEntity>>): CheckedBatch<TableRow> {
  const rows = checked.rows.map((r) => ({
    ...r,
    payload: r.payload === null || r.problems.length > 0 ? null : tableRowOf(setup.entity, r.payload, { importDate: setup.importDate, fileName: setup.fileName, line: r.line }),
  }));
  return { rows, referenceColumn: checked.referenceColumn };
}

async function run(setup: WorkerSetup, port: NonNullable<typeof parentPort>): Promise<void> {
  const post = (message: FromWorker) => port.postMessage(message);
  const bytes = new IncomingBytes(post);
  const credits = new Credits(setup.ahead);
  port.on('message', (message: ToWorker) => (message.kind === 'taken' ? credits.give() : bytes.receive(message)));
  const { entity, fileName, encoding, sheet, format } = setup;
  const check = new FileCheck(
    { entity, fileName, stream: bytes, ...(encoding ? { encoding } : {}), ...(sheet ? { sheet } : {}), ...(format ? { format } : {}) },
    { city: setup.city, today: setup.importDate, ...(setup.batchSize ? { batchSize: setup.batchSize } : {}), ...(setup.area ? { area: setup.area } : {}) },
  );
  const batches = check[Symbol.asyncIterator]();
  try {
    for (;;) {
      // A credit first: the file is read no further than the writer's thread allows.
      await credits.spend();
      const next = await batches.next();
      if (next.done) break;
      post({ kind: 'batch', batch: packBatch(prepared(setup, next.value)), state: check.state });
      // The batch's rows are garbage now. This thread mostly waits for the writer, so a full
      // collection after each batch costs nothing, and keeps its heap at what is alive (about
      // 16 MB besides the key table); V8 would let it grow to several times that.
      collectGarbage();
    }
    post({ kind: 'done', state: check.state, wholeFileRead: bytes.wholeFileRead });
  } catch (error) {
    post({ kind: 'failed', error, sourceBroken: error instanceof SourceBroken });
  }
}

if (parentPort) await run(workerData as WorkerSetup, parentPort);
