import { Readable } from 'node:stream';
import type { FileEntity } from '../../contracts/fileColumns.js';
import { mapHeaders, type HeaderPreviewEntry } from './headerMapping.js';
import { openReader, type ImportFormat, type ImportInput } from './pipeline.js';
import { cellText, fileProblem, ImportFileError, type FileProblem } from './problems.js';
import type { TextEncoding } from './rawRows.js';

/**
 * The import wizard's first look (预览): the headers with the column each matched and the first
 * rows as text, without validating them. Reads only as far as it shows.
 */
export interface ImportPreview {
  format: ImportFormat | null;
  encoding: TextEncoding | null;
  sheet: string | null;
  columns: HeaderPreviewEntry[] | null;
  rows: Array<{ line: number; cells: Array<string | null> }>;
  /** Header problems (missing or repeated columns, unknown headers) and unreadable files. */
  fileProblems: FileProblem[];
}

export async function previewImportFile<E extends FileEntity>(input: ImportInput<E>, options: { rows?: number } = {}): Promise<ImportPreview> {
  const limit = options.rows ?? 20;
  const preview: ImportPreview = { format: null, encoding: null, sheet: null, columns: null, rows: [], fileProblems: [] };
  try {
    const events = await openReader(input, () => {}, (f) => (preview.format = f));
    for await (const event of events) {
      if (event.kind === 'header') {
        preview.encoding = event.encoding ?? null;
        preview.sheet = event.sheet ?? null;
        const mapped = mapHeaders(input.entity, event.headers, event.line);
        preview.columns = mapped.ok ? mapped.mapping.preview : mapped.preview;
        preview.fileProblems.push(...(mapped.ok ? mapped.warnings : mapped.problems));
        continue;
      }
      if (preview.rows.length >= limit) break;
      preview.rows.push({ line: event.line, cells: event.cells.map(cellText) });
    }
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    preview.fileProblems.push(fileProblem('error', error.violation, error.line === null ? {} : { line: error.line }));
  } finally {
    if (input.stream instanceof Readable) input.stream.destroy();
  }
  return preview;
}
