import { describe, expect, it } from 'vitest';
import { qualificationCreate, qualificationPatch, qualificationValues } from './model';

describe('qualification form model', () => {
  it('leaves the unfilled required fields out of a create', () => {
    expect(qualificationCreate(qualificationValues())).toEqual({ certificate_no: null, valid_to: null });
  });

  it('keeps an open-ended validity as null', () => {
    const v = { ...qualificationValues(), organization_id: 7, qualification: 'high_tech_enterprise' as const, valid_from: '2024-12-01' };
    expect(qualificationCreate(v)).toEqual({ organization_id: 7, qualification: 'high_tech_enterprise', certificate_no: null, valid_from: '2024-12-01', valid_to: null });
  });

  it('patches only what changed', () => {
    const before = { ...qualificationValues(), organization_id: 7, qualification: 'tech_sme' as const, valid_from: '2024-01-01' };
    expect(qualificationPatch(before, { ...before, valid_to: '2026-12-31' })).toEqual({ valid_to: '2026-12-31' });
  });
});
