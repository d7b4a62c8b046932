import type { CsrGraph } from './csr.js';
import { GraphWorkExceeded, workLimit, type WorkBound } from './workBound.js';

export interface LouvainOptions extends WorkBound {
  /** Edge weights by input edge id; 1 each when absent. */
  weights?: Float64Array;
  /** Above 1 favours smaller communities, below 1 larger ones (1). */
  resolution?: number;
  /** A pass of moves that gains less modularity than this ends the level (1e-7). */
  tolerance?: number;
  maxLevels?: number;
}

export interface Communities {
  /** community[v] = v's community, numbered 0, 1, … in the order of their lowest node. */
  readonly community: Uint32Array;
  readonly count: number;
  readonly modularity: number;
  readonly levels: number;
}

/**
 * A weighted undirected graph of one Louvain level: rows without self loops, and each node's self-loop
 * weight apart (A_ii, which counts an edge inside a merged community from both of its ends).
 */
interface Level {
  readonly n: number;
  readonly offsets: Uint32Array;
  readonly targets: Uint32Array;
  readonly weights: Float64Array;
  readonly self: Float64Array;
}

/**
 * Communities by the Louvain method (Blondel et al. 2008) over an undirected CSR (built with
 * `undirected: true`): nodes move, one at a time, to the neighbouring community that raises the
 * modularity most, until no move helps; the communities then become the nodes of the next level.
 */
export function louvain(graph: CsrGraph, options: LouvainOptions = {}): Communities {
  const resolution = options.resolution ?? 1;
  const tolerance = options.tolerance ?? 1e-7;
  const maxLevels = options.maxLevels ?? 32;
  const budget = { limit: workLimit(options), spent: 0 };
  let level = firstLevel(graph, options.weights);
  const totalWeight = sum(degrees(level));
  const community = new Uint32Array(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v++) community[v] = v;
  let levels = 0;
  while (levels < maxLevels && totalWeight > 0) {
    const moved = moveNodes(level, totalWeight, resolution, tolerance, budget);
    const count = renumber(moved);
    if (count === level.n) break;
    for (let v = 0; v < community.length; v++) community[v] = moved[community[v]!]!;
    level = aggregate(level, moved, count);
    levels++;
  }
  const count = renumber(community);
  return { community, count, modularity: modularity(graph, community, { weights: options.weights, resolution }), levels };
}

/** Newman's modularity of a partition of an undirected graph. */
export function modularity(graph: CsrGraph, community: Uint32Array, options: { weights?: Float64Array | undefined; resolution?: number } = {}): number {
  const level = firstLevel(graph, options.weights);
  return levelModularity(level, community, sum(degrees(level)), options.resolution ?? 1);
}

function firstLevel(graph: CsrGraph, weights: Float64Array | undefined): Level {
  const { nodeCount: n, offsets, targets, edgeIds } = graph;
  const self = new Float64Array(n);
  const rowOffsets = new Uint32Array(n + 1);
  const rowTargets = new Uint32Array(targets.length);
  const rowWeights = new Float64Array(targets.length);
  let write = 0;
  for (let u = 0; u < n; u++) {
    for (let i = offsets[u]!, end = offsets[u + 1]!; i < end; i++) {
      const w = weights ? weights[edgeIds ? edgeIds[i]! : i]! : 1;
      if (!(w >= 0)) throw new RangeError(`edge weights must be ≥ 0, not ${w}`);
      // An undirected self loop is stored once but adds its weight to both ends' degree.
      if (targets[i] === u) self[u]! += 2 * w;
      else {
        rowTargets[write] = targets[i]!;
        rowWeights[write++] = w;
      }
    }
    rowOffsets[u + 1] = write;
  }
  return { n, offsets: rowOffsets, targets: rowTargets.subarray(0, write), weights: rowWeights.subarray(0, write), self };
}

function degrees(level: Level): Float64Array {
  const k = Float64Array.from(level.self);
  for (let u = 0; u < level.n; u++) {
    for (let i = level.offsets[u]!, end = level.offsets[u + 1]!; i < end; i++) k[u]! += level.weights[i]!;
  }
  return k;
}

const sum = (values: Float64Array) => values.reduce((a, b) => a + b, 0);

/**
 * One level's local moving: sweeps over the nodes until a sweep gains less than `tolerance`.
 * Returns each node's community (numbered by node ids of the level; renumber compacts them).
 */
function moveNodes(level: Level, m2: number, resolution: number, tolerance: number, budget: { limit: number; spent: number }): Uint32Array {
  const { n, offsets, targets, weights } = level;
  const k = degrees(level);
  const community = new Uint32Array(n);
  for (let v = 0; v < n; v++) community[v] = v;
  const total = Float64Array.from(k);
  // Weight from the node at hand to each neighbouring community; stamp tells the entries of this node.
  const toCommunity = new Float64Array(n);
  const stamp = new Uint32Array(n);
  const seen = new Uint32Array(n);
  let quality = levelModularity(level, community, m2, resolution);
  for (;;) {
    budget.spent += n + targets.length;
    if (budget.spent > budget.limit) throw new GraphWorkExceeded(budget.limit, 'Louvain communities');
    for (let u = 0; u < n; u++) {
      let seenCount = 0;
      for (let i = offsets[u]!, end = offsets[u + 1]!; i < end; i++) {
        const c = community[targets[i]!]!;
        if (stamp[c] !== u + 1) {
          stamp[c] = u + 1;
          toCommunity[c] = 0;
          seen[seenCount++] = c;
        }
        toCommunity[c]! += weights[i]!;
      }
      const own = community[u]!;
      const ku = k[u]!;
      total[own]! -= ku;
      let best = own;
      let bestGain = (stamp[own] === u + 1 ? toCommunity[own]! : 0) - (resolution * total[own]! * ku) / m2;
      for (let s = 0; s < seenCount; s++) {
        const c = seen[s]!;
        const gain = toCommunity[c]! - (resolution * total[c]! * ku) / m2;
        if (gain > bestGain) {
          best = c;
          bestGain = gain;
        }
      }
      total[best]! += ku;
      community[u] = best;
    }
    const next = levelModularity(level, community, m2, resolution);
    if (next - quality < tolerance) return community;
    quality = next;
  }
}

function levelModularity(level: Level, community: Uint32Array, m2: number, resolution: number): number {
  if (m2 === 0) return 0;
  const inside = new Float64Array(level.n);
  const total = new Float64Array(level.n);
  for (let u = 0; u < level.n; u++) {
    const c = community[u]!;
    inside[c]! += level.self[u]!;
    total[c]! += level.self[u]!;
    for (let i = level.offsets[u]!, end = level.offsets[u + 1]!; i < end; i++) {
      total[c]! += level.weights[i]!;
      if (community[level.targets[i]!] === c) inside[c]! += level.weights[i]!;
    }
  }
  let q = 0;
  for (let c = 0; c < level.n; c++) q += inside[c]! / m2 - resolution * (total[c]! / m2) ** 2;
  return q;
}

/** Numbers the communities 0 … count-1 in the order of their first node, in place; returns count. */
function renumber(community: Uint32Array): number {
  const number = new Int32Array(community.length).fill(-1);
  let count = 0;
  for (let v = 0; v < community.length; v++) {
    const c = community[v]!;
    if (number[c]! < 0) number[c] = count++;
    community[v] = number[c]!;
  }
  return count;
}

/** The next level: one node per community, edges between communities summed, edges inside as self weight. */
function aggregate(level: Level, community: Uint32Array, count: number): Level {
  const members = membersOf(community, count);
  const offsets = new Uint32Array(count + 1);
  const targets = new Uint32Array(level.targets.length);
  const weights = new Float64Array(level.targets.length);
  const self = new Float64Array(count);
  const toCommunity = new Float64Array(count);
  const stamp = new Uint32Array(count);
  let write = 0;
  for (let c = 0; c < count; c++) {
    const rowStart = write;
    for (let m = members.offsets[c]!, end = members.offsets[c + 1]!; m < end; m++) {
      const u = members.nodes[m]!;
      self[c]! += level.self[u]!;
      for (let i = level.offsets[u]!, stop = level.offsets[u + 1]!; i < stop; i++) {
        const d = community[level.targets[i]!]!;
        if (d === c) self[c]! += level.weights[i]!;
        else if (stamp[d] !== c + 1) {
          stamp[d] = c + 1;
          toCommunity[d] = level.weights[i]!;
          targets[write++] = d;
        } else toCommunity[d]! += level.weights[i]!;
      }
    }
    for (let i = rowStart; i < write; i++) weights[i] = toCommunity[targets[i]!]!;
    offsets[c + 1] = write;
  }
  return { n: count, offsets, targets: targets.subarray(0, write), weights: weights.subarray(0, write), self };
}

/** The nodes of each community as a CSR (a counting sort by community). */
function membersOf(community: Uint32Array, count: number): { offsets: Uint32Array; nodes: Uint32Array } {
  const offsets = new Uint32Array(count + 1);
  for (let v = 0; v < community.length; v++) offsets[community[v]! + 1]!++;
  for (let c = 0; c < count; c++) offsets[c + 1]! += offsets[c]!;
  const cursor = offsets.slice(0, count);
  const nodes = new Uint32Array(community.length);
  for (let v = 0; v < community.length; v++) nodes[cursor[community[v]!]!++] = v;
  return { offsets, nodes };
}
