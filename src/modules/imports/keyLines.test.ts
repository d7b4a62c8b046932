import { describe, expect, it } from 'vitest';
import { KeyLines } from './keyLines.js';

describe('KeyLines', () => {
  it('gives the first line of a key seen before, and null for a new one', () => {
    const keys = new KeyLines();
    expect(keys.firstLineOrAdd('91430100MA4L0001X\u0001中南大学研究院', 2)).toBeNull();
    expect(keys.firstLineOrAdd('91430100MA4L0001X\u0001中南大学研究院二', 3)).toBeNull();
    expect(keys.firstLineOrAdd('91430100MA4L0001X\u0001中南大学研究院', 7)).toBe(2);
    expect(keys.firstLineOrAdd('91430100MA4L0001X\u0001中南大学研究院', 9)).toBe(2);
    expect(keys.size).toBe(2);
  });

  it('keeps every key apart through growth: 200,000 keys, then each again', () => {
    const keys = new KeyLines(16);
    const key = (i: number) => `9143010${String(i).padStart(10, '0')}X\u0001研发中心${i % 97}`;
    for (let i = 0; i < 200_000; i++) expect(keys.firstLineOrAdd(key(i), i + 2)).toBeNull();
    expect(keys.size).toBe(200_000);
    let wrong = 0;
    for (let i = 0; i < 200_000; i++) if (keys.firstLineOrAdd(key(i), 1_000_000) !== i + 2) wrong++;
    expect(wrong).toBe(0);
    expect(keys.size).toBe(200_000);
  });

  it('tells apart keys that differ only in order or by one character', () => {
    const keys = new KeyLines();
    for (const [i, k] of ['ab', 'ba', 'a\u0001b', 'ab\u0001', '', 'A'].entries()) expect(keys.firstLineOrAdd(k, i + 1)).toBeNull();
  });
});
