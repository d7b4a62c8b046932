import { connectedComponents as graphologyComponents } from 'graphology-components';
import { describe, expect, it } from 'vitest';
import { csrOf, edgeList, graphologyOf } from '../../../test/support/graphs.js';
import { connectedComponents } from './components.js';
import { uniformEdges } from './kronecker.js';
import { GraphWorkExceeded } from './workBound.js';

describe('connectedComponents', () => {
  it('numbers the parts by their lowest node, isolated nodes and self loops included', () => {
    const graph = csrOf(edgeList(8, [[3, 4], [0, 1], [4, 6], [5, 5], [1, 0]]));
    const parts = connectedComponents(graph);
    expect(Array.from(parts.component)).toEqual([0, 0, 1, 2, 2, 3, 2, 4]);
    expect(parts.count).toBe(5);
    expect(Array.from(parts.sizes)).toEqual([2, 1, 3, 1, 1]);
  });

  it('joins what a directed edge joins, whichever way it points', () => {
    const graph = csrOf(edgeList(4, [[1, 0], [2, 1], [2, 3]]));
    expect(connectedComponents(graph).count).toBe(1);
  });

  it('stops at its work bound', () => {
    const graph = csrOf(edgeList(4, [[1, 0], [2, 1], [2, 3]]));
    expect(() => connectedComponents(graph, { maxWork: 5 })).toThrow(GraphWorkExceeded);
    expect(connectedComponents(graph, { maxWork: 7 }).count).toBe(1);
  });

  it('finds the same parts as graphology on a sparse random graph', () => {
    const list = uniformEdges(2000, 1100, 5);
    const ours = connectedComponents(csrOf(list));
    const theirs = graphologyComponents(graphologyOf(list, 'directed'));
    expect(ours.count).toBe(theirs.length);
    // Same parts: each of graphology's components is one of ours, whole.
    const ourSets = theirs.map((part) => new Set(part.map((v) => ours.component[Number(v)])));
    expect(ourSets.every((s) => s.size === 1)).toBe(true);
    expect(theirs.map((part) => part.length).sort((a, b) => a - b)).toEqual(Array.from(ours.sizes).sort((a, b) => a - b));
  });
});
