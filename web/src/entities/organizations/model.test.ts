import { describe, expect, it } from 'vitest';
import type { Organization } from '../../../../src/contracts/organizations';
import { organizationCreate, organizationPatch, organizationValues } from './model';

const stored: Organization = {
  id: 7,
  version: 2,
  created_at: '2025-01-01T00:00:00.000Z',
  updated_at: '2025-01-02T00:00:00.000Z',
  uscc: '91430100MA4L0ABC12',
  uscc_override_reason: null,
  uscc_warnings: [],
  name: '长沙示例科技有限公司',
  name_en: null,
  kind: 'enterprise',
  industry_code: 'C3514',
  district_code: '430104',
  zone: null,
  founded_on: '2015-03-01',
  address: null,
};

describe('organization form model', () => {
  it('starts a new form empty', () => {
    expect(organizationValues()).toMatchObject({ uscc: '', name: '', kind: null, founded_on: null, address: '' });
  });

  it('sends blanks as null and leaves an unchosen kind out, for the server to call required', () => {
    const body = organizationCreate({ ...organizationValues(), uscc: ' 9143 ', name: '某公司', address: '  ' });
    expect(body).toEqual({ uscc: ' 9143 ', uscc_override_reason: null, name: '某公司', name_en: null, industry_code: null, district_code: null, zone: null, founded_on: null, address: null });
  });

  it('patches only what changed', () => {
    const before = organizationValues(stored);
    expect(organizationPatch(before, { ...before, name_en: 'Example Tech', district_code: null })).toEqual({ name_en: 'Example Tech', district_code: null });
  });

  it('sees no change in an empty text that was null', () => {
    const before = organizationValues(stored);
    expect(organizationPatch(before, { ...before, address: '' })).toEqual({});
  });
});
