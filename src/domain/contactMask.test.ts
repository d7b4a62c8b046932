import { describe, expect, it } from 'vitest';
import { CONTACT_REMOVED, findContacts, maskContacts } from './contactMask.js';
import { residentIdCheckCharacter } from './talent.js';

const kinds = (text: string) => findContacts(text).map((s) => s.kind);
const masked = (text: string) => maskContacts(text).text;
/** An 18-character ID with the right check character for these 17 digits. */
const validId = (first17: string) => first17 + residentIdCheckCharacter(first17);
const ID = validId('43010419900307123');

describe('contacts in published free text', () => {
  it.each([
    ['13900004242', 'mobile'],
    ['139 0000 4242', 'mobile'],
    ['139-0000-4242', 'mobile'],
    ['+86 139-0000-4242', 'mobile'],
    ['+8613900004242', 'mobile'],
    ['0086 13900004242', 'mobile'],
    ['19912345678', 'mobile'],
    ['0731-88888888', 'landline'],
    ['0731 8888 8888', 'landline'],
    ['(0731)88888888', 'landline'],
    ['010-62345678', 'landline'],
    ['0731-8888888-806', 'landline'],
    ['073188888888', 'landline'],
    ['400-123-4567', 'service_number'],
    ['800 820 8820', 'service_number'],
    ['leak.probe.q9@example.org', 'email'],
    ['hr+jobs@lab.csu.edu.cn', 'email'],
    [ID, 'id_number'],
    [validId('11010519491231002'), 'id_number'],
    [`${ID.slice(0, 6)} ${ID.slice(6, 14)} ${ID.slice(14)}`, 'id_number'],
  ])('finds %s as a %s', (text, kind) => {
    expect(kinds(text)).toEqual([kind]);
    expect(masked(text)).toBe(CONTACT_REMOVED);
  });

  it('masks each contact inside Chinese text and keeps the words around it', () => {
    const text = `联系人电话：13900004242，邮箱：hr@example.cn。身份证号${ID}；座机（0731）88888888！`;
    expect(maskContacts(text)).toEqual({
      text: `联系人电话：${CONTACT_REMOVED}，邮箱：${CONTACT_REMOVED}。身份证号${CONTACT_REMOVED}；座机${CONTACT_REMOVED}！`,
      removed: 4,
    });
  });

  it('finds a number after a Latin label and its punctuation', () => {
    expect(masked('Tel.13900004242')).toBe(`Tel.${CONTACT_REMOVED}`);
    expect(masked('Tel: 0731-88888888')).toBe(`Tel: ${CONTACT_REMOVED}`);
  });

  it('reads full-width digits, signs and spaces as their ASCII forms', () => {
    expect(kinds('电话：１３９００００４２４２')).toEqual(['mobile']);
    expect(kinds('＋８６　１３９－００００－４２４２')).toEqual(['mobile']);
    expect(kinds('（０７３１）８８８８８８８８')).toEqual(['landline']);
    expect(kinds('ｈｒ＠ｅｘａｍｐｌｅ．ｏｒｇ')).toEqual(['email']);
    expect(kinds('139—0000—4242')).toEqual(['mobile']);
    // The original characters are replaced, not their ASCII forms.
    expect(masked('电话１３９００００４２４２。')).toBe(`电话${CONTACT_REMOVED}。`);
  });

  it('leaves an ID number with a wrong check character or an impossible birth date alone', () => {
    const wrong = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
    expect(kinds(wrong)).toEqual([]);
    expect(kinds(validId('43010419900230123'))).toEqual([]); // 30 February
    expect(kinds(validId('43010419901307123'))).toEqual([]); // month 13
  });

  it('does not take amounts, years, codes or longer numbers for contacts', () => {
    for (const text of [
      '研发投入13500000000元',
      '合同额 13912345678 万元',
      '2019—2023 年承担国家任务 12 项',
      '统一社会信用代码 91430100MA4L1234X5',
      '证书编号 GR202343001234',
      '样本 1234567890123456789 条',
      '增长 0.13900004242 个百分点',
      '4001234567',
      '编号 A13900004242B 的设备',
      '第 139 号',
    ])
      expect([text, kinds(text)]).toEqual([text, []]);
  });

  it('does not take a mobile number out of a longer run of digits or an ID number', () => {
    expect(kinds('139000042421')).toEqual([]);
    expect(kinds(`证件 ${ID}`)).toEqual(['id_number']);
  });

  it('keeps a text without contacts as it is', () => {
    expect(maskContacts('在德国、新加坡设有分支机构，承担海外客户委托研发任务。')).toEqual({ text: '在德国、新加坡设有分支机构，承担海外客户委托研发任务。', removed: 0 });
    expect(maskContacts('')).toEqual({ text: '', removed: 0 });
  });

  it('masks every occurrence, back to back', () => {
    expect(maskContacts('13900004242/13800001111')).toEqual({ text: `${CONTACT_REMOVED}/${CONTACT_REMOVED}`, removed: 2 });
  });
});
