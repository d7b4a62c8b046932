import { describe, expect, it } from 'vitest';
import { codesOf, violation } from './message.js';

describe('violation', () => {
  it('keeps code, both texts and params', () => {
    expect(violation('x.y', '中', 'en', { a: 1 })).toEqual({ code: 'x.y', message: { zh: '中', en: 'en' }, params: { a: 1 } });
  });
  it('lists codes in declaration order', () => {
    expect(codesOf({ b: { zh: '', en: '' }, a: { zh: '', en: '' } })).toEqual(['b', 'a']);
  });
});
