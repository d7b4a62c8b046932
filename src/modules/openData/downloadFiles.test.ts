import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { rowHash, storedValue, writeDownloadFiles, type DownloadFormat, type PublishedColumn } from './downloadFiles.js';

const columns: PublishedColumn[] = [
  { key: 'id', name: { zh: '编号', en: 'ID' }, type: 'integer' },
  { key: 'name', name: { zh: '名称', en: 'Name' }, type: 'text' },
  { key: 'level', name: { zh: '级别', en: 'Level' }, type: 'code' },
  { key: 'amount', name: { zh: '金额', en: 'Amount' }, type: 'decimal' },
  { key: 'filed', name: { zh: '已备案', en: 'Filed' }, type: 'boolean' },
];

async function* rowsOf(rows: Array<Record<string, unknown>>): AsyncGenerator<Record<string, unknown>> {
  yield* rows;
}

/** Writes the files of `rows` into memory; returns each file's chunks and the row hashes seen. */
async function build(rows: Array<Record<string, unknown>>, chunkBytes?: number) {
  const chunks: Record<DownloadFormat, Buffer[]> = { 'csv.gz': [], 'jsonl.gz': [] };
  const hashes: Array<[string, string]> = [];
  const result = await writeDownloadFiles(
    columns,
    rowsOf(rows),
    async (format, seq, bytes) => {
      expect(seq).toBe(chunks[format].length);
      chunks[format].push(bytes);
    },
    (id, hash) => hashes.push([id, hash]),
    chunkBytes,
  );
  return { ...result, chunks, hashes, bytes: (format: DownloadFormat) => Buffer.concat(chunks[format]) };
}

const rows = [
  { id: 1, name: '长沙智能制造研究院, "一号"', level: 'national', amount: '-5.50', filed: true, unpublished: 'secret' },
  { id: 2, name: '=HYPERLINK("x")', level: null, amount: 12, filed: false },
];

describe('writeDownloadFiles', () => {
  it('writes CSV with a UTF-8 BOM, canonical headers and the export quoting, gzip-compressed', async () => {
    const { bytes, rowCount } = await build(rows);
    const text = gunzipSync(bytes('csv.gz'));
    expect([...text.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(text.subarray(3).toString('utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(rowCount).toBe(2);
    expect(records).toEqual([
      { id: '1', name: '长沙智能制造研究院, "一号"', level: 'national', amount: '-5.50', filed: 'true' },
      // A free text that a spreadsheet would run as a formula is guarded; numbers are not texts.
      { id: '2', name: `'=HYPERLINK("x")`, level: '', amount: '12', filed: 'false' },
    ]);
    expect(text.toString('utf8')).toContain('\r\n');
  });

  it('writes JSON Lines of the published fields only, texts verbatim', async () => {
    const { bytes } = await build(rows);
    const lines = gunzipSync(bytes('jsonl.gz')).toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([
      { id: '1', name: '长沙智能制造研究院, "一号"', level: 'national', amount: '-5.50', filed: 'true' },
      { id: '2', name: '=HYPERLINK("x")', level: null, amount: '12', filed: 'false' },
    ]);
  });

  it('reports each file size and SHA-256 over the stored gzip bytes', async () => {
    const { files, bytes } = await build(rows);
    for (const file of files) {
      expect(file.byteSize).toBe(bytes(file.format).length);
      expect(file.sha256).toBe(createHash('sha256').update(bytes(file.format)).digest('hex'));
    }
    expect(files.map((f) => f.format)).toEqual(['csv.gz', 'jsonl.gz']);
  });

  it('hands over every row id with a hash of its published values only', async () => {
    const { hashes } = await build(rows);
    expect(hashes.map(([id]) => id)).toEqual(['1', '2']);
    const again = await build([{ ...rows[0], unpublished: 'changed' }, { ...rows[1], amount: 13 }]);
    expect(again.hashes[0]![1]).toBe(hashes[0]![1]);
    expect(again.hashes[1]![1]).not.toBe(hashes[1]![1]);
  });

  it('stores a large file in chunks, in order', async () => {
    // Random names do not compress: the CSV outgrows several chunks of 16 KiB.
    const chunkBytes = 16 * 1024;
    const many = Array.from({ length: 3000 }, (_, i) => ({ id: i + 1, name: createHash('sha256').update(String(i)).digest('hex'), level: 'national', amount: i, filed: true }));
    const { chunks, bytes, rowCount } = await build(many, chunkBytes);
    expect(rowCount).toBe(3000);
    expect(chunks['csv.gz'].length).toBeGreaterThan(3);
    expect(chunks['csv.gz'].slice(0, -1).every((c) => c.length >= chunkBytes)).toBe(true);
    const records = parse(gunzipSync(bytes('csv.gz')).subarray(3), { columns: true }) as Array<Record<string, string>>;
    expect(records.map((r) => Number(r.id))).toEqual(many.map((r) => r.id));
  });

  it('writes only the header of an empty dataset', async () => {
    const { bytes, rowCount } = await build([]);
    expect(rowCount).toBe(0);
    expect(gunzipSync(bytes('csv.gz')).toString('utf8')).toBe('\uFEFFid,name,level,amount,filed\r\n');
    expect(gunzipSync(bytes('jsonl.gz')).length).toBe(0);
  });

  it('fails when a chunk cannot be stored, without hanging', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ id: i, name: createHash('sha256').update(String(i)).digest('hex') }));
    const failing = writeDownloadFiles(columns, rowsOf(many), () => Promise.reject(new Error('disk full')), () => undefined, 1024);
    await expect(failing).rejects.toThrow('disk full');
  });
});

describe('storedValue and rowHash', () => {
  it('writes numbers as decimal text and keeps empty values empty', () => {
    expect(storedValue(12.5)).toBe('12.5');
    expect(storedValue(10n)).toBe('10');
    expect(storedValue(undefined)).toBeNull();
    expect(storedValue(['a', 'b'])).toBe('["a","b"]');
  });

  it('tells a missing value from an empty text', () => {
    expect(rowHash(columns, { id: '1', name: '' })).not.toBe(rowHash(columns, { id: '1', name: null }));
  });
});
