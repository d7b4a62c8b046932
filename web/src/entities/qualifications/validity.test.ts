import { describe, expect, it } from 'vitest';
import { validityOn, validityTerms } from './validity';

const TODAY = '2026-12-04';

describe('qualification validity', () => {
  it('holds from its first day through its last, for good without one', () => {
    expect(validityOn({ valid_from: '2026-12-04', valid_to: '2026-12-04' }, TODAY)).toBe('valid');
    expect(validityOn({ valid_from: '2020-01-01', valid_to: null }, TODAY)).toBe('valid');
    expect(validityOn({ valid_from: '2020-01-01', valid_to: '2026-12-03' }, TODAY)).toBe('expired');
    expect(validityOn({ valid_from: '2026-12-05', valid_to: null }, TODAY)).toBe('upcoming');
  });

  it('filters on the server with the same bounds, an open end counting as valid', () => {
    expect(validityTerms('valid', TODAY)).toBe('valid_from:<2026-12-05,valid_to:>2026-12-03|null');
    expect(validityTerms('expired', TODAY)).toBe('valid_to:<2026-12-04');
    expect(validityTerms('upcoming', TODAY)).toBe('valid_from:>2026-12-04');
    expect(validityTerms('soon', TODAY)).toBeNull();
  });
});
