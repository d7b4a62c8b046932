import { z } from 'zod';
import { qualificationTypeCodes } from '../domain/qualification.js';
import { basedOnVersion, calendarDate, id, listEnvelope, optionalText, recordMeta } from './common.js';

/** Qualification (资质): a dated certificate an organization holds. */
const fields = {
  organization_id: id,
  qualification: z.enum(qualificationTypeCodes),
  certificate_no: optionalText(100).describe('Certificate or registration number as printed; its format is not published'),
  valid_from: calendarDate,
  valid_to: calendarDate.nullable().optional().describe('Last day of validity; null = open-ended'),
};

export const qualificationCreate = z.strictObject(fields).meta({ id: 'QualificationCreate' });
export const qualificationPatch = z
  .strictObject({ ...z.strictObject(fields).partial().shape, version: basedOnVersion.optional() })
  .meta({ id: 'QualificationPatch' });

export const qualification = z
  .object({
    ...recordMeta,
    organization_id: id,
    organization_name: z.string(),
    organization_district_code: z.string().nullable().describe('The holder’s district: where the qualification counts, and whose district officers may change it'),
    organization_zone: z.string().nullable().describe('The holder’s zone: whose zone officers may change it'),
    qualification: z.enum(qualificationTypeCodes),
    certificate_no: z.string().nullable(),
    valid_from: z.string(),
    valid_to: z.string().nullable(),
  })
  .meta({ id: 'Qualification' });

export const qualificationList = listEnvelope(qualification);
export type QualificationCreate = z.output<typeof qualificationCreate>;
export type QualificationPatch = z.output<typeof qualificationPatch>;
export type Qualification = z.output<typeof qualification>;
