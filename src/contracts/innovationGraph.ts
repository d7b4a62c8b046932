import { z } from 'zod';
import { edgeTypeCodes, nodeKindCodes, parseNodeRef } from '../domain/innovationGraph.js';
import { violation, type RuleViolation } from '../domain/message.js';
import { bilingual, calendarDate, withRule } from './common.js';

/** The innovation graph (创新网络, issue 15): neighbourhoods, paths, hubs, clusters over the registry's relations. */

/** The most hops a neighbourhood may reach: past three, a hub's neighbourhood is most of the city. */
export const MAX_HOPS = 3;
export const MAX_NEIGHBOURHOOD_NODES = 500;

const checkEdgeTypes = (text: string): RuleViolation | null => {
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.find((n) => !(edgeTypeCodes as readonly string[]).includes(n));
  if (unknown !== undefined)
    return violation('graph.edge_type_unknown', `未知关系类型“${unknown}”，可选：${edgeTypeCodes.join(', ')}`, `Unknown edge type "${unknown}"; one of: ${edgeTypeCodes.join(', ')}`, { value: unknown, allowed: edgeTypeCodes.join(', ') });
  if (names.length === 0) return violation('graph.edge_types_empty', '至少选择一种关系类型', 'Name at least one edge type', { value: text });
  return null;
};

const edgeTypeList = withRule(z.string().max(500), checkEdgeTypes).optional().describe(`Edge types to follow, comma-separated (default: every type the caller may see): ${edgeTypeCodes.join(', ')}`);
const nodeRef = withRule(z.string().max(80), (s) => {
  const ref = parseNodeRef(s);
  return 'code' in ref ? ref : null;
}).meta({ example: 'organization:42' });

export const graphNodeParams = z.strictObject({
  kind: z.enum(nodeKindCodes),
  id: z.string().max(64).describe('A record id, or a zone’s code'),
});

export const neighbourhoodQuery = z.strictObject({
  hops: z.coerce.number().int().min(1).max(MAX_HOPS).default(1).describe(`Hops from the node, 1 to ${MAX_HOPS}`),
  edge_types: edgeTypeList,
  from: calendarDate.optional().describe('Dated edges on or after this day (undated relations always count)'),
  to: calendarDate.optional().describe('Dated edges on or before this day'),
  limit: z.coerce.number().int().min(1).max(MAX_NEIGHBOURHOOD_NODES).default(200).describe('Most nodes in the answer: the hops stop at the last whole hop that fits'),
});
export type NeighbourhoodQuery = z.output<typeof neighbourhoodQuery>;

export const pathQuery = z.strictObject({
  from: nodeRef.describe('kind:id of the first entity'),
  to: nodeRef.describe('kind:id of the second entity'),
  edge_types: edgeTypeList,
});
export type PathQuery = z.output<typeof pathQuery>;

export const centralityQuery = z.strictObject({
  measure: z.enum(['degree', 'pagerank']).default('pagerank'),
  kind: z.enum(nodeKindCodes).optional().describe('Only nodes of this kind'),
  edge_types: edgeTypeList,
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type CentralityQuery = z.output<typeof centralityQuery>;

export const communitiesQuery = z.strictObject({
  edge_types: edgeTypeList,
  limit: z.coerce.number().int().min(1).max(50).default(10).describe('The largest communities'),
  members: z.coerce.number().int().min(1).max(20).default(5).describe('Top members (by degree) shown per community'),
});
export type CommunitiesQuery = z.output<typeof communitiesQuery>;

const graphNode = z.object({
  ref: z.string().meta({ example: 'organization:42' }),
  kind: z.enum(nodeKindCodes),
  id: z.string(),
  name: bilingual.describe('Its name; a talent node shows its category and host unless the caller may see personal data'),
});
export type GraphNode = z.output<typeof graphNode>;

const graphEdge = z.object({
  type: z.enum(edgeTypeCodes),
  type_label: bilingual,
  source: z.string().describe('ref of the node the record names first (seller, lender, host …)'),
  target: z.string(),
  date: z.string().nullable().describe('The record’s date (registration, transfer, disbursement …); null for a standing relation'),
  amount: z.string().nullable().describe('Yuan, where the record has an amount (contract, transfer, loan, project budget)'),
});
export type GraphEdge = z.output<typeof graphEdge>;

export const neighbourhood = z.object({
  center: graphNode,
  hops: z.number().int().describe('Hops asked'),
  hops_shown: z.number().int().describe('Hops answered: fewer when the next hop would pass the limit'),
  truncated: z.boolean(),
  nodes: z.array(graphNode.extend({ depth: z.number().int() })),
  edges: z.array(graphEdge),
  data_version: z.string(),
});
export type Neighbourhood = z.output<typeof neighbourhood>;

export const graphPath = z.object({
  from: graphNode,
  to: graphNode,
  length: z.number().int(),
  steps: z.array(graphEdge.extend({ from: graphNode, to: graphNode, forward: z.boolean().describe('True when the step goes the way the record states (source → target)') })),
  data_version: z.string(),
});
export type GraphPath = z.output<typeof graphPath>;

export const centrality = z.object({
  measure: z.enum(['degree', 'pagerank']),
  items: z.array(z.object({ rank: z.number().int(), node: graphNode, score: z.number(), degree: z.number().int() })),
  data_version: z.string(),
});
export type Centrality = z.output<typeof centrality>;

export const communities = z.object({
  count: z.number().int().describe('Communities with more than one node'),
  modularity: z.number(),
  items: z.array(z.object({ rank: z.number().int(), size: z.number().int(), members: z.array(graphNode.extend({ degree: z.number().int() })) })),
  data_version: z.string(),
});
export type Communities = z.output<typeof communities>;

export const graphStats = z.object({
  node_count: z.number().int(),
  edge_count: z.number().int(),
  nodes: z.array(z.object({ kind: z.enum(nodeKindCodes), label: bilingual, count: z.number().int() })),
  edges: z.array(z.object({ type: z.enum(edgeTypeCodes), label: bilingual, count: z.number().int() })),
  build_ms: z.number().describe('Time to build the graph from the database'),
  bytes_per_edge: z.number().describe('Bytes of the CSR per stored edge slot'),
  data_version: z.string(),
});
export type GraphStats = z.output<typeof graphStats>;
