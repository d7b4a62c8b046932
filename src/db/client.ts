import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';

/** What a query hands back: rows already typed by the caller's SQL. */
export interface QueryResult<R> {
  rows: R[];
  affectedRows: number;
}

/** Anything that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Bulk-loads rows with COPY (the fastest way in): `text` is COPY's text format, one row per
   * line, built by {@link copyText}. Table and column names are the caller's, never user input.
   */
  copyRows(table: string, columns: readonly string[], text: string): Promise<void>;
}

/** The storage edge. One PostgreSQL dialect, two engines: embedded PGlite or a PostgreSQL server. */
export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * The embedded engine only: its whole data directory as a gzipped tar, taken between two
   * statements, so it holds exactly the transactions committed by then (a backup while serving).
   */
  dumpDataDir?(): Promise<Uint8Array>;
  /**
   * Hands each NOTIFY payload sent on `channel` (by any session, once its transaction commits) to
   * `onMessage`, from now on; `onLost` when delivery has stopped (the listening connection
   * dropped), after which nothing more arrives until the caller listens again. Resolves to the
   * function that stops listening. `channel` is ours, never user input.
   */
  listen(channel: string, onMessage: (payload: string) => void, onLost: () => void): Promise<() => Promise<void>>;
}

// Dates stay 'YYYY-MM-DD' strings: a calendar date has no time zone, and a JS Date would invent one.
const DATE_OID = 1082;

const copyStatement = (table: string, columns: readonly string[], source: string) => `COPY ${table} (${columns.join(', ')}) FROM ${source}`;

/**
 * Values in COPY's text format (tab-separated, \N for null): what {@link Queryable.copyRows}
 * loads. Backslash, tab, line feed and carriage return are escaped.
 */
export function copyText(rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null | undefined>>): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      if (i > 0) out += '\t';
      out += value === null || value === undefined ? '\\N' : copyEscape(String(value));
    }
    out += '\n';
  }
  return out;
}

const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_SPECIALS = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const copyEscape = (value: string) => (COPY_SPECIAL.test(value) ? value.replace(COPY_SPECIALS, (c) => COPY_ESCAPES[c]!) : value);

/**
 * Lets the event loop run. PGlite executes in this thread and its promises settle as microtasks,
 * so a chain of awaited queries (a seed, an index build, a long request) would otherwise keep
 * timers and sockets waiting until the whole chain ends: a 30× demo seed went 262 s without one
 * timer tick (bench/README.md, issue 4).
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function openPglite(dataDir?: string): Promise<Database> {
  const db = new PGlite(dataDir, { parsers: { [DATE_OID]: (v: string) => v } });
  await db.waitReady;
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<R>(sql: string, params?: readonly unknown[]) {
      const r = await q.query<R>(sql, params as unknown[] | undefined);
      await yieldToEventLoop();
      return { rows: r.rows, affectedRows: r.affectedRows ?? 0 };
    },
    async exec(sql: string) {
      await q.exec(sql);
      await yieldToEventLoop();
    },
    async copyRows(table, columns, text) {
      // PGlite reads COPY input from a blob at the virtual path /dev/blob.
      await q.query(copyStatement(table, columns, "'/dev/blob'"), [], { blob: new Blob([text]) });
      await yieldToEventLoop();
    },
  });
  const self = wrap(db);
  return {
    engine: 'pglite',
    query: self.query,
    exec: self.exec,
    copyRows: self.copyRows,
    transaction: (work) => db.transaction((tx) => work(wrap(tx))),
    close: () => db.close(),
    dumpDataDir: async () => new Uint8Array(await (await db.dumpDataDir('gzip')).arrayBuffer()),
    // In-process: delivery cannot be lost while the database is open.
    listen: async (channel, onMessage) => {
      const stop = await db.listen(channel, onMessage);
      return () => stop();
    },
  };
}

export async function openPostgres(connectionString: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    // No JIT: the indicator engine's grouped scans are costed high enough to trigger it, and
    // compiling took 1.3 s of a 2.0 s query that runs in 0.7 s without (docs/decisions.md).
    options: '-c jit=off',
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === DATE_OID ? (v: string) => v : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  // Named statements are parsed and planned once per connection instead of on every request. The
  // list engine builds SQL from whitelisted parts, so the shapes are few; the cap bounds what a
  // client inventing filter combinations could make the server keep.
  const statementNames = new Map<string, string>();
  const statement = (text: string, values?: readonly unknown[]): pg.QueryConfig => {
    let name = statementNames.get(text);
    if (name === undefined && statementNames.size < 2000) statementNames.set(text, (name = `sc${statementNames.size}`));
    return name === undefined ? { text, values: values as unknown[] } : { name, text, values: values as unknown[] };
  };
  const run = async <R>(client: pg.Pool | pg.PoolClient, sql: string, params?: readonly unknown[]) => {
    const r = await client.query(statement(sql, params));
    return { rows: r.rows as R[], affectedRows: r.rowCount ?? 0 };
  };
  const copy = (client: pg.PoolClient, table: string, columns: readonly string[], text: string) =>
    new Promise<void>((resolve, reject) => {
      const stream = client.query(copyFromStdin(copyStatement(table, columns, 'STDIN')));
      stream.on('error', reject);
      stream.on('finish', resolve);
      stream.end(text);
    });
  await run(pool, 'select 1');
  const listeners = new Set<pg.Client>();
  return {
    engine: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    exec: async (sql) => void (await pool.query(sql)),
    async copyRows(table, columns, text) {
      const client = await pool.connect();
      try {
        await copy(client, table, columns, text);
      } finally {
        client.release();
      }
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: (sql, params) => run(client, sql, params),
          exec: async (sql) => void (await client.query(sql)),
          copyRows: (table, columns, text) => copy(client, table, columns, text),
        });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    listen: (channel, onMessage, onLost) => listenOn(connectionString, listeners, channel, onMessage, onLost),
    async close() {
      await Promise.all([...listeners].map((l) => l.end().catch(() => undefined)));
      await pool.end();
    },
  };
}

/**
 * LISTEN on a connection of its own, outside the pool: it stays open as long as the listener, and
 * a pooled connection handed back to the pool would listen for whoever takes it next.
 */
async function listenOn(connectionString: string, listeners: Set<pg.Client>, channel: string, onMessage: (payload: string) => void, onLost: () => void): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString });
  let stopped = false;
  const lost = () => {
    listeners.delete(client);
    if (!stopped) onLost();
    stopped = true;
  };
  client.on('notification', (m) => {
    if (m.channel === channel) onMessage(m.payload ?? '');
  });
  client.on('error', lost);
  client.on('end', lost);
  await client.connect();
  listeners.add(client);
  await client.query(`LISTEN ${channel}`);
  return async () => {
    stopped = true;
    listeners.delete(client);
    await client.end();
  };
}

