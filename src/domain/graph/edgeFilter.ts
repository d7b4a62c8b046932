import type { CsrGraph } from './csr.js';

/**
 * Which edges a query may follow (edge types, dates …), decided by the caller on the input edge id:
 * edgeIds[slot] when the graph keeps them, else the slot itself.
 */
export interface EdgeFilter {
  allowEdge?: (edgeId: number) => boolean;
  /** Nonzero = the edge may be followed; indexed by input edge id. */
  edgeMask?: Uint8Array;
}

/** The filter as one test on a slot of `graph`, or undefined when every edge may be followed. */
export function slotTest(graph: CsrGraph, filter: EdgeFilter): ((slot: number) => boolean) | undefined {
  const { allowEdge, edgeMask } = filter;
  if (!allowEdge && !edgeMask) return undefined;
  const ids = graph.edgeIds;
  return (slot) => {
    const id = ids ? ids[slot]! : slot;
    return (edgeMask === undefined || edgeMask[id] !== 0) && (allowEdge === undefined || allowEdge(id));
  };
}
