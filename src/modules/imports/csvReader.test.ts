import { describe, expect, it } from 'vitest';
import { streamOf } from '../../../test/fixtures/imports/helpers.js';
import { readCsv } from './csvReader.js';
import type { RawEvent } from './rawRows.js';

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
