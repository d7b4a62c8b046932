import { describe, expect, it } from 'vitest';
import { checkIndustryCode, isIndustryCodePrefix, normalizeIndustryCode } from './industryCode.js';

describe('checkIndustryCode', () => {
  it('takes a class of GB/T 4754-2017 (a section letter and four digits of one of its divisions) as typed: spaces, lower case, no letter', () => {
    for (const code of [' c3514', '3514', 'A0511', 'C1311', 'C3514', 'C4390', 'I6513', 'K7010', 'M7320', 'P8341', 'Q8411', 'S9225', 'T9700']) expect(checkIndustryCode(code), code).toBeNull();
  });

  it('refuses a bad form or a division outside its section, naming the code in both languages', () => {
    for (const code of ['9999', 'C351', 'C35140', 'U1234', 'C0511', 'A1311', 'I6613', 'C4410', 'C 3514']) {
      const problem = checkIndustryCode(code);
      expect(problem?.code, code).toBe('industry_code.invalid');
      expect(problem?.message.zh).toContain(code);
      expect(problem?.message.en).toContain(code);
    }
  });
});

describe('normalizeIndustryCode', () => {
  it('trims, upper-cases and gives four bare digits their section letter', () => {
    expect(normalizeIndustryCode(' c3514 ')).toBe('C3514');
    expect(normalizeIndustryCode('3514')).toBe('C3514');
    expect(normalizeIndustryCode('0511')).toBe('A0511');
    expect(normalizeIndustryCode('6513')).toBe('I6513');
  });

  it('leaves what it cannot place for the check to refuse', () => {
    expect(normalizeIndustryCode('9999')).toBe('9999');
    expect(normalizeIndustryCode('351')).toBe('351');
    expect(checkIndustryCode(normalizeIndustryCode('9999'))).not.toBeNull();
  });
});

describe('isIndustryCodePrefix', () => {
  it('takes a section, division, group or class', () => {
    for (const prefix of ['C', 'C35', 'C351', 'C3514', 'L7113', 'Q841']) expect(isIndustryCodePrefix(prefix), prefix).toBe(true);
  });

  it('refuses bare digits, a lone digit after the letter, a division of another section and an unknown letter', () => {
    for (const prefix of ['351', 'C3', 'C05', 'I13', 'U', 'C35140', '', 'c35']) expect(isIndustryCodePrefix(prefix), prefix).toBe(false);
  });
});
