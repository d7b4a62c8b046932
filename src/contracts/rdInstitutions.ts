import { z } from 'zod';
import { fourGlobalFeatureCodes } from '../domain/fourGlobal.js';
import { recognitionLevelCodes } from '../domain/level.js';
import { rdInstitutionCategoryCodes } from '../domain/rdInstitution.js';
import { basedOnVersion, calendarDate, id, listEnvelope, optionalText, recordMeta, text } from './common.js';

/** A "four global" (四个全球) feature claim: evidence, and the date a reviewer confirmed it. */
export const featureClaim = z.strictObject({
  evidence: optionalText(2000),
  confirmed_on: calendarDate.nullable().optional(),
});
const fourGlobalInput = z.strictObject(
  Object.fromEntries(fourGlobalFeatureCodes.map((f) => [f, featureClaim.nullable().optional()])) as Record<
    (typeof fourGlobalFeatureCodes)[number],
    z.ZodOptional<z.ZodNullable<typeof featureClaim>>
  >,
);

/** R&D institution (研发机构) hosted by an organization. */
const fields = {
  host_org_id: id,
  name: text(200),
  name_en: optionalText(300),
  category: z.enum(rdInstitutionCategoryCodes),
  level: z.enum(recognitionLevelCodes),
  established_on: calendarDate.nullable().optional(),
  district_code: z.string().max(12),
  zone: z.string().max(64).nullable().optional(),
  four_global: fourGlobalInput.optional(),
};

export const rdInstitutionCreate = z.strictObject(fields).meta({ id: 'RdInstitutionCreate' });
export const rdInstitutionPatch = z
  .strictObject({ ...z.strictObject(fields).partial().shape, version: basedOnVersion.optional() })
  .meta({ id: 'RdInstitutionPatch' });

const featureClaimOut = z.object({ evidence: z.string().nullable(), confirmed_on: z.string().nullable() });
export const rdInstitution = z
  .object({
    ...recordMeta,
    host_org_id: id,
    host_name: z.string(),
    name: z.string(),
    name_en: z.string().nullable(),
    category: z.enum(rdInstitutionCategoryCodes),
    level: z.enum(recognitionLevelCodes),
    established_on: z.string().nullable(),
    district_code: z.string(),
    zone: z.string().nullable(),
    four_global: z.object(Object.fromEntries(fourGlobalFeatureCodes.map((f) => [f, featureClaimOut])) as Record<(typeof fourGlobalFeatureCodes)[number], typeof featureClaimOut>),
    global_feature_count: z.number().int().min(0).max(4).describe('Features confirmed by a reviewer'),
  })
  .meta({ id: 'RdInstitution' });

export const rdInstitutionList = listEnvelope(rdInstitution);
export type RdInstitutionCreate = z.output<typeof rdInstitutionCreate>;
export type RdInstitutionPatch = z.output<typeof rdInstitutionPatch>;
export type RdInstitution = z.output<typeof rdInstitution>;
