import type { Queryable } from '../../db/client.js';
import type { Message } from '../../domain/message.js';
import { appendAudit, type AuditActor, type AuditChange } from '../audit/trail.js';
import type { AppContext } from './context.js';
import { notFound, stale } from './errors.js';

/**
 * The one audited write path (issue 13): every module changes data through `write`, which opens
 * the transaction, reads and locks the record once, lets the caller refuse it (403), compares the
 * version the client saw (stale → 412 naming the current version), runs the change and appends
 * the audit entry last, in the same transaction: a write that fails leaves no entry, and an entry
 * never names a write that did not happen. Nothing else appends to the audit log.
 */

/** What a write needs of the context: the database and the clock (a backup has no city to name). */
export type WriteContext = Pick<AppContext, 'db' | 'clock'>;

/** The caller's context with `db` the write's transaction: what the change runs on. */
export type InTransaction<C extends WriteContext> = Omit<C, 'db'> & { db: Queryable };

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
  /** The record's id when the write names no `record` (a create, a sign-in). */
  recordId?: number | null;
  /** A different action for the entry than the operation's (set a password rather than update). */
  action?: string;
  /** false: nothing the log records happened (a sign-out of a session already ended, a dry-run import), so no entry. */
  audited?: boolean;
}

/** Entries of records a write changed besides its own, by the write's transaction: see {@link auditNested}. */
const nestedEntries = new WeakMap<Queryable, AuditChange[]>();

/** A create names no `record`: its change gets no row. */
export function write<Out, Row extends Versioned = never, C extends WriteContext = AppContext>(
  ctx: C,
  actor: AuditActor,
  op: WriteOp & { record?: RecordLock<Row> },
  change: (tx: InTransaction<C>, row: Row) => Promise<Written<Out>>,
): Promise<Out> {
  const at = ctx.clock.now();
  return ctx.db.transaction(async (db) => {
    const nested: AuditChange[] = [];
    nestedEntries.set(db, nested);
    try {
      const row = op.record ? await lockRecord(db, op.record) : (undefined as unknown as Row);
      const done = await change({ ...ctx, db }, row);
      for (const entry of nested) await appendAudit(db, actor, entry, at);
      if (done.audited !== false) await appendAudit(db, actor, { action: done.action ?? op.action, entity: op.entity, recordId: done.recordId ?? op.record?.id ?? null, before: done.before, after: done.after }, at);
      return done.result;
    } finally {
      nestedEntries.delete(db);
    }
  });
}

/**
 * Records a change the running write made to another record through that record's own service
 * (filing creates the platform it files): its entry is appended with the write's, just before it,
 * by the same actor and last in the same transaction. Only inside a write's change.
 */
export function auditNested(tx: { db: Queryable }, change: AuditChange): void {
  const nested = nestedEntries.get(tx.db);
  if (!nested) throw new Error(`auditNested(${change.action} ${change.entity}) outside a write: a change is audited by write()`);
  nested.push(change);
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
