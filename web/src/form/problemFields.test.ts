import { describe, expect, it } from 'vitest';
import type { FieldProblem } from '../../../src/contracts/common';
import { changedPaths, foldListItems, placeProblems, withoutFields } from './problemFields';

const problem = (field: string, zh: string, en = zh): FieldProblem => ({ field, code: 'x', message: { zh, en } });

describe('placeProblems', () => {
  const formFields = ['uscc', 'name', 'four_global.global_tasks.confirmed_on'];

  it('puts problems of form fields next to them, in the chosen language', () => {
    const placed = placeProblems([problem('uscc', '校验位应为 X', 'Check character should be X')], formFields, 'en');
    expect(placed).toEqual({ fields: [{ name: ['uscc'], errors: ['Check character should be X'] }], general: [] });
  });

  it('splits dotted paths into antd name paths', () => {
    const placed = placeProblems([problem('four_global.global_tasks.confirmed_on', '晚于今天')], formFields, 'zh');
    expect(placed.fields).toEqual([{ name: ['four_global', 'global_tasks', 'confirmed_on'], errors: ['晚于今天'] }]);
  });

  it('names a list item by its index as a number, as antd’s Form.List does (its names match strictly)', () => {
    const placed = placeProblems([{ field: 'pledged_items.0.number', code: 'patent.check_digit', message: { zh: '校验位应为 X', en: 'should be X' } }], ['pledged_items.0.number'], 'zh');
    expect(placed.fields).toEqual([{ name: ['pledged_items', 0, 'number'], errors: ['校验位应为 X'] }]);
  });

  it('gathers several problems of one field', () => {
    const placed = placeProblems([problem('uscc', 'a'), problem('name', 'b'), problem('uscc', 'c')], formFields, 'zh');
    expect(placed.fields).toEqual([
      { name: ['uscc'], errors: ['a', 'c'] },
      { name: ['name'], errors: ['b'] },
    ]);
  });

  it('lists problems of fields the form lacks above it', () => {
    const placed = placeProblems([problem('version', '当前版本为 3'), problem('', '请求体无效'), problem('four_global.global_tasks', '类型错误')], formFields, 'zh');
    expect(placed.fields).toEqual([]);
    expect(placed.general).toEqual([
      { field: 'version', message: '当前版本为 3' },
      { field: '', message: '请求体无效' },
      { field: 'four_global.global_tasks', message: '类型错误' },
    ]);
  });
});

describe('changedPaths', () => {
  it('flattens nested changed values to dotted paths', () => {
    expect(changedPaths({ name: 'x', four_global: { global_tasks: { evidence: 'e' } } })).toEqual(['name', 'four_global.global_tasks.evidence']);
  });
  it('treats null and arrays as leaves', () => {
    expect(changedPaths({ zone: null, tags: ['a'] })).toEqual(['zone', 'tags']);
  });
});

describe('withoutFields', () => {
  it('drops the problems of edited fields and their sub-fields', () => {
    const errors = [problem('uscc', 'a'), problem('four_global.global_tasks.evidence', 'b'), problem('name', 'c')];
    expect(withoutFields(errors, ['uscc', 'four_global.global_tasks']).map((e) => e.field)).toEqual(['name']);
  });
  it('does not confuse a field with one sharing its prefix', () => {
    expect(withoutFields([problem('name_en', 'x')], ['name'])).toHaveLength(1);
  });
});

describe('foldListItems', () => {
  it('moves list-item problems onto the list field and leaves the rest', () => {
    const folded = foldListItems([problem('districts.0', '不是本市的区县'), problem('organization_ids.12', '主体不存在'), problem('districts', '只有审核员可以限定区县'), problem('password', '太短'), problem('districts.x', '?')], ['districts', 'organization_ids']);
    expect(folded.map((e) => e.field)).toEqual(['districts', 'organization_ids', 'districts', 'password', 'districts.x']);
    expect(folded[0]!.message.zh).toBe('不是本市的区县');
  });
});
