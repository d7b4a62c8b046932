import { describe, expect, it } from 'vitest';
import { exportLanguage, exportUrl } from './exportLink';

describe('exportUrl', () => {
  it('carries the list filter, search and sort, not its paging', () => {
    const url = exportUrl('/rd-institutions', { filter: 'level:national,established_on:>2020-01-01', search: '研究院', sort: 'name:desc', page: 3, per_page: 50 }, 'xlsx', 'zh');
    const [path, query] = url.split('?');
    expect(path).toBe('/api/v1/rd-institutions/export');
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({ format: 'xlsx', lang: 'zh', filter: 'level:national,established_on:>2020-01-01', search: '研究院', sort: 'name:desc' });
  });

  it('leaves out what the list does not narrow', () => {
    expect(exportUrl('/organizations', {}, 'csv', 'en')).toBe('/api/v1/organizations/export?format=csv&lang=en');
    expect(exportUrl('/organizations', {}, 'csv', 'en', 'import')).toBe('/api/v1/organizations/export?format=csv&lang=en');
  });

  it('asks for the report view (报表格式) with the same filter', () => {
    const url = exportUrl('/platforms', { filter: 'status:active' }, 'jsonl', 'en', 'report');
    expect(Object.fromEntries(new URLSearchParams(url.split('?')[1]))).toEqual({ format: 'jsonl', lang: 'en', view: 'report', filter: 'status:active' });
  });

  it('follows the UI language', () => {
    expect(exportLanguage('zh-CN')).toBe('zh');
    expect(exportLanguage('en')).toBe('en');
  });
});
