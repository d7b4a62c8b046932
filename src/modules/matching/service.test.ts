import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../domain/graph/csr.js';
import { kHop } from '../../domain/graph/kHop.js';
import { GraphWorkExceeded } from '../../domain/graph/workBound.js';
import { proximity, type Nearby } from './proximity.js';

/**
 * A small graph whose distances are known: 0 – 1 – 2 – 3 – 4 along a path, and 2 a hub with 200
 * leaves (5 … 204). Edge ids: the path's 0–3, the hub's 4 … 203.
 */
const LEAVES = 200;
const sources = [0, 1, 2, 3];
const targets = [1, 2, 3, 4];
for (let i = 0; i < LEAVES; i++) {
  sources.push(2);
  targets.push(5 + i);
}
const csr = buildCsr(5 + LEAVES, Uint32Array.from(sources), Uint32Array.from(targets), { undirected: true, edgeIds: true });
const every = () => true;
/** The search's answer as node → hops. */
const hopsOf = (near: Nearby) => new Map([...near.nodes].map((node, i) => [node, near.hops[i]!]));

describe('proximity for matching', () => {
  it('gives each node within the hops its fewest hops from the nearest source', () => {
    const near = proximity(csr, every, [0], 3);
    expect(near.reached).toBe(3);
    expect([1, 2, 3, 4, 5].map((n) => hopsOf(near).get(n) ?? null)).toEqual([1, 2, 3, null, 3]);
    expect(hopsOf(proximity(csr, every, [0, 4], 1)).get(3)).toBe(1);
  });

  it('follows only the edges allowed (a relation the caller may not see)', () => {
    const near = proximity(csr, (e) => e !== 1, [0], 3);
    expect(hopsOf(near).has(2)).toBe(false);
  });

  it('asks one hop less when the hub passes the work bound, and says how far it looked', () => {
    const near = proximity(csr, every, [0], 3, 50);
    expect(near.reached).toBe(2);
    expect(hopsOf(near).get(2)).toBe(2);
    expect(hopsOf(near).has(5)).toBe(false);
    const none = proximity(csr, every, [2], 1, 50);
    expect([none.reached, none.nodes.length]).toEqual([0, 0]);
  });

  it('answers as kHop asked one hop less at a time until the bound fits would, on random graphs and bounds', () => {
    let seed = 15;
    const next = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), (seed >>> 8) % n);
    for (let round = 0; round < 40; round++) {
      const n = 50 + next(300);
      const from = Array.from({ length: n * 2 }, () => next(n));
      const graph = buildCsr(n, Uint32Array.from(from), Uint32Array.from(from, () => next(n)), { undirected: true, edgeIds: true });
      const allow = (e: number) => e % 7 !== 3;
      const sources = [next(n), next(n)];
      const maxWork = 5 + next(250);
      let expected = { hops: new Map<number, number>(), reached: 0 };
      for (let k = 3; k >= 1 && expected.reached === 0; k--) {
        try {
          const hood = kHop(graph, sources, k, { allowEdge: allow, maxWork });
          expected = { hops: new Map(hood.nodes.map((node, i) => [node, hood.hops[i]!])), reached: k };
        } catch (e) {
          if (!(e instanceof GraphWorkExceeded)) throw e;
        }
      }
      const near = proximity(graph, allow, sources, 3, maxWork);
      expect({ hops: hopsOf(near), reached: near.reached }, `round ${round}`).toEqual(expected);
    }
  });
});
