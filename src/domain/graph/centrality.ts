import type { CsrGraph } from './csr.js';
import { GraphWorkExceeded, workLimit, type WorkBound } from './workBound.js';

/**
 * Degree centrality: each node's degree over the n - 1 other nodes. With `incoming` (the transposed
 * directed graph) in- and out-degree are added, as graphology does for a directed graph.
 */
export function degreeCentrality(graph: CsrGraph, incoming?: CsrGraph): Float64Array {
  const n = graph.nodeCount;
  const centrality = new Float64Array(n);
  const others = n > 1 ? n - 1 : 1;
  for (let v = 0; v < n; v++) {
    let degree = graph.offsets[v + 1]! - graph.offsets[v]!;
    if (incoming) degree += incoming.offsets[v + 1]! - incoming.offsets[v]!;
    centrality[v] = degree / others;
  }
  return centrality;
}

export interface PageRankOptions extends WorkBound {
  /** The chance to follow an edge rather than jump to a random node (0.85). */
  damping?: number;
  /** Stop once the ranks change by less than nodeCount × tolerance in all (1e-6, graphology's rule). */
  tolerance?: number;
  maxIterations?: number;
  /** Edge weights by input edge id (contract amounts …); an edge's share of its source's rank follows its weight. */
  weights?: Float64Array;
}

export interface PageRank {
  /** Sums to 1. */
  readonly rank: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * PageRank by power iteration, pushing each node's rank along its out-edges. The rank of dangling
 * nodes (no out-edges) is spread over all nodes, so the ranks keep summing to 1.
 */
export function pageRank(graph: CsrGraph, options: PageRankOptions = {}): PageRank {
  const n = graph.nodeCount;
  const damping = options.damping ?? 0.85;
  const tolerance = options.tolerance ?? 1e-6;
  const maxIterations = options.maxIterations ?? 100;
  if (!(damping >= 0 && damping <= 1)) throw new RangeError(`damping must be in [0, 1], not ${damping}`);
  const limit = workLimit(options);
  const share = edgeShares(graph, options.weights);
  const outWeight = share.outWeight;
  let rank = new Float64Array(n).fill(n > 0 ? 1 / n : 0);
  let next = new Float64Array(n);
  let work = 0;
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    work += n + graph.targets.length;
    if (work > limit) throw new GraphWorkExceeded(limit, 'PageRank');
    const base = (damping * danglingMass(rank, outWeight) + 1 - damping) / n;
    next.fill(base);
    for (let u = 0; u < n; u++) {
      if (outWeight[u] === 0) continue;
      const push = damping * rank[u]!;
      for (let i = graph.offsets[u]!, end = graph.offsets[u + 1]!; i < end; i++) next[graph.targets[i]!]! += push * share.of[i]!;
    }
    let change = 0;
    for (let v = 0; v < n; v++) change += Math.abs(next[v]! - rank[v]!);
    [rank, next] = [next, rank];
    if (change < n * tolerance) return { rank, iterations: iteration, converged: true };
  }
  return { rank, iterations: maxIterations, converged: false };
}

/** Each slot's share of its source's out-weight, and each node's out-weight (0 = dangling). */
function edgeShares(graph: CsrGraph, weights: Float64Array | undefined): { of: Float64Array; outWeight: Float64Array } {
  const { nodeCount: n, offsets, edgeIds } = graph;
  const of = new Float64Array(graph.targets.length);
  const outWeight = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    const start = offsets[u]!;
    const end = offsets[u + 1]!;
    let total = 0;
    for (let i = start; i < end; i++) {
      const w = weights ? weights[edgeIds ? edgeIds[i]! : i]! : 1;
      if (!(w >= 0)) throw new RangeError(`edge weights must be ≥ 0, not ${w}`);
      of[i] = w;
      total += w;
    }
    outWeight[u] = total;
    for (let i = start; i < end; i++) of[i] = total > 0 ? of[i]! / total : 0;
  }
  return { of, outWeight };
}

function danglingMass(rank: Float64Array, outWeight: Float64Array): number {
  let mass = 0;
  for (let v = 0; v < rank.length; v++) if (outWeight[v] === 0) mass += rank[v]!;
  return mass;
}
