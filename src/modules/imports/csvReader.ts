import { Readable } from 'node:stream';
import { parse, CsvError, type Parser } from 'csv-parse';
import { violation } from '../../domain/message.js';
import { ImportFileError } from './problems.js';
import { isEmptyCell, isEmptyRow, type RawEvent, type TextEncoding } from './rawRows.js';
import { decodeText } from './textDecoding.js';

/**
 * CSV reader (csv-parse, streaming). Fields may be quoted and hold commas and line breaks; line
 * numbers are those a text editor shows for the row's first line. Blank rows are skipped.
 */

/** A record longer than this (in characters) stops the import: a runaway quote, not data. */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;

export interface CsvOptions {
  /** Omitted: detected (BOM → UTF-8; strict UTF-8 sample → UTF-8; else GB18030). */
  encoding?: TextEncoding;
}

/**
 * Lines a record spans: its own line plus the line breaks kept inside quoted fields (LF or CRLF).
 * Blank lines reach us as one-empty-field records, so they are counted too.
 */
function linesSpanned(record: readonly string[]): number {
  let count = 1;
  for (const field of record) for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) count++;
  return count;
}

function raggedProblem(cells: number, headers: number) {
  return cells > headers
    ? violation('row.too_many_cells', `该行有 ${cells} 个单元格，多于表头的 ${headers} 列`, `The row has ${cells} cells, more than the ${headers} header columns`, { cells, headers })
    : violation('row.too_few_cells', `该行只有 ${cells} 个单元格，少于表头的 ${headers} 列`, `The row has only ${cells} cells, fewer than the ${headers} header columns`, { cells, headers });
}

function syntaxError(error: CsvError, line: number): ImportFileError {
  const v =
    error.code === 'CSV_MAX_RECORD_SIZE'
      ? violation('csv.record_too_large', `第 ${line} 行起的记录超过 ${MAX_RECORD_CHARS} 个字符，可能缺少结束引号`, `The record starting at line ${line} exceeds ${MAX_RECORD_CHARS} characters; a closing quote may be missing`, { line })
      : error.code === 'CSV_QUOTE_NOT_CLOSED'
        ? violation('csv.quote_not_closed', `第 ${line} 行起的引号没有闭合`, `The quote opened in the record starting at line ${line} is never closed`, { line })
        : violation('csv.syntax', `第 ${line} 行 CSV 格式错误：${error.message}`, `CSV syntax error at line ${line}: ${error.message}`, { line });
  return new ImportFileError(v, line);
}

/**
 * The parser's records in order, then its error if any. A stream's async iterator would throw the
 * error as soon as it is emitted, dropping records parsed before it and the line it happened on.
 */
async function* recordsThenError(parser: Parser, highWater = 1000): AsyncGenerator<string[]> {
  const queue: string[][] = [];
  let failure: unknown = null;
  let ended = false;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  parser.on('data', (record: string[]) => {
    queue.push(record);
    if (queue.length >= highWater) parser.pause();
    notify();
  });
  parser.on('error', (error) => {
    failure = error;
    notify();
  });
  parser.on('end', () => {
    ended = true;
    notify();
  });
  for (;;) {
    const record = queue.shift();
    if (record) {
      if (queue.length === 0 && parser.isPaused()) parser.resume();
      yield record;
      continue;
    }
    if (failure !== null) throw failure;
    if (ended) return;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

/** Header, then rows; a CSV that cannot be read on throws an ImportFileError. */
export async function* readCsv(source: AsyncIterable<Uint8Array>, options: CsvOptions = {}): AsyncGenerator<RawEvent> {
  let encoding: TextEncoding | undefined;
  const text = Readable.from(decodeText(source, options.encoding, (e) => (encoding = e)));
  const parser = parse({ relax_column_count: true, relax_quotes: true, max_record_size: MAX_RECORD_CHARS });
  text.on('error', (error) => parser.destroy(error));
  text.pipe(parser);

  let line = 1;
  let width = -1;
  try {
    for await (const record of recordsThenError(parser)) {
      const start = line;
      line += linesSpanned(record);
      if (isEmptyRow(record)) continue;
      if (width < 0) {
        width = record.length;
        yield { kind: 'header', line: start, headers: record, ...(encoding ? { encoding } : {}) };
        continue;
      }
      const extra = record.slice(width);
      if (record.length < width || !extra.every(isEmptyCell)) {
        const cells = Array.from({ length: width }, (_, i) => record[i] ?? null);
        yield { kind: 'row', line: start, cells, problem: raggedProblem(record.length, width) };
      } else {
        yield { kind: 'row', line: start, cells: record.slice(0, width) };
      }
    }
  } catch (error) {
    if (error instanceof CsvError) throw syntaxError(error, line);
    throw error;
  } finally {
    text.destroy();
    parser.destroy();
  }
}
