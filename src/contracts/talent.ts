import { z } from 'zod';
import { recruitmentCallStatusCodes, talentCategoryCodes, talentModeCodes } from '../domain/talent.js';
import { basedOnVersion, bilingual, calendarDate, id, listEnvelope, optionalText, recordMeta, text } from './common.js';

/**
 * Talent introductions (人才引进) and recruitment calls (招贤令). The person's name, contacts and
 * identity number are personal information: a reader without `talent.personal_data.read` gets
 * the name masked and the rest null, in every reply (`personal_data: "masked"`).
 */
const introductionFields = {
  person_name: text(100).describe('The person’s name (personal information: masked to readers without talent.personal_data.read)'),
  phone: optionalText(40).describe('Phone (personal information)'),
  email: optionalText(200).describe('Email (personal information)'),
  id_number: optionalText(18).describe('18-character resident ID number, GB 11643 check character (personal information)'),
  category: z.enum(talentCategoryCodes).describe('nobel_laureate, academician, overseas_team, leading_talent, young_talent, other'),
  mode: z.enum(talentModeCodes).describe('full_time or flexible (柔性引进)'),
  host_org_id: id.describe('The host organization (引进单位), an organization of the registry'),
  introduced_on: calendarDate,
  field: optionalText(100).describe('Research or industry field'),
  district_code: z.string().max(12).nullable().optional().describe('By default the host organization’s'),
  zone: z.string().max(64).nullable().optional().describe('By default the host organization’s'),
};

export const talentIntroductionCreate = z.strictObject(introductionFields).meta({ id: 'TalentIntroductionCreate' });
export const talentIntroductionPatch = z
  .strictObject({ ...z.strictObject(introductionFields).partial().shape, version: basedOnVersion.optional() })
  .meta({ id: 'TalentIntroductionPatch' });

export const personalDataViews = ['full', 'masked'] as const;

export const talentIntroduction = z
  .object({
    ...recordMeta,
    person_name: z.string().describe('Masked (张*, J*** S****) when personal_data is "masked"'),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    id_number: z.string().nullable(),
    personal_data: z.enum(personalDataViews).describe('"masked": the caller may not see personal information; contacts and ID number are null'),
    category: z.enum(talentCategoryCodes),
    category_name: bilingual,
    mode: z.enum(talentModeCodes),
    mode_name: bilingual,
    host_org_id: id,
    host_name: z.string(),
    introduced_on: z.string(),
    field: z.string().nullable(),
    district_code: z.string().nullable(),
    zone: z.string().nullable(),
  })
  .meta({ id: 'TalentIntroduction' });

export const talentIntroductionList = listEnvelope(talentIntroduction);
export type TalentIntroductionCreate = z.output<typeof talentIntroductionCreate>;
export type TalentIntroductionPatch = z.output<typeof talentIntroductionPatch>;
export type TalentIntroduction = z.output<typeof talentIntroduction>;

const callFields = {
  org_id: id.describe('The organization calling (发布单位), an organization of the registry'),
  title: text(300),
  positions: z.number().int().min(1).max(100_000).describe('How many people are sought'),
  description: optionalText(5000).describe('The positions: what is sought, conditions, support'),
  published_on: calendarDate.nullable().optional(),
  deadline: calendarDate.describe('Open through this day (the city’s calendar), closed after'),
  district_code: z.string().max(12).nullable().optional().describe('By default the organization’s'),
  zone: z.string().max(64).nullable().optional().describe('By default the organization’s'),
};

export const recruitmentCallCreate = z.strictObject(callFields).meta({ id: 'RecruitmentCallCreate' });
export const recruitmentCallPatch = z
  .strictObject({ ...z.strictObject(callFields).partial().shape, version: basedOnVersion.optional() })
  .meta({ id: 'RecruitmentCallPatch' });

export const recruitmentCall = z
  .object({
    ...recordMeta,
    org_id: id,
    org_name: z.string(),
    title: z.string(),
    positions: z.number().int(),
    description: z.string().nullable(),
    published_on: z.string().nullable(),
    deadline: z.string(),
    status: z.enum(recruitmentCallStatusCodes).describe('open through the deadline day (the city’s today), closed after'),
    district_code: z.string().nullable(),
    zone: z.string().nullable(),
  })
  .meta({ id: 'RecruitmentCall' });

export const recruitmentCallList = listEnvelope(recruitmentCall);
export type RecruitmentCallCreate = z.output<typeof recruitmentCallCreate>;
export type RecruitmentCallPatch = z.output<typeof recruitmentCallPatch>;
export type RecruitmentCall = z.output<typeof recruitmentCall>;
