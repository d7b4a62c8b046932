import { describe, expect, it } from 'vitest';
import type { RdInstitution } from '../../../../src/contracts/rdInstitutions';
import { rdInstitutionCreate, rdInstitutionFieldPaths, rdInstitutionPatch, rdInstitutionValues } from './model';

const claim = (evidence: string | null, confirmed_on: string | null) => ({ evidence, confirmed_on });
const stored: RdInstitution = {
  id: 3,
  version: 5,
  created_at: '2025-01-01T00:00:00.000Z',
  updated_at: '2025-01-02T00:00:00.000Z',
  host_org_id: 7,
  host_name: '长沙示例科技有限公司',
  name: '示例研究院',
  name_en: null,
  category: 'new_type_rd_institution',
  level: 'provincial',
  established_on: '2019-05-20',
  district_code: '430104',
  zone: null,
  four_global: {
    global_layout: claim('海外分支机构 3 家', '2024-06-01'),
    global_tasks: claim(null, null),
    global_resources: claim(null, null),
    global_results: claim(null, null),
  },
  global_feature_count: 1,
};

describe('R&D institution form model', () => {
  it('has a field path for each claim part', () => {
    expect(rdInstitutionFieldPaths).toContain('four_global.global_tasks.confirmed_on');
    expect(rdInstitutionFieldPaths).toContain('four_global.global_results.evidence');
  });

  it('sends empty claims as null and leaves unchosen required selects out', () => {
    const v = rdInstitutionValues();
    v.name = '新机构';
    v.four_global.global_tasks = { evidence: '承接海外委托', confirmed_on: null };
    const body = rdInstitutionCreate(v);
    expect(body).not.toHaveProperty('host_org_id');
    expect(body).not.toHaveProperty('category');
    expect(body.four_global).toEqual({ global_layout: null, global_tasks: claim('承接海外委托', null), global_resources: null, global_results: null });
  });

  it('patches only the claim that changed', () => {
    const before = rdInstitutionValues(stored);
    const after = rdInstitutionValues(stored);
    after.four_global.global_tasks = { evidence: '国际委托项目', confirmed_on: '2025-03-01' };
    expect(rdInstitutionPatch(before, after)).toEqual({ four_global: { global_tasks: claim('国际委托项目', '2025-03-01') } });
  });

  it('is an empty patch when the form is unchanged', () => {
    expect(rdInstitutionPatch(rdInstitutionValues(stored), rdInstitutionValues(stored))).toEqual({});
  });
});
