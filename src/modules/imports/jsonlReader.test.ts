import { describe, expect, it } from 'vitest';
import { streamOf } from '../../../test/fixtures/imports/helpers.js';
import { readJsonl } from './jsonlReader.js';
import type { RawEvent } from './rawRows.js';

const read = async (text: string, expectedKeys?: string[]) => {
  const events: RawEvent[] = [];
  for await (const e of readJsonl(streamOf(text, 4), expectedKeys ? { expectedKeys } : {})) events.push(e);
  return events;
};

describe('readJsonl', () => {
  it('takes the keys of the first object, then the expected ones it lacks', async () => {
    const events = await read('{"name":"甲","n":1}\r\n\n{"n":2,"flag":true}\n', ['name', 'zone']);
    expect(events).toEqual([
      { kind: 'header', line: 1, headers: ['name', 'n', 'zone'], encoding: 'utf-8' },
      { kind: 'row', line: 1, cells: ['甲', 1, null] },
      { kind: 'row', line: 3, cells: [null, 2, null] },
    ]);
  });

  it('reports bad lines as row problems, also before the first object', async () => {
    const events = await read('not json\n{"a":1}\n[1]\n{"a":{"b":1}}\n{"a":2}');
    expect(events.map((e) => (e.kind === 'row' ? [e.line, e.problem?.code ?? null] : 'header'))).toEqual([
      'header',
      [1, 'jsonl.invalid_json'],
      [2, null],
      [3, 'jsonl.not_object'],
      [4, 'jsonl.nested_value'],
      [5, null],
    ]);
  });

  it('refuses a file without any object, and yields nothing for an empty one', async () => {
    await expect(read('x\ny\n')).rejects.toMatchObject({ violation: { code: 'jsonl.no_object' } });
    expect(await read('')).toEqual([]);
  });
});
