// The shared control words of the two-thread BFS (parallelBfs.mjs, bfsWorker.mjs).
export const THREADS = 2;

export const CONTROL = {
  /** Barrier: its generation and how many threads have arrived. */
  generation: 0,
  arrived: 1,
  /** Bumped by the main thread to start a search (or, with exit set, to end the threads). */
  command: 2,
  root: 3,
  /** Threads done with the current search. */
  done: 4,
  exit: 5,
  /** From here, per level parity and thread: the next frontier's size and out-edges. */
  counts: 8,
  length: 8 + 2 * THREADS * 2,
};

/** Where thread `id` reports the size (+0) and edges (+1) of the frontier it found at `depth`. */
export const countSlot = (depth, id) => CONTROL.counts + ((depth & 1) * THREADS + id) * 2;
