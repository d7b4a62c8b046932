import { describe, expect, it } from 'vitest';
import { loadCity } from '../config.js';
import { checkRecruitmentCallFields, checkResidentId, checkTalentIntroductionFields, maskPersonName, recruitmentCallStatus, residentIdCheckCharacter, seesPersonalData } from './talent.js';

describe('resident ID numbers (GB 11643)', () => {
  // The standard's own example, and the example number of the Chinese resident identity card article.
  it.each(['11010519491231002X', '11010519491231002x', '440524188001010014'])('accepts %s', (id) => {
    expect(checkResidentId(id)).toBeNull();
  });

  it('computes the check character from the weighted sum mod 11', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('44052418800101001')).toBe('4');
  });

  it('refuses a wrong check character, a bad birth date and a wrong length, without echoing the number', () => {
    const wrong = checkResidentId('110105194912310021');
    expect(wrong?.code).toBe('id_number.check_digit');
    expect(checkResidentId('110105194902310026')?.code).toBe('id_number.birth_date');
    expect(checkResidentId('11010519491231002')?.code).toBe('id_number.format');
    expect(checkResidentId('1101051949123100XX')?.code).toBe('id_number.format');
    expect(JSON.stringify(wrong)).not.toContain('110105');
  });
});

describe('masking names', () => {
  it.each([
    ['张三丰', '张**'],
    ['张三', '张*'],
    ['John Smith', 'J*** S****'],
    ['Jean-Luc Picard', 'J******* P*****'],
    ['欧阳 娜娜', '欧* 娜*'],
    ['张', '*'],
    ['𠀋𠀋', '𠀋*'],
  ])('%s → %s', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });
});

describe('talent rules', () => {
  const city = loadCity('changsha');
  it('ties each problem to its field and never puts personal data in a message', () => {
    const problems = checkTalentIntroductionFields(city, { phone: 'call-me-77', email: 'nobody-at-example', id_number: '110105194912310021', introduced_on: '2099-01-01', district_code: '999999' }, '2025-06-30');
    expect(problems.map((p) => p.field).sort()).toEqual(['district_code', 'email', 'id_number', 'introduced_on', 'phone']);
    const text = JSON.stringify(problems);
    for (const personal of ['call-me-77', 'nobody-at-example', '110105194912310021']) expect(text).not.toContain(personal);
  });

  it('accepts good contacts and leaves out what is not given', () => {
    expect(checkTalentIntroductionFields(city, { phone: '+86 731-8888 0000', email: 'a.b@example.org', id_number: '11010519491231002X', introduced_on: '2025-03-01' }, '2025-06-30')).toEqual([]);
    expect(checkTalentIntroductionFields(city, {}, '2025-06-30')).toEqual([]);
  });

  it('a recruitment call is open through its deadline day, then closed', () => {
    expect(recruitmentCallStatus('2025-06-30', '2025-06-30')).toBe('open');
    expect(recruitmentCallStatus('2025-06-29', '2025-06-30')).toBe('closed');
  });

  it('a call’s deadline may not be before its publication', () => {
    expect(checkRecruitmentCallFields(city, { published_on: '2025-05-01', deadline: '2025-04-30' }, '2025-06-30').map((p) => [p.field, p.code])).toEqual([['deadline', 'deadline.before_published']]);
    expect(checkRecruitmentCallFields(city, { published_on: '2025-07-01', deadline: '2025-08-30' }, '2025-06-30').map((p) => p.field)).toEqual(['published_on']);
  });
});

describe('who sees personal data', () => {
  const caller = (role: 'admin' | 'officer' | 'org_user' | 'public', districts: string[] = [], scopes: null | ['talent.read'] = null) => ({ role, organizationIds: [1], districts, zones: [], scopes });
  it('an administrator and a city-wide officer; not a district officer, an organization user, the public or a token without the scope', () => {
    expect(seesPersonalData(caller('admin'))).toBe(true);
    expect(seesPersonalData(caller('officer'))).toBe(true);
    expect(seesPersonalData(caller('officer', ['430104']))).toBe(false);
    expect(seesPersonalData(caller('org_user'))).toBe(false);
    expect(seesPersonalData(caller('public'))).toBe(false);
    expect(seesPersonalData(caller('admin', [], ['talent.read']))).toBe(false);
  });
});
