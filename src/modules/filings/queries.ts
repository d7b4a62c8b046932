import type { Queryable } from '../../db/client.js';

/** SQL of the filing workflows (备案): applications and what happens inside them. */

export interface ApplicationRow {
  id: number;
  filing_type: string;
  state: string;
  organization_id: number;
  organization_name: string;
  subject: string | null;
  rd_institution_id: number | null;
  tech_contract_id: number | null;
  district_code: string | null;
  zone: string | null;
  field: string | null;
  data: Record<string, string | number | boolean | null>;
  state_since: Date;
  /** The bureau's day the state began (YYYY-MM-DD): deadlines count from it. */
  state_day: string;
  submitted_at: Date | null;
  decided_at: Date | null;
  decision_reason: string | null;
  notice_from: string | null;
  notice_to: string | null;
  filed_entity: string | null;
  filed_record_id: number | null;
  created_by: number | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

/** What an application files: the name in its form, the institution a "four global" confirmation is about, or the contract a registration is. */
export const SUBJECT =
  "coalesce(t.data->>'name', (SELECT i.name FROM rd_institutions i WHERE i.id = t.rd_institution_id), (SELECT c.title FROM tech_contracts c WHERE c.id = t.tech_contract_id))";
export const APPLICATION_COLUMNS = `t.id, t.filing_type, t.state, t.organization_id, o.name AS organization_name, ${SUBJECT} AS subject, t.rd_institution_id, t.tech_contract_id, t.district_code, t.zone, t.field, t.data,
  t.state_since, t.state_day, t.submitted_at, t.decided_at, t.decision_reason, t.notice_from, t.notice_to, t.filed_entity, t.filed_record_id, t.created_by, t.created_at, t.updated_at, t.version`;
export const APPLICATION_FROM = 'applications t JOIN organizations o ON o.id = t.organization_id';

export async function findApplication(db: Queryable, id: number, forUpdate = false): Promise<ApplicationRow | undefined> {
  const { rows } = await db.query<ApplicationRow>(`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM} WHERE t.id = $1${forUpdate ? ' FOR UPDATE OF t' : ''}`, [id]);
  return rows[0];
}

/** The application locked for a write (FOR UPDATE of its row). */
export const lockApplication = (db: Queryable, id: number) => findApplication(db, id, true);

export async function insertApplication(
  db: Queryable,
  a: { filing_type: string; state: string; organization_id: number; rd_institution_id: number | null; tech_contract_id: number | null; district_code: string | null; zone: string | null; field: string | null; data: object; now: Date; today: string; created_by: number | null },
): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO applications (filing_type, state, organization_id, rd_institution_id, tech_contract_id, district_code, zone, field, data, state_since, state_day, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $10, $10) RETURNING id`,
    [a.filing_type, a.state, a.organization_id, a.rd_institution_id, a.tech_contract_id, a.district_code, a.zone, a.field, JSON.stringify(a.data), a.now, a.today, a.created_by],
  );
  return rows[0]!.id;
}

/** Changes an application only if it is still at `version`; false when it moved on (someone else acted first). */
export async function updateApplication(db: Queryable, id: number, version: number, changes: Record<string, unknown>, now: Date): Promise<boolean> {
  const keys = Object.keys(changes);
  const sets = keys.map((k, i) => `${k} = $${i + 4}`);
  const values = keys.map((k) => (k === 'data' ? JSON.stringify(changes[k]) : changes[k]));
  const r = await db.query(`UPDATE applications SET ${[...sets, 'version = version + 1', 'updated_at = $3'].join(', ')} WHERE id = $1 AND version = $2`, [id, version, now, ...values]);
  return r.affectedRows === 1;
}

export interface EventRow {
  at: Date;
  username: string | null;
  kind: string;
  from_state: string | null;
  to_state: string | null;
  comment: string | null;
  details: unknown;
}

export async function insertEvent(
  db: Queryable,
  e: { applicationId: number; at: Date; userId: number | null; username: string | null; kind: string; from?: string | null; to?: string | null; comment?: string | null; details?: unknown },
): Promise<void> {
  await db.query(
    'INSERT INTO application_events (application_id, at, user_id, username, kind, from_state, to_state, comment, details) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
    [e.applicationId, e.at, e.userId, e.username, e.kind, e.from ?? null, e.to ?? null, e.comment ?? null, e.details === undefined ? null : JSON.stringify(e.details)],
  );
}

export async function listEvents(db: Queryable, applicationId: number): Promise<EventRow[]> {
  const { rows } = await db.query<EventRow>('SELECT at, username, kind, from_state, to_state, comment, details FROM application_events WHERE application_id = $1 ORDER BY id', [applicationId]);
  return rows;
}

// ---- experts, draws, reviews --------------------------------------------------------------

export interface ExpertRow {
  id: number;
  user_id: number;
  username: string;
  display_name: string | null;
  fields: string[];
  organization_id: number | null;
  organization_name: string | null;
  conflicts: number[];
  active: boolean;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const EXPERT_SELECT = `SELECT e.id, e.user_id, u.username, u.display_name, e.fields, e.organization_id, o.name AS organization_name, e.conflicts, e.active AND u.active AS active,
  e.created_at, e.updated_at, e.version FROM experts e JOIN users u ON u.id = e.user_id LEFT JOIN organizations o ON o.id = e.organization_id`;

export async function listExperts(db: Queryable): Promise<ExpertRow[]> {
  return (await db.query<ExpertRow>(`${EXPERT_SELECT} ORDER BY e.id`)).rows;
}

export async function findExpert(db: Queryable, by: { id?: number; userId?: number }): Promise<ExpertRow | undefined> {
  const { rows } = await db.query<ExpertRow>(`${EXPERT_SELECT} WHERE ($1::int IS NULL OR e.id = $1) AND ($2::int IS NULL OR e.user_id = $2)`, [by.id ?? null, by.userId ?? null]);
  return rows[0];
}

export async function insertExpert(db: Queryable, e: { user_id: number; fields: string[]; organization_id: number | null; conflicts: number[]; active: boolean }): Promise<number> {
  const { rows } = await db.query<{ id: number }>('INSERT INTO experts (user_id, fields, organization_id, conflicts, active) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
    e.user_id,
    e.fields,
    e.organization_id,
    e.conflicts,
    e.active,
  ]);
  return rows[0]!.id;
}

export async function updateExpert(db: Queryable, id: number, version: number, changes: Record<string, unknown>): Promise<boolean> {
  const keys = Object.keys(changes);
  const sets = keys.map((k, i) => `${k} = $${i + 3}`);
  const r = await db.query(`UPDATE experts SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2`, [id, version, ...keys.map((k) => changes[k])]);
  return r.affectedRows === 1;
}

export interface DrawRow {
  seed: string;
  field: string;
  requested: number;
  pool: unknown;
  eligible: number[];
  excluded: Array<{ id: number; reason: string }>;
  drawn: number[];
  drawn_at: Date;
}

export async function insertDraw(db: Queryable, d: Omit<DrawRow, 'drawn_at'> & { applicationId: number; drawnBy: number | null; at: Date }): Promise<void> {
  await db.query(
    'INSERT INTO expert_draws (application_id, seed, field, requested, pool, eligible, excluded, drawn, drawn_by, drawn_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
    [d.applicationId, d.seed, d.field, d.requested, JSON.stringify(d.pool), d.eligible, JSON.stringify(d.excluded), d.drawn, d.drawnBy, d.at],
  );
}

export async function latestDraw(db: Queryable, applicationId: number): Promise<DrawRow | undefined> {
  const { rows } = await db.query<DrawRow>('SELECT seed, field, requested, pool, eligible, excluded, drawn, drawn_at FROM expert_draws WHERE application_id = $1 ORDER BY id DESC LIMIT 1', [applicationId]);
  return rows[0];
}

export interface ReviewRow {
  expert_id: number;
  expert_name: string | null;
  scores: Record<string, number>;
  total: string;
  comment: string;
  submitted_at: Date;
}

export async function upsertReview(db: Queryable, r: { applicationId: number; expertId: number; scores: Record<string, number>; total: number; comment: string; at: Date }): Promise<void> {
  await db.query(
    `INSERT INTO expert_reviews (application_id, expert_id, scores, total, comment, submitted_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (application_id, expert_id) DO UPDATE SET scores = EXCLUDED.scores, total = EXCLUDED.total, comment = EXCLUDED.comment, submitted_at = EXCLUDED.submitted_at`,
    [r.applicationId, r.expertId, JSON.stringify(r.scores), r.total, r.comment, r.at],
  );
}

export async function listReviews(db: Queryable, applicationId: number): Promise<ReviewRow[]> {
  const { rows } = await db.query<ReviewRow>(
    `SELECT r.expert_id, coalesce(u.display_name, u.username) AS expert_name, r.scores, r.total::text AS total, r.comment, r.submitted_at
       FROM expert_reviews r JOIN experts e ON e.id = r.expert_id JOIN users u ON u.id = e.user_id WHERE r.application_id = $1 ORDER BY r.expert_id`,
    [applicationId],
  );
  return rows;
}

// ---- objections, evaluations, notices, attachments ---------------------------------------

export interface ObjectionRow {
  id: number;
  lodged_at: Date;
  name: string;
  contact: string;
  text: string;
  upheld: boolean | null;
  resolution: string | null;
  resolved_at: Date | null;
}

export async function insertObjection(db: Queryable, o: { applicationId: number; at: Date; name: string; contact: string; text: string }): Promise<number> {
  const { rows } = await db.query<{ id: number }>('INSERT INTO objections (application_id, lodged_at, name, contact, text) VALUES ($1, $2, $3, $4, $5) RETURNING id', [o.applicationId, o.at, o.name, o.contact, o.text]);
  return rows[0]!.id;
}

export async function listObjections(db: Queryable, applicationId: number): Promise<ObjectionRow[]> {
  return (await db.query<ObjectionRow>('SELECT id, lodged_at, name, contact, text, upheld, resolution, resolved_at FROM objections WHERE application_id = $1 ORDER BY id', [applicationId])).rows;
}

/** Resolves an objection not yet resolved; false when there is none such. */
export async function resolveObjection(db: Queryable, o: { applicationId: number; id: number; upheld: boolean; resolution: string; by: number | null; at: Date }): Promise<boolean> {
  const r = await db.query('UPDATE objections SET upheld = $3, resolution = $4, resolved_by = $5, resolved_at = $6 WHERE application_id = $1 AND id = $2 AND resolved_at IS NULL', [
    o.applicationId,
    o.id,
    o.upheld,
    o.resolution,
    o.by,
    o.at,
  ]);
  return r.affectedRows === 1;
}

export interface EvaluationRow {
  year: number;
  result: string;
  comment: string | null;
  evaluated_at: Date;
}

export async function insertEvaluation(db: Queryable, e: { applicationId: number; year: number; result: string; comment: string | null; by: number | null; at: Date }): Promise<boolean> {
  const r = await db.query(
    'INSERT INTO filing_evaluations (application_id, year, result, comment, evaluated_by, evaluated_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (application_id, year) DO NOTHING',
    [e.applicationId, e.year, e.result, e.comment, e.by, e.at],
  );
  return r.affectedRows === 1;
}

export async function listEvaluations(db: Queryable, applicationId: number): Promise<EvaluationRow[]> {
  return (await db.query<EvaluationRow>('SELECT year, result, comment, evaluated_at FROM filing_evaluations WHERE application_id = $1 ORDER BY year', [applicationId])).rows;
}

export async function currentNotices(db: Queryable): Promise<ApplicationRow[]> {
  return (await db.query<ApplicationRow>(`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM} WHERE t.state = 'public_notice' ORDER BY t.notice_from DESC, t.id`)).rows;
}

export interface AttachmentRow {
  id: number;
  checklist_item: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_at: Date;
}

export async function listAttachments(db: Queryable, applicationId: number): Promise<AttachmentRow[]> {
  return (await db.query<AttachmentRow>('SELECT id, checklist_item, file_name, content_type, size, sha256, uploaded_at FROM attachments WHERE application_id = $1 ORDER BY id', [applicationId])).rows;
}

/** The registry row a new application is pre-filled from: the applicant, or the institution it is about. */
export async function prefillSource(db: Queryable, table: 'organizations' | 'rd_institutions', id: number): Promise<Record<string, unknown> | undefined> {
  const { rows } = await db.query<Record<string, unknown>>(`SELECT * FROM ${table} WHERE id = $1`, [id]);
  return rows[0];
}

/** The applicant's latest application of a type (about the same institution, or none), for "fill once, reuse". */
export async function latestApplicationData(db: Queryable, organizationId: number, filingType: string, institutionId: number | null): Promise<Record<string, string | number | boolean | null> | undefined> {
  const { rows } = await db.query<{ data: Record<string, string | number | boolean | null> }>(
    'SELECT data FROM applications WHERE organization_id = $1 AND filing_type = $2 AND rd_institution_id IS NOT DISTINCT FROM $3 ORDER BY id DESC LIMIT 1',
    [organizationId, filingType, institutionId],
  );
  return rows[0]?.data;
}

/** Who hosts an R&D institution (a "four global" application is about one of the applicant's). */
export async function institutionHost(db: Queryable, id: number): Promise<number | undefined> {
  const { rows } = await db.query<{ host_org_id: number }>('SELECT host_org_id FROM rd_institutions WHERE id = $1', [id]);
  return rows[0]?.host_org_id;
}

/** Applications in the caller's scope (an SQL condition on `t`) that wait in one of the conditions. */
export async function waitingApplications(db: Queryable, scope: string, waits: readonly string[]): Promise<ApplicationRow[]> {
  return (await db.query<ApplicationRow>(`SELECT ${APPLICATION_COLUMNS} FROM ${APPLICATION_FROM} WHERE (${scope}) AND ((${waits.join(') OR (')})) ORDER BY t.state_since`)).rows;
}

export type RecentEvent = EventRow & { application_id: number; filing_type: string; organization_name: string; subject: string | null };

/** What others did lately on the applications in the caller's scope, newest first. */
export async function recentEvents(db: Queryable, scope: string, since: Date, notBy: number | null, limit: number): Promise<RecentEvent[]> {
  const { rows } = await db.query<RecentEvent>(
    `SELECT e.application_id, e.at, e.username, e.kind, e.from_state, e.to_state, e.comment, e.details, t.filing_type, o.name AS organization_name, ${SUBJECT} AS subject
       FROM application_events e JOIN ${APPLICATION_FROM} ON t.id = e.application_id
      WHERE (${scope}) AND e.at >= $1 AND e.user_id IS DISTINCT FROM $2
      ORDER BY e.id DESC LIMIT ${limit}`,
    [since, notBy],
  );
  return rows;
}

/** Accounts that could join the expert pool: active, with the expert role, not in it yet. */
export async function expertCandidates(db: Queryable): Promise<Array<{ user_id: number; username: string; display_name: string | null }>> {
  const { rows } = await db.query<{ user_id: number; username: string; display_name: string | null }>(
    `SELECT u.id AS user_id, u.username, u.display_name FROM users u
      WHERE u.role = 'expert' AND u.active AND NOT EXISTS (SELECT 1 FROM experts e WHERE e.user_id = u.id) ORDER BY u.username`,
  );
  return rows;
}

/** Which of these organizations exist. */
export async function existingOrganizations(db: Queryable, ids: readonly number[]): Promise<Set<number>> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM organizations WHERE id = ANY($1::int[])', [[...ids]]);
  return new Set(rows.map((r) => r.id));
}

/** An account's role, or undefined when there is no such account. */
export async function userRole(db: Queryable, id: number): Promise<string | undefined> {
  const { rows } = await db.query<{ role: string }>('SELECT role FROM users WHERE id = $1', [id]);
  return rows[0]?.role;
}

/** The expert locked for a write. */
export async function lockExpert(db: Queryable, id: number): Promise<ExpertRow | undefined> {
  const { rows } = await db.query<ExpertRow>(`${EXPERT_SELECT} WHERE e.id = $1 FOR UPDATE OF e`, [id]);
  return rows[0];
}

export async function insertAttachment(db: Queryable, a: { applicationId: number; checklistItem: string; fileName: string; contentType: string; size: number; sha256: string; by: number | null; at: Date }): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    'INSERT INTO attachments (application_id, checklist_item, file_name, content_type, size, sha256, uploaded_by, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id',
    [a.applicationId, a.checklistItem, a.fileName, a.contentType, a.size, a.sha256, a.by, a.at],
  );
  return rows[0]!.id;
}

/** Deletes one document of an application; the row as it was, or undefined when there was none. */
export async function deleteAttachment(db: Queryable, applicationId: number, id: number): Promise<AttachmentRow | undefined> {
  const { rows } = await db.query<AttachmentRow>('DELETE FROM attachments WHERE application_id = $1 AND id = $2 RETURNING id, checklist_item, file_name, content_type, size, sha256, uploaded_at', [applicationId, id]);
  return rows[0];
}

/** The applications about a contract not yet ended (a contract has one registration under way at a time). */
export async function openContractApplications(db: Queryable, contractId: number, endStates: readonly string[]): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>('SELECT id FROM applications WHERE tech_contract_id = $1 AND NOT (state = ANY ($2::text[])) ORDER BY id', [contractId, [...endStates]]);
  return rows.map((r) => r.id);
}
