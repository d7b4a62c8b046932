import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../db/client.js';
import { VersionedValue } from './versionedValue.js';

/** A database whose tables' version is whatever the test sets; only the version lookup is asked of it. */
function versionedDb(): { db: Queryable; setVersion: (v: number) => void } {
  let version = 1;
  const db = {
    query: async () => ({ rows: [{ v: String(version) }] }),
  } as unknown as Queryable;
  return { db, setVersion: (v) => (version = v) };
}

/** A build that resolves only when the test says so, and counts how often it ran. */
function controlledBuild() {
  const pending: Array<{ version: string; day: string; resolve: () => void }> = [];
  const build = (version: string, day: string) =>
    new Promise<string>((resolve) => {
      pending.push({ version, day, resolve: () => resolve(`built at ${version} on ${day}`) });
    });
  return { build, pending };
}

const settle = () => new Promise((r) => setImmediate(r));

describe('a value kept until its tables change', () => {
  it('builds once per version: the same version answers from memory, a write builds again', async () => {
    const { db, setVersion } = versionedDb();
    let builds = 0;
    const value = new VersionedValue(db, ['t'], async (version) => `v${version}#${++builds}`);
    expect(await value.get()).toBe('v1#1');
    expect(await value.get()).toBe('v1#1');
    setVersion(2);
    expect(await value.get()).toBe('v2#2');
    expect(builds).toBe(2);
  });

  it('builds again on a new day at the same version', async () => {
    const { db } = versionedDb();
    const days: string[] = [];
    const value = new VersionedValue(db, ['t'], async (_v, day) => (days.push(day), day));
    await value.get('2026-07-01');
    await value.get('2026-07-01');
    await value.get('2026-07-02');
    expect(days).toEqual(['2026-07-01', '2026-07-02']);
  });

  it('lets questions during a build wait for that build instead of starting their own', async () => {
    const { db } = versionedDb();
    const { build, pending } = controlledBuild();
    const value = new VersionedValue(db, ['t'], build);
    const answers = [value.get('d'), value.get('d'), value.get('d')];
    await settle();
    expect(pending).toHaveLength(1);
    pending[0]!.resolve();
    expect(await Promise.all(answers)).toEqual(['built at 1 on d', 'built at 1 on d', 'built at 1 on d']);
  });

  it('keeps the newer of two builds that finish out of order', async () => {
    const { db, setVersion } = versionedDb();
    const { build, pending } = controlledBuild();
    const value = new VersionedValue(db, ['t'], build);
    const older = value.get();
    await settle();
    setVersion(2);
    const newer = value.get();
    await settle();
    pending[1]!.resolve();
    expect(await newer).toBe('built at 2 on ');
    pending[0]!.resolve();
    expect(await older).toBe('built at 1 on ');
    expect(await value.get()).toBe('built at 2 on ');
    expect(pending).toHaveLength(2);
  });
});
