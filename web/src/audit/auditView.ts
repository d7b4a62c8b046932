import type { AuditEntry } from '../../../src/contracts/audit';
import { auditActionLabels } from '../../../src/domain/auditActions';
import type { Message } from '../../../src/domain/message';
import { roleLabels, type Role } from '../../../src/domain/permissions';

/** How the audit log page names things; pure, so the labels are tested without a browser. */

export type AuditVia = AuditEntry['via'];
export const AUDIT_VIAS: readonly AuditVia[] = ['session', 'token', 'anonymous', 'cli', 'system'];

/** Kinds of record the server writes entries for (table names); the page labels them through i18n. */
export const AUDIT_ENTITIES = ['organizations', 'qualifications', 'rd_institutions', 'platforms', 'users', 'api_tokens', 'targets', 'official_values', 'tech_sme_evaluations', 'tech_contracts', 'ip_loans', 'talent_introductions', 'recruitment_calls', 'projects', 'achievements', 'transfers', 'incubations', 'demo', 'applications', 'experts', 'database'] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export const isKnownEntity = (entity: string): entity is AuditEntity => (AUDIT_ENTITIES as readonly string[]).includes(entity);

/** The action filter's choices: the shared table of src/domain/auditActions.ts, in its order. */
export function actionOptions(side: 'zh' | 'en'): Array<{ value: string; label: string }> {
  return Object.entries(auditActionLabels).map(([value, label]) => ({ value, label: label[side] }));
}

/** Who acted as: an account role, or `system` for a CLI command or the server itself. */
const SYSTEM_ROLE: Message = { zh: '系统', en: 'System' };

export function roleText(role: string, side: 'zh' | 'en'): string {
  if (role === 'system') return SYSTEM_ROLE[side];
  return role in roleLabels ? roleLabels[role as Role][side] : role;
}

/** `2026-01-05 14:05:09` in the viewer's time zone: an audit trail needs the seconds. */
export function formatAuditTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The first characters of a hash, enough to compare by eye. */
export const shortHash = (hash: string, length = 12): string => (hash.length > length ? `${hash.slice(0, length)}…` : hash);
