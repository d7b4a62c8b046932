import { describe, expect, it } from 'vitest';
import { formatTimestamp } from './format';

describe('formatTimestamp', () => {
  it('formats an instant as local date and minutes', () => {
    const local = new Date(2025, 5, 30, 14, 5);
    expect(formatTimestamp(local.toISOString())).toBe('2025-06-30 14:05');
  });
  it('leaves an unreadable value as it came', () => {
    expect(formatTimestamp('soon')).toBe('soon');
  });
});
