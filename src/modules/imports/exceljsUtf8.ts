import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * exceljs's streaming reader decodes each chunk of a zip entry on its own
 * (exceljs/lib/utils/parse-sax.js), so a Chinese character that straddles two chunks becomes
 * U+FFFD and the text is silently corrupted. Its parsing steps are given the entries already
 * decoded, with one streaming decoder per entry: its SAX helper passes text through unchanged.
 * Patched on the shared class, so it holds whatever imported exceljs first.
 */
type Chunks = AsyncIterable<Uint8Array | string>;

async function* decoded(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

type Step = (this: unknown, source: Chunks, ...rest: unknown[]) => unknown;
const reader = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as Record<string, Step | undefined> & { [patched]?: true };
const patched = Symbol.for('starcity.exceljsUtf8');

if (!reader[patched]) {
  reader[patched] = true;
  // Steps given a zip entry (a stream they iterate as one) and steps given an iterator of its chunks.
  for (const name of ['_parseRels', '_parseWorkbook', '_parseSharedStrings', '_parseStyles']) wrap(name, (entry) => Readable.from(decoded(entry)));
  for (const name of ['_parseWorksheet', '_parseHyperlinks']) wrap(name, decoded);
}

function wrap(name: string, decode: (source: Chunks) => Chunks): void {
  const original = reader[name];
  if (typeof original !== 'function') throw new Error(`exceljs changed: WorkbookReader.${name} is gone; review src/modules/imports/exceljsUtf8.ts`);
  reader[name] = function (this: unknown, source: Chunks, ...rest: unknown[]) {
    return original.call(this, decode(source), ...rest);
  };
}
