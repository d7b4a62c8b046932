import { degreeCentrality as graphologyDegree } from 'graphology-metrics/centrality/degree.js';
import { describe, expect, it } from 'vitest';
import { csrOf, directedOf, edgeList, graphologyOf, graphologyPageRank } from '../../../test/support/graphs.js';
import { degreeCentrality, pageRank } from './centrality.js';
import { kroneckerEdges } from './kronecker.js';
import { GraphWorkExceeded } from './workBound.js';

describe('degreeCentrality', () => {
  it('divides the degree by the n - 1 other nodes, in and out added when given the in-edges', () => {
    const { graph, incoming } = directedOf(edgeList(5, [[0, 1], [0, 2], [0, 3], [0, 4], [4, 0]]));
    expect(Array.from(degreeCentrality(graph))).toEqual([1, 0, 0, 0, 0.25]);
    expect(Array.from(degreeCentrality(graph, incoming))).toEqual([1.25, 0.25, 0.25, 0.25, 0.5]);
  });

  it('agrees with graphology on a Kronecker graph', () => {
    const list = kroneckerEdges(8, 2);
    const { graph, incoming } = directedOf(list, { dropSelfLoops: true, dedupe: true });
    const theirs = graphologyDegree(graphologyOf(list, 'directed'));
    const ours = degreeCentrality(graph, incoming);
    expect(Array.from(ours, (_, v) => theirs[String(v)])).toEqual(Array.from(ours));
  });
});

describe('pageRank', () => {
  it('ranks a directed cycle evenly and the hub of a star highest', () => {
    const cycle = pageRank(csrOf(edgeList(4, [[0, 1], [1, 2], [2, 3], [3, 0]])));
    for (const r of cycle.rank) expect(r).toBeCloseTo(0.25, 12);
    const star = pageRank(csrOf(edgeList(4, [[1, 0], [2, 0], [3, 0]])));
    expect(star.converged).toBe(true);
    expect(star.rank.reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    expect(star.rank[0]).toBeGreaterThan(star.rank[1]! * 2);
    expect(star.rank[1]).toBeCloseTo(star.rank[3]!, 12);
  });

  it('lets heavier edges carry more rank', () => {
    const graph = csrOf(edgeList(3, [[0, 1], [0, 2], [1, 0], [2, 0]]), { edgeIds: true });
    const { rank } = pageRank(graph, { weights: Float64Array.from([3, 1, 1, 1]) });
    expect(rank[1]).toBeGreaterThan(rank[2]!);
    expect(() => pageRank(graph, { weights: Float64Array.from([-1, 1, 1, 1]) })).toThrow(RangeError);
  });

  it('stops at its work bound, or reports that it did not converge in maxIterations', () => {
    const graph = csrOf(edgeList(3, [[0, 1], [1, 2]]));
    expect(() => pageRank(graph, { maxWork: 10 })).toThrow(GraphWorkExceeded);
    expect(pageRank(graph, { maxIterations: 1, tolerance: 0 })).toMatchObject({ iterations: 1, converged: false });
  });

  it('matches graphology within 1e-6 on a Kronecker graph with dangling nodes', () => {
    const list = kroneckerEdges(9, 4);
    const graph = csrOf(list, { dropSelfLoops: true, dedupe: true });
    const theirs = graphologyPageRank(graphologyOf(list, 'directed'), { getEdgeWeight: null });
    const ours = pageRank(graph);
    expect(ours.converged).toBe(true);
    const gap = Math.max(...Array.from(ours.rank, (r, v) => Math.abs(r - theirs[String(v)]!)));
    expect(gap).toBeLessThan(1e-6);
  });
});
