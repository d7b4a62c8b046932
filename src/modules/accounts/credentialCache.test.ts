import { describe, expect, it } from 'vitest';
import { CredentialCache } from './credentialCache.js';

/** A stand-in for the table counters: the test moves them as a NOTIFY would. */
function counters() {
  const state = { version: 1 };
  return { state, watch: { version: async () => String(state.version) } };
}

describe('CredentialCache', () => {
  it('gives back what was kept while the account tables stand still, and nothing once they move', async () => {
    const { state, watch } = counters();
    const cache = new CredentialCache<{ user: string }>(watch);
    const stamp = await cache.stamp();
    cache.put('a', { user: 'alice' }, stamp);
    expect(cache.get('a', await cache.stamp())).toEqual({ user: 'alice' });
    state.version++;
    expect(cache.get('a', await cache.stamp())).toBeUndefined();
  });

  it('drops everything on forget, and refuses what was read before it', async () => {
    const { watch } = counters();
    const cache = new CredentialCache<{ user: string }>(watch);
    const before = await cache.stamp();
    cache.put('a', { user: 'alice' }, before);
    // A request read the account, then a change in this process committed and forgot: its read is stale.
    cache.forget();
    cache.put('b', { user: 'bob' }, before);
    const after = await cache.stamp();
    expect(cache.get('a', after)).toBeUndefined();
    expect(cache.get('b', after)).toBeUndefined();
  });

  it('keeps an entry read before the tables moved only under its own stamp', async () => {
    const { state, watch } = counters();
    const cache = new CredentialCache<{ user: string }>(watch);
    const before = await cache.stamp();
    state.version++;
    cache.put('a', { user: 'alice' }, before);
    expect(cache.get('a', await cache.stamp())).toBeUndefined();
  });

  it('lets the entry used longest ago go when full', async () => {
    const { watch } = counters();
    const cache = new CredentialCache<{ n: number }>(watch, 2);
    const stamp = await cache.stamp();
    cache.put('a', { n: 1 }, stamp);
    cache.put('b', { n: 2 }, stamp);
    cache.get('a', stamp);
    cache.put('c', { n: 3 }, stamp);
    expect([cache.get('a', stamp), cache.get('b', stamp), cache.get('c', stamp)]).toEqual([{ n: 1 }, undefined, { n: 3 }]);
  });
});
