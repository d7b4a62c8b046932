import type { GraphEdge, GraphNode, GraphPath, GraphStats, Neighbourhood, NeighbourhoodQuery, PathQuery } from '../../contracts/innovationGraph.js';
import { dateOfDayNumber, dayNumber } from '../../domain/calendarDate.js';
import { kHop, slotsAmong } from '../../domain/graph/kHop.js';
import { shortestPath } from '../../domain/graph/shortestPath.js';
import { GraphWorkExceeded } from '../../domain/graph/workBound.js';
import { admits, checkNodeId, edgeTypeCodes, edgeTypes, formatNodeRef, kindsOfMask, nodeKindCodes, nodeKinds, parseNodeRef, typeMask, typesOfMask, UNDATED, type EdgeSelection, type EdgeType, type NodeKind, type NodeRef } from '../../domain/innovationGraph.js';
import { reachOf, type Permission } from '../../domain/permissions.js';
import { seesPersonalData, talentCategories, type TalentCategory } from '../../domain/talent.js';
import { zoneName } from '../../domain/zone.js';
import type { ServiceContext } from '../shared/context.js';
import { AppError, validationFailed } from '../shared/errors.js';
import { forbidden } from '../shared/accessErrors.js';
import type { Principal } from '../shared/principal.js';
import { areaScope, maskedName, type AreaScope } from './area.js';
import { nodeNames } from './queries.js';
import type { InnovationGraph, InnovationGraphStore } from './store.js';

/** Work bounds (nodes visited + edge slots scanned): past them a question is refused (422), never left running. */
export const NEIGHBOURHOOD_WORK = 2_000_000;
export const PATH_WORK = 4_000_000;

/** What a caller sees of the graph: the edge types whose records it reads, its area, and talent's names or not. */
export interface GraphView {
  graph: InnovationGraph;
  /** The types the question follows. */
  mask: number;
  /** Every type the caller may see: the kinds of node it may name follow from these, whatever the question asks. */
  visible: number;
  personal: boolean;
  /** An area officer's area (its records and their direct relations; see area.ts); null for the whole city. */
  area: AreaScope | null;
}

/** Whether the caller reads these records across its whole view: the city, or (an area officer, whose view is its area) its area. */
const seesInView = (p: Principal, permission: Permission): boolean => {
  const reach = reachOf(p, permission);
  return reach === 'all' || reach === 'area';
};

/** The edge types a caller may see: those whose records' read permission reaches the whole city, or for an area officer its area. */
export const visibleMask = (p: Principal): number => typeMask(edgeTypeCodes.filter((t) => seesInView(p, edgeTypes[t].permission)));

/** The types a question names (all the caller sees when it names none); naming a type it may not see is a 403. */
function selectedMask(p: Principal, edgeTypesParam: string | undefined): number {
  const visible = visibleMask(p);
  if (edgeTypesParam === undefined) return visible;
  const asked = edgeTypesParam.split(',').map((s) => s.trim()).filter(Boolean) as EdgeType[];
  const hidden = asked.filter((t) => (visible & typeMask([t])) === 0);
  if (hidden.length > 0)
    throw new AppError('forbidden', { zh: '无权查看这些关系', en: 'Forbidden' }, [
      {
        field: 'edge_types',
        code: 'graph.edge_type_forbidden',
        message: { zh: `无权在全市范围查看关系：${hidden.join(', ')}`, en: `Not allowed to read these relations city-wide: ${hidden.join(', ')}` },
        params: { value: hidden.join(', ') },
      },
    ]);
  return typeMask(asked);
}

/** An organization user (achievements.read of its own) is refused: the graph joins other organizations' records. */
export async function viewOf(ctx: ServiceContext, store: InnovationGraphStore, p: Principal, edgeTypesParam?: string): Promise<GraphView> {
  if (reachOf(p, 'achievements.read') === 'own') throw forbidden(p, 'achievements.read', 'organization');
  const mask = selectedMask(p, edgeTypesParam);
  const graph = await store.graph();
  return { graph, mask, visible: visibleMask(p), personal: seesPersonalData(p), area: await areaScope(ctx.db, graph, p) };
}

/** A 403 on `field` unless the caller may see nodes of this kind (talent needs talent.read city-wide …). */
export function checkKindVisible(view: GraphView, kind: NodeKind, field: string): void {
  if (kindsOfMask(view.visible).has(kind)) return;
  throw new AppError('forbidden', { zh: '无权查看此类节点', en: 'Forbidden' }, [{ field, code: 'graph.node_kind_forbidden', message: { zh: `无权查看${nodeKinds[kind].zh}节点`, en: `Not allowed to see ${nodeKinds[kind].en.toLowerCase()} nodes` }, params: { value: kind } }]);
}

/** The number of a node the caller names, or a 403 (a kind it may not see) or a 404 naming it. */
function nodeNumber(view: GraphView, ref: NodeRef, field: string): number {
  const text = formatNodeRef(ref);
  checkKindVisible(view, ref.kind, field);
  const { nodes, zones } = view.graph;
  const n = ref.kind === 'zone' ? nodes.nodeOf('zone', zones.indexOf(ref.id) + 1) : nodes.nodeOf(ref.kind, Number(ref.id));
  if (n < 0)
    throw new AppError('not_found', { zh: '节点不存在', en: 'Node not found' }, [{ field, code: 'graph.node_unknown', message: { zh: `创新网络中没有节点 ${text}`, en: `The graph has no node ${text}` }, params: { value: text } }], `No node ${text}`);
  if (view.area && !view.area.inside[n])
    throw new AppError('forbidden', { zh: '超出辖区', en: 'Outside your area' }, [{ field, code: 'graph.node_outside_area', message: { zh: `节点 ${text} 不在您的辖区内`, en: `The node ${text} lies outside your area` }, params: { value: text } }]);
  return n;
}

/** A query stopped by its work bound as a 422 on the field that sets its work; any other failure as it is. */
export function tooMuchWork(e: unknown, field: string): never {
  if (!(e instanceof GraphWorkExceeded)) throw e;
  throw new AppError('unprocessable', { zh: '查询超出计算上限', en: 'The question needs too much work' }, [
    {
      field,
      code: 'graph.work_bound',
      message: { zh: `该查询需要超过 ${e.bound} 步计算；请减少跳数或关系类型`, en: `This question needs more than ${e.bound} units of work; ask fewer hops or edge types` },
      params: { bound: e.bound },
    },
  ]);
}

/** Names of the nodes, one statement per kind present; zones from the city's configuration. */
export async function labelled(ctx: ServiceContext, view: GraphView, ns: readonly number[]): Promise<Map<number, GraphNode>> {
  const { nodes, zones } = view.graph;
  const byKind = new Map<NodeKind, Map<number, number>>();
  for (const n of ns) {
    const { kind, id } = nodes.recordOf(n);
    if (!byKind.has(kind)) byKind.set(kind, new Map());
    byKind.get(kind)!.set(id, n);
  }
  const out = new Map<number, GraphNode>();
  for (const [kind, ids] of byKind) {
    for (const [id, n] of ids) {
      if (kind === 'zone' || !view.area || view.area.inside[n]) continue;
      out.set(n, { ref: `${kind}:${id}`, kind, id: String(id), name: maskedName(kind) });
      ids.delete(id);
    }
    if (kind === 'zone') {
      for (const [id, n] of ids) {
        const code = zones[id - 1]!;
        out.set(n, { ref: `zone:${code}`, kind, id: code, name: zoneName(ctx.city, code) ?? { zh: code, en: code } });
      }
      continue;
    }
    for (const row of await nodeNames(ctx.db, kind, [...ids.keys()])) {
      const n = ids.get(row.id)!;
      out.set(n, { ref: `${kind}:${row.id}`, kind, id: String(row.id), name: kind === 'talent' ? talentName(row, view.personal) : { zh: row.name, en: row.name_en ?? row.name } });
    }
  }
  return out;
}

/** A person's name only for a caller who may see personal data (PIPL); else the category and the host. */
function talentName(row: { name: string; category?: string; host_name?: string }, personal: boolean): GraphNode['name'] {
  if (personal) return { zh: row.name, en: row.name };
  const category = talentCategories[row.category as TalentCategory] ?? { zh: row.category ?? '', en: row.category ?? '' };
  return { zh: `${category.zh}（${row.host_name}）`, en: `${category.en} (${row.host_name})` };
}

/** A node whose record went between the graph's build and the names' read: named by its ref. */
export const nodeOrRef = (view: GraphView, names: Map<number, GraphNode>, n: number): GraphNode => {
  const known = names.get(n);
  if (known) return known;
  const { kind, id } = view.graph.nodes.recordOf(n);
  return { ref: `${kind}:${id}`, kind, id: String(id), name: { zh: `${kind}:${id}`, en: `${kind}:${id}` } };
};

const MONEY_TYPES: ReadonlySet<EdgeType> = new Set(['contract', 'transfer', 'loan', 'lead_of_project']);

function presentEdge(view: GraphView, names: Map<number, GraphNode>, e: number): GraphEdge {
  const { edges } = view.graph;
  const type = edgeTypeCodes[edges.types[e]!]!;
  const day = edges.days[e]!;
  return {
    type,
    type_label: edgeTypes[type].label,
    source: nodeOrRef(view, names, edges.sources[e]!).ref,
    target: nodeOrRef(view, names, edges.targets[e]!).ref,
    date: day === UNDATED ? null : dateOfDayNumber(day),
    amount: MONEY_TYPES.has(type) && sharedInFull(view, e) ? edges.weights[e]!.toFixed(2) : null,
  };
}

/** Whether an edge's amount may be shown: both its ends lie in the caller's view. */
const sharedInFull = (view: GraphView, e: number): boolean => !view.area || (view.area.inside[view.graph.edges.sources[e]!] === 1 && view.area.inside[view.graph.edges.targets[e]!] === 1);

/** Whether an edge has an end in the caller's area (every edge for a city-wide caller): the only ones a question follows. */
export const inView = (view: GraphView, e: number): boolean => !view.area || view.area.inside[view.graph.edges.sources[e]!] === 1 || view.area.inside[view.graph.edges.targets[e]!] === 1;

/** The edge test of a question: its types, its days when given, and the caller's area. */
function selection(view: GraphView, from?: string, to?: string): (e: number) => boolean {
  const f: EdgeSelection = { mask: view.mask, fromDay: from ? dayNumber(from) : -2_147_483_647, toDay: to ? dayNumber(to) : 2_147_483_647 };
  const { edges } = view.graph;
  return (e) => admits(edges, e, f) && inView(view, e);
}

/** The path parameters as a node, or the 400 of a bad id for its kind. */
export function nodeRefOf(kind: NodeKind, id: string): NodeRef {
  const bad = checkNodeId(kind, id);
  if (bad) throw validationFailed([{ field: 'id', ...bad }]);
  return { kind, id };
}

/**
 * GET /graph/nodes/{kind}/{id}/neighbourhood: the nodes within the hops over the chosen edges, and
 * the edges among them. The hops grow one at a time; when the next would pass `limit` nodes, the
 * answer stops at the last whole hop (truncated) rather than showing half a hop.
 */
export async function neighbourhoodOf(ctx: ServiceContext, view: GraphView, ref: NodeRef, q: NeighbourhoodQuery): Promise<Neighbourhood> {
  if (q.from && q.to && q.from > q.to)
    throw validationFailed([{ field: 'to', code: 'date_range.reversed', message: { zh: `结束日期 ${q.to} 早于开始日期 ${q.from}`, en: `The end ${q.to} is before the start ${q.from}` }, params: { from: q.from, to: q.to } }]);
  const center = nodeNumber(view, ref, 'id');
  const allowEdge = selection(view, q.from, q.to);
  const { csr } = view.graph;
  let reached = { nodes: [center], hops: [0] };
  let shown = 0;
  let truncated = false;
  try {
    for (let h = 1; h <= q.hops; h++) {
      const next = tryHop(() => kHop(csr, center, h, { allowEdge, maxNodes: q.limit, maxWork: NEIGHBOURHOOD_WORK }));
      if (!next) {
        truncated = true;
        break;
      }
      const grew = next.nodes.length > reached.nodes.length;
      reached = next;
      shown = h;
      // Nothing new at this hop: nothing further either.
      if (!grew) {
        shown = q.hops;
        break;
      }
    }
  } catch (e) {
    tooMuchWork(e, 'hops');
  }
  const edgeIds = [...new Set(slotsAmong(csr, reached.nodes, { allowEdge }).map((s) => csr.edgeIds[s]!))].sort((a, b) => a - b);
  const names = await labelled(ctx, view, reached.nodes);
  return {
    center: nodeOrRef(view, names, center),
    hops: q.hops,
    hops_shown: shown,
    truncated,
    nodes: reached.nodes.map((n, i) => ({ ...nodeOrRef(view, names, n), depth: reached.hops[i]! })),
    edges: edgeIds.map((e) => presentEdge(view, names, e)),
    data_version: view.graph.version,
  };
}

/** A k-hop result, or null when it holds more nodes than allowed (the work bound still throws). */
function tryHop<T>(run: () => T): T | null {
  try {
    return run();
  } catch (e) {
    if (e instanceof GraphWorkExceeded && e.unit === 'nodes') return null;
    throw e;
  }
}

/** GET /graph/path: a shortest path (fewest edges) between two entities, each step's record explained; 404 when none joins them. */
export async function pathBetween(ctx: ServiceContext, view: GraphView, q: PathQuery): Promise<GraphPath> {
  const fromRef = parseNodeRef(q.from) as NodeRef;
  const toRef = parseNodeRef(q.to) as NodeRef;
  const a = nodeNumber(view, fromRef, 'from');
  const b = nodeNumber(view, toRef, 'to');
  const { csr, edges } = view.graph;
  let path: ReturnType<typeof shortestPath>;
  try {
    path = shortestPath(csr, a, b, { incoming: csr, allowEdge: selection(view), maxWork: PATH_WORK });
  } catch (e) {
    tooMuchWork(e, 'edge_types');
  }
  if (!path)
    throw new AppError('not_found', { zh: '两者之间没有关联', en: 'Not connected' }, [
      {
        field: 'to',
        code: 'graph.not_connected',
        message: { zh: `沿所选关系，${q.from} 与 ${q.to} 之间没有路径`, en: `No path joins ${q.from} and ${q.to} along the chosen relations` },
        params: { from: q.from, to: q.to },
      },
    ]);
  const names = await labelled(ctx, view, path.nodes);
  const steps = path.slots.map((slot, i) => {
    const e = csr.edgeIds[slot]!;
    const from = path.nodes[i]!;
    return { ...presentEdge(view, names, e), from: nodeOrRef(view, names, from), to: nodeOrRef(view, names, path.nodes[i + 1]!), forward: edges.sources[e] === from };
  });
  return { from: nodeOrRef(view, names, a), to: nodeOrRef(view, names, b), length: steps.length, steps, data_version: view.graph.version };
}

/** GET /graph/stats: how big the graph is, of what, and what it cost — of the kinds and types the caller sees. */
export function statsOf(view: GraphView): GraphStats {
  const { nodes, edges } = view.graph;
  const counts = new Array<number>(edgeTypeCodes.length).fill(0);
  for (let e = 0; e < edges.count; e++) counts[edges.types[e]!]!++;
  const types = typesOfMask(view.mask);
  const kinds = nodeKindCodes.filter((k) => kindsOfMask(view.mask).has(k));
  return {
    node_count: kinds.reduce((s, k) => s + nodes.countOf(k), 0),
    edge_count: types.reduce((s, t) => s + counts[edgeTypeCodes.indexOf(t)]!, 0),
    nodes: kinds.map((kind) => ({ kind, label: nodeKinds[kind], count: nodes.countOf(kind) })),
    edges: types.map((type) => ({ type, label: edgeTypes[type].label, count: counts[edgeTypeCodes.indexOf(type)]! })),
    build_ms: Math.round(view.graph.buildMs * 10) / 10,
    bytes_per_edge: Math.round(view.graph.bytesPerEdge * 100) / 100,
    data_version: view.graph.version,
  };
}
