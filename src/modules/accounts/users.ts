import type { FieldProblem } from '../../contracts/common.js';
import type { User, UserCreate, UserPatch } from '../../contracts/accounts.js';
import type { Queryable } from '../../db/client.js';
import { checkDistrictCode } from '../../domain/district.js';
import { checkPassword } from '../../domain/passwordPolicy.js';
import { checkZone } from '../../domain/zone.js';
import { roleLabels, type AccountRole } from '../../domain/permissions.js';
import type { AuditActor } from '../audit/trail.js';
import { conflict, notFound, validationFailed } from '../shared/errors.js';
import { iso } from '../shared/records.js';
import type { ServiceContext } from '../shared/context.js';
import { write, type RecordLock } from '../shared/write.js';
import type { AccountsContext } from './context.js';
import { forgetCredentials } from './credentialCache.js';
import { hashPassword } from './passwords.js';
import * as q from './queries.js';

/** User management (用户管理): create, change, unlock; the administrator's use cases, and the CLI's. */

export const USER = { zh: '用户', en: 'User' };

export async function presentUsers(db: Queryable, rows: q.UserRow[]): Promise<User[]> {
  const names = await q.organizationNames(db, [...new Set(rows.flatMap((r) => r.organization_ids))]);
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    display_name: row.display_name,
    role: row.role as AccountRole,
    role_label: roleLabels[row.role as AccountRole],
    active: row.active,
    districts: row.districts,
    zones: row.zones,
    organizations: row.organization_ids.map((id) => ({ id, name: names.get(id) ?? '' })),
    locked_until: row.locked_until ? iso(row.locked_until) : null,
    last_login_at: row.last_login_at ? iso(row.last_login_at) : null,
    password_changed_at: row.password_changed_at ? iso(row.password_changed_at) : null,
    created_at: iso(row.created_at),
    updated_at: iso(row.updated_at),
    version: row.version,
  }));
}

export const presentUser = async (db: Queryable, row: q.UserRow): Promise<User> => (await presentUsers(db, [row]))[0]!;

export async function listUsers(ctx: AccountsContext): Promise<User[]> {
  return presentUsers(ctx.db, await q.listUsers(ctx.db));
}

export async function getUserRow(ctx: Pick<AccountsContext, 'db'>, id: number): Promise<q.UserRow> {
  const row = await q.findUserById(ctx.db, id);
  if (!row) throw notFound(USER, id);
  return row;
}

export async function getUser(ctx: AccountsContext, id: number): Promise<User> {
  return presentUser(ctx.db, await getUserRow(ctx, id));
}

const passwordProblems = (field: string, password: string, username: string): FieldProblem[] =>
  checkPassword(password, username).map((v) => ({ field, code: v.code, message: v.message, ...(v.params ? { params: v.params } : {}) }));

/** An officer's area and an organization user's organizations. */
interface Bindings {
  districts: readonly string[];
  zones: readonly string[];
  organizationIds: readonly number[];
}

/** Districts and zones must be the city's; organizations must exist; only officers have an area and only org_users organizations. */
async function bindingProblems(ctx: Pick<ServiceContext, 'db' | 'city'>, role: AccountRole, { districts, zones, organizationIds }: Bindings): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const itemProblems = (field: string, codes: readonly string[], check: (code: string) => ReturnType<typeof checkZone>) =>
    codes.forEach((code, i) => {
      const v = check(code);
      if (v) problems.push({ field: `${field}.${i}`, code: v.code, message: v.message, ...(v.params ? { params: v.params } : {}) });
    });
  itemProblems('districts', districts, (code) => checkDistrictCode(ctx.city, code));
  itemProblems('zones', zones, (code) => checkZone(ctx.city, code));
  if (districts.length && role !== 'officer')
    problems.push({ field: 'districts', code: 'user.districts_role', message: { zh: '只有审核员可以限定区县', en: 'Only officers are limited to districts' } });
  if (zones.length && role !== 'officer')
    problems.push({ field: 'zones', code: 'user.zones_role', message: { zh: '只有审核员可以限定园区', en: 'Only officers are limited to zones' } });
  const missing = new Set(await q.missingOrganizations(ctx.db, organizationIds));
  organizationIds.forEach((id, i) => {
    if (missing.has(id)) problems.push({ field: `organization_ids.${i}`, code: 'organization.not_found', message: { zh: `主体 ${id} 不存在`, en: `Organization ${id} does not exist` }, params: { id } });
  });
  if (role === 'org_user' && organizationIds.length === 0)
    problems.push({ field: 'organization_ids', code: 'user.organizations_required', message: { zh: '单位用户至少要绑定一个主体', en: 'An organization user acts for at least one organization' } });
  if (role !== 'org_user' && organizationIds.length)
    problems.push({ field: 'organization_ids', code: 'user.organizations_role', message: { zh: '只有单位用户可以绑定主体', en: 'Only organization users act for organizations' } });
  return problems;
}

const usernameTaken = (username: string) =>
  conflict({ field: 'username', code: 'username.taken', message: { zh: `用户名“${username}”已被使用`, en: `The username "${username}" is taken` }, params: { username } });

export async function createUser(ctx: AccountsContext, input: UserCreate & { demoPassword?: boolean }, actor: AuditActor): Promise<User> {
  const districts = [...new Set(input.districts ?? [])];
  const zones = [...new Set(input.zones ?? [])];
  const organizationIds = [...new Set(input.organization_ids ?? [])];
  const problems = [...passwordProblems('password', input.password, input.username), ...(await bindingProblems(ctx, input.role, { districts, zones, organizationIds }))];
  if (problems.length) throw validationFailed(problems);
  if (await q.findUserByUsername(ctx.db, input.username)) throw usernameTaken(input.username);
  const passwordHash = await hashPassword(input.password);
  return write(ctx, actor, { action: 'create', entity: 'users' }, async ({ db: tx }) => {
    const id = await q.insertUser(tx, {
      username: input.username,
      display_name: input.display_name || null,
      role: input.role,
      password_hash: passwordHash,
      active: input.active ?? true,
      districts,
      zones,
      demo_password: input.demoPassword ?? false,
      now: ctx.clock.now(),
    });
    await q.setUserOrganizations(tx, id, organizationIds);
    const created = await presentUser(tx, (await q.findUserById(tx, id))!);
    return { result: created, recordId: id, after: created };
  });
}

/** Whether the change would leave no active administrator (nobody could manage users any more). */
async function removesLastAdmin(db: Queryable, row: q.UserRow, patch: UserPatch): Promise<boolean> {
  if (row.role !== 'admin' || !row.active) return false;
  const staysAdmin = (patch.role ?? row.role) === 'admin' && (patch.active ?? row.active);
  if (staysAdmin) return false;
  const others = (await q.listUsers(db)).filter((u) => u.id !== row.id && u.role === 'admin' && u.active);
  return others.length === 0;
}

/** The user a write changes, read and locked once (`version` null: the CLI, which names none). */
const userRecord = (id: number, version: number | null): RecordLock<q.UserRow> => ({
  id,
  noun: USER,
  lock: (db, userId) => q.findUserById(db, userId, true),
  expectedVersion: () => version ?? undefined,
});

export async function updateUser(ctx: AccountsContext, id: number, version: number | null, patch: UserPatch, actor: AuditActor): Promise<User> {
  const now = ctx.clock.now();
  // Hashing is slow: done before the row is locked.
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  const updated = await write(ctx, actor, { action: 'update', entity: 'users', record: userRecord(id, version) }, async ({ db: tx }, row: q.UserRow) => {
    const role = patch.role ?? (row.role as AccountRole);
    // A change of role drops bindings the new role cannot have, unless the patch names them.
    const districts = patch.districts ? [...new Set(patch.districts)] : role === 'officer' ? row.districts : [];
    const zones = patch.zones ? [...new Set(patch.zones)] : role === 'officer' ? row.zones : [];
    const organizationIds = patch.organization_ids ? [...new Set(patch.organization_ids)] : role === 'org_user' ? row.organization_ids : [];
    const problems = [...(patch.password ? passwordProblems('password', patch.password, row.username) : []), ...(await bindingProblems({ city: ctx.city, db: tx }, role, { districts, zones, organizationIds }))];
    if (problems.length) throw validationFailed(problems);
    if (await removesLastAdmin(tx, row, patch))
      throw conflict({ field: 'role', code: 'user.last_admin', message: { zh: '不能停用或降级最后一个管理员', en: 'The last active administrator cannot be disabled or demoted' } });
    await q.updateUser(
      tx,
      id,
      row.version,
      {
        ...(patch.display_name !== undefined ? { display_name: patch.display_name || null } : {}),
        role,
        districts,
        zones,
        ...(patch.active !== undefined ? { active: patch.active } : {}),
        ...(passwordHash ? { password_hash: passwordHash, demo_password: false, password_changed_at: now } : {}),
      },
      now,
    );
    await q.setUserOrganizations(tx, id, organizationIds);
    // A new password set by someone else, or a disabled account: whoever is signed in as the user is signed out.
    if (passwordHash || patch.active === false) await q.deleteUserSessions(tx, id);
    const after = await presentUser(tx, (await q.findUserById(tx, id))!);
    // The password itself is never logged, only that it was set.
    return { result: after, action: passwordHash ? 'update_password_set' : 'update', before: await presentUser(tx, row), after };
  });
  // Its role, districts, organizations or standing may have changed: no credential keeps the old ones.
  forgetCredentials(ctx.db);
  return updated;
}

/** Ends a lock-out before its time (and forgets the failures counted so far). */
export async function unlockUser(ctx: AccountsContext, id: number, actor: AuditActor): Promise<User> {
  return write(ctx, actor, { action: 'unlock', entity: 'users', record: userRecord(id, null) }, async ({ db: tx }, row: q.UserRow) => {
    await q.setSignInState(tx, id, { recentFailures: [], lockedUntil: null });
    const after = await presentUser(tx, (await q.findUserById(tx, id))!);
    return { result: after, before: await presentUser(tx, row), after };
  });
}

export async function findUserIdByUsername(ctx: Pick<AccountsContext, 'db'>, username: string): Promise<number | undefined> {
  return (await q.findUserByUsername(ctx.db, username))?.id;
}

/** Active accounts that still have the documented demo password (what the login page may list). */
export async function demoPasswordAccounts(ctx: Pick<AccountsContext, 'db'>): Promise<Array<{ username: string; role: AccountRole }>> {
  return (await q.listUsers(ctx.db)).filter((u) => u.demo_password && u.active).map((u) => ({ username: u.username, role: u.role as AccountRole }));
}

export const countUsers = (ctx: Pick<AccountsContext, 'db'>): Promise<number> => q.countUsers(ctx.db);
