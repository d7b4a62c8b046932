import type { Message } from './message.js';

/**
 * Who may do what (角色与权限): the ONE role → permission table. The server checks every route
 * against it and /auth/me hands the caller's row to the web UI, which hides what the caller may
 * not do. Pure: no I/O, imported by the server and by the web app alike.
 */

/** Roles an account can have; `public` is everyone, signed in or not. */
export const accountRoles = ['admin', 'officer', 'expert', 'org_user'] as const;
export type AccountRole = (typeof accountRoles)[number];
export type Role = AccountRole | 'public';

export const roleLabels: Readonly<Record<Role, Message>> = {
  admin: { zh: '系统管理员', en: 'Administrator' },
  officer: { zh: '科技局审核员', en: 'Bureau officer' },
  expert: { zh: '评审专家', en: 'Expert' },
  org_user: { zh: '单位用户', en: 'Organization user' },
  public: { zh: '公众（未登录）', en: 'Public (not signed in)' },
};

/** Every permission, with what it lets a caller do. */
export const permissionLabels = {
  'registry.read': { zh: '查看登记数据、指标与驾驶舱', en: 'Read the registry, indicators and dashboard' },
  'organizations.create': { zh: '新增主体', en: 'Create organizations' },
  'organizations.update': { zh: '修改主体', en: 'Change organizations' },
  'organizations.delete': { zh: '删除主体', en: 'Delete organizations' },
  'qualifications.write': { zh: '新增、修改、删除资质', en: 'Create, change and delete qualifications' },
  'rd_institutions.write': { zh: '新增、修改、删除研发机构', en: 'Create, change and delete R&D institutions' },
  'platforms.write': { zh: '新增、修改、删除创新平台', en: 'Create, change and delete innovation platforms' },
  'tech_contracts.read': { zh: '查看技术合同（单位用户：本单位为卖方的合同）', en: 'Read technology contracts (an organization user: those its organizations sell)' },
  'tech_contracts.write': { zh: '新增、修改、删除技术合同（单位用户：仅草稿）', en: 'Create, change and delete technology contracts (an organization user: drafts only)' },
  'ip_loans.read': { zh: '查看知识产权质押贷款（单位用户：本单位为借款人的贷款）', en: 'Read IP-backed loans (an organization user: those its organizations borrow)' },
  'ip_loans.write': { zh: '登记、修改、删除知识产权质押贷款及其流程步骤（审批、放款、结清、逾期、代偿）', en: 'Enter, change and delete IP-backed loans and their steps (approval, disbursement, repayment, overdue, compensation)' },
  'talent.read': { zh: '查看人才引进记录（单位用户：本单位引进的；姓名脱敏）', en: 'Read talent introductions (an organization user: its own; names masked)' },
  'talent.write': { zh: '新增、修改、删除人才引进记录和招贤令', en: 'Create, change and delete talent introductions and recruitment calls' },
  'talent.personal_data.read': { zh: '查看引进人才的个人信息（姓名、联系方式、身份证号；审核员须为全市范围）', en: 'See introduced people’s personal information (name, contacts, ID number; an officer only city-wide)' },
  'achievements.read': { zh: '查看攻关项目、科技成果、成果转化与孵化（单位用户：本单位的）', en: 'Read key-technology projects, achievements, transfers and incubations (an organization user: its own)' },
  'achievements.write': { zh: '新增、修改、删除攻关项目、科技成果、成果转化与孵化', en: 'Create, change and delete key-technology projects, achievements, transfers and incubations' },
  'imports.read': { zh: '查看导入记录与报告', en: 'Read import records and reports' },
  'imports.write': { zh: '导入文件', en: 'Import files' },
  'official_values.write': { zh: '录入官方统计数据', en: 'Enter official statistics' },
  'targets.write': { zh: '设定、修改、分解目标', en: 'Set, change and cascade targets' },
  'users.manage': { zh: '管理用户（新增、修改、解锁）', en: 'Manage users (create, change, unlock)' },
  'tokens.manage': { zh: '管理自己的 API 令牌', en: 'Manage one’s own API tokens' },
  'audit.read': { zh: '查看、导出与校验审计日志', en: 'Read, export and verify the audit log' },
  'database.backup': { zh: '备份整个数据库（嵌入式数据库）', en: 'Back up the whole database (embedded engine)' },
  'applications.write': { zh: '填写、提交、撤回备案申请', en: 'Fill in, submit and withdraw filing applications' },
  'applications.review': { zh: '审查备案申请：受理、退回、抽取专家、公示、备案、驳回、年度评价、撤销', en: 'Handle filing applications: check, return, draw experts, notice, file, reject, evaluate, revoke' },
  'reviews.write': { zh: '对分配的申请评分', en: 'Score the applications one is drawn for' },
  'experts.manage': { zh: '管理专家库', en: 'Manage the expert pool' },
  'tech_sme_evaluations.read': { zh: '查看企业保存的科技型中小企业自评结果', en: 'Read the tech-SME self-evaluations enterprises stored' },
  'tech_sme_evaluations.write': { zh: '为本企业保存科技型中小企业自评结果', en: 'Store tech-SME self-evaluations with one’s enterprise' },
  'chains.read': { zh: '查看产业链全景与缺口分析（审核员：其辖区的记录）', en: 'Read the industrial-chain view and gap ranking (an officer: the records of its area)' },
} as const satisfies Record<string, Message>;
export type Permission = keyof typeof permissionLabels;
export const permissionCodes = Object.keys(permissionLabels) as [Permission, ...Permission[]];

/**
 * How far a grant reaches:
 * - `all`: any record;
 * - `area`: records in the account's area — its districts and its zones (功能区/创新区, which cross
 *   district lines): a record lies in the area when its district or its zone is one of them; an
 *   account with neither reaches the whole city, and a city-wide action (a city figure, a city
 *   target) needs such an account;
 * - `own`: records of the account's own organizations.
 */
export type Reach = 'all' | 'area' | 'own';

const READ = { 'registry.read': 'all' } as const;

/**
 * THE table. A role not listed for a permission does not have it. The public reads nothing of the
 * registry: publication is a per-field decision, default closed (issue 16, docs/decisions.md).
 */
export const rolePermissions: Readonly<Record<Role, Readonly<Partial<Record<Permission, Reach>>>>> = {
  public: {},
  expert: { ...READ, 'reviews.write': 'all', 'tokens.manage': 'all' },
  org_user: {
    ...READ,
    'organizations.update': 'own',
    'qualifications.write': 'own',
    'rd_institutions.write': 'own',
    'platforms.write': 'own',
    'tech_contracts.read': 'own',
    'tech_contracts.write': 'own',
    'ip_loans.read': 'own',
    'achievements.read': 'own',
    'achievements.write': 'own',
    'talent.read': 'own',
    'talent.write': 'own',
    'applications.write': 'own',
    'tech_sme_evaluations.read': 'own',
    'tech_sme_evaluations.write': 'own',
    'tokens.manage': 'all',
  },
  officer: {
    ...READ,
    'organizations.create': 'area',
    'organizations.update': 'area',
    'organizations.delete': 'area',
    'qualifications.write': 'area',
    'rd_institutions.write': 'area',
    'platforms.write': 'area',
    'tech_contracts.read': 'area',
    'tech_contracts.write': 'area',
    'ip_loans.read': 'area',
    'ip_loans.write': 'area',
    'achievements.read': 'area',
    'achievements.write': 'area',
    'talent.read': 'area',
    'talent.write': 'area',
    // Only a city-wide officer (the city's talent office) sees personal data: seesPersonalData (talent.ts).
    'talent.personal_data.read': 'area',
    'imports.read': 'all',
    'imports.write': 'area',
    'official_values.write': 'area',
    'targets.write': 'area',
    'applications.review': 'area',
    'experts.manage': 'all',
    'tech_sme_evaluations.read': 'area',
    'chains.read': 'area',
    'tokens.manage': 'all',
  },
  admin: Object.fromEntries(permissionCodes.map((p) => [p, 'all'])) as Record<Permission, Reach>,
};

/** Permissions an API token may never carry: a token cannot mint or list tokens. */
export const sessionOnlyPermissions: readonly Permission[] = ['tokens.manage'];

/**
 * What every account may do and so every token of it, whatever its scopes: reading the registry.
 * Tokens never needed a scope for it while it was public, and a script's token made for its writes
 * still reads what it writes.
 */
export const unscopedPermissions: readonly Permission[] = ['registry.read'];

/** Who is calling: the account's role and bindings, and for a token the scopes it was given. */
export interface Caller {
  role: Role;
  /** Organizations an `org_user` acts for. */
  organizationIds: readonly number[];
  /** Districts an officer is limited to; with `zones`, its area; both empty = the whole city. */
  districts: readonly string[];
  /** Zones (by code) an officer is limited to, e.g. a high-tech zone's bureau. */
  zones: readonly string[];
  /** A token's scopes; null for a session (everything the role has). */
  scopes: readonly Permission[] | null;
}

export const anonymousCaller: Caller = { role: 'public', organizationIds: [], districts: [], zones: [], scopes: null };

/** Where a record (or an action) sits: whose it is, in which district and zone; null district and zone = city-wide or outside the city. */
export interface RecordScope {
  organizationId: number | null;
  districtCode: string | null;
  zone: string | null;
}

/** The reach of one permission for a caller, or null when the caller lacks it. */
export function reachOf(caller: Caller, permission: Permission): Reach | null {
  const reach = rolePermissions[caller.role][permission] ?? rolePermissions.public[permission] ?? null;
  if (reach === null) return null;
  if (caller.scopes && !caller.scopes.includes(permission) && !unscopedPermissions.includes(permission)) return null;
  return reach;
}

/** Every permission the caller has, with its reach (what /auth/me shows and the UI reads). */
export function effectivePermissions(caller: Caller): Partial<Record<Permission, Reach>> {
  const out: Partial<Record<Permission, Reach>> = {};
  for (const p of permissionCodes) {
    const reach = reachOf(caller, p);
    if (reach) out[p] = reach;
  }
  return out;
}

/** Whether a grant of `reach` covers a record in `scope`. */
export function reaches(caller: Pick<Caller, 'organizationIds' | 'districts' | 'zones'>, reach: Reach, scope: RecordScope): boolean {
  if (reach === 'all') return true;
  if (reach === 'own') return scope.organizationId !== null && caller.organizationIds.includes(scope.organizationId);
  return citywide(caller) || inArea(caller, scope);
}

/** Whether an account's area is the whole city (no districts, no zones). */
export const citywide = (caller: Pick<Caller, 'districts' | 'zones'>): boolean => caller.districts.length === 0 && caller.zones.length === 0;

const inArea = (caller: Pick<Caller, 'districts' | 'zones'>, scope: RecordScope): boolean =>
  (scope.districtCode !== null && caller.districts.includes(scope.districtCode)) || (scope.zone !== null && caller.zones.includes(scope.zone));

/** Why a caller may not do something, or null when it may. */
export type Refusal = 'unauthenticated' | 'role' | 'organization' | 'area';

/** The whole check: has the permission at all, and, given a record, does it reach that record. */
export function refusal(caller: Caller, permission: Permission, scope?: RecordScope): Refusal | null {
  const reach = reachOf(caller, permission);
  if (reach === null) return caller.role === 'public' ? 'unauthenticated' : 'role';
  if (!scope || reaches(caller, reach, scope)) return null;
  return reach === 'own' ? 'organization' : 'area';
}

export const can = (caller: Caller, permission: Permission, scope?: RecordScope): boolean => refusal(caller, permission, scope) === null;

/** The scopes a token may be given by its owner: the owner's permissions, less the session-only ones and those every token has. */
export function grantableScopes(caller: Caller): Permission[] {
  return permissionCodes.filter((p) => reachOf(caller, p) !== null && !sessionOnlyPermissions.includes(p) && !unscopedPermissions.includes(p));
}
