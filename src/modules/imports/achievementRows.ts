import { naturalKeys, type AchievementFileEntity } from '../../contracts/fileColumns.js';
import type { Queryable } from '../../db/client.js';
import { violation, type RuleViolation } from '../../domain/message.js';
import { createAchievement, getAchievement, updateAchievement } from '../achievements/service.js';
import { createIncubation, getIncubation, updateIncubation } from '../incubations/service.js';
import { createProject, getProject, updateProject } from '../projects/service.js';
import type { ServiceContext } from '../shared/context.js';
import { AppError } from '../shared/errors.js';
import { createTransfer, getTransfer, updateTransfer } from '../transfers/service.js';
import { creditCodeList } from './achievementRecords.js';
import { outsideArea, type AreaScope } from './areaScope.js';
import { danglingReferenceViolation } from './inFileChecks.js';
import { rowProblem, type RowProblem } from './problems.js';
import { organizationIds } from './queries.js';
import { tableColumns, type SqlValue, type TableRow } from './tableRows.js';

/**
 * The writer of projects, achievements, transfers and incubations (成果类写入). Their records carry
 * lists of organizations and fields copied from their achievement (owner, institution, place), so
 * each row goes through its service as an API call would — the same rules, the same copies: a row
 * the service refuses is reported at its column and leaves nothing behind, and a dry run rolls
 * every row back (a savepoint) after classifying it.
 */

export interface AchievementWrite {
  mode: 'upsert' | 'insert';
  dryRun: boolean;
  scope: AreaScope | null;
  services: Omit<ServiceContext, 'db'>;
}

export interface AchievementOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
  problems: RowProblem[];
}

/** A record as its reply presents it: what a row is compared with, and where it lies. */
type Presented = { id: number; version: number; district_code: string | null; zone: string | null } & Record<string, unknown>;

/** The API input a row becomes, and the record its natural key finds. */
interface Prepared {
  input: Record<string, unknown>;
  existingId: number | undefined;
}

/** Where a service's problem about an id lies in the file. */
const fileColumnOf: Record<string, string> = {
  lead_org_id: 'lead_uscc',
  partner_org_ids: 'partner_usccs',
  organization_ids: 'other_org_usccs',
  achievement_id: 'achievement_title',
  receiver_org_id: 'receiver_uscc',
  tech_contract_id: 'tech_contract_number',
  enterprise_org_id: 'enterprise_uscc',
  rd_institution_id: 'rd_institution_name',
  platform_id: 'platform_name',
  project_id: 'project_title',
};

const unknownAchievement = (key: string): RuleViolation =>
  violation('reference.unknown_achievement', `找不到成果（所有单位 / 名称 / 年份：${key}）；请先导入该成果`, `No achievement with this key (owner / title / year: ${key}) exists; import the achievement first`, { key });
/** Records a file names by an organization's credit code and a name: where, and how a miss is told. */
const namedRecords = {
  rd_institution: { code: 'rd_institution_host_uscc', name: 'rd_institution_name', sql: 'SELECT id FROM rd_institutions WHERE host_org_id = $1 AND name = $2', what: { zh: '研发机构（依托单位 / 名称', en: 'R&D institution (host / name' } },
  platform: { code: 'platform_host_uscc', name: 'platform_name', sql: 'SELECT id FROM platforms WHERE host_org_id = $1 AND name = $2', what: { zh: '创新平台（依托单位 / 名称', en: 'platform (host / name' } },
  project: { code: 'project_lead_uscc', name: 'project_title', sql: 'SELECT id FROM projects WHERE lead_org_id = $1 AND title = $2 ORDER BY id LIMIT 1', what: { zh: '项目（牵头单位 / 名称', en: 'project (lead / title' } },
} as const;
const unknownNamed = (what: { zh: string; en: string }, key: string): RuleViolation =>
  violation('reference.unknown_record', `找不到${what.zh}：${key}）`, `No ${what.en}: ${key}) exists`, { key });
const unknownContract = (number: string): RuleViolation =>
  violation('reference.unknown_contract', `成果所有单位没有编号为 ${number} 的技术合同`, `The achievement’s owner has no technology contract numbered ${number}`, { value: number });

/** A row that cannot be prepared: its problem, at a file column. */
class RowRefused extends Error {
  constructor(readonly problem: RowProblem) {
    super(problem.code);
  }
}

/** Looks up ids by what a file names, for one row (the rows of these registries are few). */
class References {
  constructor(
    private readonly db: Queryable,
    private readonly line: number,
    private readonly orgs: ReadonlyMap<string, number>,
  ) {}

  org(column: string, code: string): number {
    const id = this.orgs.get(code);
    if (id === undefined) throw new RowRefused(rowProblem(this.line, column, code, danglingReferenceViolation(code)));
    return id;
  }

  orgList(column: string, cell: SqlValue | undefined): number[] | undefined {
    return cell === undefined ? undefined : creditCodeList(cell as string | null).map((c) => this.org(column, c));
  }

  async achievement(r: Record<string, SqlValue | undefined>): Promise<number | null | undefined> {
    if (r.achievement_title === undefined) return undefined;
    if (r.achievement_title === null) return null;
    const owner = this.org('achievement_owner_uscc', r.achievement_owner_uscc as string);
    const { rows } = await this.db.query<{ id: number }>('SELECT id FROM achievements WHERE owner_org_id = $1 AND title = $2 AND year = $3 ORDER BY id LIMIT 1', [owner, r.achievement_title, r.achievement_year]);
    const key = `${r.achievement_owner_uscc} / ${r.achievement_title} / ${r.achievement_year}`;
    if (!rows[0]) throw new RowRefused(rowProblem(this.line, 'achievement_title', key, unknownAchievement(key)));
    return rows[0].id;
  }

  /** An institution, platform or project by its pair of columns; undefined when the file has none. */
  async named(kind: keyof typeof namedRecords, r: Record<string, SqlValue | undefined>): Promise<number | null | undefined> {
    const { code, name, sql, what } = namedRecords[kind];
    if (r[name] === undefined) return undefined;
    if (r[name] === null) return null;
    const holder = this.org(code, r[code] as string);
    const { rows } = await this.db.query<{ id: number }>(sql, [holder, r[name]]);
    const key = `${r[code]} / ${r[name]}`;
    if (!rows[0]) throw new RowRefused(rowProblem(this.line, name, key, unknownNamed(what, key)));
    return rows[0].id;
  }

  /** A project's or achievement's host: its institution and platform. */
  async hosts(r: Record<string, SqlValue | undefined>) {
    return { rd_institution_id: await this.named('rd_institution', r), platform_id: await this.named('platform', r) };
  }

  /** A transfer's contract is its achievement owner's sale: found by the owner and the contract number. */
  async contract(achievementId: number, number: SqlValue | undefined): Promise<number | null | undefined> {
    if (number === undefined || number === null) return number;
    const { rows } = await this.db.query<{ id: number }>(
      'SELECT k.id FROM tech_contracts k JOIN achievements a ON a.owner_org_id = k.seller_org_id WHERE a.id = $1 AND k.contract_number = $2',
      [achievementId, number],
    );
    if (!rows[0]) throw new RowRefused(rowProblem(this.line, 'tech_contract_number', number as string, unknownContract(number as string)));
    return rows[0].id;
  }
}

/** The input without the columns the file does not have (the stored values stay). */
const given = (input: Record<string, unknown>) => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));

async function existingId(db: Queryable, sql: string, params: unknown[]): Promise<number | undefined> {
  const { rows } = await db.query<{ id: number }>(sql, params);
  return rows[0]?.id;
}

/** Each entity's row as its API input, references resolved, and the stored record of its natural key. */
const prepare: Record<AchievementFileEntity, (db: Queryable, r: Record<string, SqlValue | undefined>, refs: References) => Promise<Prepared>> = {
  async projects(db, r, refs) {
    const lead = refs.org('lead_uscc', r.lead_uscc as string);
    const { lead_uscc: _l, partner_usccs, rd_institution_host_uscc: _r, rd_institution_name: _rn, platform_host_uscc: _p, platform_name: _pn, ...fields } = r;
    const input = given({ ...fields, lead_org_id: lead, partner_org_ids: refs.orgList('partner_usccs', partner_usccs), ...(await refs.hosts(r)) });
    return { input, existingId: await existingId(db, 'SELECT id FROM projects WHERE lead_org_id = $1 AND title = $2 ORDER BY id LIMIT 1', [lead, r.title]) };
  },
  async achievements(db, r, refs) {
    const owner = refs.org('owner_uscc', r.owner_uscc as string);
    const { owner_uscc: _o, other_org_usccs, rd_institution_host_uscc: _r, rd_institution_name: _rn, platform_host_uscc: _p, platform_name: _pn, project_lead_uscc: _j, project_title: _jt, ...fields } = r;
    const others = refs.orgList('other_org_usccs', other_org_usccs);
    const input = given({ ...fields, organization_ids: others && [owner, ...others], ...(await refs.hosts(r)), project_id: await refs.named('project', r) });
    const id = await existingId(db, 'SELECT id FROM achievements WHERE owner_org_id = $1 AND title = $2 AND year = $3 ORDER BY id LIMIT 1', [owner, r.title, r.year]);
    // A new achievement, or one whose other organizations the file gives, is listed with its owner first.
    if (input.organization_ids === undefined && id === undefined) input.organization_ids = [owner];
    return { input, existingId: id };
  },
  async transfers(db, r, refs) {
    const receiver = refs.org('receiver_uscc', r.receiver_uscc as string);
    const achievement = (await refs.achievement(r)) as number;
    const input = given({ achievement_id: achievement, receiver_org_id: receiver, mode: r.mode, amount: r.amount, transferred_on: r.transferred_on, tech_contract_id: await refs.contract(achievement, r.tech_contract_number) });
    const id = await existingId(db, 'SELECT id FROM transfers WHERE achievement_id = $1 AND receiver_org_id = $2 AND transferred_on = $3 ORDER BY id LIMIT 1', [achievement, receiver, r.transferred_on]);
    return { input, existingId: id };
  },
  async incubations(db, r, refs) {
    const enterprise = refs.org('enterprise_uscc', r.enterprise_uscc as string);
    const input = given({ enterprise_org_id: enterprise, incubated_on: r.incubated_on, achievement_id: await refs.achievement(r), rd_institution_id: await refs.named('rd_institution', r) });
    return { input, existingId: await existingId(db, 'SELECT id FROM incubations WHERE enterprise_org_id = $1 ORDER BY id LIMIT 1', [enterprise]) };
  },
};

type Services = {
  get(ctx: ServiceContext, id: number): Promise<Presented>;
  create(ctx: ServiceContext, input: Record<string, unknown>): Promise<Presented>;
  update(ctx: ServiceContext, id: number, version: number, patch: Record<string, unknown>): Promise<Presented>;
};

/* The services take their typed inputs; a row's input passed the same contract's limits in the reading thread. */
const services = {
  projects: { get: getProject, create: createProject, update: updateProject },
  achievements: { get: getAchievement, create: createAchievement, update: updateAchievement },
  transfers: { get: getTransfer, create: createTransfer, update: updateTransfer },
  incubations: { get: getIncubation, create: createIncubation, update: updateIncubation },
} as unknown as Record<AchievementFileEntity, Services>;

/** Whether the stored record already holds every value the row gives (a re-imported file changes nothing). */
export function holdsAll(stored: Readonly<Record<string, unknown>>, input: Readonly<Record<string, unknown>>): boolean {
  return Object.entries(input).every(([k, v]) => JSON.stringify(stored[k] ?? null) === JSON.stringify(v ?? null));
}

/** A service's refusal as the row's problems, each at its file column. */
function refusalProblems(line: number, err: AppError, values: Readonly<Record<string, SqlValue | undefined>>): RowProblem[] {
  return err.errors.map((e) => {
    const column = fileColumnOf[e.field] ?? e.field;
    const value = values[column];
    return rowProblem(line, column, value === undefined || value === null ? null : String(value), { code: e.code, message: e.message });
  });
}

/** Classifies and writes one batch of rows through the services; see the module's comment. */
export async function writeAchievementRows(
  db: Queryable,
  entity: AchievementFileEntity,
  records: ReadonlyArray<{ line: number; record: TableRow }>,
  opts: AchievementWrite,
): Promise<AchievementOutcome> {
  const columns = tableColumns(entity);
  const named = records.map(({ line, record }) => ({ line, values: Object.fromEntries(columns.map((c, i) => [c.name, record.values[i]])) as Record<string, SqlValue | undefined> }));
  const codes = named.flatMap(({ values }) => columns.filter((c) => c.name.endsWith('uscc') || c.name.endsWith('usccs')).flatMap((c) => creditCodeList(values[c.name] as string | null | undefined)));
  const orgs = await organizationIds(db, codes);
  const ctx: ServiceContext = { ...opts.services, db };
  const outcome: AchievementOutcome = { inserted: 0, updated: 0, unchanged: 0, problems: [] };
  for (const { line, values } of named) {
    try {
      const result = await writeRow(ctx, entity, line, values, new References(db, line, orgs), opts);
      if (result) outcome[result]++;
    } catch (err) {
      if (err instanceof RowRefused) outcome.problems.push(err.problem);
      else if (err instanceof AppError && err.kind === 'validation') outcome.problems.push(...refusalProblems(line, err, values));
      else throw err;
    }
  }
  return outcome;
}

async function writeRow(ctx: ServiceContext, entity: AchievementFileEntity, line: number, values: Record<string, SqlValue | undefined>, refs: References, opts: AchievementWrite): Promise<'inserted' | 'updated' | 'unchanged'> {
  const { input, existingId } = await prepare[entity](ctx.db, values, refs);
  const service = services[entity];
  const stored = existingId === undefined ? undefined : await service.get(ctx, existingId);
  if (stored && opts.scope) refuseOutside(line, entity, values, opts.scope, 'stored', stored);
  if (stored && holdsAll(stored, input)) return 'unchanged';
  if (stored && opts.mode === 'insert') {
    const key = naturalKeys[entity].map((k) => String(values[k])).join(' / ');
    const columns = naturalKeys[entity].join(' + ');
    throw new RowRefused(rowProblem(line, naturalKeys[entity][0]!, key, violation('import.exists', `该记录已存在（${columns}：${key}）；插入模式不更新已有记录`, `A record with this key already exists (${columns}: ${key}); insert mode does not update existing records`, { key })));
  }
  const write = () => (stored ? service.update(ctx, stored.id, stored.version, input) : service.create(ctx, input));
  // The services judge a record before they write any of it, so a refused row leaves nothing
  // behind; only what must be undone after the write (a dry run, a record left outside the area)
  // needs a savepoint — two statements a row a large file need not pay.
  if (!opts.dryRun && !opts.scope) await write();
  else await inSavepoint(ctx.db, opts.dryRun, async () => {
    const written = await write();
    if (opts.scope) refuseOutside(line, entity, values, opts.scope, 'row', written);
  });
  return stored ? 'updated' : 'inserted';
}

/** Runs `work` in a savepoint, undone if it throws or when `undo` (a dry run). */
async function inSavepoint(db: Queryable, undo: boolean, work: () => Promise<void>): Promise<void> {
  await db.query('SAVEPOINT import_row');
  try {
    await work();
    await db.query(undo ? 'ROLLBACK TO SAVEPOINT import_row' : 'RELEASE SAVEPOINT import_row');
  } catch (err) {
    await db.query('ROLLBACK TO SAVEPOINT import_row');
    throw err;
  }
}

function refuseOutside(line: number, entity: AchievementFileEntity, values: Record<string, SqlValue | undefined>, scope: AreaScope, subject: 'stored' | 'row', record: Presented): void {
  const v = outsideArea(scope, subject, { district: record.district_code, zone: record.zone });
  if (!v) return;
  const column = naturalKeys[entity][0]!;
  throw new RowRefused(rowProblem(line, column, String(values[column] ?? ''), v));
}
