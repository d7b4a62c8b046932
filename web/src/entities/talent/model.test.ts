import { describe, expect, it } from 'vitest';
import type { RecruitmentCall, TalentIntroduction } from '../../../../src/contracts/talent';
import { callCreate, callPatch, callValues, editsPersonalData, introductionCreate, introductionPatch, introductionValues, shownPersonal } from './model';

const full: TalentIntroduction = {
  id: 7,
  person_name: '虚构张三',
  phone: '13900000000',
  email: 'a@example.org',
  id_number: null,
  personal_data: 'full',
  category: 'academician',
  category_name: { zh: '两院院士', en: 'Academician' },
  mode: 'full_time',
  mode_name: { zh: '全职引进', en: 'Full time' },
  host_org_id: 3,
  host_name: '某研究院',
  introduced_on: '2025-04-01',
  field: null,
  district_code: '430104',
  zone: null,
  created_at: '2025-04-01T00:00:00Z',
  updated_at: '2025-04-01T00:00:00Z',
  version: 2,
};
const masked: TalentIntroduction = { ...full, person_name: '虚***', phone: null, email: null, personal_data: 'masked' };

describe('talent introduction form', () => {
  it('a new form sends what was filled in, leaving empty required fields for the server to name', () => {
    const v = { ...introductionValues(), person_name: '虚构李四', category: 'young_talent' as const, phone: '  ' };
    expect(introductionCreate(v)).toEqual({ person_name: '虚构李四', phone: null, email: null, id_number: null, category: 'young_talent', field: null });
  });

  it('edits a record it may see whole, sending only what changed', () => {
    const before = introductionValues(full);
    expect(before.person_name).toBe('虚构张三');
    expect(introductionPatch(before, { ...before, email: '' })).toEqual({ email: null });
  });

  it('never shows a masked name as the value to edit, so the stars are never sent back', () => {
    expect(editsPersonalData(masked)).toBe(false);
    const before = introductionValues(masked);
    expect([before.person_name, before.phone, before.email]).toEqual(['', '', '']);
    expect(introductionPatch(before, { ...before, field: '新材料' })).toEqual({ field: '新材料' });
  });

  it('shows a contact the caller may not see as hidden, and a missing one as none', () => {
    expect(shownPersonal(masked, masked.phone, 'hidden', '—')).toBe('hidden');
    expect(shownPersonal(full, full.id_number, 'hidden', '—')).toBe('—');
    expect(shownPersonal(full, full.phone, 'hidden', '—')).toBe('13900000000');
  });
});

describe('recruitment call form', () => {
  const call: RecruitmentCall = {
    id: 1, org_id: 3, org_name: '某研究院', title: '招贤令', positions: 5, description: null, published_on: '2025-10-01', deadline: '2026-01-31', status: 'open',
    district_code: '430104', zone: null, created_at: '2025-10-01T00:00:00Z', updated_at: '2025-10-01T00:00:00Z', version: 1,
  };
  it('creates with the positions as a number and patches what changed', () => {
    expect(callCreate({ ...callValues(), org_id: 3, title: '招贤令', positions: 5, deadline: '2026-01-31' })).toEqual({ org_id: 3, title: '招贤令', positions: 5, description: null, published_on: null, deadline: '2026-01-31' });
    const before = callValues(call);
    expect(callPatch(before, { ...before, positions: 8 })).toEqual({ positions: 8 });
  });
});
