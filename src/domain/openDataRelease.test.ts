import { describe, expect, it } from 'vitest';
import { CONTACT_REMOVED } from './contactMask.js';
import { ChangeLogBuilder, dataDictionary, releaseChanges, unchanged, type DictionarySource } from './openDataRelease.js';

const hashes = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('releaseChanges', () => {
  it('lists every row as added in the first release', () => {
    const changes = releaseChanges(new Map(), [['1', 'a'], ['2', 'b']]);
    expect(changes).toEqual({ added: ['1', '2'], changed: [], removed: [] });
  });

  it('tells added, changed and removed rows apart and leaves the same rows out', () => {
    const previous = hashes({ 1: 'a', 2: 'b', 3: 'c', 4: 'd' });
    const changes = releaseChanges(previous, [['1', 'a'], ['2', 'B'], ['4', 'd'], ['5', 'e']]);
    expect(changes).toEqual({ added: ['5'], changed: ['2'], removed: ['3'] });
  });

  it('finds no change when the rows are the same, and says so', () => {
    const previous = hashes({ 7: 'x', 8: 'y' });
    const changes = releaseChanges(previous, [['7', 'x'], ['8', 'y']]);
    expect(unchanged(changes)).toBe(true);
    expect(unchanged(releaseChanges(previous, [['7', 'x']]))).toBe(false);
  });

  it('removes every row when the new release is empty', () => {
    expect(releaseChanges(hashes({ 1: 'a', 2: 'b' }), [])).toEqual({ added: [], changed: [], removed: ['1', '2'] });
  });

  it('orders ids as numbers, whatever order the rows came in', () => {
    const previous = hashes({ 10: 'a', 9: 'b', 100: 'c' });
    const log = new ChangeLogBuilder(previous);
    for (const [id, hash] of [['20', 'n'], ['3', 'n'], ['9', 'B'], ['10', 'A']] as const) log.observe(id, hash);
    expect(log.finish()).toEqual({ added: ['3', '20'], changed: ['9', '10'], removed: ['100'] });
  });
});

describe('dataDictionary', () => {
  const source: DictionarySource = {
    id: 'platforms',
    title: { zh: '创新平台', en: 'Innovation platforms' },
    description: { zh: '已备案的创新平台', en: 'Filed innovation platforms' },
    licence: { id: 'CC-BY-4.0', name: { zh: '知识共享署名 4.0', en: 'Creative Commons Attribution 4.0' }, url: 'https://creativecommons.org/licenses/by/4.0/' },
    fields: [
      { name: 'id', title: { zh: '编号', en: 'ID' }, type: 'int' },
      {
        name: 'level',
        title: { zh: '级别', en: 'Level' },
        type: 'code',
        codes: [
          { code: 'national', label: { zh: '国家级', en: 'National' } },
          { code: 'provincial', label: { zh: '省级', en: 'Provincial' } },
        ],
      },
      { name: 'recognized_on', title: { zh: '认定日期', en: 'Recognized on' }, type: 'date' },
    ],
  };

  it('describes each published field in order, with its names, type, format and code list', () => {
    const dictionary = dataDictionary(source);
    expect(dictionary.fields.map((f) => f.name)).toEqual(['id', 'level', 'recognized_on']);
    expect(dictionary.fields[1]).toEqual({
      name: 'level',
      title: { zh: '级别', en: 'Level' },
      type: 'code',
      format: { zh: '代码，取值见代码表', en: 'A code from the code list' },
      codes: [
        { code: 'national', label: { zh: '国家级', en: 'National' } },
        { code: 'provincial', label: { zh: '省级', en: 'Provincial' } },
      ],
    });
    expect(dictionary.fields[0]).not.toHaveProperty('codes');
    expect(dictionary.fields[2]!.format.en).toContain('YYYY-MM-DD');
  });

  it('notes on a free-text field that contacts in it are masked, and on no other', () => {
    const dictionary = dataDictionary({ ...source, fields: [...source.fields, { name: 'summary', title: { zh: '简介', en: 'Summary' }, type: 'text', free_text: true }] });
    expect(dictionary.fields[3]!.note?.zh).toContain(CONTACT_REMOVED);
    expect(dictionary.fields[3]!.note?.en).toContain('email addresses');
    expect(dictionary.fields.slice(0, 3).some((f) => 'note' in f)).toBe(false);
  });

  it('carries the dataset, its titles and the licence', () => {
    const dictionary = dataDictionary(source);
    expect(dictionary.dataset).toBe('platforms');
    expect(dictionary.title).toEqual(source.title);
    expect(dictionary.description).toEqual(source.description);
    expect(dictionary.licence).toEqual(source.licence);
  });
});
