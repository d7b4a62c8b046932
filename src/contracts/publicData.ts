import { z } from 'zod';
import { comparators } from '../domain/targetStatus.js';
import { bilingual, listEnvelope, listQuery } from './common.js';
import { areaCode, period } from './indicators.js';

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
    free_text: z.literal(true).optional().describe('Text as someone typed it: phone numbers, email addresses and ID numbers in it are replaced by "[联系方式已隐去 / contact removed]"; neither filterable, sortable nor searched'),
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

export const publicRowsPage = listEnvelope(publicRow)
  .extend({ dataset: z.string() })
  .meta({ id: 'OpenDataRows' });
export type PublicRowsPage = z.output<typeof publicRowsPage>;

export const datasetParams = z.strictObject({ id: z.string().max(64) });

// ── Published indicators ─────────────────────────────────────────────────────────────────────────

/** A figure as the dashboard shows it (the same engine computes both). */
const figure = z.object({
  period: z.string(),
  value: z.number().nullable(),
  /** computed: the day it stands for (year end, or today in the running year); official: the day it was published. */
  as_of: z.string().nullable(),
  source_note: z.string().nullable().describe('Official statistics: where the figure was published'),
});

const publicTarget = z.object({
  period: z.string(),
  comparator: z.enum(comparators),
  value: z.number(),
  current: z.number().nullable(),
  status: z.string(),
  status_label: bilingual,
  progress: z.number().nullable(),
});

export const publicIndicator = z
  .object({
    code: z.string(),
    name: bilingual,
    definition: bilingual,
    unit: z.string(),
    unit_label: bilingual,
    decimals: z.number().int(),
    direction: z.enum(['higher_is_better', 'lower_is_better']),
    source: z.enum(['computed', 'official']),
    values: z.array(figure).describe('The five years up to the last complete one, oldest first'),
    target: publicTarget.nullable().describe('The running year’s target for the city and where it stands'),
    links: z.object({ self: z.string() }),
  })
  .meta({ id: 'OpenIndicator' });
export type PublicIndicator = z.output<typeof publicIndicator>;
export const publicIndicatorList = z.object({ period: z.string(), target_period: z.string(), results: z.array(publicIndicator) }).meta({ id: 'OpenIndicators' });

const breakdownFigure = z.object({ period: z.string(), key: z.string().nullable(), label: bilingual.nullable(), value: z.number().nullable() });
export const publicIndicatorDetail = publicIndicator
  .extend({
    by_district: z.array(breakdownFigure).describe('Every district, the five years'),
    by_zone: z.array(breakdownFigure).describe('The zones with records, the five years (none for official statistics)'),
    links: z.object({ self: z.string(), rows: z.string().nullable().describe('The published rows behind the last complete year’s figure, when its records are a published dataset') }),
  })
  .meta({ id: 'OpenIndicatorDetail' });
export type PublicIndicatorDetail = z.output<typeof publicIndicatorDetail>;

export const indicatorParams = z.strictObject({ code: z.string().max(100) });

export const indicatorRowsQuery = listQuery.extend({
  period: period.describe('The year whose figure the rows are behind'),
  area: areaCode.optional().describe('The city (default) or a district code'),
});
