import { violation } from '../../domain/message.js';
import { CsvScanError, CsvScanner } from './csvScanner.js';
import { ImportFileError } from './problems.js';
import { isEmptyCell, type RawEvent, type TextEncoding } from './rawRows.js';
import { decodeText } from './textDecoding.js';

/**
 * CSV reader (our own streaming scanner, csvScanner.ts; see docs/decisions.md for why not
 * csv-parse). Fields may be quoted and hold commas and line breaks; line numbers are those a text
 * editor shows for the row's first line. Blank rows are skipped. `readCsvBatches` yields the events
 * of each chunk of text as an array, sparing an await per row; `readCsv` yields them one by one.
 */

/** A record longer than this (in characters) stops the import: a runaway quote, not data. */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;

export interface CsvOptions {
  /** Omitted: detected (BOM → UTF-8; strict UTF-8 sample → UTF-8; else GB18030). */
  encoding?: TextEncoding;
}

function raggedProblem(cells: number, headers: number) {
  return cells > headers
    ? violation('row.too_many_cells', `该行有 ${cells} 个单元格，多于表头的 ${headers} 列`, `The row has ${cells} cells, more than the ${headers} header columns`, { cells, headers })
    : violation('row.too_few_cells', `该行只有 ${cells} 个单元格，少于表头的 ${headers} 列`, `The row has only ${cells} cells, fewer than the ${headers} header columns`, { cells, headers });
}

function fileError(error: CsvScanError): ImportFileError {
  const { line } = error;
  const v =
    error.code === 'record_too_large'
      ? violation('csv.record_too_large', `第 ${line} 行起的记录超过 ${MAX_RECORD_CHARS} 个字符，可能缺少结束引号`, `The record starting at line ${line} exceeds ${MAX_RECORD_CHARS} characters; a closing quote may be missing`, { line })
      : violation('csv.quote_not_closed', `第 ${line} 行起的引号没有闭合`, `The quote opened in the record starting at line ${line} is never closed`, { line });
  return new ImportFileError(v, line);
}

/** No cell holds more than white space (isEmptyRow, for text cells). */
function blank(fields: readonly string[]): boolean {
  for (const field of fields) if (field !== '' && field.trim() !== '') return false;
  return true;
}

/**
 * Header, then rows, in arrays: the events of each chunk of text at once, which spares an
 * await per row. A CSV that cannot be read on throws an ImportFileError after the events before
 * the broken record are out.
 */
export async function* readCsvBatches(source: AsyncIterable<Uint8Array>, options: CsvOptions = {}): AsyncGenerator<RawEvent[]> {
  let encoding: TextEncoding | undefined;
  let events: RawEvent[] = [];
  let width = -1;
  const scanner = new CsvScanner((record, line) => {
    if (record.length === width) {
      if (!blank(record)) events.push({ kind: 'row', line, cells: record });
    } else if (blank(record)) {
      // Blank lines (and rows of empty cells) are skipped; their lines still count.
    } else if (width < 0) {
      width = record.length;
      events.push({ kind: 'header', line, headers: record, ...(encoding ? { encoding } : {}) });
    } else if (record.length < width || !record.slice(width).every(isEmptyCell)) {
      const cells = Array.from({ length: width }, (_, i) => record[i] ?? null);
      events.push({ kind: 'row', line, cells, problem: raggedProblem(record.length, width) });
    } else {
      record.length = width;
      events.push({ kind: 'row', line, cells: record });
    }
  }, MAX_RECORD_CHARS);

  try {
    for await (const text of decodeText(source, options.encoding, (e) => (encoding = e))) {
      scanner.write(text);
      if (events.length > 0) {
        yield events;
        events = [];
      }
    }
    scanner.end();
  } catch (error) {
    if (!(error instanceof CsvScanError)) throw error;
    if (events.length > 0) yield events;
    throw fileError(error);
  }
  if (events.length > 0) yield events;
}

/** Header, then rows, one event at a time; a CSV that cannot be read on throws an ImportFileError. */
export async function* readCsv(source: AsyncIterable<Uint8Array>, options: CsvOptions = {}): AsyncGenerator<RawEvent> {
  for await (const events of readCsvBatches(source, options)) {
    for (const event of events) yield event;
  }
}
