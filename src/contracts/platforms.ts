import { z } from 'zod';
import { platformStatusCodes, platformTypeCodes } from '../domain/innovationPlatform.js';
import { recognitionLevelCodes } from '../domain/level.js';
import { basedOnVersion, calendarDate, id, listEnvelope, optionalText, recordMeta, text } from './common.js';

/** Innovation platform (创新平台) hosted by an organization. */
const fields = {
  host_org_id: id,
  name: text(200),
  name_en: optionalText(300),
  type: z.enum(platformTypeCodes),
  level: z.enum(recognitionLevelCodes),
  recognized_on: calendarDate.nullable().optional().describe('Date of recognition or filing (认定/备案日期)'),
  authority: optionalText(200).describe('Recognizing or filing authority'),
  status: z.enum(platformStatusCodes),
  district_code: z.string().max(12),
  zone: z.string().max(64).nullable().optional(),
};

export const platformCreate = z.strictObject(fields).meta({ id: 'PlatformCreate' });
export const platformPatch = z
  .strictObject({ ...z.strictObject(fields).partial().shape, version: basedOnVersion.optional() })
  .meta({ id: 'PlatformPatch' });

export const platform = z
  .object({
    ...recordMeta,
    host_org_id: id,
    host_name: z.string(),
    name: z.string(),
    name_en: z.string().nullable(),
    type: z.enum(platformTypeCodes),
    level: z.enum(recognitionLevelCodes),
    recognized_on: z.string().nullable(),
    authority: z.string().nullable(),
    status: z.enum(platformStatusCodes),
    district_code: z.string(),
    zone: z.string().nullable(),
  })
  .meta({ id: 'Platform' });

export const platformList = listEnvelope(platform);
export type PlatformCreate = z.output<typeof platformCreate>;
export type PlatformPatch = z.output<typeof platformPatch>;
export type Platform = z.output<typeof platform>;
