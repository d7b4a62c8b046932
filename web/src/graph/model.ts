import type { GraphSeriesOption } from 'echarts/charts';
import type { LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { Centrality, GraphPath, Neighbourhood } from '../../../src/contracts/innovationGraph';
import { edgeTypeCodes, edgeTypes, nodeKindCodes, nodeKinds, parseNodeRef, type EdgeType, type NodeKind } from '../../../src/domain/innovationGraph';

/**
 * The innovation graph page's pure part: its question as URL fields and as the API's query, the
 * ECharts graph of a neighbourhood (each node leading to its record page), the explained path and
 * the hubs table.
 */

export type GraphChartOption = ComposeOption<GraphSeriesOption | TooltipComponentOption | LegendComponentOption>;

export interface GraphState {
  /** kind:id of the entity in the middle, or '' before one is picked. */
  node: string;
  hops: 1 | 2 | 3;
  types: EdgeType[];
  /** First and last year of dated relations; null = no bound. */
  fromYear: number | null;
  toYear: number | null;
}

/**
 * Every relation but the zones': a zone joins every record located in it, so with it a second hop
 * reaches half a district and the graph stops at the first; a reader ticks it when it matters.
 */
export const DEFAULT_TYPES: readonly EdgeType[] = edgeTypeCodes.filter((t) => t !== 'located_in_zone');

export const defaultGraph: GraphState = { node: '', hops: 1, types: [...DEFAULT_TYPES], fromYear: null, toYear: null };

/** The same set of types, in any order. */
const sameTypes = (a: readonly EdgeType[], b: readonly EdgeType[]): boolean => a.length === b.length && a.every((t) => b.includes(t));

/** The API's `edge_types` of a set: none when it is every type (the API's own default). */
export const edgeTypesParam = (types: readonly EdgeType[]): Record<string, string> => (sameTypes(types, edgeTypeCodes) ? {} : { edge_types: types.join(',') });

const YEAR = /^(19|20)\d\d$/;

/** The page's question from its URL; what is missing or malformed keeps the default. */
export function readGraph(query: URLSearchParams): GraphState {
  const node = query.get('node') ?? '';
  const hops = Number(query.get('hops'));
  const types = (query.get('types') ?? '').split(',').filter((t): t is EdgeType => (edgeTypeCodes as readonly string[]).includes(t));
  const year = (key: string) => (YEAR.test(query.get(key) ?? '') ? Number(query.get(key)) : null);
  return {
    node: 'kind' in parseNodeRef(node) ? node : '',
    hops: hops === 2 || hops === 3 ? hops : 1,
    types: query.has('types') && types.length > 0 ? [...new Set(types)] : [...DEFAULT_TYPES],
    fromYear: year('from'),
    toYear: year('to'),
  };
}

/** The URL fields of a question (defaults left out, so a plain link stays plain). */
export function graphParams(s: GraphState): Record<string, string> {
  const out: Record<string, string> = {};
  if (s.node) out.node = s.node;
  if (s.hops !== 1) out.hops = String(s.hops);
  if (!sameTypes(s.types, DEFAULT_TYPES)) out.types = s.types.join(',');
  if (s.fromYear !== null) out.from = String(s.fromYear);
  if (s.toYear !== null) out.to = String(s.toYear);
  return out;
}

/** The neighbourhood request: the node's path and its query (the years as whole calendar days). */
export function neighbourhoodRequest(s: GraphState, limit: number): { path: string; query: Record<string, string> } | null {
  if (!s.node) return null;
  const [kind, id] = splitRef(s.node);
  const query: Record<string, string> = { hops: String(s.hops), limit: String(limit), ...edgeTypesParam(s.types) };
  if (s.fromYear !== null) query.from = `${s.fromYear}-01-01`;
  if (s.toYear !== null) query.to = `${s.toYear}-12-31`;
  return { path: `/graph/nodes/${kind}/${encodeURIComponent(id)}/neighbourhood`, query };
}

const splitRef = (ref: string): [NodeKind, string] => {
  const at = ref.indexOf(':');
  return [ref.slice(0, at) as NodeKind, ref.slice(at + 1)];
};

const RECORD_PAGES: Readonly<Record<Exclude<NodeKind, 'zone'>, string>> = {
  organization: '/organizations',
  rd_institution: '/rd-institutions',
  platform: '/platforms',
  project: '/projects',
  achievement: '/achievements',
  talent: '/talent-introductions',
};

/** Where a node leads: its record page, or for a zone the organizations located in it. */
export function recordUrl(ref: string): string {
  const [kind, id] = splitRef(ref);
  return kind === 'zone' ? `/organizations?filter=${encodeURIComponent(`zone:${id}`)}` : `${RECORD_PAGES[kind]}/${id}`;
}

/** One colour per kind, so a kind looks the same on every graph. */
const KIND_COLOURS: Readonly<Record<NodeKind, string>> = {
  organization: '#1677ff',
  rd_institution: '#13a8a8',
  platform: '#722ed1',
  project: '#d46b08',
  achievement: '#c41d7f',
  talent: '#389e0d',
  zone: '#8c8c8c',
};

/** What the chart draws, and where each node leads (by node index). */
export interface GraphChartModel {
  option: GraphChartOption;
  drill: string[];
}

/**
 * The neighbourhood as a force-laid-out graph: a category per node kind (legend, colour), the
 * centre larger, edges labelled with their type on hover.
 */
export function graphChart(n: Neighbourhood, side: 'zh' | 'en'): GraphChartModel {
  const kinds = nodeKindCodes.filter((k) => n.nodes.some((x) => x.kind === k));
  const index = new Map(n.nodes.map((x, i) => [x.ref, i]));
  const option: GraphChartOption = {
    tooltip: { confine: true },
    legend: [{ data: kinds.map((k) => nodeKinds[k][side]), bottom: 0 }],
    series: [
      {
        type: 'graph',
        layout: 'force',
        roam: true,
        draggable: true,
        force: { repulsion: 120, edgeLength: [40, 120] },
        label: { show: n.nodes.length <= 60, position: 'right', fontSize: 11 },
        categories: kinds.map((k) => ({ name: nodeKinds[k][side], itemStyle: { color: KIND_COLOURS[k] } })),
        data: n.nodes.map((x) => ({ name: x.name[side], id: x.ref, category: kinds.indexOf(x.kind), symbolSize: x.ref === n.center.ref ? 28 : Math.max(10, 20 - 4 * x.depth), value: nodeKinds[x.kind][side] })),
        links: n.edges.map((e) => ({ source: index.get(e.source)!, target: index.get(e.target)! })),
        tooltip: { formatter: (p) => tooltipText(n, side, p as { dataType?: string; dataIndex: number }) },
        edgeSymbol: ['none', 'arrow'],
        edgeSymbolSize: 6,
        lineStyle: { opacity: 0.6, curveness: 0.1 },
        emphasis: { focus: 'adjacency' },
      },
    ],
  };
  return { option, drill: n.nodes.map((x) => recordUrl(x.ref)) };
}

/** A node's name and kind, or an edge's relation, date and amount (ECharts escapes nothing: names are escaped here). */
export function tooltipText(n: Neighbourhood, side: 'zh' | 'en', p: { dataType?: string; dataIndex: number }): string {
  if (p.dataType === 'edge') {
    const e = n.edges[p.dataIndex];
    return e ? escapeHtml(edgeText(e, side)) : '';
  }
  const x = n.nodes[p.dataIndex];
  return x ? `${escapeHtml(x.name[side])}<br/>${escapeHtml(nodeKinds[x.kind][side])}` : '';
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** An edge in words: its type, and its date and amount where the record has them. */
export function edgeText(e: { type: EdgeType; date: string | null; amount: string | null }, side: 'zh' | 'en'): string {
  const parts: string[] = [edgeTypes[e.type].label[side]];
  if (e.date) parts.push(e.date);
  if (e.amount) parts.push(side === 'zh' ? `${formatAmount(e.amount)} 元` : `CNY ${formatAmount(e.amount)}`);
  return parts.join(' · ');
}

/** Yuan with thousands separators, the decimals as sent (no float on the way). */
export function formatAmount(yuan: string): string {
  const [whole = '0', cents] = yuan.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return cents && cents !== '00' ? `${grouped}.${cents}` : grouped;
}

export interface PathStepRow {
  key: number;
  from: { name: string; url: string };
  to: { name: string; url: string };
  /** "type · date · amount", and whether the step goes the way the record states it. */
  relation: string;
  forward: boolean;
}

/** The path's steps as table rows, each end linking to its record. */
export function pathRows(p: GraphPath, side: 'zh' | 'en'): PathStepRow[] {
  return p.steps.map((s, i) => ({
    key: i,
    from: { name: s.from.name[side], url: recordUrl(s.from.ref) },
    to: { name: s.to.name[side], url: recordUrl(s.to.ref) },
    relation: edgeText(s, side),
    forward: s.forward,
  }));
}

export interface HubRow {
  key: string;
  rank: number;
  name: string;
  kind: string;
  url: string;
  score: string;
  degree: number;
}

/** The hubs table: rank, name (to its record), kind, score to four significant digits, degree. */
export function hubRows(c: Centrality, side: 'zh' | 'en'): HubRow[] {
  return c.items.map((x) => ({ key: x.node.ref, rank: x.rank, name: x.node.name[side], kind: nodeKinds[x.node.kind][side], url: recordUrl(x.node.ref), score: x.score.toPrecision(4), degree: x.degree }));
}
