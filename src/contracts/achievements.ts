import { z } from 'zod';
import { projectStatusCodes, transferModeCodes } from '../domain/achievement.js';
import { basedOnVersion, bilingual, calendarDate, id, listEnvelope, optionalText, recordMeta, text } from './common.js';

/**
 * Key-technology projects, achievements, transfers and incubations (issue 14): request and reply
 * shapes. Programmes and achievement types are data (config/market/), checked by the domain rules.
 */

/** Money crosses the API as a decimal string (元, at most two places): never a float. */
const yuan = z.string().max(32).meta({ pattern: '^[0-9]+(\\.[0-9]{1,2})?$', example: '12000000.00' });
const code = z.string().max(40);
const place = {
  district_code: z.string().max(12).nullable().optional().describe('Where the record lies; by default its organization’s district'),
  zone: z.string().max(64).nullable().optional().describe('By default its organization’s zone'),
};
const hostIds = {
  rd_institution_id: id.nullable().optional().describe('The R&D institution it belongs to (研发机构), if any'),
  platform_id: id.nullable().optional().describe('Or the innovation platform (e.g. a provincial laboratory); not both'),
};
const orgIds = (max: number) => z.array(id).max(max);

// ── Projects (重点/关键技术攻关项目) ─────────────────────────────────────────────────────────
const projectFields = {
  title: text(300),
  lead_org_id: id.describe('The lead organization (牵头单位): the project is its'),
  partner_org_ids: orgIds(50).optional().describe('Partner organizations (参与单位), in order'),
  programme: code.describe('config/market/programmes.json'),
  budget: yuan.describe('Budget, yuan'),
  start_on: calendarDate,
  end_on: calendarDate,
  status: z.enum(projectStatusCodes),
  ...hostIds,
  ...place,
};
export const projectCreate = z.strictObject(projectFields).meta({ id: 'ProjectCreate' });
export const projectPatch = z.strictObject({ ...z.strictObject(projectFields).partial().shape, version: basedOnVersion.optional() }).meta({ id: 'ProjectPatch' });
export const project = z
  .object({
    ...recordMeta,
    title: z.string(),
    lead_org_id: id,
    lead_name: z.string(),
    partner_org_ids: z.array(id),
    programme: z.string(),
    programme_name: bilingual,
    budget: yuan,
    start_on: z.string(),
    end_on: z.string(),
    status: z.enum(projectStatusCodes),
    rd_institution_id: id.nullable(),
    platform_id: id.nullable(),
    host_name: z.string().nullable().describe('The institution’s or platform’s name'),
    district_code: z.string().nullable(),
    zone: z.string().nullable(),
  })
  .meta({ id: 'Project' });
export const projectList = listEnvelope(project);
export type ProjectCreate = z.output<typeof projectCreate>;
export type ProjectPatch = z.output<typeof projectPatch>;
export type Project = z.output<typeof project>;

// ── Achievements (科技成果) ──────────────────────────────────────────────────────────────────
const flag = (what: string) => z.boolean().optional().describe(what);
const achievementFields = {
  title: text(300),
  type: code.describe('config/market/achievement-types.json'),
  key_tech_breakthrough: flag('突破关键核心技术（卡脖子）'),
  first_of_kind: flag('首台（套）'),
  fills_domestic_gap: flag('填补国内空白'),
  globally_leading: flag('全球领先'),
  independently_controllable: flag('自主可控'),
  year: z.number().int().min(0).max(9999),
  organization_ids: orgIds(30).min(1).describe('The organizations that made it; the first owns it (its record scope)'),
  ...hostIds,
  project_id: id.nullable().optional().describe('The project it came from'),
  evidence: optionalText(4000).describe('Evidence of the claims (required when a flag is set)'),
  ...place,
};
export const achievementCreate = z.strictObject(achievementFields).meta({ id: 'AchievementCreate' });
export const achievementPatch = z
  .strictObject({ ...z.strictObject(achievementFields).partial().shape, version: basedOnVersion.optional() })
  .meta({ id: 'AchievementPatch' });
export const achievement = z
  .object({
    ...recordMeta,
    title: z.string(),
    type: z.string(),
    type_name: bilingual,
    key_tech_breakthrough: z.boolean(),
    first_of_kind: z.boolean(),
    fills_domestic_gap: z.boolean(),
    globally_leading: z.boolean(),
    independently_controllable: z.boolean(),
    year: z.number().int(),
    owner_org_id: id,
    owner_name: z.string(),
    organization_ids: z.array(id),
    rd_institution_id: id.nullable(),
    platform_id: id.nullable(),
    host_name: z.string().nullable(),
    project_id: id.nullable(),
    evidence: z.string().nullable(),
    district_code: z.string().nullable(),
    zone: z.string().nullable(),
  })
  .meta({ id: 'Achievement' });
export const achievementList = listEnvelope(achievement);
export type AchievementCreate = z.output<typeof achievementCreate>;
export type AchievementPatch = z.output<typeof achievementPatch>;
export type Achievement = z.output<typeof achievement>;

// ── Transfers (成果转化) ─────────────────────────────────────────────────────────────────────
const transferFields = {
  achievement_id: id,
  receiver_org_id: id.describe('The organization receiving the achievement'),
  mode: z.enum(transferModeCodes),
  amount: yuan.describe('Amount, yuan (zero allowed: a joint implementation may carry no fee)'),
  transferred_on: calendarDate,
  tech_contract_id: id.nullable().optional().describe('Its technology contract; the contract’s seller must own the achievement'),
};
export const transferCreate = z.strictObject(transferFields).meta({ id: 'TransferCreate' });
export const transferPatch = z.strictObject({ ...z.strictObject(transferFields).partial().shape, version: basedOnVersion.optional() }).meta({ id: 'TransferPatch' });
export const transfer = z
  .object({
    ...recordMeta,
    achievement_id: id,
    achievement_title: z.string(),
    receiver_org_id: id,
    receiver_name: z.string(),
    mode: z.enum(transferModeCodes),
    amount: yuan,
    transferred_on: z.string(),
    tech_contract_id: id.nullable(),
    owner_org_id: id.describe('The achievement’s owner, copied from it'),
    owner_name: z.string(),
    rd_institution_id: id.nullable(),
    platform_id: id.nullable(),
    district_code: z.string().nullable(),
    zone: z.string().nullable(),
  })
  .meta({ id: 'Transfer' });
export const transferList = listEnvelope(transfer);
export type TransferCreate = z.output<typeof transferCreate>;
export type TransferPatch = z.output<typeof transferPatch>;
export type Transfer = z.output<typeof transfer>;

// ── Incubations (孵化企业) ───────────────────────────────────────────────────────────────────
const incubationFields = {
  enterprise_org_id: id.describe('The new enterprise, an organization of the registry'),
  achievement_id: id.nullable().optional().describe('The achievement it was built on'),
  rd_institution_id: id.nullable().optional().describe('The R&D institution that incubated it; with an achievement, the achievement’s'),
  incubated_on: calendarDate,
};
export const incubationCreate = z.strictObject(incubationFields).meta({ id: 'IncubationCreate' });
export const incubationPatch = z.strictObject({ ...z.strictObject(incubationFields).partial().shape, version: basedOnVersion.optional() }).meta({ id: 'IncubationPatch' });
export const incubation = z
  .object({
    ...recordMeta,
    enterprise_org_id: id,
    enterprise_name: z.string(),
    achievement_id: id.nullable(),
    achievement_title: z.string().nullable(),
    rd_institution_id: id.nullable(),
    rd_institution_name: z.string().nullable(),
    incubated_on: z.string(),
    owner_org_id: id.describe('The achievement’s owner, or the institution’s host'),
    owner_name: z.string(),
    district_code: z.string().nullable(),
    zone: z.string().nullable(),
  })
  .meta({ id: 'Incubation' });
export const incubationList = listEnvelope(incubation);
export type IncubationCreate = z.output<typeof incubationCreate>;
export type IncubationPatch = z.output<typeof incubationPatch>;
export type Incubation = z.output<typeof incubation>;
