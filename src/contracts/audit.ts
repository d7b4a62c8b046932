import { z } from 'zod';
import { bilingual, listEnvelope, timestamp } from './common.js';

/** The audit log over HTTP (审计日志): administrators browse, export and verify it. */

export const auditEntry = z
  .object({
    id: z.number().int().describe('Position in the chain: 1, 2, 3… without gaps'),
    at: timestamp,
    user_id: z.number().int().nullable(),
    username: z.string().nullable().describe('The account, or cli:<os user> / system:<task>'),
    role: z.string(),
    via: z.enum(['session', 'token', 'anonymous', 'cli', 'system']),
    token_id: z.number().int().nullable(),
    ip: z.string().nullable(),
    request_id: z.string().nullable(),
    action: z.string().describe('create, update, delete, import_start, import, sign_in, sign_in_failed, sign_out, password_change, password_change_failed, unlock, revoke, cascade, seed, …'),
    action_label: bilingual,
    entity: z.string().describe('The kind of record: a table name (organizations, users, targets…)'),
    record_id: z.string().nullable(),
    before: z.unknown().nullable().describe('The record before the change, as the API showed it'),
    after: z.unknown().nullable().describe('The record after the change'),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.output<typeof auditEntry>;

export const auditList = listEnvelope(auditEntry).meta({ id: 'AuditList' });

export const auditVerification = z
  .object({
    ok: z.boolean(),
    entries: z.number().int().describe('Entries checked'),
    head: z.object({ id: z.number().int(), hash: z.string() }).nullable().describe('The last entry: note its hash elsewhere to detect a rewritten tail later'),
    breaks: z.array(z.object({ id: z.number().int(), kind: z.enum(['gap', 'prev_hash', 'hash']), message: bilingual })).describe('The first 100 problems found'),
    checked_at: timestamp,
  })
  .meta({ id: 'AuditVerification' });
export type AuditVerification = z.output<typeof auditVerification>;
