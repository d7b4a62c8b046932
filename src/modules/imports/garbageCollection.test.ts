import { describe, expect, it } from 'vitest';
import { collectGarbage } from './garbageCollection.js';

describe('collectGarbage', () => {
  it('is V8’s own full collection, callable without --expose-gc on the command line', async () => {
    expect(typeof collectGarbage).toBe('function');
    let dropped: object | null = { rows: new Array(100_000).fill('行') };
    const ref = new WeakRef(dropped);
    dropped = null;
    // A WeakRef keeps its target until the current job ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    expect(ref.deref()).toBeUndefined();
  });
});
