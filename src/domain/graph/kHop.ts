import type { CsrGraph } from './csr.js';
import { slotTest, type EdgeFilter } from './edgeFilter.js';
import { GraphWorkExceeded, workLimit, type WorkBound } from './workBound.js';

export interface KHopOptions extends EdgeFilter, WorkBound {
  /** Most nodes the neighbourhood may hold; more is an error rather than a huge answer. */
  maxNodes?: number;
}

export interface Neighbourhood {
  /** The nodes reached, in breadth-first order, the sources first. */
  readonly nodes: number[];
  /** hops[i] = distance of nodes[i] from the nearest source. */
  readonly hops: number[];
  /** viaSlot[i] = the edge slot nodes[i] was first reached by (-1 for a source): a spanning tree to draw. */
  readonly viaSlot: number[];
}

/**
 * The nodes within `k` hops of `sources` along the edges the filter allows. Visited nodes are kept in
 * a Map, so a small neighbourhood of a large graph costs its own size, not the graph's.
 */
export function kHop(graph: CsrGraph, sources: number | readonly number[], k: number, options: KHopOptions = {}): Neighbourhood {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be an integer ≥ 0, not ${k}`);
  const maxNodes = options.maxNodes ?? Number.POSITIVE_INFINITY;
  const limit = workLimit(options);
  const allowed = slotTest(graph, options);
  const { offsets, targets } = graph;
  const result: Neighbourhood = { nodes: [], hops: [], viaSlot: [] };
  const seen = new Set<number>();
  const reach = (v: number, hop: number, slot: number) => {
    if (result.nodes.length >= maxNodes) throw new GraphWorkExceeded(maxNodes, 'k-hop neighbourhood', 'nodes');
    seen.add(v);
    result.nodes.push(v);
    result.hops.push(hop);
    result.viaSlot.push(slot);
  };
  for (const s of typeof sources === 'number' ? [sources] : sources) {
    if (!Number.isInteger(s) || s < 0 || s >= graph.nodeCount) throw new RangeError(`source ${s} is not a node of the graph`);
    if (!seen.has(s)) reach(s, 0, -1);
  }
  let work = 0;
  for (let head = 0; head < result.nodes.length && result.hops[head]! < k; head++) {
    const u = result.nodes[head]!;
    const end = offsets[u + 1]!;
    work += 1 + end - offsets[u]!;
    if (work > limit) throw new GraphWorkExceeded(limit, 'k-hop neighbourhood');
    for (let i = offsets[u]!; i < end; i++) {
      const v = targets[i]!;
      if (!seen.has(v) && (allowed === undefined || allowed(i))) reach(v, result.hops[head]! + 1, i);
    }
  }
  return result;
}

/**
 * The slots of `graph` whose two ends are both in `nodes` (and which the filter allows): the edges to
 * draw between the nodes of a neighbourhood (an undirected edge gives both its slots, with one edge id).
 */
export function slotsAmong(graph: CsrGraph, nodes: readonly number[], filter: EdgeFilter = {}): number[] {
  const inside = new Set(nodes);
  const allowed = slotTest(graph, filter);
  const slots: number[] = [];
  for (const u of inside) {
    for (let i = graph.offsets[u]!, end = graph.offsets[u + 1]!; i < end; i++) {
      if (inside.has(graph.targets[i]!) && (allowed === undefined || allowed(i))) slots.push(i);
    }
  }
  return slots;
}
