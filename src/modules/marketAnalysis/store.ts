import type { Queryable } from '../../db/client.js';
import { tablesVersion } from '../../db/list/cache.js';
import { ColumnStoreBuilder, type ContractColumns, type ContractFact } from '../../domain/analysis/columns.js';
import { ANALYSED_TABLES, registeredContracts, registeredCount, type ContractBatch } from './queries.js';

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
    for await (const batch of registeredContracts(this.db)) addBatch(builder, batch);
    return { version, columns: builder.build() };
  }
}

const orNull = (v: string) => (v === '' ? null : v);

/** A batch's contracts into the builder, through one fact object refilled per contract (the builder copies it at once). */
function addBatch(builder: ColumnStoreBuilder, b: ContractBatch): void {
  const fact: ContractFact = { day: 0, type: '', sub_type: '', flow: '', district: null, zone: null, field: null, seller_kind: null, buyer_province: null, seller_id: 0, contract_fen: 0, transaction_fen: 0 };
  for (let i = 0; i < b.day.length; i++) {
    fact.day = Number(b.day[i]);
    fact.type = b.type[i]!;
    fact.sub_type = b.sub_type[i]!;
    fact.flow = b.flow[i]!;
    fact.district = orNull(b.district[i]!);
    fact.zone = orNull(b.zone[i]!);
    fact.field = orNull(b.field[i]!);
    fact.seller_kind = orNull(b.seller_kind[i]!);
    fact.buyer_province = orNull(b.buyer_province[i]!);
    fact.seller_id = Number(b.seller_id[i]);
    fact.contract_fen = Number(b.contract_fen[i]);
    fact.transaction_fen = Number(b.transaction_fen[i]);
    builder.add(fact);
  }
}
