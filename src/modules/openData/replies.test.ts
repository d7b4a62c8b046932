import { describe, expect, it } from 'vitest';
import { matchesIfNoneMatch } from './replies.js';

describe('If-None-Match (RFC 9110 §13.1.2)', () => {
  const tag = '"abc"';
  it('matches the tag, among others, weak or strong, and *', () => {
    expect(matchesIfNoneMatch('"abc"', tag)).toBe(true);
    expect(matchesIfNoneMatch('"x", "abc"', tag)).toBe(true);
    expect(matchesIfNoneMatch('W/"abc"', tag)).toBe(true);
    expect(matchesIfNoneMatch(' * ', tag)).toBe(true);
  });
  it('does not match another tag, a bare value or no header', () => {
    expect(matchesIfNoneMatch('"abd"', tag)).toBe(false);
    expect(matchesIfNoneMatch('abc', tag)).toBe(false);
    expect(matchesIfNoneMatch(undefined, tag)).toBe(false);
  });
});
