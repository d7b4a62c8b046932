import { describe, expect, it } from 'vitest';
import type { Database } from './client.js';
import { VersionWatch } from './versionWatch.js';

/** A database of counters that counts its queries and lets the test send notifications or drop the listener. */
function fakeDatabase(counters: Record<string, number>, listening: 'works' | 'fails' = 'works') {
  const state = { queries: 0, listens: 0, notify: (_p: string) => {}, lose: () => {} };
  const db = {
    engine: 'pglite',
    async query(sql: string, params?: readonly unknown[]) {
      state.queries++;
      const wanted = (params?.[0] as string[] | undefined) ?? Object.keys(counters);
      if (sql.includes('sum(')) return { rows: [{ v: String(wanted.reduce((n, t) => n + (counters[t] ?? 0), 0)) }], affectedRows: 1 };
      return { rows: Object.entries(counters).map(([table_name, v]) => ({ table_name, version: String(v) })), affectedRows: 0 };
    },
    async listen(_channel: string, onMessage: (p: string) => void, onLost: () => void) {
      state.listens++;
      if (listening === 'fails') throw new Error('connection refused');
      state.notify = onMessage;
      state.lose = onLost;
      return async () => {};
    },
  } as unknown as Database;
  return { db, state };
}

describe('VersionWatch', () => {
  it('reads the counters once, then follows notifications without a query', async () => {
    const { db, state } = fakeDatabase({ platforms: 3, organizations: 5 });
    const watch = new VersionWatch(db);
    expect(await watch.version(['platforms', 'organizations'])).toBe('8');
    const read = state.queries;
    state.notify('platforms:4');
    // A late message of an older version changes nothing: counters only grow.
    state.notify('platforms:2');
    expect(await watch.version(['platforms', 'organizations'])).toBe('9');
    expect(await watch.version(['organizations'])).toBe('5');
    expect(state.queries).toBe(read);
  });

  it('reads the table on every call while it cannot listen', async () => {
    const { db, state } = fakeDatabase({ platforms: 3 }, 'fails');
    const watch = new VersionWatch(db);
    expect(await watch.version(['platforms'])).toBe('3');
    expect(await watch.version(['platforms'])).toBe('3');
    expect(state.queries).toBe(2);
  });

  it('listens again and reads afresh after the listening connection dropped', async () => {
    const counters = { platforms: 3 };
    const { db, state } = fakeDatabase(counters);
    const watch = new VersionWatch(db);
    await watch.version(['platforms']);
    state.lose();
    // Missed while nobody listened: only a fresh read can know.
    counters.platforms = 7;
    expect(await watch.version(['platforms'])).toBe('7');
    expect(state.listens).toBe(2);
  });
});
