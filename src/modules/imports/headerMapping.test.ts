import { describe, expect, it } from 'vitest';
import { fileEntities } from '../../contracts/fileColumns.js';
import { mapHeaders, matchHeader } from './headerMapping.js';

describe('mapHeaders', () => {
  it('matches keys, Chinese headers and English labels, in any order and any width or case', () => {
    const result = mapHeaders('organizations', ['\uFEFF 主体类型 ', 'ＵＳＣＣ', 'Name', '地址', 'Founded On', '备注', '']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.mapping.preview).toEqual([
      { header: '主体类型', key: 'kind' },
      { header: 'ＵＳＣＣ', key: 'uscc' },
      { header: 'Name', key: 'name' },
      { header: '地址', key: 'address' },
      { header: 'Founded On', key: 'founded_on' },
      { header: '备注', key: null },
      { header: '', key: null },
    ]);
    expect(result.mapping.byKey.get('uscc')).toMatchObject({ index: 1, header: 'ＵＳＣＣ' });
    expect(result.warnings).toMatchObject([{ severity: 'warning', code: 'header.unknown', column: '备注' }]);
  });

  it('refuses a column given twice and names missing required columns in zh and en', () => {
    const result = mapHeaders('qualifications', ['uscc', '统一社会信用代码', '资质'], 1);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      expect.objectContaining({ severity: 'error', code: 'header.duplicate', column: '统一社会信用代码', line: 1 }),
      expect.objectContaining({ code: 'header.missing_required', message: { zh: '缺少必填列“有效期起”（valid_from）', en: 'The required column "valid_from" (Valid from) is missing' } }),
    ]);
  });

  it('finds every column of every entity by each of its names', () => {
    for (const entity of fileEntities) expect(matchHeader(entity, 'no such column')).toBeNull();
    expect(matchHeader('rd_institutions', '研发任务源自全球确认日期')?.key).toBe('global_tasks_confirmed_on');
    expect(matchHeader('platforms', 'HOST_USCC')?.key).toBe('host_uscc');
  });
});
