import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
// Before exceljs: its streaming reader must decode UTF-8 across chunks.
import '../imports/exceljsUtf8.js';
import ExcelJS from 'exceljs';
import type { ExportFormat, ExportLanguage } from '../../contracts/exports.js';
import type { FileColumn } from '../../contracts/fileColumns.js';
import { importReading, rowCells, type Reading, type StoredValue } from './cells.js';

/** Rows of an export, a batch at a time, keyed by canonical column key. */
export type RowBatches = AsyncIterable<Array<Record<string, StoredValue>>>;

export interface ExportSheet {
  columns: readonly FileColumn[];
  lang: ExportLanguage;
  sheetName: string;
  /** Headers and cell texts; the import format's in `lang` unless given (a report's). */
  reading?: Reading;
}

/** A sheet whose reading is settled. */
export type ReadSheet = ExportSheet & { reading: Reading };

/** The file as a byte stream; each batch is written before the next is read from the database. */
export function writeExport(format: ExportFormat, sheet: ExportSheet, batches: RowBatches): Readable {
  const read: ReadSheet = { ...sheet, reading: sheet.reading ?? importReading(sheet.lang) };
  if (format === 'xlsx') return xlsxStream(read, batches);
  return Readable.from(format === 'csv' ? csvChunks(read, batches) : jsonLinesChunks(read, batches), { objectMode: false });
}

const BOM = '\uFEFF';

/** CSV, RFC 4180 with CRLF line ends, in UTF-8 with a BOM so that Excel reads the Chinese right. */
async function* csvChunks(sheet: ReadSheet, batches: RowBatches): AsyncGenerator<Buffer> {
  yield csvHead(sheet);
  for await (const batch of batches) yield csvLines(sheet, batch);
}

/** The BOM and the header line of a CSV file. */
export function csvHead(sheet: ReadSheet): Buffer {
  return Buffer.concat([Buffer.from(BOM, 'utf8'), csvRecords([sheet.columns.map((c) => sheet.reading.header(c))])]);
}

/** One batch of rows as CSV lines. */
export function csvLines(sheet: ReadSheet, batch: ReadonlyArray<Record<string, StoredValue>>): Buffer {
  return csvRecords(batch.map((row) => rowCells(sheet.columns, row, sheet.reading, true)));
}

const csvRecords = (rows: Array<Array<string | null>>) => Buffer.from(stringify(rows, { record_delimiter: 'windows' }), 'utf8');

/**
 * JSON Lines: one object per row keyed by canonical key, values as the cells' texts (null when
 * empty). Not a spreadsheet format, so texts travel verbatim, without the formula guard.
 */
async function* jsonLinesChunks(sheet: ReadSheet, batches: RowBatches): AsyncGenerator<Buffer> {
  for await (const batch of batches) yield jsonLines(sheet, batch);
}

/** One batch of rows as JSON Lines. */
export function jsonLines(sheet: ReadSheet, batch: ReadonlyArray<Record<string, StoredValue>>): Buffer {
  // Each line is written out from its quoted keys: building an object per row to stringify cost five times the CSV's time.
  const keys = sheet.columns.map((c, i) => `${i ? ',' : '{'}${JSON.stringify(c.key)}:`);
  let out = '';
  for (const row of batch) {
    const cells = rowCells(sheet.columns, row, sheet.reading, false);
    for (let i = 0; i < keys.length; i++) out += keys[i] + JSON.stringify(cells[i] ?? null);
    out += keys.length ? '}\n' : '{}\n';
  }
  return Buffer.from(out, 'utf8');
}

/**
 * XLSX through exceljs's streaming writer: one sheet, a bold frozen header row, every cell a text
 * (dates as 'YYYY-MM-DD' text — see docs/data-formats.md). Rows are committed as they come and
 * the next batch waits while the reader lags behind.
 */
function xlsxStream(sheet: ReadSheet, batches: RowBatches): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const worksheet = workbook.addWorksheet(sheet.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = sheet.columns.map((c) => ({ key: c.key, width: Math.max(12, sheet.reading.header(c).length * (sheet.lang === 'zh' ? 2.2 : 1.2)) }));
  const write = async () => {
    const header = worksheet.addRow(sheet.columns.map((c) => sheet.reading.header(c)));
    header.font = { bold: true };
    header.commit();
    for await (const batch of batches) {
      for (const row of batch) worksheet.addRow(rowCells(sheet.columns, row, sheet.reading, true)).commit();
      if (out.writableNeedDrain) await drained(out);
      // The reader went away (a download cancelled): stop reading the database.
      if (out.destroyed) return;
    }
    await worksheet.commit();
    await workbook.commit();
  };
  write().catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return out;
}

/** Resolves when the stream wants more, or when it is gone and never will. */
function drained(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
