import type { CsrGraph } from './csr.js';
import { GraphWorkExceeded, workLimit, type WorkBound } from './workBound.js';

export interface BfsOptions extends WorkBound {
  /**
   * The in-edges (transposeCsr of a directed graph), for the bottom-up steps. An undirected graph is
   * its own; without it a directed graph is searched top-down only.
   */
  incoming?: CsrGraph;
  /** Go bottom-up when the frontier's edges exceed the unexplored edges / alpha (Beamer et al.: 14). */
  alpha?: number;
  /** Go back top-down when the frontier has fewer than nodeCount / beta nodes (Beamer et al.: 24). */
  beta?: number;
}

export interface BfsTree {
  /** parent[v] = the node v was reached from; the root is its own parent; -1 where v was not reached. */
  readonly parent: Int32Array;
  /** level[v] = hops from the root; -1 where v was not reached. */
  readonly level: Int32Array;
  /** How many nodes were reached, the root included. */
  readonly reached: number;
}

/**
 * Breadth-first search from `root`, direction-optimizing (Beamer, Asanović, Patterson 2012): while the
 * frontier is small each frontier node pushes to its unvisited out-neighbours (top-down); once the
 * frontier's edges outweigh what is left, each unvisited node looks among its in-neighbours for one in
 * the frontier and stops at the first (bottom-up), which skips most edges of a small-world graph.
 */
export function bfs(graph: CsrGraph, root: number, options: BfsOptions = {}): BfsTree {
  const n = graph.nodeCount;
  if (!Number.isInteger(root) || root < 0 || root >= n) throw new RangeError(`root ${root} is not a node of the graph (0 .. ${n - 1})`);
  const search = new Search(graph, options);
  search.run(root);
  return { parent: search.parent, level: search.level, reached: search.reached };
}

/** The state of one search; methods keep the hot loops free of closures. */
class Search {
  readonly parent: Int32Array;
  readonly level: Int32Array;
  reached = 0;
  private readonly n: number;
  private readonly out: CsrGraph;
  private readonly incoming: CsrGraph | undefined;
  private readonly alpha: number;
  private readonly beta: number;
  private readonly limit: number;
  private work = 0;
  private frontier: Uint32Array;
  private next: Uint32Array;
  private frontierSize = 0;
  /** One bit per node: the frontier of a bottom-up step. */
  private readonly frontierBits: Uint32Array;
  private readonly nextBits: Uint32Array;

  constructor(graph: CsrGraph, options: BfsOptions) {
    this.n = graph.nodeCount;
    this.out = graph;
    this.incoming = options.incoming;
    if (this.incoming && this.incoming.nodeCount !== this.n) throw new RangeError('the incoming graph has another node count');
    this.alpha = options.alpha ?? 14;
    this.beta = options.beta ?? 24;
    this.limit = workLimit(options);
    this.parent = new Int32Array(this.n).fill(-1);
    this.level = new Int32Array(this.n).fill(-1);
    this.frontier = new Uint32Array(this.n);
    this.next = new Uint32Array(this.n);
    const words = this.incoming ? (this.n + 31) >>> 5 : 0;
    this.frontierBits = new Uint32Array(words);
    this.nextBits = new Uint32Array(words);
  }

  run(root: number): void {
    this.parent[root] = root;
    this.level[root] = 0;
    this.frontier[0] = root;
    this.frontierSize = 1;
    this.reached = 1;
    this.spend(1);
    // Edges still to explore, and the edges out of the frontier: the switch heuristic's two sides.
    let unexplored = this.out.targets.length;
    let frontierEdges = this.degree(root);
    let depth = 0;
    let bottomUp = false;
    while (this.frontierSize > 0) {
      if (this.incoming) {
        if (!bottomUp && frontierEdges > unexplored / this.alpha) {
          bottomUp = true;
          this.markFrontier();
        } else if (bottomUp && this.frontierSize < this.n / this.beta) {
          bottomUp = false;
        }
      }
      unexplored -= frontierEdges;
      frontierEdges = bottomUp ? this.stepBottomUp(depth) : this.stepTopDown(depth);
      depth++;
    }
  }

  private degree(v: number): number {
    return this.out.offsets[v + 1]! - this.out.offsets[v]!;
  }

  private spend(units: number): void {
    this.work += units;
    if (this.work > this.limit) throw new GraphWorkExceeded(this.limit, 'breadth-first search');
  }

  /** Each frontier node claims its unvisited out-neighbours. Returns the next frontier's out-edges. */
  private stepTopDown(depth: number): number {
    const { offsets, targets } = this.out;
    const parent = this.parent;
    const level = this.level;
    const frontier = this.frontier;
    const next = this.next;
    let size = 0;
    let nextEdges = 0;
    for (let f = 0; f < this.frontierSize; f++) {
      const u = frontier[f]!;
      const end = offsets[u + 1]!;
      this.spend(end - offsets[u]!);
      for (let i = offsets[u]!; i < end; i++) {
        const v = targets[i]!;
        if (parent[v]! < 0) {
          parent[v] = u;
          level[v] = depth + 1;
          next[size++] = v;
          nextEdges += offsets[v + 1]! - offsets[v]!;
        }
      }
    }
    this.swap(size);
    return nextEdges;
  }

  /** Each unvisited node looks for an in-neighbour in the frontier and stops at the first. */
  private stepBottomUp(depth: number): number {
    const { offsets, targets } = this.incoming!;
    const out = this.out.offsets;
    const parent = this.parent;
    const level = this.level;
    const bits = this.frontierBits;
    const nextBits = this.nextBits;
    const next = this.next;
    let size = 0;
    let nextEdges = 0;
    let scanned = 0;
    for (let v = 0; v < this.n; v++) {
      if (parent[v]! >= 0) continue;
      const end = offsets[v + 1]!;
      for (let i = offsets[v]!; i < end; i++) {
        const u = targets[i]!;
        scanned++;
        if ((bits[u >>> 5]! & (1 << (u & 31))) !== 0) {
          parent[v] = u;
          level[v] = depth + 1;
          next[size++] = v;
          nextBits[v >>> 5]! |= 1 << (v & 31);
          nextEdges += out[v + 1]! - out[v]!;
          break;
        }
      }
      if (scanned > 65536) {
        this.spend(scanned);
        scanned = 0;
      }
    }
    this.spend(scanned + this.n);
    bits.set(nextBits);
    nextBits.fill(0);
    this.swap(size);
    return nextEdges;
  }

  private swap(size: number): void {
    const done = this.frontier;
    this.frontier = this.next;
    this.next = done;
    this.frontierSize = size;
    this.reached += size;
  }

  private markFrontier(): void {
    this.frontierBits.fill(0);
    for (let f = 0; f < this.frontierSize; f++) {
      const v = this.frontier[f]!;
      this.frontierBits[v >>> 5]! |= 1 << (v & 31);
    }
  }
}
