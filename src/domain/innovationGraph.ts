import { violation, type CodeList, type Message, type RuleViolation } from './message.js';
import type { Permission } from './permissions.js';

/**
 * The city's innovation graph (创新网络, issue 15): the registry's records as nodes, the relations
 * the records already state as typed, dated edges. Nothing here is stored: the graph is derived
 * from the records and rebuilt when they change. Pure: the server builds it, the web app reads the
 * labels.
 */

export const nodeKinds = {
  organization: { zh: '主体', en: 'Organization' },
  rd_institution: { zh: '研发机构', en: 'R&D institution' },
  platform: { zh: '创新平台', en: 'Innovation platform' },
  project: { zh: '攻关项目', en: 'Key-technology project' },
  achievement: { zh: '科技成果', en: 'Achievement' },
  talent: { zh: '引进人才', en: 'Introduced talent' },
  zone: { zh: '功能区', en: 'Zone' },
} as const satisfies CodeList<string>;
export type NodeKind = keyof typeof nodeKinds;
export const nodeKindCodes = Object.keys(nodeKinds) as [NodeKind, ...NodeKind[]];

/**
 * Each edge type: its label, the kinds it joins (from → to, the direction the record states), and
 * the read permission of the records it comes from. A caller sees an edge type only when that
 * permission reaches the whole city for it (`seesCitywide`), so the graph never shows a relation
 * the caller could not list.
 */
export const edgeTypes = {
  hosts: { label: { zh: '依托', en: 'Hosts' }, from: ['organization'], to: ['rd_institution', 'platform'], permission: 'registry.read' },
  lead_of_project: { label: { zh: '牵头项目', en: 'Leads project' }, from: ['organization'], to: ['project'], permission: 'achievements.read' },
  partner_in_project: { label: { zh: '参与项目', en: 'Partner in project' }, from: ['organization'], to: ['project'], permission: 'achievements.read' },
  produced_by: { label: { zh: '成果完成方', en: 'Produced by' }, from: ['achievement'], to: ['organization', 'rd_institution', 'platform', 'project'], permission: 'achievements.read' },
  contract: { label: { zh: '技术合同（卖方→买方）', en: 'Contract (seller → buyer)' }, from: ['organization'], to: ['organization'], permission: 'tech_contracts.read' },
  transfer: { label: { zh: '成果转化', en: 'Transfer' }, from: ['achievement'], to: ['organization'], permission: 'achievements.read' },
  incubated: { label: { zh: '孵化', en: 'Incubated' }, from: ['achievement', 'rd_institution'], to: ['organization'], permission: 'achievements.read' },
  loan: { label: { zh: '知识产权质押贷款（贷款方→借款方）', en: 'IP-backed loan (lender → borrower)' }, from: ['organization'], to: ['organization'], permission: 'ip_loans.read' },
  talent_host: { label: { zh: '人才引进单位', en: 'Talent’s host' }, from: ['talent'], to: ['organization'], permission: 'talent.read' },
  located_in_zone: { label: { zh: '位于功能区', en: 'Located in zone' }, from: ['organization', 'rd_institution', 'platform'], to: ['zone'], permission: 'registry.read' },
} as const satisfies Record<string, { label: Message; from: readonly NodeKind[]; to: readonly NodeKind[]; permission: Permission }>;
export type EdgeType = keyof typeof edgeTypes;
export const edgeTypeCodes = Object.keys(edgeTypes) as [EdgeType, ...EdgeType[]];
/** An edge type's number in the graph's Uint8Array of types: its position in `edgeTypeCodes`. */
export const edgeTypeNumber = (t: EdgeType): number => edgeTypeCodes.indexOf(t);

/** A set of edge types as a bit mask (bit n = type number n). */
export const typeMask = (types: readonly EdgeType[]): number => types.reduce((m, t) => m | (1 << edgeTypeNumber(t)), 0);
export const ALL_TYPES = typeMask(edgeTypeCodes);
export const typesOfMask = (mask: number): EdgeType[] => edgeTypeCodes.filter((t) => (mask & (1 << edgeTypeNumber(t))) !== 0);

/** The kinds of node a caller may see: those of the edge types it sees, plus the public registry's. */
export function kindsOfMask(mask: number): Set<NodeKind> {
  const kinds = new Set<NodeKind>(['organization', 'rd_institution', 'platform', 'zone']);
  for (const t of typesOfMask(mask)) for (const k of [...edgeTypes[t].from, ...edgeTypes[t].to]) kinds.add(k);
  return kinds;
}

/** A record's date as whole days since 1970-01-01 (an Int32); an edge without one carries UNDATED. */
export const UNDATED = -2_147_483_648;

/** Which edges a question follows: a set of types and, for dated edges, a closed range of days. */
export interface EdgeSelection {
  mask: number;
  fromDay: number;
  toDay: number;
}

/** The typed, dated edges, each in parallel typed arrays indexed by edge number. */
export interface EdgeTable {
  readonly count: number;
  readonly sources: Uint32Array;
  readonly targets: Uint32Array;
  readonly types: Uint8Array;
  readonly days: Int32Array;
  /** An amount in yuan where the record has one (contract, transfer, loan, project budget); else 1. */
  readonly weights: Float64Array;
}

/**
 * An edge passes a filter when its type is in the set and it lies in the date range; an undated
 * edge (an organization's zone, a partnership) is a standing relation and passes any range.
 */
export function admits(edges: EdgeTable, e: number, f: EdgeSelection): boolean {
  if ((f.mask & (1 << edges.types[e]!)) === 0) return false;
  const day = edges.days[e]!;
  return day === UNDATED || (day >= f.fromDay && day <= f.toDay);
}

/** Grows typed arrays as edges arrive; `table()` trims them to the count and ends the building. */
export class EdgeTableBuilder {
  private n = 0;
  private sources: Uint32Array;
  private targets: Uint32Array;
  private types: Uint8Array;
  private days: Int32Array;
  private weights: Float64Array;

  /** `capacity`: the edges expected, when known (no growing then). */
  constructor(capacity = 1024) {
    const size = Math.max(1, capacity);
    this.sources = new Uint32Array(size);
    this.targets = new Uint32Array(size);
    this.types = new Uint8Array(size);
    this.days = new Int32Array(size);
    this.weights = new Float64Array(size);
  }

  add(source: number, target: number, type: number, day: number, weight: number): void {
    if (this.n === this.sources.length) this.grow();
    const i = this.n++;
    this.sources[i] = source;
    this.targets[i] = target;
    this.types[i] = type;
    this.days[i] = day;
    this.weights[i] = weight;
  }

  table(): EdgeTable {
    const n = this.n;
    // Filled to its capacity, an array is handed over as it is (the builder is done with it).
    const trim = <T extends Uint32Array | Uint8Array | Int32Array | Float64Array>(a: T): T => (a.length === n ? a : (a.slice(0, n) as T));
    return { count: n, sources: trim(this.sources), targets: trim(this.targets), types: trim(this.types), days: trim(this.days), weights: trim(this.weights) };
  }

  private grow(): void {
    const size = this.sources.length * 2;
    const bigger = <T extends Uint32Array | Uint8Array | Int32Array | Float64Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(size);
      b.set(a);
      return b;
    };
    this.sources = bigger(this.sources, Uint32Array);
    this.targets = bigger(this.targets, Uint32Array);
    this.types = bigger(this.types, Uint8Array);
    this.days = bigger(this.days, Int32Array);
    this.weights = bigger(this.weights, Float64Array);
  }
}

/** `nodesOf` builds its lookup table while a kind's ids span at most this many times their count. */
const DENSE_SPAN = 4;

/**
 * The graph's dense node numbers (0 .. count-1) ↔ (kind, record id), both ways: each kind holds a
 * block of numbers, in the order of `nodeKindCodes`, and within it the record ids sorted ascending,
 * so a record's number is its kind's offset plus its rank (a binary search) and a number's record
 * is one array read. Zones, which are configured rather than stored, are numbered 1.. in the
 * city's list.
 */
export class NodeIndex {
  private readonly offsets: number[];

  constructor(private readonly ids: Readonly<Record<NodeKind, Int32Array>>) {
    this.offsets = [0];
    for (const k of nodeKindCodes) this.offsets.push(this.offsets.at(-1)! + ids[k].length);
  }

  get count(): number {
    return this.offsets.at(-1)!;
  }

  countOf(kind: NodeKind): number {
    return this.ids[kind].length;
  }

  /** The node of a record, or -1 when the graph has no such record. */
  nodeOf(kind: NodeKind, id: number): number {
    const ids = this.ids[kind];
    let lo = 0;
    let hi = ids.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = ids[mid]!;
      if (at === id) return this.offsets[nodeKindCodes.indexOf(kind)]! + mid;
      if (at < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * The nodes of many records of one kind at once, -1 where the graph has no such record: through
   * a table over the kind's id range when the ids are dense enough for it (a build maps millions of
   * edge ends: one array read each instead of a binary search), else a binary search each.
   */
  nodesOf(kind: NodeKind, ids: Int32Array): Int32Array {
    const sorted = this.ids[kind];
    const out = new Int32Array(ids.length).fill(-1);
    if (sorted.length === 0) return out;
    const first = sorted[0]!;
    const span = sorted[sorted.length - 1]! - first + 1;
    if (span > DENSE_SPAN * sorted.length + 1024) {
      for (let i = 0; i < ids.length; i++) out[i] = this.nodeOf(kind, ids[i]!);
      return out;
    }
    const base = this.offsets[nodeKindCodes.indexOf(kind)]!;
    const table = new Int32Array(span).fill(-1);
    for (let j = 0; j < sorted.length; j++) table[sorted[j]! - first] = base + j;
    for (let i = 0; i < ids.length; i++) {
      const at = ids[i]! - first;
      if (at >= 0 && at < span) out[i] = table[at]!;
    }
    return out;
  }

  /** The record of a node number. */
  recordOf(node: number): { kind: NodeKind; id: number } {
    if (!(node >= 0 && node < this.count)) throw new RangeError(`node ${node} is outside 0 .. ${this.count - 1}`);
    let k = 0;
    while (this.offsets[k + 1]! <= node) k++;
    return { kind: nodeKindCodes[k]!, id: this.ids[nodeKindCodes[k]!][node - this.offsets[k]!]! };
  }

  kindOf(node: number): NodeKind {
    return this.recordOf(node).kind;
  }
}

/** A node as the API names it: `kind:id` (organization:42, zone:xiangjiang_new_area). */
export interface NodeRef {
  kind: NodeKind;
  /** A record id in decimal, or a zone's code. */
  id: string;
}

export const formatNodeRef = (ref: NodeRef): string => `${ref.kind}:${ref.id}`;

/** Reads `kind:id`; the id must be a decimal record id, or a zone's code (checked against the city later). */
export function parseNodeRef(text: string): NodeRef | RuleViolation {
  const at = text.indexOf(':');
  const kind = text.slice(0, at);
  const id = text.slice(at + 1);
  if (at < 0 || !(nodeKindCodes as readonly string[]).includes(kind))
    return violation('graph.node_ref', `“${text}”不是节点：应为“类型:编号”，类型为 ${nodeKindCodes.join(', ')} 之一`, `"${text}" is not a node: write kind:id, the kind one of ${nodeKindCodes.join(', ')}`, { value: text });
  const idViolation = checkNodeId(kind as NodeKind, id);
  return idViolation ?? { kind: kind as NodeKind, id };
}

/** A record id is a positive decimal integer; a zone's id is its code (lower-case slug). */
export function checkNodeId(kind: NodeKind, id: string): RuleViolation | null {
  const ok = kind === 'zone' ? /^[a-z0-9_]{1,64}$/.test(id) : /^[1-9][0-9]{0,9}$/.test(id) && Number(id) <= 2_147_483_647;
  if (ok) return null;
  return kind === 'zone'
    ? violation('graph.zone_code', `“${id}”不是功能区代码`, `"${id}" is not a zone code`, { value: id })
    : violation('id.invalid', '编号应为不以 0 开头的十进制正整数', 'An id is a positive whole number in decimal digits, without a leading zero', { value: id });
}
