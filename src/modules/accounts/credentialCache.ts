import type { Database } from '../../db/client.js';
import { versionWatchFor, type VersionWatch } from '../../db/versionWatch.js';

/**
 * Who a token or session cookie stands for, kept between requests: without it every signed-in
 * request read the credential and its account first (two statements before its own, which held
 * a registry read to a third of the bare route's throughput). An entry holds while the counters
 * of the account tables (migration 0023) stand where they stood when it was read — they move
 * when any process revokes a token, ends a session or changes an account, announced by NOTIFY —
 * and while no change in this process has called {@link CredentialCache.forget}, which a service
 * does once its change has committed, so its own next request never sees the old state. A change
 * by another process shows once its notification arrives, a moment after it commits.
 *
 * Only credentials that let a caller in are kept; what changes with the clock alone (a token's
 * expiry, a session's idle and absolute deadlines) is checked by the caller on every request.
 */

const ACCOUNT_TABLES = ['users', 'user_organizations', 'api_tokens', 'sessions'] as const;

/** Where the account tables stood, and how many in-process changes had been made, before a read. */
export interface CredentialStamp {
  readonly version: string;
  readonly generation: number;
}

export class CredentialCache<T extends object> {
  private generation = 0;
  private readonly entries = new Map<string, { stamp: CredentialStamp; value: T }>();

  constructor(
    private readonly watch: Pick<VersionWatch, 'version'>,
    private readonly maxEntries = 10_000,
  ) {}

  /** Take it before reading the database: an entry read after a change then carries the old stamp. */
  async stamp(): Promise<CredentialStamp> {
    const generation = this.generation;
    return { version: await this.watch.version(ACCOUNT_TABLES), generation };
  }

  /** The value kept for `key` if nothing it was read from has changed since. */
  get(key: string, now: CredentialStamp): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.stamp.version !== now.version || entry.stamp.generation !== now.generation) return undefined;
    // Used again: to the back of the eviction order.
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value`, read after `stamp` was taken; the entry used longest ago goes when full. */
  put(key: string, value: T, stamp: CredentialStamp): void {
    if (stamp.generation !== this.generation) return;
    this.entries.delete(key);
    this.entries.set(key, { stamp, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** After a change to accounts, tokens or sessions in this process has committed. */
  forget(): void {
    this.generation++;
    this.entries.clear();
  }
}

const caches = new WeakMap<Database, Map<string, CredentialCache<object>>>();

/** The cache of one kind of credential ('token', 'session') for a database, in this process. */
export function credentialCacheFor<T extends object>(db: Database, kind: 'token' | 'session'): CredentialCache<T> {
  let kinds = caches.get(db);
  if (!kinds) caches.set(db, (kinds = new Map()));
  let cache = kinds.get(kind);
  if (!cache) kinds.set(kind, (cache = new CredentialCache(versionWatchFor(db))));
  return cache as CredentialCache<T>;
}

/** Drops every credential kept for `db`: a service calls it once an account change has committed. */
export function forgetCredentials(db: Database): void {
  for (const cache of caches.get(db)?.values() ?? []) cache.forget();
}
