import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { streamOf } from '../../../test/fixtures/imports/helpers.js';
import { MAX_RECORD_CHARS, readCsv, readCsvBatches } from './csvReader.js';
import { isEmptyCell, isEmptyRow, type RawEvent } from './rawRows.js';

const read = async (text: string, chunk?: number) => {
  const events: RawEvent[] = [];
  for await (const e of readCsv(streamOf(text, chunk))) events.push(e);
  return events;
};

describe('readCsv', () => {
  it('numbers rows by the physical line they start on, LF or CRLF, skipping blank lines', async () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['', 'a,b', '1,"x', 'y"', '', ',', '2,3', '"q,w",e'].join(eol) + eol;
      const events = await read(text, 5);
      expect(events).toEqual([
        { kind: 'header', line: 2, headers: ['a', 'b'], encoding: 'utf-8' },
        { kind: 'row', line: 3, cells: ['1', `x${eol}y`] },
        { kind: 'row', line: 7, cells: ['2', '3'] },
        { kind: 'row', line: 8, cells: ['q,w', 'e'] },
      ]);
    }
  });

  it('reports ragged rows but tolerates empty trailing cells', async () => {
    const events = await read('a,b,c\n1,2\n1,2,3,4\n1,2,3,,\n');
    expect(events.slice(1)).toMatchObject([
      { line: 2, cells: ['1', '2', null], problem: { code: 'row.too_few_cells' } },
      { line: 3, problem: { code: 'row.too_many_cells' } },
      { line: 4, cells: ['1', '2', '3'] },
    ]);
    expect(events[3]).not.toHaveProperty('problem');
  });

  it('tolerates stray quotes inside unquoted fields', async () => {
    const events = await read('a,b\n专精特新"小巨人",x\n');
    expect(events[1]).toMatchObject({ cells: ['专精特新"小巨人"', 'x'] });
  });

  it('stops on an unclosed quote with the line it opened on', async () => {
    await expect(read('a,b\n1,2\n3,"open\n4,5\n')).rejects.toMatchObject({ violation: { code: 'csv.quote_not_closed' }, line: 3 });
  });

  it('yields nothing for an empty file and only the header for a header-only one', async () => {
    expect(await read('')).toEqual([]);
    expect(await read('\n\n')).toEqual([]);
    expect(await read('a,b\r\n')).toEqual([{ kind: 'header', line: 1, headers: ['a', 'b'], encoding: 'utf-8' }]);
  });
});

/** The events readCsv gave when it read with csv-parse, made from csv-parse's records as it made them. */
function csvParseEvents(text: string): RawEvent[] {
  const events: RawEvent[] = [];
  let line = 1;
  let width = -1;
  for (const record of parse(text, { relax_column_count: true, relax_quotes: true }) as string[][]) {
    const start = line;
    for (const field of record) line += field.split('\n').length - 1;
    line++;
    if (isEmptyRow(record)) continue;
    if (width < 0) {
      width = record.length;
      events.push({ kind: 'header', line: start, headers: record, encoding: 'utf-8' });
    } else if (record.length < width || !record.slice(width).every(isEmptyCell)) {
      events.push({ kind: 'row', line: start, cells: Array.from({ length: width }, (_, i) => record[i] ?? null), problem: expect.objectContaining({ code: record.length < width ? 'row.too_few_cells' : 'row.too_many_cells' }) });
    } else {
      events.push({ kind: 'row', line: start, cells: record.slice(0, width) });
    }
  }
  return events;
}

const tricky = [
  'uscc,名称,地址\r\n91430100B00000011X,"长沙华创,智能科技",长沙市"麓谷"大道\r\n\r\n  ,  \r\n"多行\r\n地址",x,\r\n1,2,3,4\r\n1\r\n',
  '\n\na,b\n"q""w",e\n"x"y,z\n,\n\n"m\nn\no",p\n',
  'a,b\r"c\rd",e\r',
  '名称,代码\n专精特新"小巨人",x\n"",""\n"a",\n',
];

describe('readCsv, against csv-parse', () => {
  it('yields the events it yielded with csv-parse, whatever the chunks', async () => {
    for (const text of tricky) {
      const expected = csvParseEvents(text);
      for (const chunk of [1, 2, 3, 5, 7, 64 * 1024]) expect(await read(text, chunk), `${JSON.stringify(text)} in chunks of ${chunk} bytes`).toEqual(expected);
    }
  });
});

describe('readCsvBatches', () => {
  it('yields the same events in arrays, one per chunk of text at most', async () => {
    // decodeText reads 64 KiB to choose the encoding, then goes by the stream's chunks.
    const text = `a,b\n${Array.from({ length: 20000 }, (_, i) => `${i},"值,${i}"`).join('\n')}\n`;
    const batches: RawEvent[][] = [];
    for await (const batch of readCsvBatches(streamOf(text, 4096))) batches.push(batch);
    expect(batches.length).toBeGreaterThan(5);
    expect(batches.every((b) => b.length > 0)).toBe(true);
    expect(batches.flat()).toEqual(await read(text, 4096));
    expect(batches.flat()[20000]).toEqual({ kind: 'row', line: 20001, cells: ['19999', '值,19999'] });
  });

  it('hands on the events before a broken record, then stops with the line it starts on', async () => {
    const events: RawEvent[] = [];
    const reading = (async () => {
      for await (const batch of readCsvBatches(streamOf('a,b\n1,2\n3,"open\n4,5\n', 3))) events.push(...batch);
    })();
    await expect(reading).rejects.toMatchObject({ violation: { code: 'csv.quote_not_closed', params: { line: 3 } }, line: 3 });
    expect(events.map((e) => e.line)).toEqual([1, 2]);
  });
});

describe('readCsv: a record too large', () => {
  it('stops with the line where the record starts, after the rows before it', async () => {
    const events: RawEvent[] = [];
    const text = `a,b\n1,2\n\n3,"${'长'.repeat(MAX_RECORD_CHARS)}"\n4,5\n`;
    await expect(
      (async () => {
        for await (const e of readCsv(streamOf(text, 64 * 1024))) events.push(e);
      })(),
    ).rejects.toMatchObject({ violation: { code: 'csv.record_too_large' }, line: 4 });
    expect(events.map((e) => e.line)).toEqual([1, 2]);
  });

  it('reads a record of MAX_RECORD_CHARS characters', async () => {
    const long = 'x'.repeat(MAX_RECORD_CHARS - 2);
    const events = await read(`a,b\n1,${long}\n`, 64 * 1024);
    expect(events[1]).toEqual({ kind: 'row', line: 2, cells: ['1', long] });
  });
});
