import { z } from 'zod';
import { organizationKindCodes } from '../domain/organization.js';
import { basedOnVersion, bilingual, calendarDate, listEnvelope, optionalText, recordMeta, text } from './common.js';

/** Organization (主体): any legal entity of the innovation system, keyed by its credit code. */
const fields = {
  uscc: z.string().min(1).max(40).describe('Unified social credit code (统一社会信用代码); normalised before checking'),
  uscc_override_reason: optionalText(500).describe('Why a code failing the checksum is accepted (early pilot codes)'),
  name: text(200).describe('Registered Chinese name'),
  name_en: optionalText(300),
  kind: z.enum(organizationKindCodes),
  industry_code: z.string().max(12).nullable().optional().describe('Industry class of GB/T 4754-2017 (国民经济行业分类), e.g. C3514; four bare digits get their section letter'),
  district_code: z.string().max(12).nullable().optional().describe('County-level GB/T 2260 code of the organization itself; null = outside the city'),
  zone: z.string().max(64).nullable().optional().describe('Innovation or functional zone code of the city configuration'),
  founded_on: calendarDate.nullable().optional(),
  address: optionalText(500),
};

export const organizationCreate = z.strictObject(fields).meta({ id: 'OrganizationCreate' });
export const organizationPatch = z
  .strictObject({ ...z.strictObject(fields).partial().shape, version: basedOnVersion.optional() })
  .meta({ id: 'OrganizationPatch' });

export const ruleViolation = z.object({ code: z.string(), message: bilingual, params: z.record(z.string(), z.unknown()).optional() });

export const organization = z
  .object({
    ...recordMeta,
    uscc: z.string(),
    uscc_override_reason: z.string().nullable(),
    uscc_warnings: z.array(ruleViolation).describe('Checks that do not block, e.g. the GB 11714 organisation-code check'),
    name: z.string(),
    name_en: z.string().nullable(),
    kind: z.enum(organizationKindCodes),
    industry_code: z.string().nullable(),
    district_code: z.string().nullable(),
    zone: z.string().nullable(),
    founded_on: z.string().nullable(),
    address: z.string().nullable(),
  })
  .meta({ id: 'Organization' });

export const organizationList = listEnvelope(organization);
export type OrganizationCreate = z.output<typeof organizationCreate>;
export type OrganizationPatch = z.output<typeof organizationPatch>;
export type Organization = z.output<typeof organization>;
