import type { Queryable } from '../../db/client.js';
import { tablesVersion } from '../../db/list/cache.js';

/**
 * A value derived from some tables (the innovation graph, the chain index, matching's facts), kept
 * in memory and never stale: each question first reads the tables' version (`table_versions`, one
 * primary-key lookup, bumped in every writer's transaction) and builds the value again when a write
 * changed it. The version is read before the rows, so the value is at least as new as it says; a
 * write during the build changes the version, and the next question builds again. Questions
 * arriving during a build wait for that build instead of starting their own. A value that also
 * depends on the day (qualifications lapse) is asked for with the day: a new day builds again.
 */
export class VersionedValue<T> {
  private current: { version: bigint; key: string; value: T } | undefined;
  private building: { key: string; done: Promise<T> } | undefined;

  constructor(
    private readonly db: Queryable,
    private readonly tables: readonly string[],
    private readonly build: (version: string, day: string) => Promise<T>,
  ) {}

  async get(day = ''): Promise<T> {
    const version = await tablesVersion(this.db, this.tables);
    const key = `${version}@${day}`;
    if (this.current?.key === key) return this.current.value;
    if (this.building?.key !== key) {
      const done = this.build(version, day).finally(() => {
        if (this.building?.done === done) this.building = undefined;
      });
      this.building = { key, done };
    }
    const value = await this.building.done;
    // Keep the newer of two builds that finished out of order (versions only grow).
    if (!this.current || BigInt(version) >= this.current.version) this.current = { version: BigInt(version), key, value };
    return value;
  }
}
