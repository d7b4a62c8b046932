import { createHash } from 'node:crypto';

/**
 * The audit log's hash chain (审计链). Each entry's hash is the SHA-256 of the hash before it and
 * the entry's canonical text, so changing, inserting or removing any entry breaks every hash from
 * there on; the ids run 1, 2, 3… without gaps, so a removed entry also leaves a hole.
 */

/** The `prev_hash` of entry 1. */
export const GENESIS_HASH = '0'.repeat(64);

/** One entry as stored: every column the hash covers. */
export interface ChainedEntry {
  id: number;
  at: Date;
  userId: number | null;
  username: string | null;
  role: string;
  via: string;
  tokenId: number | null;
  ip: string | null;
  requestId: string | null;
  action: string;
  entity: string;
  recordId: string | null;
  /** JSON texts, exactly as stored. */
  before: string | null;
  after: string | null;
}

/** The entry as one line of text: a JSON array of its columns in a fixed order. */
export function canonicalEntry(e: ChainedEntry): string {
  return JSON.stringify([e.id, e.at.toISOString(), e.userId, e.username, e.role, e.via, e.tokenId, e.ip, e.requestId, e.action, e.entity, e.recordId, e.before, e.after]);
}

export function entryHash(prevHash: string, entry: ChainedEntry): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalEntry(entry)).digest('hex');
}

/**
 * A value as JSON with object keys sorted at every depth, so that the same record always gives
 * the same text (and the same hash) whatever order its fields were built in. `undefined` fields
 * are left out, as JSON.stringify does.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

/** What is wrong with one entry of the chain. */
export interface ChainBreak {
  id: number;
  kind: 'gap' | 'prev_hash' | 'hash';
}

/**
 * Checks entries in id order, a batch at a time: `state` carries the previous id and hash across
 * batches. Returns the breaks found in this batch.
 */
export function checkChain(state: { lastId: number; lastHash: string }, entries: ReadonlyArray<ChainedEntry & { prevHash: string; hash: string }>): ChainBreak[] {
  const breaks: ChainBreak[] = [];
  for (const e of entries) {
    if (e.id !== state.lastId + 1) breaks.push({ id: e.id, kind: 'gap' });
    if (e.prevHash !== state.lastHash) breaks.push({ id: e.id, kind: 'prev_hash' });
    if (entryHash(e.prevHash, e) !== e.hash) breaks.push({ id: e.id, kind: 'hash' });
    state.lastId = e.id;
    state.lastHash = e.hash;
  }
  return breaks;
}
