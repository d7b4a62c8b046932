import { describe, expect, it } from 'vitest';
import { csrOf, edgeList } from '../../../test/support/graphs.js';
import { kHop, slotsAmong } from './kHop.js';
import { GraphWorkExceeded } from './workBound.js';

// 0 - 1 - 2 - 3 - 4 (a path), 1 - 5 (a branch) and 6 alone; edge i is the i-th pair.
const pairs: [number, number][] = [[0, 1], [1, 2], [2, 3], [3, 4], [1, 5]];
const graph = csrOf(edgeList(7, pairs), { undirected: true, edgeIds: true });
const reached = (hood: { nodes: number[]; hops: number[] }) => Object.fromEntries(hood.nodes.map((v, i) => [v, hood.hops[i]]));

describe('kHop', () => {
  it('reaches the nodes within k hops, each with its distance and the edge it came by', () => {
    const hood = kHop(graph, 1, 2);
    expect(reached(hood)).toEqual({ 0: 1, 1: 0, 2: 1, 3: 2, 5: 1 });
    const via = hood.viaSlot.map((slot) => (slot < 0 ? -1 : graph.edgeIds![slot]));
    expect(via[hood.nodes.indexOf(3)]).toBe(2);
    expect(via[hood.nodes.indexOf(1)]).toBe(-1);
  });

  it('starts from several sources and stops at k = 0', () => {
    expect(reached(kHop(graph, [0, 4], 1))).toEqual({ 0: 0, 4: 0, 1: 1, 3: 1 });
    expect(kHop(graph, 6, 0).nodes).toEqual([6]);
    expect(kHop(graph, 6, 3).nodes).toEqual([6]);
  });

  it('follows only the edges the mask and the callback allow', () => {
    const mask = Uint8Array.from([1, 1, 0, 1, 1]);
    expect(reached(kHop(graph, 0, 5, { edgeMask: mask }))).toEqual({ 0: 0, 1: 1, 2: 2, 5: 2 });
    expect(reached(kHop(graph, 0, 5, { allowEdge: (id) => id !== 4 }))).toEqual({ 0: 0, 1: 1, 2: 2, 3: 3, 4: 4 });
  });

  it('stops with a typed error past maxNodes or maxWork, and rejects bad input', () => {
    expect(() => kHop(graph, 0, 4, { maxNodes: 3 })).toThrow(expect.objectContaining({ code: 'graph_work_exceeded', unit: 'nodes', bound: 3 }));
    expect(kHop(graph, 0, 4, { maxNodes: 6 }).nodes).toHaveLength(6);
    expect(() => kHop(graph, 0, 4, { maxWork: 3 })).toThrow(GraphWorkExceeded);
    expect(() => kHop(graph, 7, 1)).toThrow(RangeError);
    expect(() => kHop(graph, 0, -1)).toThrow(RangeError);
  });
});

describe('slotsAmong', () => {
  it('lists the edges between the given nodes, both slots of an undirected edge', () => {
    const ids = slotsAmong(graph, [1, 2, 5]).map((slot) => graph.edgeIds![slot]);
    expect(ids.sort()).toEqual([1, 1, 4, 4]);
    expect(slotsAmong(graph, [1, 2, 5], { edgeMask: Uint8Array.from([1, 0, 1, 1, 1]) }).map((slot) => graph.edgeIds![slot])).toEqual([4, 4]);
  });
});
