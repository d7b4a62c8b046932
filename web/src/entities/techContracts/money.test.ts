import { describe, expect, it } from 'vitest';
import { amountInput, formatYuan, formatYuanExact } from './money';

describe('contract amounts as text', () => {
  it('writes yuan with separators and both decimals', () => {
    expect(formatYuanExact('1250000')).toBe('1,250,000.00');
    expect(formatYuanExact('0.5')).toBe('0.50');
    expect(formatYuanExact('999.99')).toBe('999.99');
  });

  it('reads Chinese amounts in 万元 and 亿元 without losing a fen', () => {
    expect(formatYuan('1250000.00', 'zh')).toBe('125 万元');
    expect(formatYuan('12345.67', 'zh')).toBe('1.234567 万元');
    expect(formatYuan('9999.99', 'zh')).toBe('9,999.99 元');
    expect(formatYuan('123456789.12', 'zh')).toBe('1.2345678912 亿元');
    expect(formatYuan('150000000000.00', 'zh')).toBe('1,500 亿元');
  });

  it('keeps amounts a float would round exact', () => {
    // 2^53 + 1 yuan and a fen: a Number would print 9007199254740992.
    expect(formatYuan('9007199254740993.01', 'en')).toBe('CNY 9,007,199,254,740,993.01');
    expect(formatYuan('9007199254740993.01', 'zh')).toBe('90,071,992.5474099301 亿元');
  });

  it('writes English amounts as CNY', () => {
    expect(formatYuan('1250000.00', 'en')).toBe('CNY 1,250,000.00');
  });

  it('shows text that is not an amount as it came', () => {
    expect(formatYuan('1e6', 'zh')).toBe('1e6');
    expect(formatYuanExact('-5')).toBe('-5');
  });

  it('drops spaces and grouping commas from what was typed, nothing else', () => {
    expect(amountInput(' 1,250,000.5 ')).toBe('1250000.5');
    expect(amountInput('1 000')).toBe('1000');
    expect(amountInput('1,5')).toBe('1,5');
    expect(amountInput('12,34,567')).toBe('12,34,567');
  });
});
