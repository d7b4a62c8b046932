import { describe, expect, it } from 'vitest';
import { loadAchievementCodes, loadCity } from '../config.js';
import {
  checkAchievementFields,
  checkIncubationFields,
  checkProjectFields,
  checkTransferAfterAchievement,
  checkTransferContract,
  checkTransferFields,
  type AchievementFields,
  type ProjectFields,
} from './achievement.js';

const codes = loadAchievementCodes();
const city = loadCity('changsha');
const TODAY = '2026-12-04';

const fieldsOf = (problems: { field: string; code: string }[]) => problems.map((p) => `${p.field}:${p.code}`);

describe('the shipped code lists', () => {
  it('name every achievement type of the issue and a few programmes, each in Chinese and English', () => {
    expect(Object.keys(codes.achievementTypes)).toEqual(['product', 'equipment', 'process', 'new_drug', 'medical_device', 'software', 'standard', 'variety', 'other']);
    for (const label of [...Object.values(codes.achievementTypes), ...Object.values(codes.programmes)]) expect(label.zh && label.en).toBeTruthy();
  });
});

describe('projects', () => {
  const project: ProjectFields = { lead_org_id: 1, partner_org_ids: [2, 3], programme: 'national_key_rd', budget: '3000000.00', start_on: '2025-01-01', end_on: '2027-12-31', status: 'ongoing' };
  const check = (o: Partial<ProjectFields>) => fieldsOf(checkProjectFields(codes, city, { ...project, ...o }, TODAY));

  it('accepts a valid project, and a planned one that starts next year', () => {
    expect(check({})).toEqual([]);
    expect(check({ status: 'planned', start_on: '2027-03-01' })).toEqual([]);
  });

  it.each([
    [{ budget: '-1' }, 'budget:amount.negative'],
    [{ budget: 'NaN' }, 'budget:amount.format'],
    [{ budget: '1e9' }, 'budget:amount.format'],
    [{ budget: '10000000000000.01' }, 'budget:amount.too_large'],
    [{ programme: 'moonshot' }, 'programme:programme.unknown'],
    [{ partner_org_ids: [2, 2] }, 'partner_org_ids:organizations.repeated'],
    [{ partner_org_ids: [1] }, 'partner_org_ids:organizations.repeated'],
    [{ status: 'ongoing', start_on: '2026-12-05' }, 'start_on:date.future'],
    [{ status: 'completed', end_on: '2027-01-01' }, 'end_on:date.future'],
    [{ end_on: '2024-12-31' }, 'end_on:date.range'],
    [{ rd_institution_id: 1, platform_id: 2 }, 'platform_id:host.both'],
    [{ district_code: '999999' }, 'district_code:district.unknown'],
  ] as const)('refuses %j', (change, problem) => {
    expect(check(change)).toEqual([problem]);
  });
});

describe('achievements', () => {
  const made: AchievementFields = { type: 'equipment', year: 2025, organization_ids: [1, 2], key_tech_breakthrough: true, evidence: '鉴定报告' };
  const check = (o: Partial<AchievementFields>) => fieldsOf(checkAchievementFields(codes, city, { ...made, ...o }, TODAY));

  it('accepts a valid achievement, and one without claims needs no evidence', () => {
    expect(check({})).toEqual([]);
    expect(check({ key_tech_breakthrough: false, evidence: null })).toEqual([]);
  });

  it('asks a claimed flag for evidence, naming the claims', () => {
    const [problem] = checkAchievementFields(codes, city, { ...made, globally_leading: true, evidence: '  ' }, TODAY);
    expect(problem).toMatchObject({ field: 'evidence', code: 'evidence.required', params: { flags: 'key_tech_breakthrough, globally_leading' } });
    expect(problem!.message.zh).toContain('全球领先');
  });

  it.each([
    [{ type: 'poem' }, 'type:type.unknown'],
    [{ year: 2027 }, 'year:year.future'],
    [{ year: 1900 }, 'year:year.too_early'],
    [{ organization_ids: [] }, 'organization_ids:organizations.required'],
    [{ organization_ids: [1, 2, 1] }, 'organization_ids:organizations.repeated'],
    [{ rd_institution_id: 3, platform_id: 4 }, 'platform_id:host.both'],
  ] as const)('refuses %j', (change, problem) => {
    expect(check(change)).toEqual([problem]);
  });

  it('judges only the fields a patch gives', () => {
    expect(fieldsOf(checkAchievementFields(codes, city, { year: 2024 }, TODAY))).toEqual([]);
  });
});

describe('transfers', () => {
  it.each([
    [{ amount: '-0.01' }, 'amount:amount.negative'],
    [{ amount: 'NaN' }, 'amount:amount.format'],
    [{ amount: '12.345' }, 'amount:amount.format'],
    [{ amount: '99999999999999' }, 'amount:amount.too_large'],
    [{ mode: 'gift' }, 'mode:mode.unknown'],
    [{ transferred_on: '2026-12-05' }, 'transferred_on:date.future'],
  ] as const)('refuses %j', (change, problem) => {
    expect(fieldsOf(checkTransferFields({ mode: 'licence', amount: '0', transferred_on: '2025-06-01', ...change }, TODAY))[0]).toMatch(new RegExp(`^${problem.split(':')[0]}:`));
  });

  it('accepts a zero amount (a joint implementation may carry no fee)', () => {
    expect(checkTransferFields({ mode: 'joint_implementation', amount: '0.00', transferred_on: '2025-06-01' }, TODAY)).toEqual([]);
  });

  it('dates a transfer in or after its achievement’s year', () => {
    expect(checkTransferAfterAchievement('2025-01-01', 2025)).toEqual([]);
    expect(fieldsOf(checkTransferAfterAchievement('2024-12-31', 2025))).toEqual(['transferred_on:transferred_on.before_achievement']);
  });

  it('takes a technology contract only when its seller owns the achievement', () => {
    expect(checkTransferContract(7, 7)).toEqual([]);
    expect(checkTransferContract(8, 7)[0]).toMatchObject({ field: 'tech_contract_id', code: 'tech_contract.other_seller', params: { seller_org_id: 8, owner_org_id: 7 } });
  });
});

describe('incubations', () => {
  it('needs an achievement or an institution, and a day not in the future', () => {
    expect(checkIncubationFields({ achievement_id: 1, rd_institution_id: null, incubated_on: '2025-03-01' }, TODAY)).toEqual([]);
    expect(checkIncubationFields({ achievement_id: null, rd_institution_id: 4, incubated_on: '2025-03-01' }, TODAY)).toEqual([]);
    expect(fieldsOf(checkIncubationFields({ achievement_id: null, rd_institution_id: null, incubated_on: '2025-03-01' }, TODAY))).toEqual(['achievement_id:incubation.source_required']);
    expect(fieldsOf(checkIncubationFields({ achievement_id: 1, incubated_on: '2026-12-05' }, TODAY))[0]).toMatch(/^incubated_on:/);
  });
});
