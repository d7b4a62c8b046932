import type { CsrGraph } from './csr.js';
import { GraphWorkExceeded, workLimit, type WorkBound } from './workBound.js';

export interface Components {
  /** component[v] = the component of v, numbered 0, 1, … in the order of their lowest node. */
  readonly component: Uint32Array;
  readonly count: number;
  /** sizes[c] = the nodes in component c. */
  readonly sizes: Uint32Array;
}

/**
 * Connected components, weakly connected for a directed graph (edges are followed either way): a
 * union-find over the edge slots, so no reversed graph is needed.
 */
export function connectedComponents(graph: CsrGraph, bound?: WorkBound): Components {
  const { nodeCount: n, offsets, targets } = graph;
  const limit = workLimit(bound);
  if (n + targets.length > limit) throw new GraphWorkExceeded(limit, 'connected components');
  const root = new Uint32Array(n);
  for (let v = 0; v < n; v++) root[v] = v;
  for (let u = 0; u < n; u++) {
    for (let i = offsets[u]!, end = offsets[u + 1]!; i < end; i++) union(root, u, targets[i]!);
  }
  return label(root);
}

/** The representative of v's set, halving the path on the way. */
function find(root: Uint32Array, v: number): number {
  while (root[v] !== v) {
    const grand = root[root[v]!]!;
    root[v] = grand;
    v = grand;
  }
  return v;
}

/** Joins the sets of a and b under the lower of their representatives. */
function union(root: Uint32Array, a: number, b: number): void {
  const ra = find(root, a);
  const rb = find(root, b);
  if (ra < rb) root[rb] = ra;
  else if (rb < ra) root[ra] = rb;
}

function label(root: Uint32Array): Components {
  const n = root.length;
  const component = new Uint32Array(n);
  const sizes: number[] = [];
  // Representatives are the lowest node of their set, so each set is numbered when its first node is met.
  for (let v = 0; v < n; v++) {
    const r = find(root, v);
    const c = r === v ? sizes.push(0) - 1 : component[r]!;
    component[v] = c;
    sizes[c]!++;
  }
  return { component, count: sizes.length, sizes: Uint32Array.from(sizes) };
}
