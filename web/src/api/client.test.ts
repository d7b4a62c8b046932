import { describe, expect, it } from 'vitest';
import { queryString } from './client';

describe('queryString', () => {
  it('encodes the list query, Chinese included', () => {
    expect(queryString({ search: '研究院', per_page: 25, filter: 'kind:enterprise|university' })).toBe('?search=%E7%A0%94%E7%A9%B6%E9%99%A2&per_page=25&filter=kind%3Aenterprise%7Cuniversity');
  });
  it('leaves out undefined and empty values', () => {
    expect(queryString({ search: '', page: undefined })).toBe('');
    expect(queryString(undefined)).toBe('');
  });
});
