import { z } from 'zod';
import { bilingual, listEnvelope, timestamp } from './common.js';

/**
 * Imports over HTTP (导入): a multipart upload answered 202 with the import record, which the client
 * polls for progress; the rows' problems as JSON pages or as the CSV report.
 */
export const fileEntity = z.enum(['organizations', 'qualifications', 'rd_institutions', 'platforms', 'tech_contracts', 'talent_introductions', 'recruitment_calls', 'projects', 'achievements', 'transfers', 'incubations', 'ip_loans']);
export const importMode = z.enum(['upsert', 'insert']);
export const textEncoding = z.enum(['utf-8', 'gb18030', 'gbk']);
export const importStatus = z.enum(['running', 'succeeded', 'rejected', 'failed']);

/** The multipart text fields that go with the `file` part of an upload (booleans as "true"/"false"). */
export const importUploadFields = z.strictObject({
  entity: fileEntity,
  mode: importMode.default('upsert'),
  atomic: z.enum(['true', 'false']).default('false'),
  dry_run: z.enum(['true', 'false']).default('false'),
  encoding: textEncoding.optional(),
  sheet: z.string().trim().min(1).max(100).optional(),
});
export type ImportUploadFields = z.output<typeof importUploadFields>;

/** The fields of a preview upload: the first rows and the column mapping, nothing written. */
export const importPreviewFields = importUploadFields.pick({ entity: true, encoding: true, sheet: true });

export const fileProblem = z.object({
  severity: z.enum(['error', 'warning']),
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  code: z.string(),
  message: bilingual,
});

export const importPreview = z
  .object({
    format: z.enum(['csv', 'xlsx', 'jsonl']).nullable(),
    encoding: textEncoding.nullable(),
    sheet: z.string().nullable(),
    columns: z.array(z.object({ header: z.string(), key: z.string().nullable() })).nullable(),
    rows: z.array(z.object({ line: z.number().int(), cells: z.array(z.string().nullable()) })),
    file_problems: z.array(fileProblem),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.output<typeof importPreview>;

export const importRecord = z
  .object({
    id: z.number().int(),
    entity: fileEntity,
    file_name: z.string(),
    file_sha256: z.string().nullable(),
    file_size: z.number().nullable(),
    options: z.object({
      mode: importMode,
      atomic: z.boolean(),
      dry_run: z.boolean(),
      encoding: z.string().nullable(),
      sheet: z.string().nullable(),
      districts: z.array(z.string()).describe("The districts the import was limited to (its officer's): with `zones`, its area; rows whose records lie outside the area were rejected; both empty: the whole city"),
      zones: z.array(z.string()).describe("The zones the import was limited to (its officer's)"),
    }),
    detected: z.object({ format: z.string().nullable(), encoding: z.string().nullable(), sheet: z.string().nullable() }).nullable(),
    status: importStatus,
    committed: z.boolean().describe('Whether the rows counted as inserted and updated are in the database'),
    read: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
    bytes_read: z.number(),
    problems_total: z.number().int(),
    problems_stored: z.number().int(),
    started_at: timestamp,
    finished_at: timestamp.nullable(),
    error: z.string().nullable(),
    created_by: z.string().nullable(),
  })
  .meta({ id: 'ImportRecord' });
export type ImportRecordReply = z.output<typeof importRecord>;
export const importList = listEnvelope(importRecord);

/** One problem of an import as stored; `line` is null for a problem of the whole file. */
export const importProblem = z.object({ line: z.number().int().nullable(), column: z.string().nullable(), value: z.string().nullable(), code: z.string(), message: bilingual });
export const importProblemPage = z.object({
  meta: z.object({ count: z.number().int(), per_page: z.number().int(), page: z.number().int() }),
  results: z.array(importProblem),
});
export const importProblemQuery = z.strictObject({
  per_page: z.coerce.number().int().min(1).max(200).default(50),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
