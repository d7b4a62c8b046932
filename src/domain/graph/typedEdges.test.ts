import { describe, expect, it } from 'vitest';
import { buildCsr } from './csr.js';
import { admittedEdges, filteredNeighbourhood, filteredShortestPath } from './typedEdges.js';
import { GraphWorkExceeded } from './workBound.js';

/**
 * A small undirected graph with two kinds of edge ("red" = even edge numbers, "blue" = odd):
 *
 *   0 -e0- 1 -e1- 2 -e2- 3 -e3- 4        and a shortcut 0 -e5- 4 (blue), 5 alone -e4- 6
 */
const sources = Uint32Array.from([0, 1, 2, 3, 5, 0]);
const targets = Uint32Array.from([1, 2, 3, 4, 6, 4]);
const graph = buildCsr(7, sources, targets, { undirected: true, edgeIds: true }) as ReturnType<typeof buildCsr> & { edgeIds: Uint32Array };
const all = () => true;
const red = (e: number) => e % 2 === 0;

describe('filteredNeighbourhood', () => {
  it('reaches the nodes within the hops, nearest first, with the edges among them', () => {
    const n = filteredNeighbourhood(graph, 0, 1, all, { maxNodes: 100 });
    expect(Array.from(n.nodes)).toEqual([0, 1, 4]);
    expect(Array.from(n.depth)).toEqual([0, 1, 1]);
    expect(Array.from(n.edges)).toEqual([0, 5]);
    expect(n.truncated).toBe(false);
    const two = filteredNeighbourhood(graph, 0, 2, all, { maxNodes: 100 });
    expect(Array.from(two.nodes).sort()).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(two.edges)).toEqual([0, 1, 2, 3, 5]);
  });

  it('follows only the admitted edges', () => {
    const n = filteredNeighbourhood(graph, 0, 3, red, { maxNodes: 100 });
    // 0 -e0- 1 and then e1 (blue) stops the walk; the blue shortcut e5 is not taken.
    expect(Array.from(n.nodes)).toEqual([0, 1]);
    expect(Array.from(n.edges)).toEqual([0]);
  });

  it('stops at maxNodes and says so', () => {
    const n = filteredNeighbourhood(graph, 2, 3, all, { maxNodes: 3 });
    expect(Array.from(n.nodes)).toEqual([2, 1, 3]);
    expect(n.truncated).toBe(true);
  });

  it('throws past its work bound rather than running on', () => {
    expect(() => filteredNeighbourhood(graph, 0, 3, all, { maxNodes: 100, maxWork: 4 })).toThrow(GraphWorkExceeded);
  });

  it('answers an isolated start with itself', () => {
    const n = filteredNeighbourhood(graph, 5, 2, red, { maxNodes: 10 });
    expect(Array.from(n.nodes)).toEqual([5, 6]);
    expect(Array.from(n.edges)).toEqual([4]);
  });
});

describe('filteredShortestPath', () => {
  it('takes the fewest edges and names each', () => {
    expect(filteredShortestPath(graph, 1, 4, all)).toEqual({ nodes: [1, 0, 4], edges: [0, 5] });
    expect(filteredShortestPath(graph, 3, 3, all)).toEqual({ nodes: [3], edges: [] });
  });

  it('goes the long way when the shortcut’s type is left out, and finds none when nothing joins', () => {
    const noShortcut = (e: number) => e !== 5;
    expect(filteredShortestPath(graph, 0, 4, noShortcut)).toEqual({ nodes: [0, 1, 2, 3, 4], edges: [0, 1, 2, 3] });
    expect(filteredShortestPath(graph, 0, 4, red)).toBeNull();
    expect(filteredShortestPath(graph, 0, 6, all)).toBeNull();
  });

  it('throws past its work bound', () => {
    expect(() => filteredShortestPath(graph, 0, 3, (e) => e !== 5, { maxWork: 3 })).toThrow(GraphWorkExceeded);
  });
});

describe('admittedEdges', () => {
  it('keeps the admitted edges with their numbers', () => {
    const sub = admittedEdges(sources, targets, red);
    expect(Array.from(sub.ids)).toEqual([0, 2, 4]);
    expect(Array.from(sub.sources)).toEqual([0, 2, 5]);
    expect(Array.from(sub.targets)).toEqual([1, 3, 6]);
  });
});
