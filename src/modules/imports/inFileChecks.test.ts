import { describe, expect, it } from 'vitest';
import { DuplicateKeys, naturalKeyOf, resolveReferences } from './inFileChecks.js';

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

describe('resolveReferences', () => {
  it('asks once for the distinct codes of a batch', async () => {
    const asked: string[][] = [];
    const lookup = async (usccs: string[]) => {
      asked.push(usccs);
      return new Map(usccs.filter((u) => u.startsWith('db')).map((u) => [u, 7]));
    };
    expect(await resolveReferences(lookup, ['db1', 'nope', 'db1'])).toEqual(new Map([['db1', 7]]));
    expect(await resolveReferences(lookup, [])).toEqual(new Map());
    expect(asked).toEqual([['db1', 'nope']]);
  });
});
