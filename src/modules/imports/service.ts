import { createHash } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { hostname } from 'node:os';
import { Readable } from 'node:stream';
import type { FileEntity } from '../../contracts/fileColumns.js';
import type { Queryable } from '../../db/client.js';
import type { AuditActor } from '../audit/trail.js';
import type { AppContext } from '../shared/context.js';
import { write } from '../shared/write.js';
import { BATCHES_PER_COLLECTION, collectGarbage } from './garbageCollection.js';
import { areaScope, type ImportArea } from './areaScope.js';
import type { ValidatedBatch, ValidationSummary } from './pipeline.js';
import type { ReportedProblem, RowProblem } from './problems.js';
import {
  createImportRecord,
  finishImportRecord,
  getImportRecord,
  insertProblems,
  markInterrupted,
  organizationPlaces,
  organizationIds,
  runningImports,
  saveProgress,
  type ImportCounts,
  type ImportRecord,
  type ImportStatus,
} from './queries.js';
import type { TextEncoding } from './rawRows.js';
import type { TableRow } from './tableRows.js';
import { validateInWorker, type ValidationThread } from './validationThread.js';
import { writeBatch, type ImportMode, type WriteOptions } from './writer.js';

/**
 * Runs an import (导入) end to end: validation, then each batch of about 1,000 rows written in
 * one transaction with its problems and the import record's counts, so the database only ever
 * holds whole batches and counts that match them. Modes:
 * - partial (default): valid rows are written batch by batch, rejected ones reported;
 * - atomic: every batch in one transaction, rolled back at the end if any row was rejected or
 *   the file was refused; the problems are kept in memory (at most {@link MAX_STORED_PROBLEMS})
 *   and stored after the rollback;
 * - dry run: the same classification and report, no registry row written. A dry run is
 *   recorded like any import (options.dry_run, committed = false), so its report can be
 *   downloaded.
 * A killed import leaves its record 'running'; the next import to start marks it 'failed' with
 * error 'interrupted' (its process on this host is gone; on another host, it has not reported a
 * batch for 10 minutes). Run
 * again, an upsert completes to the same final state: rows already written count as unchanged.
 */

export interface RunImportInput {
  entity: FileEntity;
  stream: Readable | AsyncIterable<Uint8Array>;
  fileName: string;
  /** For progress (percent, ETA) and the record. */
  fileSize?: number;
  /** Given when already known (an upload); otherwise computed while reading. */
  sha256?: string;
  mode: ImportMode;
  atomic: boolean;
  dryRun: boolean;
  encoding?: TextEncoding;
  sheet?: string;
  /**
   * The area the import is limited to (an officer's districts and zones, or `starcity import
   * --district/--zone`): a row whose record would lie outside it, or that would change a record
   * outside it, is rejected. Empty or omitted: the whole city.
   */
  area?: Partial<ImportArea>;
  /** Who runs it: recorded as the import's `created_by` and in the audit log. */
  actor: AuditActor;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Called once the import is recorded, before any row is read: a caller may answer with its id. */
  onCreated?: (id: number) => void;
}

export interface ImportProgress {
  id: number;
  counts: ImportCounts;
  bytesRead: number;
  fileSize: number | null;
}

/**
 * A file opened for {@link runImport}, read in 1 MiB chunks. This thread passes each chunk to the
 * reading thread when it is free between two engine calls, one chunk each time; at Node's 64 KiB
 * the reading thread starved while the embedded engine wrote (a batch of 5,000 rows is 0.5–0.7 MB).
 */
export const openImportFile = (path: string): ReadStream => createReadStream(path, { highWaterMark: 1024 * 1024 });

/** Problems stored per import; the rest are counted (problems_total) but not kept. */
export const MAX_STORED_PROBLEMS = 100_000;
/** An import that has written no batch for this long is taken for dead. */
const STALE_SECONDS = 600;

const thisRunner = () => `${hostname()}:${process.pid}`;

/** On this host: whether the runner's process is gone; elsewhere: whether it has been silent too long. */
function isStale(runner: string | null, idleSeconds: number): boolean {
  const [host, pid] = (runner ?? '').split(':');
  if (host !== hostname() || !pid) return idleSeconds > STALE_SECONDS;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Marks imports whose process died as failed ('interrupted'). */
export async function markStaleImports(db: Queryable): Promise<number[]> {
  const stale = (await runningImports(db)).filter((r) => isStale(r.runner, r.idle_seconds)).map((r) => r.id);
  await markInterrupted(db, stale);
  return stale;
}

/** Bytes on their way to the validator, hashed; `whole` once the stream has been read to its end. */
class HashingSource {
  private readonly hash = createHash('sha256');
  whole = false;
  constructor(private readonly source: Readable | AsyncIterable<Uint8Array>) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array> {
    for await (const chunk of this.source) {
      this.hash.update(chunk as Uint8Array);
      yield chunk as Uint8Array;
    }
    this.whole = true;
  }

  digest(): string | null {
    return this.whole ? this.hash.digest('hex') : null;
  }

  destroy(): void {
    if (this.source instanceof Readable) this.source.destroy();
  }
}

/** Keeps problems up to the cap and counts them all. */
class ProblemLog {
  total = 0;
  stored = 0;
  take<P extends ReportedProblem>(problems: readonly P[]): P[] {
    this.total += problems.length;
    const kept = problems.slice(0, Math.max(0, MAX_STORED_PROBLEMS - this.stored));
    this.stored += kept.length;
    return kept;
  }
}

const byLine = (a: RowProblem, b: RowProblem) => a.line - b.line;

/** The status an import ends with. */
function finalStatus(summary: ValidationSummary, counts: ImportCounts): ImportStatus {
  const refused = !summary.complete || summary.fileProblems.some((p) => p.severity === 'error');
  return refused || counts.rejected > 0 ? 'rejected' : 'succeeded';
}

class AtomicRollback extends Error {}

export async function runImport(ctx: AppContext, input: RunImportInput): Promise<ImportRecord> {
  const { db } = ctx;
  await markStaleImports(db);
  const area = { districts: [...new Set(input.area?.districts ?? [])], zones: [...new Set(input.area?.zones ?? [])] };
  const options = { mode: input.mode, atomic: input.atomic, dry_run: input.dryRun, encoding: input.encoding ?? null, sheet: input.sheet ?? null, ...area };
  const id = await write(ctx, input.actor, { action: 'import_start', entity: input.entity }, async ({ db: tx }) => {
    const fileName = input.fileName;
    const id = await createImportRecord(tx, { entity: input.entity, fileName, fileSize: input.fileSize ?? null, sha256: input.sha256 ?? null, options, runner: thisRunner(), createdBy: input.actor.username });
    // Every batch written later belongs to an import the log already names (a dry run writes nothing).
    return { result: id, recordId: id, after: { import_id: id, file_name: fileName, file_sha256: input.sha256 ?? null, options }, audited: !input.dryRun };
  });
  input.onCreated?.(id);
  const source = new HashingSource(input.stream);
  const importDate = ctx.clock.today();
  // Where the validator looks organizations up: the open transaction in atomic mode (an embedded
  // database runs one transaction at a time), the database otherwise.
  let lookup: Queryable = db;
  const validation = validateInWorker(
    { entity: input.entity, stream: source, fileName: input.fileName, ...(input.encoding ? { encoding: input.encoding } : {}), ...(input.sheet ? { sheet: input.sheet } : {}) },
    {
      city: ctx.city,
      today: importDate,
      ...(input.batchSize ? { batchSize: input.batchSize } : {}),
      knownOrganizations: (usccs) => organizationIds(lookup, usccs),
      area,
      organizationPlaces: (ids) => organizationPlaces(lookup, ids),
    },
  );
  const run: Run = {
    id,
    validation,
    write: { mode: input.mode, dryRun: input.dryRun, scope: areaScope(ctx.city, area), city: ctx.city, services: { city: ctx.city, clock: ctx.clock, calendar: ctx.calendar } },
    counts: { read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0 },
    problems: new ProblemLog(),
    progress: (counts) => input.onProgress?.({ id, counts: { ...counts }, bytesRead: validation.summary.bytesRead, fileSize: input.fileSize ?? null }),
  };
  try {
    let committed: boolean;
    if (input.atomic) {
      committed = await runAtomic(ctx, run, (tx) => (lookup = tx));
      lookup = db;
    } else {
      await runPartial(ctx, run);
      committed = !input.dryRun;
    }
    const summary = validation.summary;
    const status = finalStatus(summary, run.counts);
    await write(ctx, input.actor, { action: 'import', entity: input.entity }, async ({ db: tx }) => {
      await insertProblems(tx, id, run.problems.take(summary.fileProblems));
      await saveProgress(tx, id, run.counts, summary.bytesRead, run.problems, committed);
      const sha256 = validation.wholeFileRead ? source.digest() : null;
      await finishImportRecord(tx, id, { status, error: null, sha256, detected: { format: summary.format, encoding: summary.encoding, sheet: summary.sheet } });
      const after = { import_id: id, file_name: input.fileName, file_sha256: sha256, status, committed, ...run.counts };
      return { result: null, recordId: id, after, audited: !input.dryRun };
    });
    if (committed && run.counts.inserted > 10_000) await db.exec(`ANALYZE ${input.entity}`);
  } catch (err) {
    lookup = db;
    await finishImportRecord(db, id, { status: 'failed', error: err instanceof Error ? err.message : String(err), sha256: null, detected: null });
    throw err;
  } finally {
    source.destroy();
  }
  return (await getImportRecord(db, id))!;
}

interface Run {
  id: number;
  validation: ValidationThread<FileEntity>;
  write: WriteOptions;
  counts: ImportCounts;
  problems: ProblemLog;
  progress: (counts: ImportCounts) => void;
}

type Batch = ValidatedBatch<TableRow>;

/**
 * The batches one step ahead: the next one's organizations are looked up while the caller writes
 * this one (on PostgreSQL on another connection, so the two overlap); the worker thread reads and
 * validates further ahead on its own.
 */
async function* oneAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  let finished = false;
  try {
    for (;;) {
      const step = await next;
      if (step.done) return void (finished = true);
      next = iterator.next();
      yield step.value;
    }
  } finally {
    if (!finished) {
      // The caller stopped (a write failed): let the read ahead settle, then close the source.
      await next.catch(() => undefined);
      await iterator.return?.();
    }
  }
}

/** Writes (or classifies) one validated batch and adds it to the counts; returns its problems in line order. */
async function applyBatch(tx: Queryable, run: Run, batch: Batch): Promise<RowProblem[]> {
  const outcome = await writeBatch(tx, run.validation.summary.entity, batch.records, batch.organizationIds, run.write);
  run.counts.read += batch.read;
  run.counts.inserted += outcome.inserted;
  run.counts.updated += outcome.updated;
  run.counts.unchanged += outcome.unchanged;
  // The validator rejected the batch's other rows; the writer may reject some of its valid ones.
  run.counts.rejected += batch.read - batch.records.length + new Set(outcome.problems.map((p) => p.line)).size;
  return [...batch.problems, ...outcome.problems].sort(byLine);
}

/** Partial mode: each batch, its problems and the record's counts in one transaction. */
async function runPartial(ctx: AppContext, run: Run): Promise<void> {
  let batches = 0;
  for await (const batch of oneAhead(run.validation)) {
    if (++batches % BATCHES_PER_COLLECTION === 0) collectGarbage();
    await ctx.db.transaction(async (tx) => {
      const problems = await applyBatch(tx, run, batch);
      await insertProblems(tx, run.id, run.problems.take(problems));
      await saveProgress(tx, run.id, run.counts, run.validation.summary.bytesRead, run.problems, !run.write.dryRun);
    });
    run.progress(run.counts);
  }
}

/**
 * Atomic mode: all batches in one transaction, kept only if nothing was rejected. Returns
 * whether the rows were committed; the problems are stored either way.
 */
async function runAtomic(ctx: AppContext, run: Run, onTransaction: (tx: Queryable) => void): Promise<boolean> {
  const kept: RowProblem[] = [];
  try {
    await ctx.db.transaction(async (tx) => {
      onTransaction(tx);
      let batches = 0;
      for await (const batch of oneAhead(run.validation)) {
        if (++batches % BATCHES_PER_COLLECTION === 0) collectGarbage();
        kept.push(...run.problems.take(await applyBatch(tx, run, batch)));
        // PostgreSQL has other connections: the record shows progress and stays alive meanwhile.
        if (ctx.db.engine === 'postgres') await saveProgress(ctx.db, run.id, run.counts, run.validation.summary.bytesRead, run.problems, false);
        run.progress(run.counts);
      }
      if (run.write.dryRun || finalStatus(run.validation.summary, run.counts) !== 'succeeded') throw new AtomicRollback();
    });
  } catch (err) {
    if (!(err instanceof AtomicRollback)) throw err;
  }
  for (let i = 0; i < kept.length; i += 5000) await insertProblems(ctx.db, run.id, kept.slice(i, i + 5000));
  return !run.write.dryRun && finalStatus(run.validation.summary, run.counts) === 'succeeded';
}

/** The stored problems of an import, for the report CSV (problemCsvLines). */
export { importProblems, getImportRecord } from './queries.js';
