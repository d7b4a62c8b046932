import type { CsrGraph } from './csr.js';
import { GraphWorkExceeded, workLimit, type WorkBound } from './workBound.js';

/**
 * Traversals that follow only some edges: the innovation graph keeps one CSR of every relation and
 * answers questions over a subset (some edge types, a date range) by asking, per edge slot, whether
 * its edge counts. The graph must carry `edgeIds` (the predicate takes an edge's number).
 */
export type EdgePredicate = (edgeId: number) => boolean;
type Traversable = CsrGraph & { edgeIds: Uint32Array };

export interface Neighbourhood {
  /** The nodes reached, nearest first (the start node first). */
  nodes: Uint32Array;
  /** depth[i]: hops from the start to nodes[i]. */
  depth: Uint8Array;
  /** Every followed edge joining two nodes of the neighbourhood, each once, ascending. */
  edges: Uint32Array;
  /** True when `maxNodes` stopped the walk before every node within the hops was reached. */
  truncated: boolean;
}

/**
 * The nodes within `hops` of `start` over the edges the predicate admits, breadth first, at most
 * `maxNodes` of them; then the admitted edges among them. Work (nodes visited + slots scanned) is
 * bounded: past `maxWork` it throws GraphWorkExceeded.
 */
export function filteredNeighbourhood(graph: Traversable, start: number, hops: number, admit: EdgePredicate, options: WorkBound & { maxNodes: number }): Neighbourhood {
  const limit = workLimit(options);
  const { offsets, targets, edgeIds } = graph;
  // The nodes taken so far: also the membership test of the edge pass.
  const seen = new Set<number>([start]);
  const order = [start];
  const depth = [0];
  let work = 1;
  let truncated = false;
  for (let head = 0; head < order.length && !truncated; head++) {
    const v = order[head]!;
    if (depth[head]! >= hops) break;
    for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i++) {
      if (++work > limit) throw new GraphWorkExceeded(limit, 'the neighbourhood');
      const u = targets[i]!;
      if (seen.has(u) || !admit(edgeIds[i]!)) continue;
      if (order.length >= options.maxNodes) {
        truncated = true;
        break;
      }
      order.push(u);
      depth.push(depth[head]! + 1);
      seen.add(u);
    }
  }
  const edges = new Set<number>();
  for (const v of order) {
    for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i++) {
      if (++work > limit) throw new GraphWorkExceeded(limit, 'the neighbourhood');
      if (seen.has(targets[i]!) && admit(edgeIds[i]!)) edges.add(edgeIds[i]!);
    }
  }
  return { nodes: Uint32Array.from(order), depth: Uint8Array.from(depth), edges: Uint32Array.from(edges).sort(), truncated };
}

export interface TypedPath {
  /** from … to, in order. */
  nodes: number[];
  /** edges[i] joins nodes[i] and nodes[i + 1]. */
  edges: number[];
}

/**
 * A shortest path (fewest edges) from `from` to `to` over the admitted edges, with the edge taken
 * at each step, or null when none joins them. Breadth first from `from`, stopping as soon as `to`
 * is reached; bounded like every query.
 */
export function filteredShortestPath(graph: Traversable, from: number, to: number, admit: EdgePredicate, bound: WorkBound = {}): TypedPath | null {
  if (from === to) return { nodes: [from], edges: [] };
  const limit = workLimit(bound);
  const { offsets, targets, edgeIds } = graph;
  // viaSlot[v] = 1 + the slot through which v was first reached (0 = unreached); the slot's row is v's parent.
  const viaSlot = new Float64Array(graph.nodeCount);
  const parent = new Uint32Array(graph.nodeCount);
  viaSlot[from] = -1;
  const queue = new Uint32Array(graph.nodeCount);
  queue[0] = from;
  let tail = 1;
  let work = 1;
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i++) {
      if (++work > limit) throw new GraphWorkExceeded(limit, 'the path');
      const u = targets[i]!;
      if (viaSlot[u] !== 0 || !admit(edgeIds[i]!)) continue;
      viaSlot[u] = i + 1;
      parent[u] = v;
      if (u === to) return pathTo(from, to, parent, viaSlot, edgeIds);
      queue[tail++] = u;
    }
  }
  return null;
}

function pathTo(from: number, to: number, parent: Uint32Array, viaSlot: Float64Array, edgeIds: Uint32Array): TypedPath {
  const nodes = [to];
  const edges: number[] = [];
  for (let v = to; v !== from; v = parent[v]!) {
    edges.push(edgeIds[viaSlot[v]! - 1]!);
    nodes.push(parent[v]!);
  }
  return { nodes: nodes.reverse(), edges: edges.reverse() };
}

/** The subgraph of the admitted edges, as an edge list for buildCsr (whole-graph measures over some types). */
export function admittedEdges(sources: Uint32Array, targets: Uint32Array, admit: EdgePredicate): { sources: Uint32Array; targets: Uint32Array; ids: Uint32Array } {
  let n = 0;
  for (let e = 0; e < sources.length; e++) if (admit(e)) n++;
  const s = new Uint32Array(n);
  const t = new Uint32Array(n);
  const ids = new Uint32Array(n);
  for (let e = 0, k = 0; e < sources.length; e++) {
    if (!admit(e)) continue;
    s[k] = sources[e]!;
    t[k] = targets[e]!;
    ids[k++] = e;
  }
  return { sources: s, targets: t, ids };
}
