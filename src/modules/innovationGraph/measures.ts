import type { Centrality, CentralityQuery, Communities, CommunitiesQuery } from '../../contracts/innovationGraph.js';
import { pageRank } from '../../domain/graph/centrality.js';
import { buildCsr, type CsrGraph } from '../../domain/graph/csr.js';
import { louvain, type Communities as Partition } from '../../domain/graph/louvain.js';
import { ALL_TYPES, kindsOfMask, type NodeKind } from '../../domain/innovationGraph.js';
import type { ServiceContext } from '../shared/context.js';
import { checkKindVisible, inView, labelled, nodeOrRef, tooMuchWork, type GraphView } from './service.js';

/** Work bounds of the whole-graph measures (each runs once per version of the registry and edge-type set, then is remembered). */
export const PAGERANK_WORK = 300_000_000;
export const LOUVAIN_WORK = 300_000_000;
/** Remembered answers per version of the graph; past this, the memo starts again. */
const MEMO_ENTRIES = 24;

/** A whole-graph answer computed once per version, edge-type set and area. */
function memo<T>(view: GraphView, key: string, compute: () => T): T {
  const { memo } = view.graph;
  const k = `${key}:${view.mask}:${view.area?.key ?? 'city'}`;
  if (!memo.has(k)) {
    if (memo.size >= MEMO_ENTRIES) memo.clear();
    memo.set(k, compute());
  }
  return memo.get(k) as T;
}

/** The undirected graph of the chosen edge types with an end in the caller's area only (the whole graph when that is all of it). */
function subgraph(view: GraphView): CsrGraph {
  const { csr, edges } = view.graph;
  if (view.mask === ALL_TYPES && !view.area) return csr;
  return memo(view, 'subgraph', () => {
    const kept = (e: number) => (view.mask & (1 << edges.types[e]!)) !== 0 && inView(view, e);
    let n = 0;
    for (let e = 0; e < edges.count; e++) if (kept(e)) n++;
    const sources = new Uint32Array(n);
    const targets = new Uint32Array(n);
    for (let e = 0, k = 0; e < edges.count; e++) {
      if (!kept(e)) continue;
      sources[k] = edges.sources[e]!;
      targets[k++] = edges.targets[e]!;
    }
    return buildCsr(csr.nodeCount, sources, targets, { undirected: true });
  });
}

const degreeOf = (g: CsrGraph, v: number): number => g.offsets[v + 1]! - g.offsets[v]!;

/** Puts v into `best` (kept by descending score, at most k long) when it ranks; ties keep the earlier. */
function rankInto(best: number[], v: number, score: (v: number) => number, k: number): void {
  const s = score(v);
  if (best.length === k && s <= score(best[k - 1]!)) return;
  let at = best.length;
  while (at > 0 && score(best[at - 1]!) < s) at--;
  best.splice(at, 0, v);
  if (best.length > k) best.pop();
}

/** The `k` best of 0 .. count-1 that `accept` lets through, by descending score (ties: lower first). */
function topK(count: number, score: (v: number) => number, accept: (v: number) => boolean, k: number): number[] {
  const best: number[] = [];
  for (let v = 0; v < count; v++) if (accept(v)) rankInto(best, v, score, k);
  return best;
}

/** Which nodes a caller may be shown, optionally of one kind only (a kind it may not see is a 403); an area officer's own nodes only. */
function shownNodes(view: GraphView, kind: NodeKind | undefined): (v: number) => boolean {
  if (kind) checkKindVisible(view, kind, 'kind');
  const kinds = kindsOfMask(view.visible);
  const { nodes } = view.graph;
  return (v) => {
    if (view.area && !view.area.inside[v]) return false;
    const k = nodes.kindOf(v);
    return kind ? k === kind : kinds.has(k);
  };
}

/** GET /graph/centrality: the hubs by degree (edges of the chosen types) or by PageRank over them. */
export async function centralityOf(ctx: ServiceContext, view: GraphView, q: CentralityQuery): Promise<Centrality> {
  const accept = shownNodes(view, q.kind);
  const g = subgraph(view);
  let score: (v: number) => number;
  if (q.measure === 'degree') {
    const scale = g.nodeCount > 1 ? 1 / (g.nodeCount - 1) : 1;
    score = (v) => degreeOf(g, v) * scale;
  } else {
    let rank: Float64Array;
    try {
      rank = memo(view, 'pagerank', () => pageRank(g, { maxWork: PAGERANK_WORK }).rank);
    } catch (e) {
      tooMuchWork(e, 'edge_types');
    }
    score = (v) => rank[v]!;
  }
  const top = topK(g.nodeCount, score, (v) => accept(v) && degreeOf(g, v) > 0, q.limit);
  const names = await labelled(ctx, view, top);
  return {
    measure: q.measure,
    items: top.map((v, i) => ({ rank: i + 1, node: nodeOrRef(view, names, v), score: score(v), degree: degreeOf(g, v) })),
    data_version: view.graph.version,
  };
}

/** The `k` members of highest degree of each of the communities, in one pass over the nodes. */
function bestConnected(g: CsrGraph, community: Uint32Array, communities: readonly number[], accept: (v: number) => boolean, k: number): Map<number, number[]> {
  const best = new Map(communities.map((c) => [c, [] as number[]]));
  const degree = (v: number) => degreeOf(g, v);
  for (let v = 0; v < g.nodeCount; v++) {
    const list = best.get(community[v]!);
    if (list && accept(v)) rankInto(list, v, degree, k);
  }
  return best;
}

/** GET /graph/communities: Louvain communities of the chosen edge types, largest first, each with its best-connected members. */
export async function communitiesOf(ctx: ServiceContext, view: GraphView, q: CommunitiesQuery): Promise<Communities> {
  const g = subgraph(view);
  let partition: Partition;
  try {
    partition = memo(view, 'louvain', () => louvain(g, { maxWork: LOUVAIN_WORK }));
  } catch (e) {
    tooMuchWork(e, 'edge_types');
  }
  const accept = shownNodes(view, undefined);
  const sizes = new Uint32Array(partition.count);
  for (let v = 0; v < g.nodeCount; v++) if (accept(v) && degreeOf(g, v) > 0) sizes[partition.community[v]!]!++;
  const ranked = topK(partition.count, (c) => sizes[c]!, (c) => sizes[c]! > 1, q.limit);
  const members = bestConnected(g, partition.community, ranked, accept, q.members);
  const names = await labelled(ctx, view, [...members.values()].flat());
  let count = 0;
  for (const size of sizes) if (size > 1) count++;
  return {
    count,
    modularity: partition.modularity,
    items: ranked.map((c, i) => ({ rank: i + 1, size: sizes[c]!, members: members.get(c)!.map((v) => ({ ...nodeOrRef(view, names, v), degree: degreeOf(g, v) })) })),
    data_version: view.graph.version,
  };
}
