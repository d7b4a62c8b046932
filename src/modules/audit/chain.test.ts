import { describe, expect, it } from 'vitest';
import { canonicalEntry, checkChain, entryHash, GENESIS_HASH, stableJson, type ChainedEntry } from './chain.js';

const entry = (id: number, over: Partial<ChainedEntry> = {}): ChainedEntry => ({
  id,
  at: new Date(Date.UTC(2026, 10, 27, 8, 0, id)),
  userId: 1,
  username: 'admin',
  role: 'admin',
  via: 'session',
  tokenId: null,
  ip: '127.0.0.1',
  requestId: `r${id}`,
  action: 'update',
  entity: 'organizations',
  recordId: '42',
  before: '{"name":"甲"}',
  after: '{"name":"乙"}',
  ...over,
});

/** A chain of `n` entries as appendAudit would store them. */
function chain(n: number) {
  let prevHash = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const e = entry(i + 1);
    const hash = entryHash(prevHash, e);
    const stored = { ...e, prevHash, hash };
    prevHash = hash;
    return stored;
  });
}

describe('stableJson', () => {
  it('gives the same text whatever order the keys were built in, at every depth', () => {
    expect(stableJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
    expect(stableJson({ a: 1, b: 2 })).toBe(stableJson({ b: 2, a: 1 }));
  });
  it('leaves undefined fields out, as JSON does', () => {
    expect(stableJson({ a: undefined, b: 'x' })).toBe('{"b":"x"}');
  });
});

describe('entryHash', () => {
  it('covers every column and the hash before it', () => {
    const base = entry(1);
    const h = entryHash(GENESIS_HASH, base);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(entryHash(GENESIS_HASH, { ...base })).toBe(h);
    const changes: Array<Partial<ChainedEntry>> = [{ id: 2 }, { at: new Date(base.at.getTime() + 1) }, { userId: 2 }, { username: 'x' }, { role: 'officer' }, { via: 'token' }, { tokenId: 3 }, { ip: null }, { requestId: null }, { action: 'delete' }, { entity: 'users' }, { recordId: '43' }, { before: null }, { after: '{"name":"丙"}' }];
    for (const c of changes) expect(entryHash(GENESIS_HASH, { ...base, ...c }), JSON.stringify(c)).not.toBe(h);
    expect(entryHash('f'.repeat(64), base)).not.toBe(h);
  });
  it('tells a null from the text "null"', () => {
    expect(canonicalEntry(entry(1, { before: null }))).not.toBe(canonicalEntry(entry(1, { before: 'null' })));
  });
});

describe('checkChain', () => {
  const fresh = () => ({ lastId: 0, lastHash: GENESIS_HASH });

  it('accepts a whole chain, in one batch or in several', () => {
    const c = chain(5);
    expect(checkChain(fresh(), c)).toEqual([]);
    const state = fresh();
    expect([...checkChain(state, c.slice(0, 2)), ...checkChain(state, c.slice(2))]).toEqual([]);
    expect(state).toEqual({ lastId: 5, lastHash: c[4]!.hash });
  });

  it('finds an edited entry', () => {
    const c = chain(4);
    c[1] = { ...c[1]!, after: '{"name":"丁"}' };
    expect(checkChain(fresh(), c)).toEqual([{ id: 2, kind: 'hash' }]);
  });

  it('finds an edited entry whose hash was recomputed: the next one no longer chains to it', () => {
    const c = chain(4);
    const forged = { ...c[1]!, after: '{"name":"丁"}' };
    c[1] = { ...forged, hash: entryHash(forged.prevHash, forged) };
    expect(checkChain(fresh(), c)).toEqual([{ id: 3, kind: 'prev_hash' }]);
  });

  it('finds a removed entry and an inserted one', () => {
    const c = chain(4);
    expect(checkChain(fresh(), [c[0]!, c[2]!, c[3]!])).toEqual([
      { id: 3, kind: 'gap' },
      { id: 3, kind: 'prev_hash' },
    ]);
    const extra = { ...entry(2), prevHash: c[0]!.hash, hash: entryHash(c[0]!.hash, entry(2)) };
    expect(checkChain(fresh(), [c[0]!, extra, c[1]!])).toEqual([
      { id: 2, kind: 'gap' },
      { id: 2, kind: 'prev_hash' },
    ]);
  });
});
