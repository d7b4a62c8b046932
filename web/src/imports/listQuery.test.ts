import { describe, expect, it } from 'vitest';
import { readImportListState, writeImportListState } from './listQuery';

describe('imports list URL state', () => {
  it('round-trips the filters and paging', () => {
    const state = { entity: 'platforms' as const, status: 'rejected' as const, page: 3, perPage: 50 };
    expect(readImportListState(writeImportListState(state))).toEqual(state);
    expect(writeImportListState(state).toString()).toBe('entity=platforms&status=rejected&page=3&per_page=50');
  });

  it('keeps the plain list at a plain URL', () => {
    expect(writeImportListState({ entity: null, status: null, page: 1, perPage: 25 }).toString()).toBe('');
  });

  it('falls back to defaults for unknown or malformed values', () => {
    expect(readImportListState(new URLSearchParams('entity=people&status=done&page=-2&per_page=7'))).toEqual({ entity: null, status: null, page: 1, perPage: 25 });
  });
});
