import type { Queryable } from '../../db/client.js';
import type { ListSpec } from '../../db/list/spec.js';
import type { ChainedEntry } from './chain.js';

export interface AuditRow {
  id: number;
  at: Date;
  user_id: number | null;
  username: string | null;
  role: string;
  via: string;
  token_id: number | null;
  ip: string | null;
  request_id: string | null;
  action: string;
  entity: string;
  record_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export const AUDIT_COLUMNS = 't.id, t.at, t.user_id, t.username, t.role, t.via, t.token_id, t.ip, t.request_id, t.action, t.entity, t.record_id, t.before, t.after, t.prev_hash, t.hash';

/** What the audit list may filter and sort on. */
export const auditListSpec: ListSpec = {
  from: 'audit_log t',
  tables: ['audit_log'],
  select: AUDIT_COLUMNS,
  fields: {
    id: { column: 't.id', type: 'int', sort: true, notNull: true },
    at: { column: 't.at', type: 'timestamp', sort: true, notNull: true },
    user_id: { column: 't.user_id', type: 'int' },
    username: { column: 't.username', type: 'text', group: true },
    role: { column: 't.role', type: 'text', group: true },
    via: { column: 't.via', type: 'code', notNull: true, values: ['session', 'token', 'anonymous', 'cli', 'system'], group: true },
    action: { column: 't.action', type: 'text', notNull: true, group: true },
    entity: { column: 't.entity', type: 'text', notNull: true, group: true },
    record_id: { column: 't.record_id', type: 'text' },
    ip: { column: 't.ip', type: 'text' },
    request_id: { column: 't.request_id', type: 'text' },
  },
  searchColumns: ['t.username', 't.before', 't.after'],
  defaultSort: { field: 'id', desc: true },
};

export const chainedEntry = (r: AuditRow): ChainedEntry & { prevHash: string; hash: string } => ({
  id: r.id,
  at: r.at,
  userId: r.user_id,
  username: r.username,
  role: r.role,
  via: r.via,
  tokenId: r.token_id,
  ip: r.ip,
  requestId: r.request_id,
  action: r.action,
  entity: r.entity,
  recordId: r.record_id,
  before: r.before,
  after: r.after,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** Entries after `afterId`, in chain order. */
export async function auditBatch(db: Queryable, afterId: number, limit: number): Promise<AuditRow[]> {
  const { rows } = await db.query<AuditRow>(`SELECT ${AUDIT_COLUMNS} FROM audit_log t WHERE t.id > $1 ORDER BY t.id LIMIT $2`, [afterId, limit]);
  return rows;
}
