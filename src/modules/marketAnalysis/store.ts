import type { Queryable } from '../../db/client.js';
import { ContractTable, type ContractColumns } from '../../domain/analysis/columns.js';
import { analysedVersions, blankFact, contractChanges, loggedChanges, pruneChanges, readFact, registeredContracts, registeredCount, type Versions } from './queries.js';

/** A delta of more rows than this share of the store (or than DELTA_FLOOR) is a bulk change: rebuilding costs less than reading its rows one by one. */
const DELTA_SHARE = 0.05;
const DELTA_FLOOR = 1_000;
/** Change-log entries older than this are pruned, by any store, at most once a PRUNE_EVERY_MS. */
const PRUNE_AFTER_MINUTES = 10;
const PRUNE_EVERY_MS = 60_000;

/**
 * The column store of one database, never stale and patched by deltas. Every question first reads
 * the analysed tables' versions (table_versions, one primary-key lookup, as the list cache does);
 * when a write has moved them past what the store has applied, it catches up: the change log
 * (migration 0019) names the rows written since, the store re-reads those rows by id and patches
 * its columns — milliseconds for a write, where a rebuild of a million contracts takes seconds.
 * It rebuilds from every row on its first question, when the log cannot say (pruned, a TRUNCATE)
 * or when the delta is a bulk change. Versions are read before the rows, so the columns are at
 * least as new as the versions they claim. One catch-up runs at a time; questions during it wait
 * for it (and for one more when they saw a newer version than it started from). A question then
 * reads the columns synchronously (`read`), so it sees a whole version, never half a delta.
 */
export class ContractColumnStore {
  private table: ContractTable | undefined;
  private applied: Versions = new Map();
  private catchingUp: Promise<void> | undefined;
  private prunedAt = Date.now();

  constructor(private readonly db: Queryable) {}

  /** Answers `question` on columns at least as new as the tables were when it was asked; `version` is the version they hold. */
  async read<T>(question: (columns: ContractColumns, version: string) => T): Promise<T> {
    const asked = await analysedVersions(this.db);
    while (!this.table || [...asked].some(([t, v]) => (this.applied.get(t) ?? -1n) < v)) {
      this.catchingUp ??= this.catchUp(asked).finally(() => (this.catchingUp = undefined));
      await this.catchingUp;
    }
    const version = [...this.applied.values()].reduce((sum, v) => sum + v, 0n);
    const answer = question(this.table.columns(), String(version));
    this.pruneWhenDue();
    return answer;
  }

  /**
   * Prunes the change log after an answer, never before one (deleting an import's ids takes a
   * while), in the catch-up slot so it never runs beside a catch-up. It is housekeeping: a failed
   * prune is tried again at the next answer, and the log only grows meanwhile.
   */
  private pruneWhenDue(): void {
    if (this.catchingUp || Date.now() - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = Date.now();
    this.catchingUp = pruneChanges(this.db, PRUNE_AFTER_MINUTES)
      .catch(() => void (this.prunedAt = 0))
      .finally(() => (this.catchingUp = undefined));
  }

  /** Brings the columns up to `asked`, the versions the question just read (another read would cost a round trip; versions only grow). */
  private async catchUp(asked: Versions): Promise<void> {
    const seen = new Map([...asked].map(([t, v]) => [t, v > (this.applied.get(t) ?? -1n) ? v : this.applied.get(t)!]));
    const table = this.table;
    const logged = table ? await loggedChanges(this.db, this.applied, seen, Math.max(DELTA_FLOOR, Math.floor(DELTA_SHARE * table.live))) : null;
    if (table && logged) table.patch(await contractChanges(this.db, logged));
    else this.table = await this.build();
    this.applied = seen;
  }

  private async build(): Promise<ContractTable> {
    // The old columns go first: two copies of a million contracts would double the store's memory.
    this.table = undefined;
    const table = new ContractTable(await registeredCount(this.db));
    const fact = blankFact();
    for await (const batch of registeredContracts(this.db)) for (let i = 0; i < batch.id.length; i++) table.add(readFact(batch, i, fact));
    return table;
  }
}
