import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCityConfig } from './city.js';
import { checkOrganizationFields, checkPlatformFields, checkQualificationFields, checkRdInstitutionFields, type FieldViolation } from './recordRules.js';

const changsha = parseCityConfig(JSON.parse(readFileSync(new URL('../../config/cities/changsha.json', import.meta.url), 'utf8')));
const today = '2025-06-01';
const located = (problems: FieldViolation[]) => problems.map((p) => `${p.field}: ${p.code}`);

describe('checkOrganizationFields', () => {
  it('accepts a complete valid organisation', () => {
    const input = { uscc: '91430100MA4L00003Q', district_code: '430104', zone: 'xiangjiang_new_area', founded_on: '2016-08-18' };
    expect(checkOrganizationFields(changsha, input, today)).toEqual([]);
  });

  it('checks nothing for an empty PATCH body', () => {
    expect(checkOrganizationFields(changsha, {}, today)).toEqual([]);
  });

  it('accepts null district (outside the city), null zone and null founding date', () => {
    expect(checkOrganizationFields(changsha, { district_code: null, zone: null, founded_on: null }, today)).toEqual([]);
  });

  it('reports every problem with its field', () => {
    const input = { uscc: '12345', district_code: '430122', zone: 'nowhere', founded_on: '2025-02-30' };
    expect(located(checkOrganizationFields(changsha, input, today))).toEqual([
      'uscc: uscc.length',
      'district_code: district.retired',
      'zone: zone.unknown',
      'founded_on: date.invalid',
    ]);
  });

  it('keeps the message and params of the underlying rule', () => {
    const [problem] = checkOrganizationFields(changsha, { uscc: '91350100M000100Y4Z' }, today);
    expect(problem).toEqual({
      field: 'uscc',
      code: 'uscc.checksum',
      message: { zh: '统一社会信用代码校验位应为 3，实为 Z', en: 'Unified social credit code: check character should be 3, not Z' },
      params: { expected: '3', actual: 'Z' },
    });
  });

  it('normalises the code before checking it', () => {
    expect(checkOrganizationFields(changsha, { uscc: ' 9135 0100 m000100y43 ' }, today)).toEqual([]);
  });

  it('lets a checksum failure through only with a non-empty override reason', () => {
    const uscc = '91350100M000100Y4Z';
    expect(checkOrganizationFields(changsha, { uscc, uscc_override_reason: '2015 年试点期间依法核发，见登记机关复函' }, today)).toEqual([]);
    for (const reason of [null, '', '   ', undefined]) {
      expect(located(checkOrganizationFields(changsha, { uscc, uscc_override_reason: reason }, today))).toEqual(['uscc: uscc.checksum']);
    }
  });

  it('does not let an override reason excuse a wrong length', () => {
    expect(located(checkOrganizationFields(changsha, { uscc: '12345', uscc_override_reason: 'pilot' }, today))).toEqual(['uscc: uscc.length']);
  });

  it('refuses a founding date after today but accepts today', () => {
    expect(located(checkOrganizationFields(changsha, { founded_on: '2025-06-02' }, today))).toEqual(['founded_on: date.future']);
    expect(checkOrganizationFields(changsha, { founded_on: today }, today)).toEqual([]);
  });

  it('refuses the city code and the placeholder as districts', () => {
    expect(located(checkOrganizationFields(changsha, { district_code: '430100' }, today))).toEqual(['district_code: district.city_level']);
    expect(located(checkOrganizationFields(changsha, { district_code: '430101' }, today))).toEqual(['district_code: district.placeholder']);
  });
});

describe('checkQualificationFields', () => {
  it('accepts a three-year certificate and an open-ended one', () => {
    expect(checkQualificationFields({ valid_from: '2024-12-10', valid_to: '2027-12-09' })).toEqual([]);
    expect(checkQualificationFields({ valid_from: '2024-12-10', valid_to: null })).toEqual([]);
  });

  it('checks each date that is present', () => {
    expect(located(checkQualificationFields({ valid_from: '2024-13-01' }))).toEqual(['valid_from: date.invalid']);
    expect(located(checkQualificationFields({ valid_to: '2027-02-29' }))).toEqual(['valid_to: date.invalid']);
    expect(checkQualificationFields({})).toEqual([]);
  });

  it('refuses an end before the start, on the valid_to field', () => {
    const problems = checkQualificationFields({ valid_from: '2025-01-01', valid_to: '2024-12-31' });
    expect(problems).toMatchObject([{ field: 'valid_to', code: 'date.range', params: { from: '2025-01-01', to: '2024-12-31' } }]);
  });

  it('does not add a range problem to an invalid date', () => {
    expect(located(checkQualificationFields({ valid_from: '2025-01-01', valid_to: '2024-02-30' }))).toEqual(['valid_to: date.invalid']);
  });
});

describe('checkRdInstitutionFields', () => {
  const claim = (evidence: string | null, confirmed_on: string | null) => ({ evidence, confirmed_on });

  it('accepts a valid institution with confirmed and pending claims', () => {
    const input = {
      district_code: '430104',
      zone: 'xiangjiang_science_city',
      established_on: '2019-05-20',
      four_global: { global_layout: claim('R&D branch in Singapore', '2024-03-01'), global_tasks: claim(null, null), global_results: null },
    };
    expect(checkRdInstitutionFields(changsha, input, today)).toEqual([]);
  });

  it('checks nothing for an empty PATCH body', () => {
    expect(checkRdInstitutionFields(changsha, {}, today)).toEqual([]);
  });

  it('locates feature problems at the sub-field to fix', () => {
    const input = {
      four_global: {
        global_tasks: claim(null, '2025-05-01'),
        global_resources: claim('Foreign researchers: 12', '2025-07-01'),
        global_results: claim('Licences to Germany', '2025-02-30'),
      },
    };
    expect(located(checkRdInstitutionFields(changsha, input, today))).toEqual([
      'four_global.global_tasks.evidence: four_global.confirmation_without_evidence',
      'four_global.global_resources.confirmed_on: four_global.confirmed_in_future',
      'four_global.global_results.confirmed_on: date.invalid',
    ]);
  });

  it('checks district, zone and establishment date', () => {
    const input = { district_code: '440305', zone: 'Malanshan', established_on: '2026-01-01' };
    expect(located(checkRdInstitutionFields(changsha, input, today))).toEqual([
      'district_code: district.unknown',
      'zone: zone.unknown',
      'established_on: date.future',
    ]);
  });
});

describe('checkPlatformFields', () => {
  it('accepts a valid platform and an empty PATCH body', () => {
    expect(checkPlatformFields(changsha, { district_code: '430105', zone: 'malanshan', recognized_on: '2023-10-08' }, today)).toEqual([]);
    expect(checkPlatformFields(changsha, { zone: null, recognized_on: null }, today)).toEqual([]);
    expect(checkPlatformFields(changsha, {}, today)).toEqual([]);
  });

  it('reports district, zone and recognition date problems', () => {
    const input = { district_code: '43010', zone: 'nowhere', recognized_on: '2025-06-02' };
    expect(located(checkPlatformFields(changsha, input, today))).toEqual([
      'district_code: district.format',
      'zone: zone.unknown',
      'recognized_on: date.future',
    ]);
  });
});
