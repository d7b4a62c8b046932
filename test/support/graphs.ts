// Graphs for the graph engine's tests (src/domain/graph): small ones written out, and the same random
// edge list as a CSR and as a graphology graph, to check the engine against graphology.
import { createRequire } from 'node:module';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import { buildCsr, transposeCsr, type BuildOptions, type CsrGraph } from '../../src/domain/graph/csr.js';
import type { EdgeList } from '../../src/domain/graph/kronecker.js';

/** An edge list from [source, target] pairs. */
export function edgeList(nodeCount: number, pairs: readonly (readonly [number, number])[]): EdgeList {
  return { nodeCount, sources: Uint32Array.from(pairs, (p) => p[0]), targets: Uint32Array.from(pairs, (p) => p[1]) };
}

export function csrOf(list: EdgeList, options: BuildOptions = {}): CsrGraph {
  return buildCsr(list.nodeCount, list.sources, list.targets, options);
}

/** The directed graph and its transpose. */
export function directedOf(list: EdgeList, options: BuildOptions = {}): { graph: CsrGraph; incoming: CsrGraph } {
  const graph = csrOf(list, options);
  return { graph, incoming: transposeCsr(graph) };
}

/** The same edges in graphology (a simple graph: self loops and repeats dropped, as the CSR's dedupe does). */
export function graphologyOf(list: EdgeList, type: 'directed' | 'undirected'): DirectedGraph | UndirectedGraph {
  const graph = type === 'directed' ? new DirectedGraph({ allowSelfLoops: false }) : new UndirectedGraph({ allowSelfLoops: false });
  for (let v = 0; v < list.nodeCount; v++) graph.addNode(String(v));
  for (let e = 0; e < list.sources.length; e++) {
    const s = list.sources[e]!;
    const t = list.targets[e]!;
    if (s !== t) graph.mergeEdge(String(s), String(t));
  }
  return graph;
}

// These CommonJS packages declare ES default exports, which TypeScript's NodeNext resolution does not
// map onto module.exports: loaded by require, typed by their declarations.
const require = createRequire(import.meta.url);
export const graphologyLouvain = require('graphology-communities-louvain') as typeof import('graphology-communities-louvain').default;
export const graphologyPageRank = require('graphology-metrics/centrality/pagerank') as typeof import('graphology-metrics/centrality/pagerank.js').default;
