import { describe, expect, it } from 'vitest';
import { messageSide, resolveLanguage } from './language';

describe('resolveLanguage', () => {
  it('keeps a stored language we ship', () => {
    expect(resolveLanguage('en')).toBe('en');
    expect(resolveLanguage('zh-CN')).toBe('zh-CN');
  });
  it('falls back to zh-CN for nothing or anything else', () => {
    expect(resolveLanguage(null)).toBe('zh-CN');
    expect(resolveLanguage('fr')).toBe('zh-CN');
  });
});

describe('messageSide', () => {
  it('maps the UI language to the side of a bilingual message', () => {
    expect(messageSide('en')).toBe('en');
    expect(messageSide('zh-CN')).toBe('zh');
  });
});
