import type { Database } from './client.js';
import { tablesVersion } from './list/cache.js';

/** The channel migration 0021 announces every counter bump on, as "<table>:<version>". */
export const TABLE_VERSIONS_CHANNEL = 'table_versions';

/**
 * The `table_versions` counters of one database, held in memory and kept current by the
 * notifications every bump sends when its transaction commits (LISTEN/NOTIFY: from any server
 * process, on PostgreSQL and PGlite alike). While it listens, "has anything these replies were
 * built from changed?" costs no query — what lets the public API answer a 304 or a cached reply
 * without touching the database. A notification arrives just after its commit: a reply may lag
 * a write by that much, never more. Until it listens, or after the listening connection dropped
 * (it listens again at the next call), the counters are read from the table as before.
 */
export class VersionWatch {
  private readonly counters = new Map<string, number>();
  private live = false;
  private starting: Promise<void> | null = null;

  constructor(private readonly db: Database) {}

  /** The combined version of `tables` ('*': every table), as {@link tablesVersion} sums it. */
  async version(tables: readonly string[] | '*'): Promise<string> {
    if (!this.live) await this.start();
    if (this.live) return this.sum(tables);
    return tables === '*' ? this.readAll() : tablesVersion(this.db, tables);
  }

  private sum(tables: readonly string[] | '*'): string {
    let total = 0;
    if (tables === '*') for (const v of this.counters.values()) total += v;
    else for (const t of tables) total += this.counters.get(t) ?? 0;
    return String(total);
  }

  private start(): Promise<void> {
    this.starting ??= this.listen().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  /** Listens first, then reads: a bump between the two is in the read or in a message (the larger wins). */
  private async listen(): Promise<void> {
    try {
      await this.db.listen(TABLE_VERSIONS_CHANNEL, (payload) => this.apply(payload), () => {
        this.live = false;
      });
      await this.readAll();
      this.live = true;
    } catch {
      // No listening connection now (the server is restarting, say): read the table meanwhile.
      this.live = false;
    }
  }

  private async readAll(): Promise<string> {
    const { rows } = await this.db.query<{ table_name: string; version: string }>('SELECT table_name, version::text AS version FROM table_versions');
    for (const r of rows) this.raise(r.table_name, Number(r.version));
    return this.sum(rows.map((r) => r.table_name));
  }

  private apply(payload: string): void {
    const at = payload.lastIndexOf(':');
    if (at > 0) this.raise(payload.slice(0, at), Number(payload.slice(at + 1)));
  }

  /** Counters only grow; messages of one table may arrive after a read that saw a later version. */
  private raise(table: string, version: number): void {
    if (Number.isFinite(version) && version > (this.counters.get(table) ?? -1)) this.counters.set(table, version);
  }
}

const watches = new WeakMap<Database, VersionWatch>();

/** The one watch of a database in this process. */
export function versionWatchFor(db: Database): VersionWatch {
  let watch = watches.get(db);
  if (!watch) watches.set(db, (watch = new VersionWatch(db)));
  return watch;
}
