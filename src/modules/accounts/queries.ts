import type { Queryable } from '../../db/client.js';

/** SQL of users, their organizations, sessions and API tokens, and nothing else. */

export interface UserRow {
  id: number;
  username: string;
  display_name: string | null;
  role: string;
  password_hash: string | null;
  active: boolean;
  districts: string[];
  zones: string[];
  organization_ids: number[];
  recent_failures: Array<Date | string>;
  locked_until: Date | null;
  demo_password: boolean;
  password_changed_at: Date | null;
  last_login_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const USER_COLUMNS = `u.id, u.username, u.display_name, u.role, u.password_hash, u.active, u.districts, u.zones,
  ARRAY(SELECT uo.organization_id FROM user_organizations uo WHERE uo.user_id = u.id ORDER BY uo.organization_id) AS organization_ids,
  u.recent_failures, u.locked_until, u.demo_password, u.password_changed_at, u.last_login_at, u.created_at, u.updated_at, u.version`;

/** Arrays come back as arrays from both engines; integers inside them may come back as strings. */
const normalizeUser = (r: UserRow): UserRow => ({ ...r, organization_ids: (r.organization_ids ?? []).map(Number), districts: r.districts ?? [], zones: r.zones ?? [], recent_failures: r.recent_failures ?? [] });

export async function findUserById(db: Queryable, id: number, forUpdate = false): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1${forUpdate ? ' FOR UPDATE' : ''}`, [id]);
  return rows[0] && normalizeUser(rows[0]);
}

export async function findUserByUsername(db: Queryable, username: string): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE lower(u.username) = lower($1)`, [username]);
  return rows[0] && normalizeUser(rows[0]);
}

export async function listUsers(db: Queryable): Promise<UserRow[]> {
  const { rows } = await db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.id`);
  return rows.map(normalizeUser);
}

export async function countUsers(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
  return rows[0]!.n;
}

export type NewUser = Pick<UserRow, 'username' | 'display_name' | 'role' | 'password_hash' | 'active' | 'districts' | 'zones' | 'demo_password'> & { now: Date };

export async function insertUser(db: Queryable, u: NewUser): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO users (username, display_name, role, password_hash, active, districts, zones, demo_password, password_changed_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $9) RETURNING id`,
    [u.username, u.display_name, u.role, u.password_hash, u.active, u.districts, u.zones, u.demo_password, u.now],
  );
  return rows[0]!.id;
}

export const USER_WRITABLE = ['display_name', 'role', 'active', 'districts', 'zones', 'password_hash', 'demo_password', 'password_changed_at'] as const;

/** A conditional update (on `version`); false when the row is gone or its version moved. */
export async function updateUser(db: Queryable, id: number, version: number | null, changes: Partial<Record<(typeof USER_WRITABLE)[number], unknown>>, now: Date): Promise<boolean> {
  const sets: string[] = [];
  const values: unknown[] = [id, now];
  for (const col of USER_WRITABLE) {
    if (changes[col] === undefined) continue;
    values.push(changes[col]);
    sets.push(`${col} = $${values.length}`);
  }
  values.push(version);
  const { affectedRows } = await db.query(
    `UPDATE users SET ${[...sets, 'version = version + 1', 'updated_at = $2'].join(', ')} WHERE id = $1 AND ($${values.length}::int IS NULL OR version = $${values.length})`,
    values,
  );
  return affectedRows > 0;
}

export async function setUserOrganizations(db: Queryable, userId: number, organizationIds: readonly number[]): Promise<void> {
  await db.query('DELETE FROM user_organizations WHERE user_id = $1', [userId]);
  if (organizationIds.length)
    await db.query('INSERT INTO user_organizations (user_id, organization_id) SELECT $1, unnest($2::int[])', [userId, [...organizationIds]]);
}

/** Ids among `ids` that name no organization. */
export async function missingOrganizations(db: Queryable, ids: readonly number[]): Promise<number[]> {
  if (!ids.length) return [];
  const { rows } = await db.query<{ id: number }>('SELECT id FROM unnest($1::int[]) AS x(id) WHERE NOT EXISTS (SELECT 1 FROM organizations o WHERE o.id = x.id)', [[...ids]]);
  return rows.map((r) => Number(r.id));
}

export async function organizationNames(db: Queryable, ids: readonly number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const { rows } = await db.query<{ id: number; name: string }>('SELECT id, name FROM organizations WHERE id = ANY($1::int[])', [[...ids]]);
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

/** Sign-in bookkeeping: the failures still counted and the lock, or a success that clears them. */
export async function setSignInState(db: Queryable, id: number, s: { recentFailures: Date[]; lockedUntil: Date | null; lastLoginAt?: Date }): Promise<void> {
  await db.query(`UPDATE users SET recent_failures = $2::timestamptz[], locked_until = $3, last_login_at = COALESCE($4, last_login_at) WHERE id = $1`, [
    id,
    s.recentFailures.map((d) => d.toISOString()),
    s.lockedUntil,
    s.lastLoginAt ?? null,
  ]);
}

/** The lock-out state of a name no account has (lower-cased), locked for update inside a transaction. */
export async function nameSignInState(db: Queryable, usernameKey: string, forUpdate = false): Promise<{ recent_failures: Array<Date | string>; locked_until: Date | null } | undefined> {
  if (forUpdate) await db.query(`INSERT INTO sign_in_failures (username_key, updated_at) VALUES ($1, now()) ON CONFLICT (username_key) DO NOTHING`, [usernameKey]);
  const { rows } = await db.query<{ recent_failures: Array<Date | string> | null; locked_until: Date | null }>(
    `SELECT recent_failures, locked_until FROM sign_in_failures WHERE username_key = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [usernameKey],
  );
  return rows[0] && { recent_failures: rows[0].recent_failures ?? [], locked_until: rows[0].locked_until };
}

export async function setNameSignInState(db: Queryable, usernameKey: string, s: { recentFailures: Date[]; lockedUntil: Date | null }, now: Date): Promise<void> {
  await db.query(`UPDATE sign_in_failures SET recent_failures = $2::timestamptz[], locked_until = $3, updated_at = $4 WHERE username_key = $1`, [
    usernameKey,
    s.recentFailures.map((d) => d.toISOString()),
    s.lockedUntil,
    now,
  ]);
}

/** Names whose failures and lock are all over: nothing left to count. */
export async function deleteStaleNameStates(db: Queryable, before: Date): Promise<void> {
  await db.query(`DELETE FROM sign_in_failures WHERE updated_at < $1 AND (locked_until IS NULL OR locked_until < $1)`, [before]);
}

// --- sessions ---

export interface SessionRow {
  id: string;
  user_id: number;
  created_at: Date;
  last_seen_at: Date;
}

export async function insertSession(db: Queryable, s: { id: string; userId: number; now: Date; ip: string | null; userAgent: string | null }): Promise<void> {
  await db.query('INSERT INTO sessions (id, user_id, created_at, last_seen_at, ip, user_agent) VALUES ($1, $2, $3, $3, $4, $5)', [s.id, s.userId, s.now, s.ip, s.userAgent]);
}

export async function findSession(db: Queryable, id: string): Promise<SessionRow | undefined> {
  const { rows } = await db.query<SessionRow>('SELECT id, user_id, created_at, last_seen_at FROM sessions WHERE id = $1', [id]);
  return rows[0];
}

export async function touchSession(db: Queryable, id: string, now: Date): Promise<void> {
  await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1 AND last_seen_at < $2', [id, now]);
}

/** Ends one session; whether there was one. */
export async function deleteSession(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('DELETE FROM sessions WHERE id = $1', [id])).affectedRows > 0;
}

/** Ends a user's sessions, except `keep` (the one changing its password). */
export async function deleteUserSessions(db: Queryable, userId: number, keep: string | null = null): Promise<void> {
  await db.query('DELETE FROM sessions WHERE user_id = $1 AND ($2::text IS NULL OR id <> $2)', [userId, keep]);
}

/** Sessions past their deadline, removed now and then so the table does not grow. */
export async function deleteStaleSessions(db: Queryable, idleBefore: Date, createdBefore: Date): Promise<number> {
  const { affectedRows } = await db.query('DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2', [idleBefore, createdBefore]);
  return affectedRows;
}

// --- API tokens ---

export interface TokenRow {
  id: number;
  user_id: number;
  name: string;
  prefix: string;
  scopes: string[];
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

const TOKEN_COLUMNS = 'id, user_id, name, prefix, scopes, created_at, expires_at, revoked_at, last_used_at';

export async function insertToken(db: Queryable, t: { userId: number; name: string; hash: string; prefix: string; scopes: string[]; now: Date; expiresAt: Date }): Promise<TokenRow> {
  const { rows } = await db.query<TokenRow>(
    `INSERT INTO api_tokens (user_id, name, token_hash, prefix, scopes, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${TOKEN_COLUMNS}`,
    [t.userId, t.name, t.hash, t.prefix, t.scopes, t.now, t.expiresAt],
  );
  return rows[0]!;
}

export async function findTokenByHash(db: Queryable, hash: string): Promise<TokenRow | undefined> {
  const { rows } = await db.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE token_hash = $1`, [hash]);
  return rows[0];
}

export async function listTokens(db: Queryable, userId: number): Promise<TokenRow[]> {
  const { rows } = await db.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY id DESC`, [userId]);
  return rows;
}

/** Revokes one of a user's tokens; false when the user has no such token. */
export async function revokeToken(db: Queryable, userId: number, id: number, now: Date): Promise<TokenRow | undefined> {
  const { rows } = await db.query<TokenRow>(
    `UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $3) WHERE id = $1 AND user_id = $2 RETURNING ${TOKEN_COLUMNS}`,
    [id, userId, now],
  );
  return rows[0];
}

export async function touchToken(db: Queryable, id: number, now: Date): Promise<void> {
  await db.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2)', [id, now]);
}
