import { describe, expect, it } from 'vitest';
import { dateCell, parseDateText } from './cellDates.js';

describe('dateCell', () => {
  it.each([
    ['2025-06-30', '2025-06-30'],
    ['2025/6/3', '2025-06-03'],
    ['2025-6-3', '2025-06-03'],
    ['2025.06.30', '2025-06-30'],
    ['2025年6月30日', '2025-06-30'],
    ['２０２５年６月３０日', '2025-06-30'],
    ['20250630', '2025-06-30'],
    [' 2024-02-29 ', '2024-02-29'],
  ])('reads %j', (text, date) => expect(dateCell(text)).toEqual({ ok: true, value: date }));

  it.each(['2025-02-30', '2023-02-29', '2025-13-01', '1899-12-31', '30/06/2025', '2025-06', 'soon', '20251301'])('refuses %j', (text) => {
    expect(dateCell(text)).toMatchObject({ ok: false, violation: { code: 'date.invalid' } });
  });

  it('reads Excel date cells by their UTC day, forgiving float noise', () => {
    expect(dateCell(new Date(Date.UTC(2025, 5, 30)))).toEqual({ ok: true, value: '2025-06-30' });
    expect(dateCell(new Date(Date.UTC(2025, 5, 30) - 1))).toEqual({ ok: true, value: '2025-06-30' });
  });

  it('reads numbers as Excel serials, or as compact dates when they look like one', () => {
    expect(dateCell(45838)).toEqual({ ok: true, value: '2025-06-30' });
    expect(dateCell(45838.75)).toEqual({ ok: true, value: '2025-06-30' });
    expect(dateCell(1)).toEqual({ ok: true, value: '1900-01-01' });
    expect(dateCell(61)).toEqual({ ok: true, value: '1900-03-01' });
    expect(dateCell(20250630)).toEqual({ ok: true, value: '2025-06-30' });
    expect(dateCell(60)).toMatchObject({ ok: false });
    expect(dateCell(-3)).toMatchObject({ ok: false });
  });

  it('takes empty as not given and refuses booleans', () => {
    expect(dateCell(null)).toEqual({ ok: true, value: null });
    expect(dateCell('  ')).toEqual({ ok: true, value: null });
    expect(dateCell(true)).toMatchObject({ ok: false });
  });

  it('parses text without judging the length of a huge value', () => {
    expect(parseDateText('x'.repeat(10))).toBeNull();
    expect(dateCell('2'.repeat(1_000_000))).toMatchObject({ ok: false, violation: { params: { value: `${'2'.repeat(40)}…` } } });
  });
});
