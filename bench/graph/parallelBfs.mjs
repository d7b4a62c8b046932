// Kernel 2 over two worker threads: the same direction-optimizing BFS as src/domain/graph/bfs.ts, its
// every level split between the threads, on SharedArrayBuffers (the CSR is built shared; see
// scale.mjs). The main thread only starts each search and waits: it sleeps in Atomics.wait.
import { Worker } from 'node:worker_threads';
import { CONTROL, THREADS } from './parallelControl.mjs';

const shared = (Type, length) => new Type(new SharedArrayBuffer(length * Type.BYTES_PER_ELEMENT));

/**
 * Searches from each root in turn; `validate(root, tree)` checks each tree (untimed) and returns the
 * edges of the root's component. Returns per root the wall and CPU time (CPU of all threads).
 */
export async function searchInParallel(graph, roots, validate) {
  const n = graph.nodeCount;
  const state = {
    nodeCount: n,
    offsets: graph.offsets,
    targets: graph.targets,
    parent: shared(Int32Array, n),
    level: shared(Int32Array, n),
    control: shared(Int32Array, CONTROL.length),
    // Each thread's frontier and next frontier; the two frontier byte maps of the bottom-up steps.
    queues: Array.from({ length: 2 * THREADS }, () => shared(Uint32Array, n)),
    maps: [shared(Uint8Array, n), shared(Uint8Array, n)],
  };
  const workers = Array.from({ length: THREADS }, (_, id) => new Worker(new URL('./bfsWorker.mjs', import.meta.url), { workerData: { ...state, id } }));
  await Promise.all(workers.map((w) => new Promise((resolve, reject) => w.once('message', resolve).once('error', reject))));
  const { control } = state;
  const results = [];
  try {
    for (const root of roots) {
      Atomics.store(control, CONTROL.done, 0);
      Atomics.store(control, CONTROL.root, root);
      const cpu = process.cpuUsage();
      const start = performance.now();
      Atomics.add(control, CONTROL.command, 1);
      Atomics.notify(control, CONTROL.command);
      for (let done = 0; done < THREADS; done = Atomics.load(control, CONTROL.done)) Atomics.wait(control, CONTROL.done, done);
      const ms = performance.now() - start;
      const used = process.cpuUsage(cpu);
      const edgesInComponent = validate(root, { parent: state.parent, level: state.level });
      results.push({ root, ms, cpuMs: (used.user + used.system) / 1000, edgesInComponent });
    }
  } finally {
    Atomics.store(control, CONTROL.exit, 1);
    Atomics.add(control, CONTROL.command, 1);
    Atomics.notify(control, CONTROL.command);
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once('exit', resolve))));
  }
  return results;
}
