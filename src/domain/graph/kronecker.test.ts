import { describe, expect, it } from 'vitest';
import { kroneckerEdges, permutation, randomBits, uniformEdges } from './kronecker.js';

describe('kroneckerEdges', () => {
  it('makes 2^scale nodes and edgeFactor × 2^scale edges, the same for the same seed', () => {
    const list = kroneckerEdges(6, 42);
    expect(list.nodeCount).toBe(64);
    expect(list.sources.length).toBe(16 * 64);
    expect(Math.max(...list.sources, ...list.targets)).toBeLessThan(64);
    expect(kroneckerEdges(6, 42)).toEqual(list);
    expect(kroneckerEdges(6, 43).sources).not.toEqual(list.sources);
    expect(kroneckerEdges(6, 1, { edgeFactor: 4 }).sources.length).toBe(256);
  });

  it('skews the degrees as the initiator says: the busiest node has many times the mean', () => {
    const list = kroneckerEdges(10, 1);
    const degree = new Uint32Array(list.nodeCount);
    for (const v of list.sources) degree[v]!++;
    for (const v of list.targets) degree[v]!++;
    const mean = (2 * list.sources.length) / list.nodeCount;
    expect(Math.max(...degree)).toBeGreaterThan(10 * mean);
    // About (A + B)^scale of the edges leave the would-be node 0: with labels permuted it is not node 0.
    expect(degree.indexOf(Math.max(...degree))).not.toBe(0);
  });

  it('puts the edges in the initiator’s quadrants: A = 0.57, B = C = 0.19, D = 0.05', () => {
    // At scale 1 each edge is one quadrant: A and D are the two self loops (whichever label each got).
    const list = kroneckerEdges(1, 3, { edgeFactor: 20_000 });
    const count = (s: number, t: number) => list.sources.filter((v, e) => v === s && list.targets[e] === t).length / list.sources.length;
    const loops = [count(0, 0), count(1, 1)].sort();
    expect(loops[1]).toBeCloseTo(0.57, 2);
    expect(loops[0]).toBeCloseTo(0.05, 2);
    expect(count(0, 1)).toBeCloseTo(0.19, 2);
    expect(count(1, 0)).toBeCloseTo(0.19, 2);
  });

  it('rejects a scale out of range', () => {
    expect(() => kroneckerEdges(0, 1)).toThrow(RangeError);
    expect(() => kroneckerEdges(2.5, 1)).toThrow(RangeError);
  });
});

describe('permutation and uniformEdges', () => {
  it('permutes every label once', () => {
    const p = permutation(1000, randomBits(5));
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('draws ends within the nodes', () => {
    const list = uniformEdges(10, 500, 1);
    expect(new Set(list.sources).size).toBe(10);
    expect(Math.max(...list.targets)).toBe(9);
  });
});
