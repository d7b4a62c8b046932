import type { Queryable } from '../../db/client.js';
import type { Message } from '../../domain/message.js';
import { appendAudit, type AuditActor } from '../audit/trail.js';
import type { AppContext, ServiceContext } from './context.js';
import { notFound, stale } from './errors.js';

/**
 * The one audited write path (issue 13): every module changes data through `write`, which opens
 * the transaction, reads and locks the record once, lets the caller refuse it (403), compares the
 * version the client saw (stale → 412 naming the current version), runs the change and appends
 * the audit entry last, in the same transaction: a write that fails leaves no entry, and an entry
 * never names a write that did not happen.
 */

export interface Versioned {
  version: number;
}

/** The record a write changes. */
export interface RecordLock<Row extends Versioned> {
  id: number;
  /** What the record is called in a 404. */
  noun: Message;
  /** Reads the row with FOR UPDATE: no other writer slips in before this one ends. */
  lock(db: Queryable, id: number): Promise<Row | undefined>;
  /** Refuses a caller the record is not theirs to change; runs before the version is compared, so a stranger learns nothing of it. */
  guard?(row: Row, db: Queryable): void | Promise<void>;
  /** The version the client saw (If-Match; a missing one may throw 428); undefined: not compared. */
  expectedVersion?(): number | undefined;
}

export interface WriteOp {
  /** The audit action (create, update, delete, submit…) and entity (the table). */
  action: string;
  entity: string;
}

/** What a change hands back: its result, and what the audit entry records. */
export interface Written<Out> {
  result: Out;
  /** The record as the API presents it before and after; undefined where there is none. */
  before?: unknown;
  after?: unknown;
  /** The record's id when the write made it (a create). */
  recordId?: number | null;
  /** A different action for the entry than the operation's (set a password rather than update). */
  action?: string;
}

/** A create names no `record`: its change gets no row. */
export function write<Out, Row extends Versioned = never>(
  ctx: AppContext,
  actor: AuditActor,
  op: WriteOp & { record?: RecordLock<Row> },
  change: (tx: ServiceContext, row: Row) => Promise<Written<Out>>,
): Promise<Out> {
  const at = ctx.clock.now();
  return ctx.db.transaction(async (db) => {
    const tx: ServiceContext = { ...ctx, db };
    const row = op.record ? await lockRecord(db, op.record) : (undefined as unknown as Row);
    const done = await change(tx, row);
    await appendAudit(db, actor, { action: done.action ?? op.action, entity: op.entity, recordId: done.recordId ?? op.record?.id ?? null, before: done.before, after: done.after }, at);
    return done.result;
  });
}

async function lockRecord<Row extends Versioned>(db: Queryable, record: RecordLock<Row>): Promise<Row> {
  const row = await record.lock(db, record.id);
  if (!row) throw notFound(record.noun, record.id);
  await record.guard?.(row, db);
  const expected = record.expectedVersion?.();
  if (expected !== undefined && expected !== row.version) throw stale(row.version);
  return row;
}

/** The version travels as a strong ETag so clients can send it back as If-Match. */
export const etag = (version: number): { etag: string } => ({ etag: `"${version}"` });
