import { describe, expect, it } from 'vitest';
import { csrOf, edgeList, graphologyLouvain, graphologyOf } from '../../../test/support/graphs.js';
import { randomBits, randomUnit, type EdgeList } from './kronecker.js';
import { louvain, modularity } from './louvain.js';
import { GraphWorkExceeded } from './workBound.js';

/** `groups` groups of `size` nodes, dense inside (p = 0.5), with `bridges` random edges between groups. */
function plantedGroups(groups: number, size: number, bridges: number, seed: number): EdgeList {
  const unit = randomUnit(randomBits(seed));
  const pairs: [number, number][] = [];
  for (let g = 0; g < groups; g++) {
    for (let i = 0; i < size; i++) for (let j = i + 1; j < size; j++) if (unit() < 0.5) pairs.push([g * size + i, g * size + j]);
  }
  const n = groups * size;
  for (let b = 0; b < bridges; b++) pairs.push([Math.floor(unit() * n), Math.floor(unit() * n)]);
  return edgeList(n, pairs);
}

describe('louvain', () => {
  it('splits two triangles joined by one edge into the two triangles', () => {
    const graph = csrOf(edgeList(6, [[0, 1], [1, 2], [2, 0], [3, 4], [4, 5], [5, 3], [2, 3]]), { undirected: true });
    const found = louvain(graph);
    expect(Array.from(found.community)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(found.count).toBe(2);
    // Two groups of 3 edges each and one bridge: Q = 2 × (3/7 − (7/14)²).
    expect(found.modularity).toBeCloseTo(2 * (3 / 7 - 0.25), 12);
  });

  it('keeps disconnected parts apart and counts a self loop at both its ends', () => {
    const graph = csrOf(edgeList(5, [[0, 1], [1, 1], [2, 3], [3, 4], [4, 2]]), { undirected: true });
    const found = louvain(graph);
    expect(Array.from(found.community)).toEqual([0, 0, 1, 1, 1]);
    // m = 5; community {0,1}: inside 2·1 + 2 (loop), degree 4; {2,3,4}: inside 6, degree 6.
    expect(found.modularity).toBeCloseTo(4 / 10 - (4 / 10) ** 2 + 6 / 10 - (6 / 10) ** 2, 12);
    expect(louvain(csrOf(edgeList(3, []), { undirected: true })).count).toBe(3);
  });

  it('weighs edges: a heavy edge keeps its ends together', () => {
    const list = edgeList(4, [[0, 1], [1, 2], [2, 3], [3, 0]]);
    const graph = csrOf(list, { undirected: true, edgeIds: true });
    const found = louvain(graph, { weights: Float64Array.from([10, 1, 10, 1]) });
    expect(Array.from(found.community)).toEqual([0, 0, 1, 1]);
  });

  it('recovers planted groups and stops at its work bound', () => {
    const graph = csrOf(plantedGroups(6, 12, 10, 1), { undirected: true, dropSelfLoops: true, dedupe: true });
    const found = louvain(graph);
    expect(found.count).toBe(6);
    for (let g = 0; g < 6; g++) expect(new Set(found.community.subarray(g * 12, g * 12 + 12)).size).toBe(1);
    expect(() => louvain(graph, { maxWork: 100 })).toThrow(GraphWorkExceeded);
  });

  it('reaches graphology’s modularity within 3 % on a noisy planted graph', () => {
    const list = plantedGroups(12, 20, 700, 9);
    const graph = csrOf(list, { undirected: true, dropSelfLoops: true, dedupe: true });
    const ours = louvain(graph);
    const theirs = graphologyLouvain.detailed(graphologyOf(list, 'undirected'), { rng: randomUnit(randomBits(3)) });
    const theirPartition = Uint32Array.from({ length: list.nodeCount }, (_, v) => theirs.communities[String(v)]!);
    // One yardstick for both partitions: ours, checked against graphology's own figure.
    expect(modularity(graph, theirPartition)).toBeCloseTo(theirs.modularity, 9);
    expect(ours.modularity).toBeGreaterThan(theirs.modularity * 0.97);
  });
});
