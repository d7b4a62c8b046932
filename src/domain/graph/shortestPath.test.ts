import { bidirectional } from 'graphology-shortest-path/unweighted.js';
import { describe, expect, it } from 'vitest';
import { csrOf, directedOf, edgeList, graphologyOf } from '../../../test/support/graphs.js';
import { uniformEdges } from './kronecker.js';
import { shortestPath, type Path } from './shortestPath.js';
import { GraphWorkExceeded } from './workBound.js';

/** The input edge of each step, so a path reads as the edges a caller explains. */
const edgesOf = (graph: { edgeIds?: Uint32Array }, path: Path | null) => path?.slots.map((slot) => graph.edgeIds![slot]);

describe('shortestPath', () => {
  // Two routes from 0 to 4: 0→1→2→3→4 and the shortcut 0→5→4; 6 only points in.
  const list = edgeList(7, [[0, 1], [1, 2], [2, 3], [3, 4], [0, 5], [5, 4], [6, 0]]);
  const { graph, incoming } = directedOf(list, { edgeIds: true });
  const transposedWithIds = incoming;

  it('takes the fewest hops and names the edge of each step, one way or from both ends', () => {
    for (const options of [{}, { incoming: transposedWithIds }]) {
      const path = shortestPath(graph, 0, 4, options);
      expect(path?.nodes).toEqual([0, 5, 4]);
      expect(edgesOf(graph, path)).toEqual([4, 5]);
    }
  });

  it('goes around an edge the filter forbids', () => {
    const path = shortestPath(graph, 0, 4, { incoming, allowEdge: (id) => id !== 5 });
    expect(path?.nodes).toEqual([0, 1, 2, 3, 4]);
    expect(edgesOf(graph, path)).toEqual([0, 1, 2, 3]);
  });

  it('answers null when no directed path leads there, and the node itself for from = to', () => {
    expect(shortestPath(graph, 0, 6, { incoming })).toBeNull();
    expect(shortestPath(graph, 4, 0)).toBeNull();
    expect(shortestPath(graph, 3, 3)).toEqual({ nodes: [3], slots: [] });
  });

  it('follows an undirected graph either way, the graph being its own in-edges', () => {
    const undirected = csrOf(list, { undirected: true, edgeIds: true });
    const path = shortestPath(undirected, 4, 6, { incoming: undirected, edgeMask: Uint8Array.from([1, 1, 1, 1, 1, 0, 1]) });
    expect(path?.nodes).toEqual([4, 3, 2, 1, 0, 6]);
    expect(edgesOf(undirected, path)).toEqual([3, 2, 1, 0, 6]);
  });

  it('stops at its work bound and rejects unknown nodes or a filter it cannot apply backwards', () => {
    expect(() => shortestPath(graph, 0, 4, { maxWork: 2 })).toThrow(GraphWorkExceeded);
    expect(() => shortestPath(graph, 0, 7)).toThrow(RangeError);
    const bare = directedOf(list);
    expect(() => shortestPath(bare.graph, 0, 4, { incoming: bare.incoming, edgeMask: new Uint8Array(7) })).toThrow(/edge ids/);
  });

  it('finds paths as long as graphology’s on a random directed graph', () => {
    const random = uniformEdges(400, 1000, 3);
    const g = graphologyOf(random, 'directed');
    const both = directedOf(random);
    for (let pair = 0; pair < 30; pair++) {
      const [from, to] = [(pair * 37) % 400, (pair * 101 + 7) % 400];
      const expected = bidirectional(g, String(from), String(to));
      const path = shortestPath(both.graph, from, to, { incoming: both.incoming });
      expect(path?.nodes.length ?? null).toBe(expected?.length ?? null);
      for (let i = 0; path && i < path.slots.length; i++) expect(both.graph.targets[path.slots[i]!]).toBe(path.nodes[i + 1]);
    }
  });
});
