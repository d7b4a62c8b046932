import type { Readable } from 'node:stream';
import type { ExportFormat, ExportLanguage, ExportView } from '../../contracts/exports.js';
import type { FileEntity } from '../../contracts/fileColumns.js';
import { parseListQuery } from '../../db/list/parse.js';
import { listBatches } from '../../db/list/sql.js';
import type { ServiceContext } from '../shared/context.js';
import { validationFailed } from '../shared/errors.js';
import { contentDisposition, exportFileNames, importReading, sheetName, type StoredValue } from './cells.js';
import { registryListSpec } from '../shared/registryLists.js';
import { callAsPublished, callSpecForPublic } from '../talent/service.js';
import { exportSelect } from './queries.js';
import { exportColumns, reportReading } from './report.js';
import { writeExport } from './writers.js';

/** Rows read from the database per query: enough to amortise a round trip, small enough to stay flat. */
export const EXPORT_BATCH_SIZE = 1000;

export interface ExportRequest {
  entity: FileEntity;
  format: ExportFormat;
  lang: ExportLanguage;
  /** import (when not given): the import format; report: names and labels for people (报表格式). */
  view?: ExportView | undefined;
  filter?: string | undefined;
  search?: string | undefined;
  sort?: string | undefined;
  /** SQL narrowing a list that is not public to the caller's reach (technology contracts); none: the whole list. */
  visible?: string | undefined;
  /** Talent introductions: whether the caller may see personal data (else the list's rows come masked). */
  personal?: boolean | undefined;
  /** Recruitment calls read by someone outside the registry: as published (`callAsPublished`). */
  asPublic?: boolean | undefined;
}

export interface ExportFile {
  stream: Readable;
  /** `attachment` with the file's name, e.g. organizations-20260305.csv (主体-20260305.csv). */
  contentDisposition: string;
}

const extensions: Record<ExportFormat, string> = { csv: 'csv', xlsx: 'xlsx', jsonl: 'jsonl' };

/**
 * Exports the rows of a registry list (导出) — the same filter, search and sort as the list API —
 * as a file streamed in keyset batches. The query is checked before anything is read, so a bad
 * filter fails here (a validation AppError) and never half-way through a download.
 */
export function exportList(ctx: ServiceContext, req: ExportRequest): ExportFile {
  const listed = registryListSpec(req.entity, ctx.city, req.visible, req.personal, ctx.clock.today());
  const spec = req.asPublic ? callSpecForPublic(listed) : listed;
  const parsed = parseListQuery(spec, { filter: req.filter, search: req.search, sort: req.sort, per_page: EXPORT_BATCH_SIZE });
  if (!parsed.ok) throw validationFailed(parsed.problems);
  const view = req.view ?? 'import';
  const columns = exportColumns(req.entity, view);
  const read = listBatches<Record<string, StoredValue>>(ctx.db, spec, parsed.value, exportSelect(req.entity, columns), EXPORT_BATCH_SIZE);
  const batches = req.asPublic ? asPublished(read) : read;
  const reading = view === 'report' ? reportReading(ctx.city, req.lang, req.entity) : importReading(req.lang);
  const stream = writeExport(req.format, { columns, lang: req.lang, sheetName: sheetName(req.entity, req.lang), reading }, batches);
  return { stream, contentDisposition: contentDisposition(exportFileNames(req.entity, view, req.lang, extensions[req.format], ctx.clock.today())) };
}

async function* asPublished(batches: AsyncIterable<Array<Record<string, StoredValue>>>): AsyncGenerator<Array<Record<string, StoredValue>>> {
  for await (const batch of batches) yield batch.map(callAsPublished);
}
