import { describe, expect, it } from 'vitest';
import { ALL_TYPES, EdgeTableBuilder, NodeIndex, UNDATED, admits, edgeTypeCodes, edgeTypeNumber, edgeTypes, kindsOfMask, nodeKindCodes, parseNodeRef, typeMask, typesOfMask } from './innovationGraph.js';

const index = () =>
  new NodeIndex({
    organization: Int32Array.from([3, 7, 40]),
    rd_institution: Int32Array.from([2]),
    platform: new Int32Array(0),
    project: Int32Array.from([1, 5]),
    achievement: Int32Array.from([9]),
    talent: Int32Array.from([4]),
    zone: Int32Array.from([1, 2]),
  });

describe('NodeIndex', () => {
  it('numbers every record densely, kind by kind, and maps both ways', () => {
    const nodes = index();
    expect(nodes.count).toBe(10);
    const all = Array.from({ length: nodes.count }, (_, n) => nodes.recordOf(n));
    expect(all.map((r) => `${r.kind}:${r.id}`)).toEqual(['organization:3', 'organization:7', 'organization:40', 'rd_institution:2', 'project:1', 'project:5', 'achievement:9', 'talent:4', 'zone:1', 'zone:2']);
    for (let n = 0; n < nodes.count; n++) expect(nodes.nodeOf(all[n]!.kind, all[n]!.id)).toBe(n);
  });

  it('answers -1 for a record it does not hold and refuses a number outside it', () => {
    const nodes = index();
    expect(nodes.nodeOf('organization', 8)).toBe(-1);
    expect(nodes.nodeOf('platform', 1)).toBe(-1);
    expect(nodes.nodeOf('organization', 41)).toBe(-1);
    expect(() => nodes.recordOf(10)).toThrow(RangeError);
    expect(() => nodes.recordOf(-1)).toThrow(RangeError);
  });

  it('maps many ids at once as nodeOf maps each, over dense and over sparse ids', () => {
    const sparse = Int32Array.from([5, 1_000_000, 2_000_000_000]);
    const dense = Int32Array.from({ length: 3000 }, (_, i) => 100 + 2 * i);
    const nodes = new NodeIndex({ ...Object.fromEntries(nodeKindCodes.map((k) => [k, new Int32Array(0)])), organization: dense, project: sparse } as Record<(typeof nodeKindCodes)[number], Int32Array>);
    const asked = Int32Array.from([100, 101, 99, 6098, 6100, 0, -5, 2_147_483_647, 5, 1_000_000, 2_000_000_000, 7]);
    for (const kind of ['organization', 'project', 'platform'] as const) {
      expect(Array.from(nodes.nodesOf(kind, asked))).toEqual(Array.from(asked, (id) => nodes.nodeOf(kind, id)));
    }
    expect(Array.from(nodes.nodesOf('project', Int32Array.from([1_000_000])))).toEqual([3001]);
  });
});

describe('edge types and filters', () => {
  it('gives every type a distinct bit that fits the Uint8 type array', () => {
    expect(edgeTypeCodes.length).toBeLessThanOrEqual(31);
    expect(typesOfMask(ALL_TYPES)).toEqual(edgeTypeCodes);
    expect(typesOfMask(typeMask(['contract', 'hosts']))).toEqual(['hosts', 'contract']);
    for (const t of edgeTypeCodes) for (const k of [...edgeTypes[t].from, ...edgeTypes[t].to]) expect(nodeKindCodes).toContain(k);
  });

  it('shows the kinds of the types a caller sees, and always the public registry’s', () => {
    expect([...kindsOfMask(typeMask(['hosts']))].sort()).toEqual(['organization', 'platform', 'rd_institution', 'zone']);
    expect(kindsOfMask(typeMask(['talent_host'])).has('talent')).toBe(true);
    expect(kindsOfMask(typeMask(['hosts'])).has('talent')).toBe(false);
  });

  it('admits an edge of a chosen type within the dates, and an undated one in any range', () => {
    const b = new EdgeTableBuilder();
    b.add(0, 1, edgeTypeNumber('contract'), 100, 5e6);
    b.add(0, 2, edgeTypeNumber('located_in_zone'), UNDATED, 1);
    const edges = b.table();
    const f = { mask: typeMask(['contract', 'located_in_zone']), fromDay: 50, toDay: 100 };
    expect(admits(edges, 0, f)).toBe(true);
    expect(admits(edges, 1, f)).toBe(true);
    expect(admits(edges, 0, { ...f, toDay: 99 })).toBe(false);
    expect(admits(edges, 0, { ...f, fromDay: 101, toDay: 200 })).toBe(false);
    expect(admits(edges, 1, { ...f, fromDay: 101, toDay: 200 })).toBe(true);
    expect(admits(edges, 0, { ...f, mask: typeMask(['located_in_zone']) })).toBe(false);
  });

  it('keeps every edge as the builder grows its arrays', () => {
    const b = new EdgeTableBuilder();
    for (let i = 0; i < 5000; i++) b.add(i, i + 1, i % 10, i - 2500, i * 0.5);
    const t = b.table();
    expect(t.count).toBe(5000);
    expect([t.sources[4999], t.targets[4999], t.types[4999], t.days[0], t.weights[4999]]).toEqual([4999, 5000, 9, -2500, 2499.5]);
    expect(t.sources.length).toBe(5000);
  });
});

describe('parseNodeRef', () => {
  it('reads kind:id for records and zones', () => {
    expect(parseNodeRef('organization:42')).toEqual({ kind: 'organization', id: '42' });
    expect(parseNodeRef('zone:xiangjiang_new_area')).toEqual({ kind: 'zone', id: 'xiangjiang_new_area' });
  });

  it('refuses an unknown kind, a missing colon and a bad id, naming the text', () => {
    for (const bad of ['company:1', '42', 'organization:0', 'organization:042', 'organization:1e3', 'organization:99999999999', 'zone:Bad Code']) {
      const v = parseNodeRef(bad);
      expect('code' in v, bad).toBe(true);
    }
    expect(parseNodeRef('company:1')).toMatchObject({ code: 'graph.node_ref', params: { value: 'company:1' } });
  });
});
