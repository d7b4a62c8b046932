import type { CsrGraph } from '../../domain/graph/csr.js';

/** Work bound of the proximity search (nodes visited + edge slots scanned), counted as `kHop` counts it. */
export const MATCH_WORK = 2_000_000;

/** The nodes within `reached` hops of the sources, sources first, in breadth-first order. */
export interface Nearby {
  nodes: Int32Array;
  hops: Uint8Array;
  /** How far the search looked: `maxHops`, less around a hub, 0 when not even one hop fit the bound. */
  reached: number;
}

/** A graph's search state, kept between questions: a node is seen when its mark is the search's number. */
interface Marks {
  seen: Uint32Array;
  search: number;
  queue: Int32Array;
  hops: Uint8Array;
}

const marksOf = new WeakMap<CsrGraph, Marks>();

function marks(csr: CsrGraph): Marks {
  let m = marksOf.get(csr);
  if (!m || m.search === 0xffffffff) {
    m = { seen: new Uint32Array(csr.nodeCount), search: 0, queue: new Int32Array(csr.nodeCount), hops: new Uint8Array(csr.nodeCount) };
    marksOf.set(csr, m);
  }
  m.search++;
  return m;
}

/**
 * Fewest hops from the sources to every node within `maxHops` along the allowed edges (edge ids), in
 * one breadth-first pass over typed arrays. Around a hub the neighbourhood may pass the work bound:
 * the answer is then the levels whose expansion fit — what `kHop` asked one hop less gives (a level's
 * nodes are all found by expanding the levels before it, and that work is the same in both) — rather
 * than failing the whole answer; a city's search touches up to `maxWork` nodes, so no Set or Map.
 */
export function proximity(csr: CsrGraph, allowEdge: (edge: number) => boolean, sources: readonly number[], maxHops: number, maxWork = MATCH_WORK): Nearby {
  const m = marks(csr);
  const { seen, search, queue, hops } = m;
  const { offsets, targets, edgeIds } = csr;
  let size = 0;
  for (const s of sources) {
    if (seen[s] === search) continue;
    seen[s] = search;
    queue[size] = s;
    hops[size++] = 0;
  }
  let work = 0;
  let level = -1;
  let levelStart = 0;
  for (let head = 0; head < size && hops[head]! < maxHops; head++) {
    if (hops[head] !== level) [level, levelStart] = [hops[head]!, size];
    const u = queue[head]!;
    const end = offsets[u + 1]!;
    work += 1 + end - offsets[u]!;
    if (work > maxWork) return level === 0 ? { nodes: new Int32Array(0), hops: new Uint8Array(0), reached: 0 } : { nodes: queue.slice(0, levelStart), hops: hops.slice(0, levelStart), reached: level };
    for (let i = offsets[u]!; i < end; i++) {
      const v = targets[i]!;
      if (seen[v] === search || !allowEdge(edgeIds ? edgeIds[i]! : i)) continue;
      seen[v] = search;
      queue[size] = v;
      hops[size++] = hops[head]! + 1;
    }
  }
  return { nodes: queue.slice(0, size), hops: hops.slice(0, size), reached: maxHops };
}
