import { describe, expect, it } from 'vitest';
import { formulaSummary } from './formulaSummary';

const names = { entity: (e: string) => `<${e}>`, indicator: (c: string) => `[${c}]` };

describe('formula summary', () => {
  it('names the records counted, the filter and how the period selects them', () => {
    expect(formulaSummary({ op: 'count', entity: 'platforms', filter: 'level:national,status:active', timing: { rule: 'as_of_end', since: 'existing_since' } }, names)).toEqual([
      ['count', { entity: '<platforms>' }],
      ['filter', { filter: 'level:national,status:active' }],
      ['asOfEnd', { since: 'existing_since' }],
    ]);
    expect(formulaSummary({ op: 'share', entity: 'rd_institutions', part: 'innovation_zone:true', timing: { rule: 'within', date: 'established_on' } }, names)).toEqual([
      ['share', { entity: '<rd_institutions>', part: 'innovation_zone:true' }],
      ['within', { date: 'established_on' }],
    ]);
  });

  it('says a distinct count counts the referred records, each once, while valid', () => {
    const f = { op: 'distinct_count', entity: 'qualifications', distinct: { field: 'organization_id', entity: 'organizations' }, filter: 'qualification:tech_sme', timing: { rule: 'as_of_end', since: 'valid_from', until: 'valid_to' } } as const;
    expect(formulaSummary(f, names)).toEqual([
      ['distinct', { entity: '<qualifications>', distinct: '<organizations>' }],
      ['filter', { filter: 'qualification:tech_sme' }],
      ['asOfEndUntil', { since: 'valid_from', until: 'valid_to' }],
    ]);
  });

  it('names the indicators a derived one is made of, and an official one as published', () => {
    expect(formulaSummary({ op: 'ratio', numerator: 'rd_expenditure', denominator: 'gdp' }, names)).toEqual([['ratio', { numerator: '[rd_expenditure]', denominator: '[gdp]' }]]);
    expect(formulaSummary({ op: 'growth', of: 'rd_expenditure' }, names)).toEqual([['growth', { of: '[rd_expenditure]' }]]);
    expect(formulaSummary({ op: 'total', of: ['transfers.count', 'incubations.count'] }, names)).toEqual([['total', { of: '[transfers.count] + [incubations.count]' }]]);
    expect(formulaSummary(null, names)).toEqual([['official', {}]]);
  });
});
