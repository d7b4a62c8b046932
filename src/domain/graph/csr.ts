/**
 * The graph engine's one data structure (issue 15). A directed graph in compressed sparse row form:
 * nodes are 0 .. nodeCount-1; the out-edges of v are `targets[offsets[v] .. offsets[v+1])`. An
 * undirected graph stores each edge once in each direction, so the same arrays serve both.
 *
 * Memory: 4 bytes per stored edge slot, plus 4 per node (plus 4 per slot with `edgeIds`). Callers keep
 * per-edge attributes (type, date, weight) in their own parallel typed arrays indexed by input edge,
 * and reach them from a slot through `edgeIds`.
 */
export interface CsrGraph {
  readonly nodeCount: number;
  /** nodeCount + 1 entries; offsets[nodeCount] is the number of edge slots. */
  readonly offsets: Uint32Array;
  /** One entry per edge slot: the slot's target node. */
  readonly targets: Uint32Array;
  /**
   * edgeIds[i] = index of the input edge stored at slot i (only when built with { edgeIds: true }).
   * An undirected edge's two slots carry the same id.
   */
  readonly edgeIds?: Uint32Array;
}

export interface BuildOptions {
  /** Store each input edge in both directions (a self loop once). */
  undirected?: boolean;
  /** Keep, for each slot, the index of the input edge it came from. */
  edgeIds?: boolean;
  dropSelfLoops?: boolean;
  /** Keep only the first of parallel edges (same source and target): the one of lowest input index. */
  dedupe?: boolean;
  /** Put the arrays on SharedArrayBuffers, so worker threads can search the same graph without a copy. */
  shared?: boolean;
}

/** A Uint32Array of `length` zeros, on a SharedArrayBuffer when `shared`. */
const uint32s = (length: number, shared: boolean) => (shared ? new Uint32Array(new SharedArrayBuffer(length * 4)) : new Uint32Array(length));

const MAX_SLOTS = 0xffff_ffff;

/**
 * Builds the CSR from an edge list (edge i goes from sources[i] to targets[i]) by a counting sort:
 * two passes over the edges, so the build is linear and each row keeps the input order.
 */
export function buildCsr(nodeCount: number, sources: Uint32Array, targets: Uint32Array, options: BuildOptions = {}): CsrGraph {
  checkEdgeList(nodeCount, sources, targets);
  const undirected = options.undirected === true;
  const dropSelfLoops = options.dropSelfLoops === true;
  const shared = options.shared === true;
  const offsets = rowOffsets(nodeCount, sources, targets, undirected, dropSelfLoops, shared);
  const slots = offsets[nodeCount]!;
  const out = uint32s(slots, shared);
  const ids = options.edgeIds ? uint32s(slots, shared) : undefined;
  const cursor = offsets.slice(0, nodeCount);
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i]!;
    const t = targets[i]!;
    if (s === t && dropSelfLoops) continue;
    const at = cursor[s]!++;
    out[at] = t;
    if (ids) ids[at] = i;
    if (undirected && s !== t) {
      const back = cursor[t]!++;
      out[back] = s;
      if (ids) ids[back] = i;
    }
  }
  const graph: CsrGraph = ids ? { nodeCount, offsets, targets: out, edgeIds: ids } : { nodeCount, offsets, targets: out };
  return options.dedupe ? dedupeRows(graph, shared) : graph;
}

function checkEdgeList(nodeCount: number, sources: Uint32Array, targets: Uint32Array): void {
  if (!Number.isInteger(nodeCount) || nodeCount < 0 || nodeCount >= MAX_SLOTS) throw new RangeError(`nodeCount must be an integer in 0 .. ${MAX_SLOTS - 1}, not ${nodeCount}`);
  if (sources.length !== targets.length) throw new RangeError(`sources (${sources.length}) and targets (${targets.length}) must have the same length`);
  for (let i = 0; i < sources.length; i++) {
    if (sources[i]! >= nodeCount || targets[i]! >= nodeCount) throw new RangeError(`edge ${i} (${sources[i]} → ${targets[i]}) names a node outside 0 .. ${nodeCount - 1}`);
  }
}

/** offsets[v] = where v's row starts: the prefix sum of the out-degrees. */
function rowOffsets(nodeCount: number, sources: Uint32Array, targets: Uint32Array, undirected: boolean, dropSelfLoops: boolean, shared: boolean): Uint32Array {
  const offsets = uint32s(nodeCount + 1, shared);
  let slots = 0;
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i]!;
    const t = targets[i]!;
    if (s === t) {
      if (dropSelfLoops) continue;
      offsets[s + 1]!++;
      slots++;
    } else {
      offsets[s + 1]!++;
      slots++;
      if (undirected) {
        offsets[t + 1]!++;
        slots++;
      }
    }
  }
  if (slots > MAX_SLOTS) throw new RangeError(`${slots} edge slots do not fit a Uint32Array index`);
  for (let v = 0; v < nodeCount; v++) offsets[v + 1]! += offsets[v]!;
  return offsets;
}

/** Drops the repeats of a target within each row, keeping its first slot (rows keep input order). */
function dedupeRows(graph: CsrGraph, shared: boolean): CsrGraph {
  const { nodeCount, offsets, targets, edgeIds } = graph;
  // seen[t] = v + 1 while row v is scanned: no clearing between rows.
  const seen = new Uint32Array(nodeCount);
  let write = 0;
  let start = 0;
  for (let v = 0; v < nodeCount; v++) {
    const end = offsets[v + 1]!;
    for (let i = start; i < end; i++) {
      const t = targets[i]!;
      if (seen[t] === v + 1) continue;
      seen[t] = v + 1;
      targets[write] = t;
      if (edgeIds) edgeIds[write] = edgeIds[i]!;
      write++;
    }
    start = end;
    offsets[v + 1] = write;
  }
  if (write === targets.length) return graph;
  const shrink = (array: Uint32Array) => {
    const kept = uint32s(write, shared);
    kept.set(array.subarray(0, write));
    return kept;
  };
  return edgeIds ? { nodeCount, offsets, targets: shrink(targets), edgeIds: shrink(edgeIds) } : { nodeCount, offsets, targets: shrink(targets) };
}

/** The graph with every edge reversed: the in-edges of each node as a CSR (slots keep the edge ids). */
export function transposeCsr(graph: CsrGraph): CsrGraph {
  const { nodeCount, offsets, targets, edgeIds } = graph;
  const inOffsets = new Uint32Array(nodeCount + 1);
  for (let i = 0; i < targets.length; i++) inOffsets[targets[i]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) inOffsets[v + 1]! += inOffsets[v]!;
  const sources = new Uint32Array(targets.length);
  const ids = edgeIds ? new Uint32Array(targets.length) : undefined;
  const cursor = inOffsets.slice(0, nodeCount);
  for (let v = 0; v < nodeCount; v++) {
    for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i++) {
      const at = cursor[targets[i]!]!++;
      sources[at] = v;
      if (ids) ids[at] = edgeIds![i]!;
    }
  }
  return ids ? { nodeCount, offsets: inOffsets, targets: sources, edgeIds: ids } : { nodeCount, offsets: inOffsets, targets: sources };
}

export const outDegree = (graph: CsrGraph, v: number): number => graph.offsets[v + 1]! - graph.offsets[v]!;

/** Bytes the graph's arrays take, per stored edge slot (the Graph500 run reports it). */
export function bytesPerEdge(graph: CsrGraph): number {
  const bytes = graph.offsets.byteLength + graph.targets.byteLength + (graph.edgeIds?.byteLength ?? 0);
  return graph.targets.length === 0 ? 0 : bytes / graph.targets.length;
}
