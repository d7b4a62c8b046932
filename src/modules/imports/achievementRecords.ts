import { z } from 'zod';
import { achievementCreate, incubationCreate, projectCreate, transferCreate } from '../../contracts/achievements.js';
import type { AchievementFileEntity } from '../../contracts/fileColumns.js';
import { achievementFlagCodes, checkAchievementFields, checkIncubationFields, checkProjectFields, checkTransferFields, type AchievementFlag, type ProjectStatus, type TransferMode } from '../../domain/achievement.js';
import { violation, type CodeList } from '../../domain/message.js';
import type { FieldViolation } from '../../domain/recordRules.js';
import { formatYuan, yuan } from '../../domain/yuan.js';
import { achievementCodes } from '../achievements/codes.js';
import { codeNamed } from './cellValues.js';
import type { ColumnValues, ColumnViolation, EntitySpec } from './fileRecords.js';

/**
 * File records of projects, achievements, transfers and incubations (成果类文件记录). Pure, for the
 * reading thread: organizations are credit codes, an achievement its key (owner's credit code,
 * title, year); the writer (achievementRows.ts) resolves them and writes through the services.
 * A list of organizations is one cell of credit codes separated by ；or ; (its order kept).
 */

/** A host institution or platform by its host's credit code and name; an achievement's project by its lead and title. */
export interface HostKeyFields {
  rd_institution_host_uscc?: string | null;
  rd_institution_name?: string | null;
  platform_host_uscc?: string | null;
  platform_name?: string | null;
}

export interface ProjectFileRecord extends HostKeyFields {
  lead_uscc: string;
  title: string;
  partner_usccs?: string | null;
  programme: string;
  budget: string;
  start_on: string;
  end_on: string;
  status: ProjectStatus;
  district_code?: string | null;
  zone?: string | null;
}

export interface AchievementFileRecord extends Partial<Record<AchievementFlag, boolean>>, HostKeyFields {
  project_lead_uscc?: string | null;
  project_title?: string | null;
  owner_uscc: string;
  title: string;
  year: number | string;
  type: string;
  other_org_usccs?: string | null;
  evidence?: string | null;
  district_code?: string | null;
  zone?: string | null;
}

/** An achievement as a transfer or an incubation names it. */
export interface AchievementKeyFields {
  achievement_owner_uscc?: string | null;
  achievement_title?: string | null;
  achievement_year?: number | string | null;
}

export interface TransferFileRecord extends AchievementKeyFields {
  receiver_uscc: string;
  transferred_on: string;
  mode: TransferMode;
  amount: string;
  tech_contract_number?: string | null;
}

export interface IncubationFileRecord extends AchievementKeyFields, Pick<HostKeyFields, 'rd_institution_host_uscc' | 'rd_institution_name'> {
  enterprise_uscc: string;
  incubated_on: string;
}

export interface AchievementFileRecords {
  projects: ProjectFileRecord;
  achievements: AchievementFileRecord;
  transfers: TransferFileRecord;
  incubations: IncubationFileRecord;
}

/** The credit codes of a list cell, in order: separated by ；, ;, a comma or a line break, upper-cased. */
export function creditCodeList(cell: string | null | undefined): string[] {
  if (typeof cell !== 'string') return [];
  return cell
    .split(/[；;,，\n]/)
    .map((c) => c.trim().toUpperCase())
    .filter((c) => c !== '');
}

/** A list cell as the export writes it, so a re-imported file compares equal. */
const joinCodes = (codes: readonly string[]): string | null => (codes.length ? codes.join('；') : null);

/** A code given as itself or its Chinese or English label (国家重点研发计划 → its code). */
function named(codes: CodeList<string>, value: unknown): unknown {
  return typeof value === 'string' ? (codeNamed(codes, value) ?? value) : value;
}

/** Amounts as the table stores them (two places), so a re-imported file compares equal. */
function storedYuan(value: unknown): unknown {
  return typeof value === 'string' && /^\d+(\.\d{1,2})?$/.test(value) ? formatYuan(yuan(value)) : value;
}

/** A year cell of digits is the year; anything else stays text, for the limits to name. */
function yearOf(value: unknown): unknown {
  return typeof value === 'string' && /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : value;
}

function buildProject(values: ColumnValues): { record: ProjectFileRecord; problems: ColumnViolation[] } {
  const record = values as unknown as Record<string, unknown>;
  record.programme = named(achievementCodes().programmes, record.programme);
  record.budget = storedYuan(record.budget);
  if ('partner_usccs' in record) record.partner_usccs = joinCodes(creditCodeList(record.partner_usccs as string | null));
  return { record: record as unknown as ProjectFileRecord, problems: [] };
}

function buildAchievement(values: ColumnValues): { record: AchievementFileRecord; problems: ColumnViolation[] } {
  const record = values as unknown as Record<string, unknown>;
  record.type = named(achievementCodes().achievementTypes, record.type);
  record.year = yearOf(record.year);
  if ('other_org_usccs' in record) record.other_org_usccs = joinCodes(creditCodeList(record.other_org_usccs as string | null));
  // An empty flag is not claimed, as when the API is not given it.
  for (const flag of achievementFlagCodes) if (flag in record && record[flag] === null) record[flag] = false;
  return { record: record as unknown as AchievementFileRecord, problems: [] };
}

function buildTransfer(values: ColumnValues): { record: TransferFileRecord; problems: ColumnViolation[] } {
  const record = values as unknown as Record<string, unknown>;
  record.amount = storedYuan(record.amount);
  record.achievement_year = yearOf(record.achievement_year);
  return { record: record as unknown as TransferFileRecord, problems: [] };
}

function buildIncubation(values: ColumnValues): { record: IncubationFileRecord; problems: ColumnViolation[] } {
  const record = values as unknown as Record<string, unknown>;
  if ('achievement_year' in record) record.achievement_year = yearOf(record.achievement_year);
  return { record: record as unknown as IncubationFileRecord, problems: [] };
}

const creditCode = z.string().max(40);
const codeListCell = z.string().max(2000).nullable().optional();
const year = z.number().int().min(0).max(9999);
const optionalKey = (max: number) => z.string().max(max).nullable().optional();
const hostKeys = { rd_institution_host_uscc: optionalKey(40), rd_institution_name: optionalKey(300), platform_host_uscc: optionalKey(40), platform_name: optionalKey(300) };
const achievementKey = { achievement_owner_uscc: creditCode.nullable().optional(), achievement_title: z.string().max(300).nullable().optional(), achievement_year: year.nullable().optional() };

/** A create contract without its id fields, with the file's own columns: the same limits as the API. */
function fileLimits(contract: z.ZodObject, ids: readonly string[], own: z.ZodRawShape): z.ZodObject {
  const shape = Object.fromEntries(Object.entries(contract.shape).filter(([key]) => !ids.includes(key)));
  return z.strictObject({ ...shape, ...own });
}

/** An organization listed twice, or the first one again, at the list's column: the API's rule, by credit code. */
export function repeatedCodes(field: string, first: string, others: readonly string[]): FieldViolation[] {
  const repeated = others.find((code, i) => others.indexOf(code) !== i || code === first);
  if (repeated === undefined) return [];
  return [{ field, ...violation('organizations.repeated', `主体 ${repeated} 重复列出`, `Organization ${repeated} is listed twice`, { uscc: repeated }) }];
}

/** All or none of an achievement's three key columns, and a year of digits. */
export function achievementKeyViolations(r: AchievementKeyFields): FieldViolation[] {
  const given = [r.achievement_owner_uscc, r.achievement_title, r.achievement_year].filter((v) => v !== null && v !== undefined).length;
  if (given === 0 || given === 3) return [];
  return [{ field: 'achievement_title', ...violation('achievement_key.incomplete', '成果须以所有单位统一社会信用代码、成果名称和成果年份三项一起填写', 'Name an achievement by its owner’s credit code, title and year together') }];
}

/** Pairs of columns that name one record together: the credit code column, the name column, what it is. */
const pairs = [
  { code: 'rd_institution_host_uscc', name: 'rd_institution_name', what: { zh: '研发机构须以依托单位统一社会信用代码和机构名称', en: 'an R&D institution by its host’s credit code and its name' } },
  { code: 'platform_host_uscc', name: 'platform_name', what: { zh: '创新平台须以依托单位统一社会信用代码和平台名称', en: 'a platform by its host’s credit code and its name' } },
  { code: 'project_lead_uscc', name: 'project_title', what: { zh: '所属项目须以牵头单位统一社会信用代码和项目名称', en: 'a project by its lead’s credit code and its title' } },
] as const;

/** An institution, platform or project is named by both of its columns, or not at all. */
export function pairedKeyViolations(r: Readonly<Record<string, unknown>>): FieldViolation[] {
  return pairs.flatMap(({ code, name, what }) => {
    if (!(code in r) && !(name in r)) return [];
    if (((r[code] ?? null) === null) === ((r[name] ?? null) === null)) return [];
    return [{ field: name, ...violation(`${name}_key.incomplete`, `${what.zh}一起填写`, `Name ${what.en} together`) }];
  });
}

/** The ids the domain rules judge (one host at most), standing for the keys a row gives. */
const hostIds = (r: HostKeyFields) => ({
  ...('rd_institution_name' in r ? { rd_institution_id: r.rd_institution_name ? 0 : null } : {}),
  ...('platform_name' in r ? { platform_id: r.platform_name ? 0 : null } : {}),
});

/** A rule's id field as the file column that names the record. */
const hostColumns: Record<string, string> = { rd_institution_id: 'rd_institution_name', platform_id: 'platform_name', project_id: 'project_title' };
const atHostColumn = (v: FieldViolation): FieldViolation => (hostColumns[v.field] ? { ...v, field: hostColumns[v.field]! } : v);

const hasAchievement = (r: AchievementKeyFields) => (r.achievement_title ?? null) !== null;

const projects: EntitySpec<ProjectFileRecord> = {
  reference: 'lead_uscc',
  build: buildProject,
  limits: fileLimits(projectCreate, ['lead_org_id', 'partner_org_ids', 'rd_institution_id', 'platform_id'], { lead_uscc: creditCode, partner_usccs: codeListCell, ...hostKeys }),
  contractShape: (r) => r as unknown as Record<string, unknown>,
  rules: (r, ctx) => [
    ...checkProjectFields(achievementCodes(), ctx.city, { ...r, ...hostIds(r) }, ctx.today).map(atHostColumn),
    ...pairedKeyViolations(r as unknown as Record<string, unknown>),
    ...(r.partner_usccs === undefined ? [] : repeatedCodes('partner_usccs', r.lead_uscc, creditCodeList(r.partner_usccs))),
  ],
};

const achievements: EntitySpec<AchievementFileRecord> = {
  reference: 'owner_uscc',
  build: buildAchievement,
  limits: fileLimits(achievementCreate, ['organization_ids', 'rd_institution_id', 'platform_id', 'project_id'], { owner_uscc: creditCode, other_org_usccs: codeListCell, ...hostKeys, project_lead_uscc: optionalKey(40), project_title: optionalKey(300) }),
  contractShape: (r) => r as unknown as Record<string, unknown>,
  rules: (r, ctx) => [
    ...checkAchievementFields(achievementCodes(), ctx.city, { ...r, ...hostIds(r), year: typeof r.year === 'number' ? r.year : undefined, organization_ids: undefined }, ctx.today).map(atHostColumn),
    ...pairedKeyViolations(r as unknown as Record<string, unknown>),
    ...(r.other_org_usccs === undefined ? [] : repeatedCodes('other_org_usccs', r.owner_uscc, creditCodeList(r.other_org_usccs))),
  ],
};

const transfers: EntitySpec<TransferFileRecord> = {
  reference: 'receiver_uscc',
  build: buildTransfer,
  limits: fileLimits(transferCreate, ['achievement_id', 'receiver_org_id', 'tech_contract_id'], { ...achievementKey, receiver_uscc: creditCode, tech_contract_number: z.string().max(100).nullable().optional() }),
  contractShape: (r) => r as unknown as Record<string, unknown>,
  rules: (r, ctx) => [...checkTransferFields(r, ctx.today), ...achievementKeyViolations(r)],
};

const incubations: EntitySpec<IncubationFileRecord> = {
  reference: 'enterprise_uscc',
  build: buildIncubation,
  limits: fileLimits(incubationCreate, ['enterprise_org_id', 'achievement_id', 'rd_institution_id'], {
    ...achievementKey,
    enterprise_uscc: creditCode,
    rd_institution_host_uscc: hostKeys.rd_institution_host_uscc,
    rd_institution_name: hostKeys.rd_institution_name,
  }),
  contractShape: (r) => r as unknown as Record<string, unknown>,
  rules: (r, ctx) => [
    // The source is judged as the API judges it: an achievement or an institution (ids stand for the keys given).
    ...checkIncubationFields({ incubated_on: r.incubated_on, achievement_id: hasAchievement(r) ? 0 : null, rd_institution_id: r.rd_institution_name ? 0 : null }, ctx.today).map((v) =>
      v.field === 'achievement_id' ? { ...v, field: 'achievement_title' } : v,
    ),
    ...achievementKeyViolations(r),
    ...pairedKeyViolations(r as unknown as Record<string, unknown>),
  ],
};

export const achievementEntitySpecs: { [E in AchievementFileEntity]: EntitySpec<AchievementFileRecords[E]> } = { projects, achievements, transfers, incubations };
