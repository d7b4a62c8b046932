import type { Queryable } from '../../db/client.js';
import { buildCsr, bytesPerEdge, type CsrGraph } from '../../domain/graph/csr.js';
import { EdgeTableBuilder, NodeIndex, edgeTypeNumber, type EdgeTable } from '../../domain/innovationGraph.js';
import type { CityConfig } from '../../domain/city.js';
import { VersionedValue } from '../shared/versionedValue.js';
import { GRAPH_TABLES, edgeColumns, edgeSources, recordIds, type EdgeColumns, type EdgeSource } from './queries.js';

/** The graph of one version of the registry. */
export interface InnovationGraph {
  version: string;
  nodes: NodeIndex;
  edges: EdgeTable;
  /** Undirected: each edge in both directions, its slots carrying its number (edgeIds). */
  csr: CsrGraph & { edgeIds: Uint32Array };
  /** Zone codes in node-id order (a zone's id is its position + 1). */
  zones: readonly string[];
  buildMs: number;
  bytesPerEdge: number;
  /** Answers computed once per version (PageRank, communities), keyed by question. */
  memo: Map<string, unknown>;
}

/**
 * The innovation graph of one database, never stale: built again on the first question after a
 * write to any of its tables (see {@link VersionedValue}).
 */
export class InnovationGraphStore {
  private readonly value: VersionedValue<InnovationGraph>;

  constructor(db: Queryable, city: CityConfig) {
    this.value = new VersionedValue(db, GRAPH_TABLES, (version) => buildGraph(db, city, version));
  }

  graph(): Promise<InnovationGraph> {
    return this.value.get();
  }
}

const stores = new WeakMap<Queryable, InnovationGraphStore>();

/** The one store of a database: the graph routes and matching answer from the same graph, built once. */
export function graphStoreFor(db: Queryable, city: CityConfig): InnovationGraphStore {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new InnovationGraphStore(db, city)));
  return store;
}

/** Bulk reads: one statement for the nodes and one per edge source, never one per record. */
export async function buildGraph(db: Queryable, city: CityConfig, version: string): Promise<InnovationGraph> {
  const started = performance.now();
  const zones = city.zones.map((z) => z.code);
  // Node ids and edges read together (a row naming a record the ids lack is left out below).
  const [ids, columns] = await Promise.all([recordIds(db), edgeColumns(db, zones)]);
  const nodes = new NodeIndex({ ...ids, zone: Int32Array.from(zones, (_, i) => i + 1) });
  const builder = new EdgeTableBuilder(columns.reduce((n, c) => n + c.s.length, 0));
  edgeSources.forEach((source, i) => addEdges(builder, nodes, source, columns[i]!));
  const edges = builder.table();
  const csr = buildCsr(nodes.count, edges.sources, edges.targets, { undirected: true, edgeIds: true }) as InnovationGraph['csr'];
  return { version, nodes, edges, csr, zones, buildMs: performance.now() - started, bytesPerEdge: bytesPerEdge(csr), memo: new Map() };
}

/**
 * A source's rows as edges. A row naming a record the node ids did not hold (written between the
 * two reads, or no record: id 0) is left out: a write changed the version, so the next question
 * builds again.
 */
function addEdges(builder: EdgeTableBuilder, nodes: NodeIndex, source: EdgeSource, cols: EdgeColumns): void {
  const type = edgeTypeNumber(source.type);
  const from = nodes.nodesOf(source.from, cols.s);
  const to = nodes.nodesOf(source.to, cols.t);
  for (let i = 0; i < from.length; i++) {
    if (from[i]! < 0 || to[i]! < 0) continue;
    builder.add(from[i]!, to[i]!, type, cols.d[i]!, cols.w[i]!);
  }
}
