import { bfsFromNode } from 'graphology-traversal';
import { describe, expect, it } from 'vitest';
import { csrOf, directedOf, edgeList, graphologyOf } from '../../../test/support/graphs.js';
import { bfs, type BfsTree } from './bfs.js';
import type { CsrGraph } from './csr.js';
import { kroneckerEdges, uniformEdges } from './kronecker.js';
import { GraphWorkExceeded } from './workBound.js';

const levels = (tree: BfsTree) => Array.from(tree.level);

/** Every reached node's parent is one level up and has an edge to it; the root is its own parent. */
function expectValidTree(graph: CsrGraph, root: number, tree: BfsTree): void {
  expect(tree.parent[root]).toBe(root);
  const wrong: number[] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    if (v === root || tree.level[v]! < 0) continue;
    const p = tree.parent[v]!;
    const row = graph.targets.subarray(graph.offsets[p]!, graph.offsets[p + 1]!);
    if (tree.level[p] !== tree.level[v]! - 1 || !row.includes(v)) wrong.push(v);
  }
  expect(wrong).toEqual([]);
}

describe('bfs on small graphs', () => {
  it('numbers a path by hops and leaves what the root cannot reach at -1', () => {
    const { graph, incoming } = directedOf(edgeList(5, [[0, 1], [1, 2], [2, 3], [4, 0]]));
    const tree = bfs(graph, 0, { incoming });
    expect(levels(tree)).toEqual([0, 1, 2, 3, -1]);
    expect(Array.from(tree.parent)).toEqual([0, 0, 1, 2, -1]);
    expect(tree.reached).toBe(4);
  });

  it('reaches every leaf of a star in one hop, bottom-up as well as top-down', () => {
    const star = csrOf(edgeList(6, [[0, 1], [0, 2], [0, 3], [0, 4], [0, 5]]), { undirected: true });
    for (const alpha of [1e-9, 1e9]) {
      const tree = bfs(star, 3, { incoming: star, alpha });
      expect(levels(tree)).toEqual([1, 2, 2, 0, 2, 2]);
      expectValidTree(star, 3, tree);
    }
  });

  it('crosses the bridge between two triangles, with self loops and repeated edges in the way', () => {
    const pairs: [number, number][] = [[0, 1], [1, 2], [2, 0], [2, 3], [3, 4], [4, 5], [5, 3], [1, 1], [2, 3], [3, 2]];
    const graph = csrOf(edgeList(7, pairs), { undirected: true });
    const tree = bfs(graph, 0, { incoming: graph, alpha: 1e-9 });
    expect(levels(tree)).toEqual([0, 1, 1, 2, 3, 3, -1]);
    expectValidTree(graph, 0, tree);
    expect(tree.reached).toBe(6);
  });

  it('rejects a root outside the graph and stops at its work bound', () => {
    const graph = csrOf(edgeList(3, [[0, 1], [1, 2]]));
    expect(() => bfs(graph, 3)).toThrow(RangeError);
    expect(() => bfs(graph, 0, { maxWork: 2 })).toThrow(GraphWorkExceeded);
    expect(bfs(graph, 0, { maxWork: 100 }).reached).toBe(3);
  });
});

describe('bfs against graphology', () => {
  /** Hops from the root by graphology-traversal, -1 where it does not go. */
  function graphologyLevels(list: Parameters<typeof graphologyOf>[0], type: 'directed' | 'undirected', root: number): number[] {
    const level = new Array<number>(list.nodeCount).fill(-1);
    bfsFromNode(graphologyOf(list, type), String(root), (node, _attributes, depth) => {
      level[Number(node)] = depth;
    });
    return level;
  }

  it('gives the same levels on an undirected Kronecker graph, from several roots, either direction', () => {
    const list = kroneckerEdges(9, 7);
    const graph = csrOf(list, { undirected: true, dropSelfLoops: true, dedupe: true });
    for (const root of [0, 17]) {
      const expected = graphologyLevels(list, 'undirected', root);
      const optimizing = bfs(graph, root, { incoming: graph });
      expect(levels(optimizing)).toEqual(expected);
      expect(levels(bfs(graph, root))).toEqual(expected);
      expectValidTree(graph, root, optimizing);
    }
  });

  it('gives the same levels on a directed random graph, with and without the in-edges', () => {
    const list = uniformEdges(300, 900, 11);
    const { graph, incoming } = directedOf(list);
    for (const root of [1, 99]) {
      const expected = graphologyLevels(list, 'directed', root);
      expect(levels(bfs(graph, root, { incoming, alpha: 2 }))).toEqual(expected);
      expect(levels(bfs(graph, root))).toEqual(expected);
    }
  });
});
