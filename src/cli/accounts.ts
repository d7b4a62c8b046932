import { cliActor } from '../modules/audit/trail.js';
import type { Config } from '../config.js';
import { tokenCreate, userCreate } from '../contracts/accounts.js';
import { migrate } from '../db/migrate.js';
import { permissionCodes, type AccountRole, type Permission } from '../domain/permissions.js';
import type { AccountsContext } from '../modules/accounts/context.js';
import { createToken } from '../modules/accounts/tokens.js';
import { createUser, getUserRow, findUserIdByUsername } from '../modules/accounts/users.js';
import { listOrganizations } from '../modules/organizations/service.js';
import type { AppContext } from '../modules/shared/context.js';
import { AppError } from '../modules/shared/errors.js';
import { openAppContext } from './context.js';
import { say, tell, cliIo } from './io.js';

/** `starcity user create`, `starcity token create`: accounts from a terminal (whoever runs them holds the database). */

export function accountsContext(config: Config, ctx: AppContext): AccountsContext {
  return { ...ctx, sessions: { idleMs: config.sessionIdleMinutes * 60_000, absoluteMs: config.sessionMaxHours * 3_600_000 } };
}

async function withAccounts<T>(config: Config, command: string, work: (ctx: AccountsContext) => Promise<T>): Promise<T> {
  const { ctx } = await openAppContext(config, command);
  const db = ctx.db;
  try {
    await migrate(db);
    return await work(accountsContext(config, ctx));
  } catch (err) {
    // Problems name the option they are about, as the API names the field.
    if (err instanceof AppError) throw new Error(err.errors.length ? err.errors.map((e) => `${e.field}: ${e.message.en} (${e.message.zh})`).join('\n') : `${err.title.en} (${err.title.zh})`);
    throw err;
  } finally {
    await db.close();
  }
}

/** The whole of standard input, less one trailing line break (`echo secret | …`). */
export async function readStdin(stream: NodeJS.ReadableStream = cliIo().stdin): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
  return text.replace(/\r?\n$/, '');
}

export interface UserCreateOptions {
  username: string;
  role: AccountRole;
  password: string;
  displayName?: string;
  organizations: string[];
  districts: string[];
  zones: string[];
}

export async function userCreateCommand(config: Config, opts: UserCreateOptions): Promise<void> {
  await withAccounts(config, 'user create', async (ctx) => {
    const organizationIds: number[] = [];
    for (const uscc of opts.organizations) {
      const page = await listOrganizations(ctx, { filter: `uscc:${uscc}`, per_page: 1 });
      const found = page.results[0];
      if (!found) throw new Error(`--organization ${uscc}: no organization has this credit code`);
      organizationIds.push(found.id);
    }
    const input = userCreate.safeParse({
      username: opts.username,
      role: opts.role,
      password: opts.password,
      ...(opts.displayName ? { display_name: opts.displayName } : {}),
      ...(opts.districts.length ? { districts: opts.districts } : {}),
      ...(opts.zones.length ? { zones: opts.zones } : {}),
      ...(organizationIds.length ? { organization_ids: organizationIds } : {}),
    });
    if (!input.success) throw new Error(input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
    const user = await createUser(ctx, input.data, cliActor());
    const bound = [
      ...(user.districts.length ? [`districts ${user.districts.join(', ')}`] : []),
      ...(user.zones.length ? [`zones ${user.zones.join(', ')}`] : []),
      ...(user.organizations.length ? [`organizations ${user.organizations.map((o) => o.name).join(', ')}`] : []),
    ];
    say(`Created user ${user.username} (id ${user.id}, ${user.role}${bound.length ? `; ${bound.join('; ')}` : ''}).`);
  });
}

export interface TokenCreateOptions {
  username: string;
  scopes: string[];
  expiresIn: string;
  name?: string;
}

/** Prints the token alone on standard output (for scripts) and what it is on standard error. */
export async function tokenCreateCommand(config: Config, opts: TokenCreateOptions): Promise<void> {
  await withAccounts(config, 'token create', async (ctx) => {
    const id = await findUserIdByUsername(ctx, opts.username);
    if (id === undefined) throw new Error(`--username ${opts.username}: no such user`);
    const user = await getUserRow(ctx, id);
    const unknown = opts.scopes.filter((s) => !(permissionCodes as readonly string[]).includes(s));
    if (unknown.length) throw new Error(`--scope: unknown permission ${unknown.join(', ')}; one of ${permissionCodes.join(', ')}`);
    const input = tokenCreate.parse({ name: opts.name ?? `CLI ${new Date().toISOString().slice(0, 10)}`, scopes: opts.scopes as Permission[], expires_in: opts.expiresIn });
    const created = await createToken(ctx, { role: user.role as AccountRole, organizationIds: user.organization_ids, districts: user.districts, zones: user.zones, scopes: null, userId: user.id }, input, cliActor());
    tell(`API token "${created.name}" for ${user.username}: scopes ${created.scopes.join(', ')}; expires ${created.expires_at}. It is shown this once:`);
    say(created.token);
  });
}
