import type { Database, Queryable } from '../../src/db/client.js';

export interface Statement {
  sql: string;
  params: readonly unknown[];
}

/** The database, with every statement it runs (in a transaction too) appended to `log`: a test counts what a request reads. */
export function observedDatabase(db: Database, log: Statement[]): Database {
  const watch = (q: Queryable): Queryable => ({
    query: (sql, params) => {
      log.push({ sql, params: params ?? [] });
      return q.query(sql, params);
    },
    exec: (sql) => q.exec(sql),
    copyRows: (table, columns, text) => q.copyRows(table, columns, text),
  });
  return { ...db, ...watch(db), transaction: (work) => db.transaction((tx) => work(watch(tx))) };
}
