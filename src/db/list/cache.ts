import type { Queryable } from '../client.js';

/**
 * Recently served list pages, kept per database and keyed by the query and the version of the
 * tables behind it (`table_versions`, bumped by triggers in every writer's transaction). A page is
 * served from here only while none of its tables has changed since, so it is never stale, even
 * when another server process made the change. Reading the version costs one primary-key lookup.
 */
export class ListCache<Page> {
  private readonly entries = new Map<string, { version: string; page: Page }>();

  constructor(private readonly maxEntries = 500) {}

  get(key: string, version: string): Page | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    // Map keeps insertion order: re-inserting marks the entry as recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.page;
  }

  set(key: string, version: string, page: Page): void {
    this.entries.delete(key);
    this.entries.set(key, { version, page });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }
}

/**
 * The combined version of some tables. Each counter only grows, so their sum changes whenever any
 * of them does.
 */
export async function tablesVersion(db: Queryable, tables: readonly string[]): Promise<string> {
  const { rows } = await db.query<{ v: string | null }>('SELECT sum(version)::text AS v FROM table_versions WHERE table_name = ANY($1::text[])', [tables]);
  return rows[0]?.v ?? '0';
}
