import { userInfo } from 'node:os';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/client.js';
import { entryHash, GENESIS_HASH, stableJson, type ChainedEntry } from './chain.js';

/** Who made a change and from where: an account through the web or the API, or a CLI command. */
export interface AuditActor {
  userId: number | null;
  username: string | null;
  /** The account's role; `system` for a CLI command, `public` for nobody signed in. */
  role: string;
  via: 'session' | 'token' | 'anonymous' | 'cli' | 'system';
  tokenId: number | null;
  ip: string | null;
  requestId: string | null;
}

/** What was done to which record. `before`/`after` are the record as the API presents it (never a secret). */
export interface AuditChange {
  action: string;
  entity: string;
  recordId: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** The actor of an HTTP request: its principal, the client's address and the request id. */
export function requestActor(req: FastifyRequest): AuditActor {
  const p = req.principal;
  return {
    userId: p.userId,
    username: p.username,
    role: p.role,
    via: p.credential,
    tokenId: p.token?.id ?? null,
    ip: req.ip,
    requestId: String(req.id),
  };
}

/** The actor of a CLI command: the operating-system user who ran it. */
export function cliActor(): AuditActor {
  let name: string;
  try {
    name = userInfo().username;
  } catch {
    name = 'unknown';
  }
  return { userId: null, username: `cli:${name}`, role: 'system', via: 'cli', tokenId: null, ip: null, requestId: null };
}

/** The server itself, acting on no one's request (the demo seed on a first start, say). */
export function systemActor(task: string): AuditActor {
  return { userId: null, username: `system:${task}`, role: 'system', via: 'system', tokenId: null, ip: null, requestId: null };
}

// Any fixed number; every StarCity process must use the same one.
const AUDIT_CHAIN_LOCK = 4_301_007;

const json = (v: unknown): string | null => (v === undefined || v === null ? null : stableJson(v));

/**
 * Appends one entry to the audit log in the caller's transaction, as its last write: the advisory
 * lock that orders the chain is held until that transaction ends, so appending last keeps other
 * writers' wait short. Must run inside a transaction (a lone statement would release the lock
 * before the entry is committed, and two writers could chain to the same head). Called by `write`
 * (src/modules/shared/write.ts) alone, with the app clock's time.
 */
export async function appendAudit(tx: Queryable, actor: AuditActor, change: AuditChange, at: Date): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
  const { rows } = await tx.query<{ id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  const head = rows[0];
  const entry: ChainedEntry = {
    id: (head?.id ?? 0) + 1,
    at,
    userId: actor.userId,
    username: actor.username,
    role: actor.role,
    via: actor.via,
    tokenId: actor.tokenId,
    ip: actor.ip,
    requestId: actor.requestId,
    action: change.action,
    entity: change.entity,
    recordId: change.recordId === null ? null : String(change.recordId),
    before: json(change.before),
    after: json(change.after),
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  await tx.query(
    `INSERT INTO audit_log (id, at, user_id, username, role, via, token_id, ip, request_id, action, entity, record_id, before, after, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [entry.id, entry.at, entry.userId, entry.username, entry.role, entry.via, entry.tokenId, entry.ip, entry.requestId, entry.action, entry.entity, entry.recordId, entry.before, entry.after, prevHash, entryHash(prevHash, entry)],
  );
  return entry.id;
}
