import { z } from 'zod';
import { bilingual, groupBucket } from './common.js';

/**
 * Replies of the public read-only API (`/api/v1/public/…`, issue 16): the published datasets with
 * their data dictionaries, their rows (published fields only) and the published indicators.
 * Nothing here carries an unpublished field: the shapes are built from config/publication.json.
 */

export const publicFieldTypes = ['text', 'code', 'date', 'int', 'decimal', 'bool', 'timestamp'] as const;

export const licence = z.object({ id: z.string(), name: bilingual, url: z.string() }).meta({ id: 'OpenDataLicence' });

/** One entry of a dataset's data dictionary. */
export const publicField = z
  .object({
    name: z.string().describe('The key rows carry, and the name to filter, sort and group on'),
    title: bilingual,
    type: z.enum(publicFieldTypes).describe('decimal: exact, as text; date: YYYY-MM-DD; timestamp: ISO 8601'),
    filterable: z.boolean(),
    sortable: z.boolean(),
    groupable: z.boolean(),
    codes: z.array(z.object({ code: z.string(), label: bilingual })).optional().describe('A code field: its values with their labels'),
  })
  .meta({ id: 'OpenDataField' });

export const publicDataset = z
  .object({
    id: z.string(),
    title: bilingual,
    description: bilingual,
    licence,
    fields: z.array(publicField),
    searchable: z.boolean().describe('Whether `search=` matches anything (only published names are searched)'),
    links: z.object({ self: z.string(), rows: z.string() }),
  })
  .meta({ id: 'OpenDataset' });
export type PublicDataset = z.output<typeof publicDataset>;
export const publicDatasetList = z.object({ licence, results: z.array(publicDataset) }).meta({ id: 'OpenDatasets' });

/** A published value: text (dates, exact decimals and timestamps too), a whole number, yes/no, or none. */
export const publicValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const publicRow = z.record(z.string(), publicValue).meta({ id: 'OpenDataRow', description: 'The published fields of one row, keyed as the dataset’s dictionary names them' });
export type PublicRow = z.output<typeof publicRow>;

export const publicRowsPage = z
  .object({
    dataset: z.string(),
    meta: z.object({
      count: z.number().int(),
      per_page: z.number().int(),
      page: z.number().int().nullable(),
      next_cursor: z.string().nullable(),
      groups_count: z.number().int().nullable(),
    }),
    results: z.array(publicRow),
    group_by: z.array(groupBucket),
  })
  .meta({ id: 'OpenDataRows' });
export type PublicRowsPage = z.output<typeof publicRowsPage>;

export const datasetParams = z.strictObject({ id: z.string().max(64) });
