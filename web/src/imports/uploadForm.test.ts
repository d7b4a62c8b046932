import { describe, expect, it } from 'vitest';
import { acceptsFileName, previewFields, uploadFields, uploadFormData } from './uploadForm';

describe('upload form fields', () => {
  it('leaves the encoding and a blank sheet to the server', () => {
    expect(previewFields({ entity: 'organizations', encoding: 'auto', sheet: '  ' })).toEqual({ entity: 'organizations' });
  });

  it('sends a chosen encoding and a trimmed sheet name', () => {
    expect(previewFields({ entity: 'platforms', encoding: 'gb18030', sheet: ' 平台 ' })).toEqual({ entity: 'platforms', encoding: 'gb18030', sheet: '平台' });
  });

  it('writes the run options as the contract strings', () => {
    expect(uploadFields({ entity: 'rd_institutions', encoding: 'utf-8', sheet: '' }, { mode: 'insert', atomic: true, dryRun: false })).toEqual({
      entity: 'rd_institutions',
      encoding: 'utf-8',
      mode: 'insert',
      atomic: 'true',
      dry_run: 'false',
    });
  });

  it('puts the text fields before the file', () => {
    const form = uploadFormData({ entity: 'organizations', mode: 'upsert', dry_run: 'true' }, new Blob(['uscc,name\n']), '企业.csv');
    expect([...form.keys()]).toEqual(['entity', 'mode', 'dry_run', 'file']);
    const file = form.get('file');
    expect(file instanceof File && file.name).toBe('企业.csv');
  });

  it('accepts the readable file types only, whatever the case', () => {
    expect(['a.csv', 'B.XLSX', 'c.jsonl', 'd.txt'].every(acceptsFileName)).toBe(true);
    expect(['e.xls', 'f.json', 'csv'].some(acceptsFileName)).toBe(false);
  });
});
