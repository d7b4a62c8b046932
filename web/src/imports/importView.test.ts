import { describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../../src/contracts/imports';
import { blocksImport, IMPORT_ENTITIES, importableEntities, importListFilter, mapHeaders, problemPageQuery, registryPath } from './importView';

describe('imports list filter', () => {
  it('joins the chosen filters and omits the rest', () => {
    expect(importListFilter(null, null)).toBeUndefined();
    expect(importListFilter('rd_institutions', null)).toBe('entity:rd_institutions');
    expect(importListFilter('platforms', 'rejected')).toBe('entity:platforms,status:rejected');
  });
});

describe('problemPageQuery', () => {
  const current = { page: 3, perPage: 50 };
  it('turns pages at the same size', () => {
    expect(problemPageQuery(current, { page: 4, pageSize: 50 })).toEqual({ page: 4, perPage: 50 });
  });
  it('goes back to page 1 on a new size and caps the size at the API limit', () => {
    expect(problemPageQuery(current, { page: 3, pageSize: 100 })).toEqual({ page: 1, perPage: 100 });
    expect(problemPageQuery(current, { pageSize: 500 })).toEqual({ page: 1, perPage: 200 });
  });
});

describe('mapHeaders', () => {
  it('labels matched headers in the UI language and leaves unknown ones unlabelled', () => {
    const mapped = mapHeaders('organizations', [{ header: '统一社会信用代码', key: 'uscc' }, { header: 'name', key: 'name' }, { header: '备注', key: null }], 'en');
    expect(mapped).toEqual([
      { header: '统一社会信用代码', key: 'uscc', label: 'Unified social credit code', required: true },
      { header: 'name', key: 'name', label: 'Name', required: true },
      { header: '备注', key: null, label: null, required: false },
    ]);
    expect(mapHeaders('platforms', [{ header: 'zone', key: 'zone' }], 'zh')[0]?.label).toBe('所在园区');
  });
});

describe('preview gating', () => {
  const preview = (severity: 'error' | 'warning'): ImportPreview => ({
    format: 'csv',
    encoding: 'utf-8',
    sheet: null,
    columns: [],
    rows: [],
    file_problems: [{ severity, line: 1, column: 'x', value: null, code: 'c', message: { zh: '问题', en: 'problem' } }],
  });
  it('stops at a file error but not at a warning', () => {
    expect(blocksImport(preview('error'))).toBe(true);
    expect(blocksImport(preview('warning'))).toBe(false);
  });
});

describe('registryPath', () => {
  it('maps file entities to the web routes', () => {
    expect(registryPath('rd_institutions')).toBe('/rd-institutions');
  });
});

describe('importableEntities', () => {
  it('offers the entities whose write permission the user has, as the server checks them', () => {
    const contractsOnly = new Set(['tech_contracts.write', 'achievements.write']);
    expect(importableEntities((p) => contractsOnly.has(p))).toEqual(['tech_contracts', 'projects', 'achievements', 'transfers', 'incubations']);
    expect(importableEntities(() => true)).toEqual([...IMPORT_ENTITIES]);
    expect(importableEntities(() => false)).toEqual([]);
  });
});
