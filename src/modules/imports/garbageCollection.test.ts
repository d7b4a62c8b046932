import { describe, expect, it } from 'vitest';
import { collectGarbage } from './garbageCollection.js';

describe('collectGarbage', () => {
  it('is V8’s own full collection, callable without --expose-gc on the command line', () => {
    expect(typeof collectGarbage).toBe('function');
    let dropped: object | null = { rows: new Array(100_000).fill('行') };
    const ref = new WeakRef(dropped);
    dropped = null;
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});
