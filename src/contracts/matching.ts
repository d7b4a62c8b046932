import { z } from 'zod';
import { matchReasonCodes } from '../domain/matching.js';
import { bilingual } from './common.js';

/** Matching (对接推荐, issue 15): the enterprises to adopt an achievement, the institutions an enterprise may approach. */

export const MAX_MATCHES = 50;

export const matchQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(MAX_MATCHES).default(10).describe(`The best candidates, 1 to ${MAX_MATCHES}`),
});
export type MatchQuery = z.output<typeof matchQuery>;

const evidenceRow = z.object({
  kind: z.enum(['tech_contract', 'transfer']),
  id: z.number().int(),
});

const matchReason = z.object({
  code: z.enum(matchReasonCodes),
  label: bilingual,
  weight: z.number().describe('The most this component adds (config/matching.json)'),
  contribution: z.number().describe('What it adds to this candidate’s score'),
  detail: bilingual,
  evidence: z.array(evidenceRow).describe('The rows behind the reason (at most 10)'),
});

const matchParty = z.object({
  ref: z.string().describe('kind:id, as the innovation graph names it'),
  kind: z.enum(['achievement', 'organization', 'rd_institution', 'platform']),
  id: z.number().int(),
  name: bilingual,
});

export const matchList = z.object({
  subject: matchParty,
  max_score: z.number().describe('The score of a candidate with every component in full'),
  proximity_hops: z.number().int().describe('Hops the proximity was measured to (fewer than configured when a hub made the neighbourhood too large)'),
  candidates: z.array(matchParty.extend({ district_code: z.string().nullable(), score: z.number(), reasons: z.array(matchReason) })),
});
export type MatchList = z.output<typeof matchList>;
