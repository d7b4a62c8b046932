import { describe, expect, it } from 'vitest';
import type { Achievement, Incubation, Project } from '../../../../src/contracts/achievements';
import { achievementCreate, achievementPatch, achievementValues, incubationValues, projectCreate, projectPatch, projectValues, transferCreate, transferValues } from './model';

const project: Project = {
  id: 1, version: 2, created_at: '2025-01-01T00:00:00.000Z', updated_at: '2025-01-01T00:00:00.000Z',
  title: '高端轴承攻关', lead_org_id: 7, lead_name: '甲公司', partner_org_ids: [8, 9], programme: 'national_key_rd', programme_name: { zh: '国家重点研发计划', en: 'National Key R&D Program' },
  budget: '3000000.00', start_on: '2025-01-01', end_on: '2027-12-31', status: 'ongoing', rd_institution_id: null, platform_id: null, host_name: null, district_code: '430104', zone: null,
};
const achievement: Achievement = {
  id: 3, version: 1, created_at: '2025-01-01T00:00:00.000Z', updated_at: '2025-01-01T00:00:00.000Z',
  title: '寿命提升技术', type: 'product', type_name: { zh: '新产品', en: 'Product' }, key_tech_breakthrough: true, first_of_kind: false, fills_domestic_gap: false, globally_leading: true, independently_controllable: false,
  year: 2025, owner_org_id: 7, owner_name: '甲公司', organization_ids: [7, 8], rd_institution_id: null, platform_id: null, host_name: null, project_id: 1, evidence: '报告', district_code: '430104', zone: null,
};

describe('project form', () => {
  it('sends a new project without blanks, the budget without thousands separators, partners in order', () => {
    const body = projectCreate({ ...projectValues(), title: '新项目', lead_org_id: 7, partner_org_ids: [9, 8], programme: 'other', budget: '1,200,000.50', start_on: '2025-02-01', end_on: null });
    expect(body).toEqual({ title: '新项目', lead_org_id: 7, partner_org_ids: [9, 8], programme: 'other', budget: '1200000.50', start_on: '2025-02-01', status: 'ongoing', platform_id: null });
  });

  it('patches only what changed; the partner list only when it differs, whole', () => {
    const before = projectValues(project);
    expect(projectPatch(before, { ...before, partner_org_ids: [8, 9] })).toEqual({});
    expect(projectPatch(before, { ...before, partner_org_ids: [9, 8], budget: '3000000.00' })).toEqual({ partner_org_ids: [9, 8] });
    expect(projectPatch(before, { ...before, status: 'completed' })).toEqual({ status: 'completed' });
  });
});

describe('achievement form', () => {
  it('holds the claims as ticks and the owner apart from the other organizations', () => {
    expect(achievementValues(achievement)).toMatchObject({ flags: ['key_tech_breakthrough', 'globally_leading'], owner_org_id: 7, other_org_ids: [8] });
  });

  it('sends every flag, ticked or not, and the owner first', () => {
    const body = achievementCreate({ ...achievementValues(), title: '新成果', type: 'software', year: 2025, owner_org_id: 5, other_org_ids: [6], flags: ['first_of_kind'], evidence: '证明' });
    expect(body).toMatchObject({ organization_ids: [5, 6], first_of_kind: true, key_tech_breakthrough: false, globally_leading: false, evidence: '证明' });
  });

  it('patches a new owner as the whole organization list, and an untouched form as nothing', () => {
    const before = achievementValues(achievement);
    expect(achievementPatch(before, { ...before })).toEqual({});
    expect(achievementPatch(before, { ...before, owner_org_id: 9 })).toEqual({ organization_ids: [9, 8] });
    expect(achievementPatch(before, { ...before, flags: ['key_tech_breakthrough'] })).toEqual({ globally_leading: false });
  });
});

describe('transfer and incubation forms', () => {
  it('leaves required blanks out so the server names them', () => {
    expect(transferCreate({ ...transferValues(), achievement_id: 3, amount: ' ' })).toEqual({ achievement_id: 3, tech_contract_id: null });
  });

  it('does not put an achievement’s institution into the incubation form', () => {
    const fromAchievement = { achievement_id: 3, rd_institution_id: 4 } as Incubation;
    expect(incubationValues(fromAchievement).rd_institution_id).toBeNull();
    expect(incubationValues({ achievement_id: null, rd_institution_id: 4 } as Incubation).rd_institution_id).toBe(4);
  });
});
