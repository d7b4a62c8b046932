import { describe, expect, it } from 'vitest';
import { formatDuration, progressOf } from './progress';

describe('progressOf', () => {
  it('gives only the share before there is a second sample', () => {
    expect(progressOf(null, { atMs: 0, read: 0, bytes: 250 }, 1000)).toEqual({ percent: 25, rowsPerSecond: null, etaSeconds: null });
  });

  it('computes the row rate and the time left from the byte rate', () => {
    const p = progressOf({ atMs: 1000, read: 100, bytes: 1000 }, { atMs: 3000, read: 4100, bytes: 5000 }, 10_000);
    expect(p).toEqual({ percent: 50, rowsPerSecond: 2000, etaSeconds: 3 });
  });

  it('never shows 100 % before the last byte, nor more than 100 %', () => {
    expect(progressOf(null, { atMs: 0, read: 0, bytes: 999 }, 1000).percent).toBe(99);
    expect(progressOf(null, { atMs: 0, read: 0, bytes: 1200 }, 1000).percent).toBe(100);
  });

  it('has no share and no time left when the size is unknown', () => {
    const p = progressOf({ atMs: 0, read: 0, bytes: 0 }, { atMs: 500, read: 50, bytes: 100 }, null);
    expect(p).toEqual({ percent: null, rowsPerSecond: 100, etaSeconds: null });
  });
});

describe('formatDuration', () => {
  it('writes minutes and seconds, and hours when there are any', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
  });
});
