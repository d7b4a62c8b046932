// One of the two threads of the parallel BFS (parallelBfs.mjs). Both threads take the same decisions
// (top-down or bottom-up) from the same shared counts, so they only meet at one barrier per level.
// Top-down: each thread takes half of the frontier and claims nodes with a compare-and-swap on the
// parent; bottom-up: each thread owns half of the nodes, so no two threads write the same node.
import { parentPort, workerData } from 'node:worker_threads';
import { CONTROL, THREADS, countSlot } from './parallelControl.mjs';

const { nodeCount: n, offsets, targets, parent, level, control, queues, maps, id } = workerData;
const ALPHA = 14;
const BETA = 24;
// This thread's node range, cut at a multiple of 64 so the threads' ranges share no cache line.
const lo = Math.min(n, Math.floor(n / THREADS / 64) * 64 * id);
const hi = id === THREADS - 1 ? n : Math.min(n, Math.floor(n / THREADS / 64) * 64 * (id + 1));

function barrier() {
  const generation = Atomics.load(control, CONTROL.generation);
  if (Atomics.add(control, CONTROL.arrived, 1) === THREADS - 1) {
    Atomics.store(control, CONTROL.arrived, 0);
    Atomics.add(control, CONTROL.generation, 1);
    Atomics.notify(control, CONTROL.generation);
  } else {
    while (Atomics.load(control, CONTROL.generation) === generation) Atomics.wait(control, CONTROL.generation, generation);
  }
}

/** The frontier as the threads' current queues one after the other. */
const frontier = { queues: [], sizes: new Array(THREADS).fill(0), total: 0 };
let myNext = queues[2 * id + 1];
let frontierMap = maps[0];
let nextMap = maps[1];

function search(root) {
  parent.fill(-1, lo, hi);
  level.fill(-1, lo, hi);
  frontierMap.fill(0, lo, hi);
  nextMap.fill(0, lo, hi);
  barrier();
  frontier.queues = Array.from({ length: THREADS }, (_, t) => queues[2 * t + (queueSide[t] ?? 0)]);
  for (let t = 0; t < THREADS; t++) frontier.sizes[t] = t === 0 ? 1 : 0;
  frontier.total = 1;
  if (id === 0) {
    parent[root] = root;
    level[root] = 0;
    frontier.queues[0][0] = root;
  }
  barrier();
  let unexplored = targets.length;
  let frontierEdges = offsets[root + 1] - offsets[root];
  let bottomUp = false;
  for (let depth = 0; frontier.total > 0; depth++) {
    if (!bottomUp && frontierEdges > unexplored / ALPHA) {
      bottomUp = true;
      markFrontier();
      barrier();
    } else if (bottomUp && frontier.total < n / BETA) {
      bottomUp = false;
      frontierMap.fill(0, lo, hi);
    }
    unexplored -= frontierEdges;
    const [size, edges] = bottomUp ? stepBottomUp(depth) : stepTopDown(depth);
    const slot = countSlot(depth, id);
    control[slot] = size;
    control[slot + 1] = edges;
    barrier();
    frontierEdges = 0;
    frontier.total = 0;
    for (let t = 0; t < THREADS; t++) {
      frontier.sizes[t] = control[countSlot(depth, t)];
      frontierEdges += control[countSlot(depth, t) + 1];
      frontier.total += frontier.sizes[t];
      queueSide[t] ^= 1;
      frontier.queues[t] = queues[2 * t + queueSide[t]];
    }
    myNext = queues[2 * id + (queueSide[id] ^ 1)];
    if (bottomUp) {
      [frontierMap, nextMap] = [nextMap, frontierMap];
      nextMap.fill(0, lo, hi);
    }
  }
}

/** Which of each thread's two queues holds its current frontier: all threads swap in step. */
const queueSide = new Array(THREADS).fill(0);

/** This thread's share of the frontier: a slice of the threads' queues put end to end. */
function stepTopDown(depth) {
  const start = Math.floor((frontier.total * id) / THREADS);
  const end = Math.floor((frontier.total * (id + 1)) / THREADS);
  let size = 0;
  let edges = 0;
  let queue = 0;
  let base = 0;
  for (let f = start; f < end; f++) {
    while (f - base >= frontier.sizes[queue]) base += frontier.sizes[queue++];
    const u = frontier.queues[queue][f - base];
    for (let i = offsets[u], stop = offsets[u + 1]; i < stop; i++) {
      const v = targets[i];
      if (parent[v] < 0 && Atomics.compareExchange(parent, v, -1, u) === -1) {
        level[v] = depth + 1;
        myNext[size++] = v;
        edges += offsets[v + 1] - offsets[v];
      }
    }
  }
  return [size, edges];
}

/** Each unreached node of this thread's range looks for a neighbour in the frontier. */
function stepBottomUp(depth) {
  let size = 0;
  let edges = 0;
  for (let v = lo; v < hi; v++) {
    if (parent[v] >= 0) continue;
    for (let i = offsets[v], stop = offsets[v + 1]; i < stop; i++) {
      const u = targets[i];
      if (frontierMap[u] !== 0) {
        parent[v] = u;
        level[v] = depth + 1;
        nextMap[v] = 1;
        myNext[size++] = v;
        edges += offsets[v + 1] - offsets[v];
        break;
      }
    }
  }
  return [size, edges];
}

/** Marks this thread's queue in the frontier map (distinct nodes: byte writes do not collide). */
function markFrontier() {
  const queue = frontier.queues[id];
  for (let f = 0; f < frontier.sizes[id]; f++) frontierMap[queue[f]] = 1;
}

parentPort.postMessage('ready');
for (let seen = 0; ; ) {
  Atomics.wait(control, CONTROL.command, seen);
  seen = Atomics.load(control, CONTROL.command);
  if (Atomics.load(control, CONTROL.exit) === 1) break;
  search(Atomics.load(control, CONTROL.root));
  Atomics.add(control, CONTROL.done, 1);
  Atomics.notify(control, CONTROL.done);
}
