import type { AuditEntry, AuditVerification } from '../../contracts/audit.js';
import type { ListQuery } from '../../contracts/common.js';
import type { ExportFormat, ExportLanguage } from '../../contracts/exports.js';
import type { FileColumn } from '../../contracts/fileColumns.js';
import type { ServiceContext } from '../shared/context.js';
import type { Queryable } from '../../db/client.js';
import { parseListQuery } from '../../db/list/parse.js';
import { listBatches, runList, type ListPage } from '../../db/list/sql.js';
import { auditActionLabel, chainBreakMessages } from '../../domain/auditActions.js';
import { contentDisposition } from '../exports/cells.js';
import { writeExport } from '../exports/writers.js';
import { validationFailed } from '../shared/errors.js';
import { iso } from '../shared/records.js';
import { checkChain, GENESIS_HASH, type ChainBreak } from './chain.js';
import { auditBatch, auditListSpec, chainedEntry, type AuditRow } from './queries.js';

/** Browsing, exporting and verifying the audit log (审计日志). Entries are written by `appendAudit` (trail.ts). */

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export function presentAuditEntry(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: iso(r.at),
    user_id: r.user_id,
    username: r.username,
    role: r.role,
    via: r.via as AuditEntry['via'],
    token_id: r.token_id,
    ip: r.ip,
    request_id: r.request_id,
    action: r.action,
    action_label: auditActionLabel(r.action),
    entity: r.entity,
    record_id: r.record_id,
    before: parseJson(r.before),
    after: parseJson(r.after),
    hash: r.hash,
  };
}

export async function listAudit(db: Queryable, query: ListQuery): Promise<ListPage<AuditEntry>> {
  const parsed = parseListQuery(auditListSpec, query);
  if (!parsed.ok) throw validationFailed(parsed.problems);
  return runList(db, auditListSpec, parsed.value, presentAuditEntry);
}

const VERIFY_BATCH = 5000;
const BREAKS_SHOWN = 100;

/**
 * Walks the whole chain in order, a batch at a time, recomputing every hash (`starcity audit
 * verify` and GET /audit/verify). Reports the first problems and the head, whose hash, noted
 * elsewhere, also reveals a tail that was cut off or rewritten as a whole.
 */
export async function verifyAudit(db: Queryable, now: Date = new Date()): Promise<AuditVerification> {
  const state = { lastId: 0, lastHash: GENESIS_HASH };
  const breaks: ChainBreak[] = [];
  let entries = 0;
  for (;;) {
    const rows = await auditBatch(db, state.lastId, VERIFY_BATCH);
    if (rows.length === 0) break;
    entries += rows.length;
    if (breaks.length < BREAKS_SHOWN) breaks.push(...checkChain(state, rows.map(chainedEntry)));
    else {
      state.lastId = rows[rows.length - 1]!.id;
      state.lastHash = rows[rows.length - 1]!.hash;
    }
  }
  return {
    ok: breaks.length === 0,
    entries,
    head: entries ? { id: state.lastId, hash: state.lastHash } : null,
    breaks: breaks.slice(0, BREAKS_SHOWN).map((b) => ({ ...b, message: chainBreakMessages[b.kind] })),
    checked_at: iso(now),
  };
}

/** The columns of an audit export; before and after as JSON text. */
const auditColumns: FileColumn[] = [
  { key: 'id', zh: '序号', en: 'Id', type: 'text', required: true },
  { key: 'at', zh: '时间', en: 'Time', type: 'text', required: true },
  { key: 'username', zh: '操作人', en: 'User', type: 'text', required: false },
  { key: 'role', zh: '角色', en: 'Role', type: 'text', required: true },
  { key: 'via', zh: '方式', en: 'Via', type: 'text', required: true },
  { key: 'ip', zh: 'IP 地址', en: 'IP address', type: 'text', required: false },
  { key: 'request_id', zh: '请求编号', en: 'Request id', type: 'text', required: false },
  { key: 'action', zh: '动作', en: 'Action', type: 'text', required: true },
  { key: 'entity', zh: '对象类型', en: 'Entity', type: 'text', required: true },
  { key: 'record_id', zh: '记录编号', en: 'Record id', type: 'text', required: false },
  { key: 'before', zh: '变更前', en: 'Before', type: 'text', required: false },
  { key: 'after', zh: '变更后', en: 'After', type: 'text', required: false },
  { key: 'prev_hash', zh: '前一哈希', en: 'Previous hash', type: 'text', required: true },
  { key: 'hash', zh: '哈希', en: 'Hash', type: 'text', required: true },
];

const EXPORT_SELECT = `t.id::text AS id, to_char(t.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, t.username, t.role, t.via, t.ip, t.request_id, t.action, t.entity, t.record_id, t.before, t.after, t.prev_hash, t.hash`;
const extensions: Record<ExportFormat, string> = { csv: 'csv', xlsx: 'xlsx', jsonl: 'jsonl' };

/** The log, filtered like the list, as CSV, XLSX or JSON Lines, streamed; with the hashes, so a copy can be checked on its own. */
export function exportAudit({ db, clock }: Pick<ServiceContext, 'db' | 'clock'>, req: { format: ExportFormat; lang: ExportLanguage; filter?: string | undefined; search?: string | undefined; sort?: string | undefined }) {
  const parsed = parseListQuery(auditListSpec, { filter: req.filter, search: req.search, sort: req.sort ?? 'id', per_page: 1000 });
  if (!parsed.ok) throw validationFailed(parsed.problems);
  const batches = listBatches<Record<string, string | null>>(db, auditListSpec, parsed.value, EXPORT_SELECT, 1000);
  const stream = writeExport(req.format, { columns: auditColumns, lang: req.lang, sheetName: req.lang === 'zh' ? '审计日志' : 'Audit log' }, batches);
  const day = clock.today().replaceAll('-', '');
  const ascii = `audit-log-${day}.${extensions[req.format]}`;
  return { stream, contentDisposition: contentDisposition({ ascii, utf8: req.lang === 'zh' ? `审计日志-${day}.${extensions[req.format]}` : ascii }) };
}
