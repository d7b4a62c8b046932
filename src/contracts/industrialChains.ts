import { z } from 'zod';
import { gapKinds } from '../domain/chainGaps.js';
import { segmentPositions } from '../domain/industrialChain.js';
import { bilingual, listEnvelope } from './common.js';

/** The chain view's figures (产业链全景): what each segment's column counts, each with its rows behind it. */
export const chainEntities = [
  'enterprises',
  'high_tech_enterprises',
  'tech_smes',
  'little_giants',
  'institutions',
  'platforms',
  'achievements',
  'contracts',
  'contracts_bought',
  'loans',
  'talent',
] as const;
export type ChainEntity = (typeof chainEntities)[number];

const yuan = z.string().meta({ pattern: '^\\d+\\.\\d{2}$', example: '1250000.00' }).describe('Yuan, exact, two decimals');

export const chainYearQuery = z.strictObject({
  year: z.coerce.number().int().min(1949).max(2100).optional().describe('Achievements, contracts (registration), loans (disbursement) and talent (introduction) of this year; without it, all years. Enterprises, institutions and platforms are the registry now.'),
});

export const chainParams = z.strictObject({ chainId: z.string().max(64) });
export const segmentParams = z.strictObject({ chainId: z.string().max(64), segmentId: z.string().max(64) });

const figure = z.object({
  count: z.number().int(),
  amount: yuan.optional(),
  /** The drill-down route that lists exactly the rows counted. */
  rows: z.string(),
});

const figures = z.object(Object.fromEntries(chainEntities.map((e) => [e, figure])) as Record<ChainEntity, typeof figure>);

export const chainSegmentView = z.object({
  id: z.string(),
  name: bilingual,
  position: z.enum(segmentPositions),
  position_name: bilingual,
  feeds: z.array(z.string()),
  figures,
});

export const chainSummary = z.object({ id: z.string(), name: bilingual, segments: z.number().int(), enterprises: z.number().int() });
export const chainList = z.object({ results: z.array(chainSummary) });

export const chainFlow = z.object({ from: z.string(), to: z.string(), count: z.number().int(), amount: yuan });

export const chainView = z.object({
  id: z.string(),
  name: bilingual,
  year: z.number().int().nullable(),
  segments: z.array(chainSegmentView),
  /** Registered contracts from a seller of one segment to a buyer of another segment of the chain. */
  flows: z.array(chainFlow),
});

export const gapFinding = z.object({
  kind: z.enum(gapKinds),
  kind_name: bilingual,
  chain: z.object({ id: z.string(), name: bilingual }),
  segment: z.object({ id: z.string(), name: bilingual, position: z.enum(segmentPositions) }),
  score: z.number(),
  ratio: z.number(),
  reference: z.number(),
  reason: bilingual,
  /** The figures the ratio is read from, each with its rows. */
  figures: z.array(z.object({ entity: z.enum(chainEntities), name: bilingual, count: z.number().int(), rows: z.string() })),
});
export const chainGaps = z.object({ year: z.number().int().nullable(), results: z.array(gapFinding) });

export const chainRowsQuery = z.strictObject({
  entity: z.enum(chainEntities).describe('Which figure’s rows'),
  year: chainYearQuery.shape.year,
  per_page: z.coerce.number().int().min(1).max(200).default(25),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/** A row behind a figure: the record's id (its page in the registry), its name or title, its date and amount. No personal data. */
export const chainRow = z.object({
  id: z.number().int(),
  name: z.string(),
  organization: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  date: z.string().nullable(),
  amount: yuan.nullable(),
});
export const chainRows = listEnvelope(chainRow);

export type ChainView = z.output<typeof chainView>;
export type ChainList = z.output<typeof chainList>;
export type ChainGaps = z.output<typeof chainGaps>;
export type ChainRows = z.output<typeof chainRows>;
export type ChainRow = z.output<typeof chainRow>;
export type ChainRowsQuery = z.output<typeof chainRowsQuery>;
