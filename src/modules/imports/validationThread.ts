import { Readable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { FileEntity } from '../../contracts/fileColumns.js';
import { unpackBatch } from './batchTransfer.js';
import { countBatch, resolveBatch, summaryOf, type FileCheckState, type ImportDeps, type ImportInput, type ValidatedBatch, type ValidationSummary } from './pipeline.js';
import type { TableRow } from './tableRows.js';
import type { FromWorker, ToWorker, WorkerSetup } from './validationWorker.js';

/**
 * An import's validation with its database-free stage in a worker thread (validationWorker.ts):
 * this thread sends the file's bytes and looks up the organizations each batch refers to (the one
 * step that needs the database; for an import limited to an area, also where a qualification's
 * holder lies); the worker reads, validates and prepares the rows meanwhile. The
 * batches, the problems and the summary are those of {@link ImportValidation}; the records come
 * prepared for the writer (TableRow). Iterate it once, then read `summary`.
 */

/** Bytes sent ahead of the reader: more than a batch's (0.5–0.7 MB) while this thread is in the engine. */
const BYTES_AHEAD = 2 * 1024 * 1024;
/**
 * Batches the worker may check before this thread takes them. One is enough: this thread takes a
 * batch as it starts writing the one before (service.ts, oneAhead), so the worker checks the next
 * while two are written; more only held more memory.
 */
const BATCHES_AHEAD = 1;
/**
 * The worker's young generation, in MB. V8's default (16 MB semi-spaces) held 30 MB of a heap whose
 * live part is about 16 MB; the batches' rows die young or at the collection after each batch.
 */
const WORKER_YOUNG_GENERATION_MB = 4;

/** The worker's messages as they come, awaited one at a time. */
class Inbox {
  private readonly messages: Exclude<FromWorker, { kind: 'consumed' }>[] = [];
  private failure: { error: unknown } | null = null;
  private wake: (() => void) | null = null;

  push(message: Exclude<FromWorker, { kind: 'consumed' }>): void {
    this.messages.push(message);
    this.wake?.();
  }

  fail(error: unknown): void {
    this.failure ??= { error };
    this.wake?.();
  }

  async next(): Promise<Exclude<FromWorker, { kind: 'consumed' }>> {
    for (;;) {
      const message = this.messages.shift();
      if (message) return message;
      if (this.failure) throw this.failure.error;
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = null;
    }
  }
}

/** Starts the worker: the compiled .js beside this file, or, under vitest, the .ts source through Vite's transform. */
function startWorker(setup: WorkerSetup): Worker {
  const options = { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } };
  // No flags of this process (the benchmark's --import hook, say): the worker needs none.
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./validationWorker.js', import.meta.url), { ...options, execArgv: [] });
  const hooks = new URL('./typescriptHooks.mjs', import.meta.url).href;
  const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hooks)});`)}`;
  return new Worker(new URL('./validationWorker.ts', import.meta.url), { ...options, execArgv: ['--import', register] });
}

export class ValidationThread<E extends FileEntity> implements AsyncIterable<ValidatedBatch<TableRow>> {
  private started = false;
  private state: FileCheckState;
  private readonly counts = { valid: 0, rejected: 0 };
  /** The reader asked past the file's last byte: a hash of the bytes sent is the file's. */
  wholeFileRead = false;

  constructor(
    private readonly input: ImportInput<E>,
    private readonly deps: ImportDeps & { today: string },
  ) {
    this.state = { entity: input.entity, fileName: input.fileName, format: null, encoding: null, sheet: null, columns: null, read: 0, fileProblems: [], bytesRead: 0, done: false, complete: false };
  }

  get summary(): ValidationSummary {
    return summaryOf(this.state, this.counts);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<ValidatedBatch<TableRow>> {
    if (this.started) throw new Error('An import file can be validated only once');
    this.started = true;
    const { entity, fileName, encoding, sheet, format } = this.input;
    const worker = startWorker({
      entity, fileName, ...(encoding ? { encoding } : {}), ...(sheet ? { sheet } : {}), ...(format ? { format } : {}),
      city: this.deps.city,
      importDate: this.deps.today,
      ...(this.deps.batchSize ? { batchSize: this.deps.batchSize } : {}),
      ...(this.deps.area ? { area: this.deps.area } : {}),
      ahead: BATCHES_AHEAD,
    });
    const inbox = new Inbox();
    const sender = new ByteSender(worker);
    let finished = false;
    worker.on('message', (message: FromWorker) => (message.kind === 'consumed' ? sender.consumed(message.bytes) : inbox.push(message)));
    worker.on('error', (error) => inbox.fail(error));
    worker.on('exit', (code) => {
      if (!finished) inbox.fail(new Error(`The import's reading thread stopped (exit code ${code})`));
    });
    const sending = sender.send(this.input.stream);
    try {
      for (;;) {
        // On the embedded engine every await of the writer resolves as a microtask: this thread's
        // event loop would not turn from one batch to the next, and the worker's messages and the
        // file's chunks would wait until it ran out of batches (the worker then starved for bytes
        // 0.5–0.8 s every few batches). One turn per batch keeps the bytes flowing.
        await setImmediate();
        const message = await inbox.next();
        if (message.kind === 'failed') throw message.sourceBroken ? await sending : message.error;
        this.state = message.state;
        if (message.kind === 'done') return void (this.wholeFileRead = message.wholeFileRead);
        worker.postMessage({ kind: 'taken' } satisfies ToWorker);
        const batch = await resolveBatch(entity, unpackBatch(message.batch), this.deps);
        countBatch(this.counts, batch);
        yield batch;
      }
    } finally {
      finished = true;
      this.state.done = true;
      sender.stop();
      await worker.terminate();
      if (this.input.stream instanceof Readable) this.input.stream.destroy();
    }
  }
}

/** Sends the file's bytes to the worker, at most {@link BYTES_AHEAD} beyond what its reader took. */
class ByteSender {
  private unread = 0;
  private stopped = false;
  private wake: (() => void) | null = null;

  constructor(private readonly worker: Worker) {}

  consumed(bytes: number): void {
    this.unread -= bytes;
    this.wake?.();
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /** Resolves with the stream's error if reading it failed (the worker is told so, in its place among the bytes). */
  async send(stream: ImportInput<FileEntity>['stream']): Promise<unknown> {
    try {
      for await (const chunk of stream as AsyncIterable<Uint8Array>) {
        if (this.stopped) return null;
        this.post({ kind: 'bytes', chunk });
        this.unread += chunk.length;
        while (this.unread >= BYTES_AHEAD && !this.stopped) await new Promise<void>((resolve) => (this.wake = resolve));
      }
      this.post({ kind: 'end' });
      return null;
    } catch (error) {
      this.post({ kind: 'broken' });
      return error;
    }
  }

  private post(message: ToWorker): void {
    if (!this.stopped) this.worker.postMessage(message);
  }
}

/** Validates an import file in a worker thread: `for await (const batch of run)`, then `run.summary`. */
export function validateInWorker<E extends FileEntity>(input: ImportInput<E>, deps: ImportDeps & { today: string }): ValidationThread<E> {
  return new ValidationThread(input, deps);
}
