import type { CsrGraph } from './csr.js';
import { slotTest, type EdgeFilter } from './edgeFilter.js';
import { GraphWorkExceeded, workLimit, type WorkBound } from './workBound.js';

export interface PathOptions extends EdgeFilter, WorkBound {
  /**
   * The in-edges of a directed graph (transposeCsr, built with edgeIds when a filter is used), or the
   * graph itself when undirected: the search then grows from both ends and meets in the middle.
   */
  incoming?: CsrGraph;
}

export interface Path {
  /** from … to. */
  readonly nodes: number[];
  /** slots[i] = the slot of `graph` from nodes[i] to nodes[i+1]: its edge id explains that step. */
  readonly slots: number[];
}

/**
 * A shortest path by hop count from `from` to `to` along the allowed edges, or null when there is none.
 * With `incoming` it is bidirectional: each round grows the smaller frontier by one whole level, and
 * the first level that meets the other side holds a shortest path.
 */
export function shortestPath(graph: CsrGraph, from: number, to: number, options: PathOptions = {}): Path | null {
  for (const v of [from, to]) if (!Number.isInteger(v) || v < 0 || v >= graph.nodeCount) throw new RangeError(`${v} is not a node of the graph`);
  const incoming = options.incoming;
  if (incoming && (options.allowEdge || options.edgeMask) && incoming !== graph && !(incoming.edgeIds && graph.edgeIds)) {
    throw new RangeError('an edge filter over a separate incoming graph needs edge ids on both graphs');
  }
  if (from === to) return { nodes: [from], slots: [] };
  const search = new MeetInTheMiddle(graph, incoming, options);
  const meeting = search.run(from, to);
  return meeting < 0 ? null : search.path(meeting, from, to);
}

/**
 * One side of the search: its graph, the distance and arrival slot of each node reached (Maps, so a
 * short path in a large graph costs what it visits, not the graph's size), its frontier.
 */
interface Side {
  readonly graph: CsrGraph;
  readonly allowed: ((slot: number) => boolean) | undefined;
  readonly dist: Map<number, number>;
  readonly via: Map<number, number>;
  frontier: number[];
}

class MeetInTheMiddle {
  private readonly forward: Side;
  private readonly backward: Side | undefined;
  private readonly limit: number;
  private work = 0;

  constructor(
    private readonly graph: CsrGraph,
    incoming: CsrGraph | undefined,
    filter: EdgeFilter & WorkBound,
  ) {
    this.limit = workLimit(filter);
    this.forward = side(graph, filter);
    this.backward = incoming ? side(incoming, filter) : undefined;
  }

  /** The node where the two searches meet on a shortest path, or -1. */
  run(from: number, to: number): number {
    const { forward, backward } = this;
    forward.dist.set(from, 0);
    forward.frontier = [from];
    if (backward) {
      backward.dist.set(to, 0);
      backward.frontier = [to];
    }
    while (forward.frontier.length > 0 && (!backward || backward.frontier.length > 0)) {
      const grow = backward && backward.frontier.length < forward.frontier.length ? backward : forward;
      const other = grow === forward ? backward : forward;
      const meeting = this.level(grow, other, grow === forward ? to : from);
      if (meeting >= 0) return meeting;
    }
    return -1;
  }

  /**
   * Grows `side` by one level; returns the best node where it touches `other` (or reaches `goal` when
   * searching one way), -1 when it does not.
   */
  private level(side: Side, other: Side | undefined, goal: number): number {
    const { offsets, targets } = side.graph;
    const next: number[] = [];
    let best = -1;
    let bestLength = Number.POSITIVE_INFINITY;
    for (const u of side.frontier) {
      const du = side.dist.get(u)!;
      const end = offsets[u + 1]!;
      this.work += 1 + end - offsets[u]!;
      if (this.work > this.limit) throw new GraphWorkExceeded(this.limit, 'shortest path');
      for (let i = offsets[u]!; i < end; i++) {
        const v = targets[i]!;
        if (side.dist.has(v) || (side.allowed && !side.allowed(i))) continue;
        side.dist.set(v, du + 1);
        side.via.set(v, i);
        next.push(v);
        const rest = other ? other.dist.get(v) : v === goal ? 0 : undefined;
        const length = rest === undefined ? -1 : du + 1 + rest;
        if (length >= 0 && length < bestLength) {
          best = v;
          bestLength = length;
        }
      }
    }
    side.frontier = next;
    return best;
  }

  path(meeting: number, from: number, to: number): Path {
    const nodes = [meeting];
    const slots: number[] = [];
    for (let v = meeting; v !== from; ) {
      const slot = this.forward.via.get(v)!;
      v = this.ownerOf(this.graph, slot);
      nodes.unshift(v);
      slots.unshift(slot);
    }
    if (this.backward) {
      for (let v = meeting; v !== to; ) {
        const w = this.ownerOf(this.backward.graph, this.backward.via.get(v)!);
        slots.push(this.slotBetween(v, w));
        nodes.push(w);
        v = w;
      }
    }
    return { nodes, slots };
  }

  /** The node whose row holds `slot` (binary search over the offsets). */
  private ownerOf(graph: CsrGraph, slot: number): number {
    let low = 0;
    let high = graph.nodeCount - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (graph.offsets[mid]! <= slot) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** A slot of the forward graph from v to w that the filter allows (the backward search saw one). */
  private slotBetween(v: number, w: number): number {
    const { offsets, targets } = this.graph;
    for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i++) {
      if (targets[i] === w && (!this.forward.allowed || this.forward.allowed(i))) return i;
    }
    throw new Error(`the incoming graph has an edge ${v} → ${w} the graph lacks`);
  }
}

function side(graph: CsrGraph, filter: EdgeFilter): Side {
  return {
    graph,
    allowed: slotTest(graph, filter),
    dist: new Map(),
    via: new Map(),
    frontier: [],
  };
}
