import type { Queryable } from '../../db/client.js';
import { tablesVersion } from '../../db/list/cache.js';
import { ColumnStoreBuilder, type ContractColumns } from '../../domain/analysis/columns.js';
import { ANALYSED_TABLES, registeredContracts, registeredCount } from './queries.js';

export interface VersionedColumns {
  version: string;
  columns: ContractColumns;
}

/**
 * The column store of one database, never stale: every question first reads the tables'
 * version (one primary-key lookup, as the list cache does) and, when a write has changed it,
 * builds the columns again. The version is read before the rows, so the columns are at least as
 * new as it says; a write during the build changes it, and the next question builds again.
 * Questions arriving during a build wait for that build instead of starting their own.
 */
export class ContractColumnStore {
  private current: VersionedColumns | undefined;
  private building: { version: string; done: Promise<VersionedColumns> } | undefined;

  constructor(private readonly db: Queryable) {}

  async columns(): Promise<VersionedColumns> {
    const version = await tablesVersion(this.db, ANALYSED_TABLES);
    if (this.current?.version === version) return this.current;
    if (this.building?.version !== version) {
      const done = this.build(version).finally(() => {
        if (this.building?.done === done) this.building = undefined;
      });
      this.building = { version, done };
    }
    const built = await this.building.done;
    // Keep the newer of two builds that finished out of order (versions only grow).
    if (!this.current || BigInt(built.version) > BigInt(this.current.version)) this.current = built;
    return built;
  }

  private async build(version: string): Promise<VersionedColumns> {
    const builder = new ColumnStoreBuilder(await registeredCount(this.db));
    for await (const batch of registeredContracts(this.db)) for (const fact of batch) builder.add(fact);
    return { version, columns: builder.build() };
  }
}
