import { describe, expect, it } from 'vitest';
import { buildCsr, bytesPerEdge, outDegree, transposeCsr, type CsrGraph } from './csr.js';

const u32 = (values: number[]) => Uint32Array.from(values);
/** Each node's row as a plain list, for readable expectations. */
const rows = (g: CsrGraph) => Array.from({ length: g.nodeCount }, (_, v) => Array.from(g.targets.subarray(g.offsets[v]!, g.offsets[v + 1]!)));

describe('buildCsr', () => {
  it('stores each row in input order', () => {
    const g = buildCsr(4, u32([0, 2, 0, 1]), u32([1, 3, 2, 2]));
    expect(rows(g)).toEqual([[1, 2], [2], [3], []]);
    expect(Array.from(g.offsets)).toEqual([0, 2, 3, 4, 4]);
    expect(outDegree(g, 0)).toBe(2);
    expect(g.edgeIds).toBeUndefined();
  });

  it('stores an undirected edge both ways and a self loop once, with the input edge of each slot', () => {
    const g = buildCsr(3, u32([0, 1, 2]), u32([1, 1, 0]), { undirected: true, edgeIds: true });
    expect(rows(g)).toEqual([[1, 2], [0, 1], [0]]);
    expect(Array.from(g.edgeIds!)).toEqual([0, 2, 0, 1, 2]);
  });

  it('drops self loops and parallel edges when asked, keeping the first edge of a pair', () => {
    const g = buildCsr(3, u32([0, 0, 1, 0, 2]), u32([1, 1, 1, 2, 0]), { dropSelfLoops: true, dedupe: true, edgeIds: true, undirected: true });
    expect(rows(g)).toEqual([[1, 2], [0], [0]]);
    expect(Array.from(g.edgeIds!)).toEqual([0, 3, 0, 3]);
    expect(g.targets.length).toBe(g.offsets[3]);
  });

  it('puts the arrays on SharedArrayBuffers when asked, deduplicated or not', () => {
    for (const dedupe of [false, true]) {
      const g = buildCsr(3, u32([0, 0, 1]), u32([1, 1, 2]), { shared: true, dedupe, edgeIds: true });
      expect([g.offsets, g.targets, g.edgeIds!].every((a) => a.buffer instanceof SharedArrayBuffer)).toBe(true);
      expect(rows(g)).toEqual(dedupe ? [[1], [2], []] : [[1, 1], [2], []]);
    }
  });

  it('rejects an edge outside the nodes and lists of different lengths', () => {
    expect(() => buildCsr(2, u32([0]), u32([2]))).toThrow(RangeError);
    expect(() => buildCsr(2, u32([0, 1]), u32([1]))).toThrow(/same length/);
    expect(() => buildCsr(-1, u32([]), u32([]))).toThrow(RangeError);
  });

  it('builds an empty graph and one with isolated nodes', () => {
    expect(rows(buildCsr(0, u32([]), u32([])))).toEqual([]);
    expect(rows(buildCsr(3, u32([]), u32([])))).toEqual([[], [], []]);
    expect(bytesPerEdge(buildCsr(3, u32([]), u32([])))).toBe(0);
  });
});

describe('transposeCsr', () => {
  it('gives the in-edges of each node with their edge ids', () => {
    const g = transposeCsr(buildCsr(3, u32([0, 0, 1]), u32([1, 2, 2]), { edgeIds: true }));
    expect(rows(g)).toEqual([[], [0], [0, 1]]);
    expect(Array.from(g.edgeIds!)).toEqual([0, 1, 2]);
  });
});

describe('bytesPerEdge', () => {
  it('counts the offsets and targets per slot', () => {
    const g = buildCsr(2, u32([0, 1]), u32([1, 0]));
    expect(bytesPerEdge(g)).toBe((3 * 4 + 2 * 4) / 2);
  });
});
