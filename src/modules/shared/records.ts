import type { Queryable } from '../../db/client.js';
import type { Message } from '../../domain/message.js';
import { notFound, preconditionRequired, stale } from './errors.js';

/** Timestamps leave the server as ISO 8601 strings. */
export const iso = (d: Date | string): string => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

/**
 * Parses `If-Match: "3"` (or W/"3", or a bare 3) or a body `version`; one of them is required so
 * that no update silently overwrites a change it has not seen.
 */
export function expectedVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  if (ifMatch !== undefined) {
    const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
    if (m) return Number(m[1]);
  }
  if (bodyVersion !== undefined) return bodyVersion;
  throw preconditionRequired();
}

/**
 * Explains a zero-row conditional UPDATE/DELETE: the row is gone (404) or its version moved (412).
 */
export async function explainMiss(db: Queryable, table: string, entity: Message, id: number): Promise<never> {
  const { rows } = await db.query<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]);
  if (!rows[0]) throw notFound(entity, id);
  throw stale(rows[0].version);
}

/** Builds `SET a = $2, b = $3, version = version + 1, updated_at = now()` from a patch. */
export function setClause(patch: Record<string, unknown>, columns: readonly string[], firstParam: number): { sql: string; values: unknown[] } {
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const col of columns) {
    if (patch[col] === undefined) continue;
    values.push(patch[col]);
    sets.push(`${col} = $${firstParam + values.length - 1}`);
  }
  sets.push('version = version + 1', 'updated_at = now()');
  return { sql: sets.join(', '), values };
}

/**
 * Conditional update of one row: applies the patch only if the version is still `version`. The
 * changed row comes back as `columns` of `t`, with the `joins` a row is shown with, in the same
 * statement: the write reads the record no second time.
 */
export async function updateVersioned<Row>(
  db: Queryable,
  target: { table: string; columns: string; entity: Message; joins?: string },
  id: number,
  version: number,
  patch: Record<string, unknown>,
  writable: readonly string[],
): Promise<Row> {
  const set = setClause(patch, writable, 3);
  const sql = target.joins
    ? `WITH t AS (UPDATE ${target.table} SET ${set.sql} WHERE id = $1 AND version = $2 RETURNING *) SELECT ${target.columns} FROM t ${target.joins}`
    : `UPDATE ${target.table} AS t SET ${set.sql} WHERE t.id = $1 AND t.version = $2 RETURNING ${target.columns}`;
  const { rows } = await db.query<Row>(sql, [id, version, ...set.values]);
  return rows[0] ?? explainMiss(db, target.table, target.entity, id);
}

/** Deletes one row, honouring an optional expected version. */
export async function deleteVersioned(db: Queryable, target: { table: string; entity: Message }, id: number, version: number | undefined): Promise<void> {
  const r = version === undefined
    ? await db.query(`DELETE FROM ${target.table} WHERE id = $1`, [id])
    : await db.query(`DELETE FROM ${target.table} WHERE id = $1 AND version = $2`, [id, version]);
  if (r.affectedRows === 0) await explainMiss(db, target.table, target.entity, id);
}
