import type { Readable } from 'node:stream';
// Before exceljs: its streaming reader must decode UTF-8 across chunks and keep every zip entry.
import './exceljsUtf8.js';
import './exceljsEntries.js';
import ExcelJS from 'exceljs';
import { violation } from '../../domain/message.js';
import { ImportFileError } from './problems.js';
import { isEmptyCell, isEmptyRow, type RawCell, type RawEvent } from './rawRows.js';

/**
 * XLSX reader (exceljs streaming WorkbookReader): cells as Excel stores them — date-formatted
 * numbers become Dates, rich text its plain text, a formula its cached result — and rows keep
 * their Excel row numbers. The header is the first non-empty row.
 */

export interface XlsxOptions {
  /** Sheet name; omitted: the first sheet. */
  sheet?: string;
}

type SheetReader = AsyncIterable<ExcelJS.Row> & { name: string };

/** The value exceljs parsed for a cell, as the plain cell every reader yields. */
export function toRawCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return value;
  if (typeof value !== 'object') return null;
  if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r: { text?: unknown }) => (typeof r.text === 'string' ? r.text : '')).join('');
  if ('error' in value && typeof value.error === 'string') return { error: value.error };
  if ('formula' in value || 'sharedFormula' in value) return 'result' in value ? toRawCell(value.result) : null;
  if ('text' in value) return toRawCell(value.text);
  return null;
}

function rowCells(row: ExcelJS.Row): RawCell[] {
  const values = row.values;
  if (!Array.isArray(values)) return [];
  // exceljs row values are 1-based and sparse.
  return Array.from({ length: Math.max(values.length - 1, 0) }, (_, i) => toRawCell(values[i + 1]));
}

function tooManyCells(width: number) {
  return violation('row.too_many_cells', `该行在表头 ${width} 列之外还有内容`, `The row has values beyond the ${width} header columns`, { headers: width });
}

function sheetNotFound(wanted: string, names: string[]) {
  return violation(
    'xlsx.sheet_not_found',
    `工作簿中没有名为“${wanted}”的工作表；现有：${names.join('、')}`,
    `The workbook has no sheet named "${wanted}"; it has: ${names.join(', ')}`,
    { sheet: wanted, sheets: names.join(',') },
  );
}

async function* sheetEvents(sheet: SheetReader): AsyncGenerator<RawEvent> {
  let width = -1;
  for await (const row of sheet) {
    const cells = rowCells(row);
    if (isEmptyRow(cells)) continue;
    if (width < 0) {
      width = cells.length;
      yield { kind: 'header', line: row.number, headers: cells.map((c) => (c === null ? '' : c instanceof Date ? c.toISOString() : typeof c === 'object' ? c.error : String(c))), sheet: sheet.name };
      continue;
    }
    const aligned = Array.from({ length: width }, (_, i) => cells[i] ?? null);
    if (cells.slice(width).every(isEmptyCell)) yield { kind: 'row', line: row.number, cells: aligned };
    else yield { kind: 'row', line: row.number, cells: aligned, problem: tooManyCells(width) };
  }
}

/**
 * Reads a sheet that is not wanted to its end. exceljs keeps a sheet that comes before the
 * workbook's index in a temporary file, opens a read stream on it, and deletes the file as soon as
 * the next sheet is asked for; a stream never read would then fail to open (ENOENT) with nobody
 * listening, which crashes the process.
 */
async function skipSheet(sheet: SheetReader): Promise<void> {
  for await (const _row of sheet);
}

/** Header, then rows of the chosen sheet; an unreadable workbook or unknown sheet throws an ImportFileError. */
export async function* readXlsx(source: Readable, options: XlsxOptions = {}): AsyncGenerator<RawEvent> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const names: string[] = [];
  try {
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as SheetReader;
      names.push(sheet.name);
      if (options.sheet !== undefined && sheet.name !== options.sheet) {
        await skipSheet(sheet);
        continue;
      }
      yield* sheetEvents(sheet);
      return;
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(
      violation('xlsx.unreadable', `无法读取 XLSX 文件：${(error as Error).message}`, `The XLSX file cannot be read: ${(error as Error).message}`),
    );
  } finally {
    source.destroy();
  }
  if (options.sheet !== undefined) throw new ImportFileError(sheetNotFound(options.sheet, names));
}
