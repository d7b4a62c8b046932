import { describe, expect, it } from 'vitest';
import { buildCsr } from '../../domain/graph/csr.js';
import { proximity } from './service.js';

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

describe('proximity for matching', () => {
  it('gives each node within the hops its fewest hops from the nearest source', () => {
    const near = proximity(csr, every, [0], 3);
    expect(near.reached).toBe(3);
    expect([1, 2, 3, 4, 5].map((n) => near.hops.get(n) ?? null)).toEqual([1, 2, 3, null, 3]);
    expect(proximity(csr, every, [0, 4], 1).hops.get(3)).toBe(1);
  });

  it('follows only the edges allowed (a relation the caller may not see)', () => {
    const near = proximity(csr, (e) => e !== 1, [0], 3);
    expect(near.hops.has(2)).toBe(false);
  });

  it('asks one hop less when the hub passes the work bound, and says how far it looked', () => {
    const near = proximity(csr, every, [0], 3, 50);
    expect(near.reached).toBe(2);
    expect(near.hops.get(2)).toBe(2);
    expect(near.hops.has(5)).toBe(false);
    expect(proximity(csr, every, [2], 1, 50)).toEqual({ hops: new Map(), reached: 0 });
  });
});
