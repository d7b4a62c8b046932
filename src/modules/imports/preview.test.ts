import { createReadStream } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csv, fixture, streamOf } from '../../../test/fixtures/imports/helpers.js';
import { previewImportFile } from './preview.js';

describe('previewImportFile', () => {
  it('shows the column mapping and the first rows as text', async () => {
    const preview = await previewImportFile({ entity: 'organizations', fileName: 'o.csv', stream: streamOf(csv('名称,uscc,主体类型,备注', 'a,1,企业,x', 'b,2,企业,y', 'c,3,企业,z')) }, { rows: 2 });
    expect(preview).toEqual({
      format: 'csv',
      encoding: 'utf-8',
      sheet: null,
      columns: [
        { header: '名称', key: 'name' },
        { header: 'uscc', key: 'uscc' },
        { header: '主体类型', key: 'kind' },
        { header: '备注', key: null },
      ],
      rows: [
        { line: 2, cells: ['a', '1', '企业', 'x'] },
        { line: 3, cells: ['b', '2', '企业', 'y'] },
      ],
      fileProblems: [expect.objectContaining({ code: 'header.unknown' })],
    });
  });

  it('previews a workbook sheet and reports header problems', async () => {
    const preview = await previewImportFile({ entity: 'platforms', fileName: 'o.xlsx', sheet: '主体', stream: createReadStream(fixture('organizations.xlsx')) });
    expect(preview).toMatchObject({ format: 'xlsx', sheet: '主体', rows: [{ line: 2, cells: ['91430100MA4L00001J', '长沙星城科技有限公司', '企业', '430104', '2018-03-05', '麓谷大道 1 号'] }, { line: 3 }] });
    expect(preview.fileProblems.map((p) => p.code)).toContain('header.missing_required');
  });
});
