import { describe, expect, it } from 'vitest';
import { ListCache } from './cache.js';

describe('ListCache', () => {
  it('serves a page only for the version it was stored with', () => {
    const cache = new ListCache<string>();
    cache.set('q', '7', 'page');
    expect(cache.get('q', '7')).toBe('page');
    expect(cache.get('q', '8')).toBeUndefined();
    expect(cache.get('other', '7')).toBeUndefined();
  });

  it('forgets the least recently used entry beyond its size', () => {
    const cache = new ListCache<number>(2);
    cache.set('a', '1', 1);
    cache.set('b', '1', 2);
    cache.get('a', '1');
    cache.set('c', '1', 3);
    expect(cache.get('a', '1')).toBe(1);
    expect(cache.get('b', '1')).toBeUndefined();
    expect(cache.get('c', '1')).toBe(3);
  });
});
