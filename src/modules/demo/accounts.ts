import { systemActor } from '../audit/trail.js';
import type { DemoAccounts } from '../../contracts/accounts.js';
import type { Message } from '../../domain/message.js';
import { roleLabels, type AccountRole } from '../../domain/permissions.js';
import type { AccountsContext } from '../accounts/context.js';
import { countUsers, createUser, demoPasswordAccounts, findUserIdByUsername } from '../accounts/users.js';
import { NAMED_ENTITIES_CITY, ORG } from './namedEntities.js';
import { addDemoExpert, demoOrganizationId, hasOrganizationWithUscc } from './queries.js';

/**
 * Demo accounts (演示账号): one per role, created with the demo registry and never otherwise, all
 * with the documented password below. The login page lists those that still have it, and only
 * while the server runs the demo (STARCITY_DEMO on). A production database never gets them.
 */
export const DEMO_PASSWORD = 'StarCity-Demo-2025';

interface DemoAccount {
  username: string;
  role: AccountRole;
  description: Message;
  /** A district officer's district, when the city has it. */
  district?: string;
  /** A zone officer's zone, when the city has it (else its first zone). */
  zone?: string;
  /** The organization user's organization (by credit code in the Changsha demo; else the first one). */
  organization?: true;
  /** An expert's fields of expertise in the pool (config/workflows/expertise-fields.json). */
  expertise?: readonly string[];
}

/** 岳麓区, home of the demo's universities; another city's demo takes its first district. */
const DEMO_DISTRICT = '430104';
/** 长沙高新区, which spans several districts; another city's demo takes its first zone. */
const DEMO_ZONE = 'changsha_hitech_zone';

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', role: 'admin', description: { zh: '管理用户与全部数据', en: 'Manages users and all data' } },
  { username: 'officer', role: 'officer', description: { zh: '市科技局审核员，全市范围', en: 'City bureau officer, whole city' } },
  { username: 'district-officer', role: 'officer', district: DEMO_DISTRICT, description: { zh: '区县科技局审核员，仅限岳麓区', en: 'District bureau officer, Yuelu district only' } },
  { username: 'zone-officer', role: 'officer', zone: DEMO_ZONE, description: { zh: '园区科技部门审核员，仅限长沙高新区（跨多个区县）', en: 'Zone officer, Changsha High-tech Zone only (across several districts)' } },
  ...demoExperts(),
  { username: 'org-user', role: 'org_user', organization: true, description: { zh: '单位用户，仅维护湖南大学的记录', en: 'Organization user, keeps Hunan University’s records' } },
];

/**
 * Six reviewers in the expert pool, so that a filing can draw its three or five experts in
 * advanced manufacturing; `expert-6` works at the organization user's university, so a draw for
 * its applications leaves it out (回避).
 */
function demoExperts(): DemoAccount[] {
  const pool: Array<[string, string[], boolean]> = [
    ['expert', ['advanced_manufacturing', 'new_materials', 'electronic_information'], false],
    ['expert-2', ['advanced_manufacturing', 'biomedicine', 'technology_services'], false],
    ['expert-3', ['advanced_manufacturing', 'new_energy', 'new_materials'], false],
    ['expert-4', ['advanced_manufacturing', 'electronic_information', 'technology_services'], false],
    ['expert-5', ['advanced_manufacturing', 'biomedicine', 'modern_agriculture', 'new_energy'], false],
    ['expert-6', ['new_materials', 'electronic_information', 'technology_services', 'biomedicine'], true],
  ];
  return pool.map(([username, expertise, atTheUniversity]) => ({
    username,
    role: 'expert',
    expertise,
    ...(atTheUniversity ? { organization: true as const } : {}),
    description: { zh: `评审专家（专家库：${expertise.length} 个领域${atTheUniversity ? '，任职湖南大学' : ''}）`, en: `Expert reviewer (pool: ${expertise.length} fields${atTheUniversity ? ', works at Hunan University' : ''})` },
  }));
}

/** Creates the demo accounts that are missing (and puts the experts in the pool); returns the usernames created. */
export async function createDemoAccounts(ctx: AccountsContext): Promise<string[]> {
  const created: string[] = [];
  const named = ctx.city.code === NAMED_ENTITIES_CITY ? ORG.hnu.uscc : null;
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserIdByUsername(ctx, account.username)) continue;
    const organizationId = account.organization ? await demoOrganizationId(ctx.db, named) : undefined;
    if (account.organization && organizationId === undefined) continue;
    const district = account.district ? (ctx.city.districts.some((d) => d.code === account.district) ? account.district : ctx.city.districts[0]?.code) : undefined;
    const zone = account.zone ? (ctx.city.zones.some((z) => z.code === account.zone) ? account.zone : ctx.city.zones[0]?.code) : undefined;
    if (account.zone && zone === undefined) continue;
    const binds = account.role === 'org_user' && organizationId !== undefined;
    const user = await createUser(ctx, {
      username: account.username,
      role: account.role,
      password: DEMO_PASSWORD,
      ...(district ? { districts: [district] } : {}),
      ...(zone ? { zones: [zone] } : {}),
      ...(binds ? { organization_ids: [organizationId] } : {}),
      demoPassword: true,
    }, systemActor('demo'));
    if (account.expertise) await addDemoExpert(ctx.db, user.id, account.expertise, organizationId ?? null);
    created.push(account.username);
  }
  return created;
}

/**
 * On a server start with the demo on: the demo accounts come with a demo registry loaded now, or
 * with one loaded before accounts existed (a database with no account yet that holds the demo's
 * first named organization). Anything else — a production registry — gets none.
 */
export async function ensureDemoAccounts(ctx: AccountsContext, seededNow: boolean): Promise<string[]> {
  if (seededNow) return createDemoAccounts(ctx);
  if (ctx.city.code !== NAMED_ENTITIES_CITY || (await countUsers(ctx)) > 0) return [];
  return (await hasOrganizationWithUscc(ctx.db, ORG.hnu.uscc)) ? createDemoAccounts(ctx) : [];
}

/** What the login page shows: the demo accounts that still have the demo password, when the server runs the demo. */
export async function demoAccountsInfo(ctx: AccountsContext, demoRunning: boolean): Promise<DemoAccounts> {
  if (!demoRunning) return { enabled: false, password: null, accounts: [] };
  const live = new Map((await demoPasswordAccounts(ctx)).map((a) => [a.username, a.role]));
  const accounts = DEMO_ACCOUNTS.filter((a) => live.get(a.username) === a.role).map((a) => ({ username: a.username, role: a.role, role_label: roleLabels[a.role], description: a.description }));
  return accounts.length ? { enabled: true, password: DEMO_PASSWORD, accounts } : { enabled: false, password: null, accounts: [] };
}
