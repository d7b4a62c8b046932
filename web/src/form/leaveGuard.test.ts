import { describe, expect, it } from 'vitest';
import { asksBeforeLeaving } from './leaveGuard';

const move = { unsaved: true, released: false, from: '/organizations/new', to: '/organizations' };

describe('leaving a form', () => {
  it('asks when typed input would be lost by going to another page', () => {
    expect(asksBeforeLeaving(move)).toBe(true);
  });

  it('goes without asking when nothing was typed, after saving, or within the same page', () => {
    expect(asksBeforeLeaving({ ...move, unsaved: false })).toBe(false);
    expect(asksBeforeLeaving({ ...move, released: true })).toBe(false);
    expect(asksBeforeLeaving({ ...move, to: move.from })).toBe(false);
  });
});
