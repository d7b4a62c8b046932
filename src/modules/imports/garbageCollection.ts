import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection, run between import batches. Each batch's records live until the batch
 * is written, long enough for V8 to promote them; V8 then collects the old generation lazily and
 * the process's RSS grows far past what is alive. Measured on 1,000,000 R&D institutions on
 * PostgreSQL: peak RSS 305 MiB without, 239 MiB with a collection every 4 batches (20,000 rows),
 * at the same rows/s within noise (each collection takes some 20–40 ms; the live heap is ~35 MB).
 * V8 hands out its `gc` only with --expose-gc, which can be set at run time for new contexts;
 * it is fetched on the first call, so a server that never imports never sets the flag.
 */
let gc: (() => void) | null = null;
export function collectGarbage(): void {
  if (gc === null) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

/** Batches between two collections. */
export const BATCHES_PER_COLLECTION = 4;
