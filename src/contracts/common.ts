import { z } from 'zod';
import { checkCalendarDate } from '../domain/calendarDate.js';
import { violation, type RuleViolation } from '../domain/message.js';

/**
 * Building blocks shared by every contract. A contract is the one zod schema a request or reply
 * must satisfy: the server validates with it, the OpenAPI document is generated from it, and the
 * web app imports its inferred types.
 */

/** Adds a pure domain check to a schema; the violation travels in the issue's params. */
export function withRule<T extends z.ZodType>(schema: T, check: (value: z.output<T>) => RuleViolation | null): T {
  return schema.superRefine((value, ctx) => {
    const v = check(value);
    if (v) ctx.addIssue({ code: 'custom', message: v.message.en, params: { violation: v } });
  }) as unknown as T;
}

/** A calendar date `YYYY-MM-DD` that exists (2025-02-30 does not). */
export const calendarDate = withRule(z.string().max(10).meta({ format: 'date', example: '2025-06-30' }), checkCalendarDate);

export const id = z.number().int().positive().max(2_147_483_647);

/** PostgreSQL text cannot hold U+0000: refused as a field problem rather than failing in SQL. */
const checkNoNul = (s: string): RuleViolation | null =>
  s.includes('\u0000') ? violation('text.nul', '文本不能包含空字符（U+0000）', 'Text must not contain the NUL character (U+0000)') : null;
export const text = (max: number) => withRule(z.string().trim().min(1).max(max), checkNoNul);
export const optionalText = (max: number) => withRule(z.string().trim().max(max), checkNoNul).nullable().optional();

/** The version an update is based on, when sent in the body instead of If-Match. */
export const basedOnVersion = z.number().int().positive().max(2_147_483_647);
export const timestamp = z.string().meta({ format: 'date-time' });
export const bilingual = z.object({ zh: z.string(), en: z.string() });

/** Columns every stored record carries. */
export const recordMeta = {
  id,
  created_at: timestamp,
  updated_at: timestamp,
  version: z.number().int().positive().describe('Optimistic-concurrency version; send it back as If-Match'),
};

/** Decimal digits only: Number() would also read `0x10`, `1e3`, `+1` or ` 1` as an id. */
const checkDecimalId = (s: string): RuleViolation | null =>
  /^[1-9][0-9]{0,9}$/.test(s) ? null : violation('id.invalid', '编号应为不以 0 开头的十进制正整数', 'An id is a positive whole number in decimal digits, without a leading zero');

/** A record id in a path. */
export const pathId = withRule(z.string().meta({ pattern: '^[1-9][0-9]{0,9}$', example: '42' }), checkDecimalId).transform(Number).pipe(id);

/** Path parameter `{id}`; a bad id is a 400, not a 404. */
export const idParams = z.strictObject({ id: pathId });

/** The OpenAlex-style list query every registry list accepts. */
export const listQuery = z.strictObject({
  filter: z.string().max(2000).optional().describe('field:value pairs; comma = AND, | = OR, ! = NOT, > and < on dates and numbers, e.g. kind:enterprise|university,founded_on:>2020-01-01'),
  search: withRule(z.string().trim().max(200), checkNoNul).optional().describe('Substring of the name (Chinese or English)'),
  sort: z.string().max(100).optional().describe('field or field:desc'),
  per_page: z.coerce.number().int().min(1).max(200).default(25),
  page: z.coerce.number().int().min(1).max(10_000).optional().describe('Page number (offset paging); use cursor for deep paging'),
  cursor: z.string().max(1000).optional().describe('`*` to start cursor paging, then meta.next_cursor'),
  group_by: z.string().max(64).optional().describe('Field to count rows by'),
});
export type ListQuery = z.output<typeof listQuery>;

export const groupBucket = z.object({ key: z.string().nullable(), key_display_name: bilingual.nullable(), count: z.number().int() });

export function listEnvelope<T extends z.ZodType>(item: T) {
  return z.object({
    meta: z.object({
      count: z.number().int(),
      per_page: z.number().int(),
      page: z.number().int().nullable(),
      next_cursor: z.string().nullable(),
      groups_count: z.number().int().nullable(),
    }),
    results: z.array(item),
    group_by: z.array(groupBucket),
  });
}

/** One field problem of an RFC 9457 problem document. */
export const fieldProblem = z.object({
  field: z.string(),
  code: z.string(),
  message: bilingual,
  params: z.record(z.string(), z.unknown()).optional(),
});
export type FieldProblem = z.output<typeof fieldProblem>;

/** RFC 9457 problem details, with every field problem at once. */
export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    title_zh: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    request_id: z.string().optional(),
    errors: z.array(fieldProblem),
  })
  .meta({ id: 'Problem' });
export type Problem = z.output<typeof problem>;
