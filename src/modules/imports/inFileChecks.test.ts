import { describe, expect, it } from 'vitest';
import { DuplicateKeys, naturalKeyOf, ReferenceCheck } from './inFileChecks.js';

describe('naturalKeyOf', () => {
  it('joins the key parts, or gives null when one is missing', () => {
    expect(naturalKeyOf('qualifications', { uscc: 'A', qualification: 'tech_sme', valid_from: '2024-01-01' })).toBe('A\u0001tech_sme\u00012024-01-01');
    expect(naturalKeyOf('qualifications', { uscc: 'A', qualification: 'tech_sme' })).toBeNull();
    expect(naturalKeyOf('organizations', { uscc: 'A' })).toBe('A');
  });
});

describe('DuplicateKeys', () => {
  it('reports a repeat with the line of the first occurrence', () => {
    const keys = new DuplicateKeys('platforms');
    expect(keys.check('A\u0001平台', 2)).toBeNull();
    expect(keys.check('A\u0001平台二', 3)).toBeNull();
    expect(keys.check('A\u0001平台', 9)).toMatchObject({ code: 'duplicate_key', params: { first_line: 2, key: 'A / 平台' } });
    expect(keys.size).toBe(2);
  });
});

describe('ReferenceCheck', () => {
  it('asks the database only for codes not yet known either way', async () => {
    const asked: string[][] = [];
    const refs = new ReferenceCheck(async (usccs) => {
      asked.push(usccs);
      return new Set(usccs.filter((u) => u.startsWith('db')));
    });
    refs.noteOrganization('file1');
    expect(await refs.resolve(['db1', 'file1', 'nope', 'db1'])).toEqual(new Set(['db1', 'file1']));
    expect(await refs.resolve(['db1', 'nope', 'db2'])).toEqual(new Set(['db1', 'db2']));
    expect(asked).toEqual([['db1', 'nope'], ['db2']]);
  });
});
