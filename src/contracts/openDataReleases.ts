import { z } from 'zod';
import { bilingual } from './common.js';
import { licence, publicFieldTypes } from './publicData.js';

/**
 * Replies of the open-data bulk downloads (issue 16): a dataset's data dictionary, its releases
 * with their change logs, and the DCAT catalogue of every dataset and file.
 */

export const downloadFormatNames = ['csv.gz', 'jsonl.gz'] as const;

export const dictionaryField = z
  .object({
    name: z.string().describe('The CSV header and JSON Lines key'),
    title: bilingual,
    type: z.enum(publicFieldTypes),
    format: bilingual.describe('How a value of the type is written in the files'),
    codes: z.array(z.object({ code: z.string(), label: bilingual })).optional(),
    note: bilingual.optional().describe('What a reader of the values should know (free text: contacts in it are masked)'),
  })
  .meta({ id: 'OpenDataDictionaryField' });

export const dataDictionary = z
  .object({
    dataset: z.string(),
    title: bilingual,
    description: bilingual,
    licence,
    fields: z.array(dictionaryField),
  })
  .meta({ id: 'OpenDataDictionary' });

const ids = z.array(z.string());

export const releaseFile = z.object({
  format: z.enum(downloadFormatNames),
  byte_size: z.number().int(),
  sha256: z.string().describe('SHA-256 (hex) of the gzip file as served'),
});

export const release = z
  .object({
    release: z.number().int().describe('Numbered from 1, one more with each release that changed a published row'),
    released_at: z.string().describe('ISO 8601'),
    row_count: z.number().int(),
    added: z.number().int(),
    changed: z.number().int(),
    removed: z.number().int(),
    ids: z.object({ added: ids, changed: ids, removed: ids }).nullable().describe('The row ids against the release before; null on the first release, whose every row is new'),
    files: z.array(releaseFile),
  })
  .meta({ id: 'OpenDataRelease' });

export const releaseList = z
  .object({
    dataset: z.string(),
    current: z.number().int().describe('The release the download links serve'),
    results: z.array(release).describe('Newest first'),
  })
  .meta({ id: 'OpenDataReleases' });
export type ReleaseList = z.output<typeof releaseList>;

/** The DCAT catalogue in JSON-LD; its shape is DCAT's (docs/api.md), not restated here. */
export const dcatCatalogue = z.record(z.string(), z.unknown()).meta({ id: 'OpenDataCatalogue', description: 'A dcat:Catalog in JSON-LD (DCAT-AP style)' });

export const downloadParams = z.strictObject({ id: z.string().max(64) });
