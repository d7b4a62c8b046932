/**
 * Seeded random graphs: the Graph500 Kronecker generator (the specification's reference
 * `kronecker_generator`) for the benchmark, and the same random source for tests. Pure and
 * deterministic: the same seed gives the same edge list on every machine.
 */

/** mulberry32: 32 random bits per call from a 32-bit state. */
export function randomBits(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + MULBERRY_STEP) >>> 0;
    return mulberry(state);
  };
}

const MULBERRY_STEP = 0x6d2b79f5;

/** mulberry32's output for a state; a plain function, so the generator's hot loop keeps its state local. */
function mulberry(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** A float in [0, 1) from the same source. */
export const randomUnit = (bits: () => number) => (): number => bits() / 4294967296;

export interface EdgeList {
  readonly nodeCount: number;
  readonly sources: Uint32Array;
  readonly targets: Uint32Array;
}

export interface KroneckerOptions {
  edgeFactor?: number;
  /** The initiator's top-left, top-right and bottom-left shares (Graph500: 0.57, 0.19, 0.19). */
  a?: number;
  b?: number;
  c?: number;
}

/**
 * 2^scale nodes and edgeFactor × 2^scale edges: each edge picks, bit by bit, a quadrant of the
 * adjacency matrix with the initiator's shares; then the node labels are permuted and the edges
 * shuffled, so neither the labels nor the order give the structure away (self loops and repeats stay,
 * as in the specification).
 */
export function kroneckerEdges(scale: number, seed: number, options: KroneckerOptions = {}): EdgeList {
  if (!Number.isInteger(scale) || scale < 1 || scale > 31) throw new RangeError(`scale must be an integer in 1 .. 31, not ${scale}`);
  const { edgeFactor = 16, a = 0.57, b = 0.19, c = 0.19 } = options;
  const nodeCount = 2 ** scale;
  const edgeCount = edgeFactor * nodeCount;
  // The specification draws the row bit (A + B : C + D) and then the column bit; one draw picking the
  // quadrant with A, B, C, D is the same distribution at half the draws. Thresholds on 32 bits.
  const quadrantA = threshold(a);
  const quadrantB = threshold(a + b);
  const quadrantC = threshold(a + b + c);
  const sources = new Uint32Array(edgeCount);
  const targets = new Uint32Array(edgeCount);
  let state = seed >>> 0;
  for (let e = 0; e < edgeCount; e++) {
    let i = 0;
    let j = 0;
    for (let bit = 0; bit < scale; bit++) {
      state = (state + MULBERRY_STEP) >>> 0;
      const r = mulberry(state);
      if (r >= quadrantA) {
        if (r < quadrantB) j |= 1 << bit;
        else if (r < quadrantC) i |= 1 << bit;
        else {
          i |= 1 << bit;
          j |= 1 << bit;
        }
      }
    }
    sources[e] = i;
    targets[e] = j;
  }
  // The same stream goes on for the labels and the order.
  const bits = randomBits(state);
  const label = permutation(nodeCount, bits);
  for (let e = 0; e < edgeCount; e++) {
    sources[e] = label[sources[e]!]!;
    targets[e] = label[targets[e]!]!;
  }
  shuffleEdges(sources, targets, bits);
  return { nodeCount, sources, targets };
}

const threshold = (p: number) => Math.min(4294967295, Math.floor(p * 4294967296));

/** A uniform integer in [0, n) for n ≤ 2^32 (n·2^-32 scaling; the bias is below 2^-32·n). */
const below = (n: number, bits: () => number) => Math.floor((bits() / 4294967296) * n);

/** A random permutation of 0 … n-1 (Fisher–Yates). */
export function permutation(n: number, bits: () => number): Uint32Array {
  const p = new Uint32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = below(i + 1, bits);
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

function shuffleEdges(sources: Uint32Array, targets: Uint32Array, bits: () => number): void {
  for (let i = sources.length - 1; i > 0; i--) {
    const j = below(i + 1, bits);
    const s = sources[i]!;
    sources[i] = sources[j]!;
    sources[j] = s;
    const t = targets[i]!;
    targets[i] = targets[j]!;
    targets[j] = t;
  }
}

/** `edgeCount` edges with both ends uniform over `nodeCount` nodes (Erdős–Rényi style), for tests. */
export function uniformEdges(nodeCount: number, edgeCount: number, seed: number): EdgeList {
  const bits = randomBits(seed);
  const sources = new Uint32Array(edgeCount);
  const targets = new Uint32Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    sources[e] = below(nodeCount, bits);
    targets[e] = below(nodeCount, bits);
  }
  return { nodeCount, sources, targets };
}
