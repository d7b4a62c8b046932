import { createReadStream, createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * exceljs's streaming WorkbookReader walks the zip's entries with its own stream iterator
 * (utils/iterate-stream.js), which now and then ends before the last entry: a workbook written by
 * exceljs (or any writer that stores `xl/workbook.xml` last) then has no sheet names, and reading
 * fails with "Cannot read properties of undefined (reading 'sheets')" (exceljs issue #3064; about
 * one read in 200 here). Its `parse` is replaced by the same steps over Node's own stream
 * iterator, which keeps every entry; a sheet is parsed as it streams only once the workbook's
 * names are known, else parked in a temporary file as exceljs does. Patched on the shared class.
 */

interface ZipEntry extends Readable {
  path: string;
  autodrain(): void;
}

type Worker = {
  options: unknown;
  input: unknown;
  stream: Readable;
  sharedStrings?: unknown;
  workbookRels?: unknown;
  model?: unknown;
  _getStream(input: unknown): Readable;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(source: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
  _parseHyperlinks(source: AsyncIterable<unknown>, sheetNo: string): Generator<unknown>;
};

// exceljs's own copies, so the zip and temporary files behave exactly as its reader expects.
const requireFromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
const unzip = requireFromExceljs('unzipper') as { Parse(options: { forceStream: true }): NodeJS.WritableStream & AsyncIterable<ZipEntry> };
const tmp = requireFromExceljs('tmp') as { file(callback: (err: Error | null, path: string, fd: number, cleanup: () => void) => void): void };

const SHEET = /^xl\/worksheets\/sheet(\d+)[.]xml$/;
const HYPERLINKS = /^xl\/worksheets\/_rels\/sheet(\d+)[.]xml[.]rels$/;

/** Writes a sheet's entry to a temporary file, to be parsed once the workbook's names are known. */
function park(entry: ZipEntry): Promise<{ path: string; cleanup: () => void }> {
  return new Promise((resolve, reject) => {
    tmp.file((err, path, _fd, cleanup) => {
      if (err) return reject(err);
      const out = createWriteStream(path);
      out.on('error', reject);
      out.on('finish', () => resolve({ path, cleanup }));
      entry.pipe(out);
    });
  });
}

async function* parse(this: Worker, input?: unknown, options?: unknown): AsyncGenerator<unknown> {
  if (options) this.options = options;
  const stream = (this.stream = this._getStream(input ?? this.input));
  const zip = unzip.Parse({ forceStream: true });
  stream.pipe(zip);
  const parked: Array<{ sheetNo: string; path: string; cleanup: () => void }> = [];
  for await (const entry of zip) {
    const sheet = SHEET.exec(entry.path);
    const links = HYPERLINKS.exec(entry.path);
    if (entry.path === 'xl/_rels/workbook.xml.rels') await this._parseRels(entry);
    else if (entry.path === 'xl/workbook.xml') await this._parseWorkbook(entry);
    else if (entry.path === 'xl/sharedStrings.xml') yield* this._parseSharedStrings(entry);
    else if (entry.path === 'xl/styles.xml') await this._parseStyles(entry);
    else if (sheet && this.sharedStrings && this.workbookRels && this.model) yield* this._parseWorksheet(entry, sheet[1]!);
    else if (sheet) parked.push({ sheetNo: sheet[1]!, ...(await park(entry)) });
    else if (links) yield* this._parseHyperlinks(entry, links[1]!);
    entry.autodrain();
  }
  for (const { sheetNo, path, cleanup } of parked) {
    yield* this._parseWorksheet(createReadStream(path), sheetNo);
    cleanup();
  }
}

const reader = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as { parse: unknown; [patched]?: true };
const patched = Symbol.for('starcity.exceljsEntries');
if (!reader[patched]) {
  reader[patched] = true;
  if (typeof reader.parse !== 'function') throw new Error('exceljs changed: WorkbookReader.parse is gone; review src/modules/imports/exceljsEntries.ts');
  reader.parse = parse;
}
