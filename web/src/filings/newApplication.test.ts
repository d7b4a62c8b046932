import { describe, expect, it } from 'vitest';
import type { Me } from '../../../src/contracts/accounts';
import type { FilingTypeList, FilingTypeView } from '../api/filings';
import { applicantChoice, applicationCreateBody, filingTypeOf, needsInstitution, newApplicationValues, startableTypes } from './newApplication';

const me = (permissions: Me['permissions'], organizations: Array<{ id: number; name: string }>): Me =>
  ({ authenticated: true, credential: 'session', role: 'org_user', role_label: { zh: '', en: '' }, user: { organizations }, permissions, session: null, token: null }) as unknown as Me;
const type = (kind: 'platform' | 'four_global') => ({ code: kind, subject: kind === 'platform' ? { kind, platformType: 'pilot_platform', level: 'municipal' } : { kind } }) as unknown as FilingTypeView;

describe('the new-application form', () => {
  it('offers an organization user its own organizations, and an administrator any', () => {
    const orgs = [{ id: 4, name: '甲公司' }];
    expect(applicantChoice(me({ 'applications.write': 'own' }, orgs))).toEqual({ kind: 'own', organizations: orgs });
    expect(applicantChoice(me({ 'applications.write': 'all' }, []))).toEqual({ kind: 'any' });
  });

  it('chooses the only organization at once', () => {
    expect(newApplicationValues(me({ 'applications.write': 'own' }, [{ id: 4, name: '甲' }])).organization_id).toBe(4);
    expect(newApplicationValues(me({ 'applications.write': 'own' }, [{ id: 4, name: '甲' }, { id: 5, name: '乙' }])).organization_id).toBeNull();
  });

  it('finds the chosen type, whichever place it has in the list', () => {
    const types = { results: [type('platform'), type('four_global')] } as unknown as FilingTypeList;
    expect(filingTypeOf(types, 'platform')?.code).toBe('platform');
    expect(filingTypeOf(types, 'four_global')?.code).toBe('four_global');
    expect(filingTypeOf(types, null)).toBeUndefined();
    expect(filingTypeOf(undefined, 'platform')).toBeUndefined();
  });

  it('leaves out a contract’s registration, which starts on the contract’s page', () => {
    const registration = { code: 'tech_contract_registration', subject: { kind: 'tech_contract', contractStatus: {} } } as unknown as FilingTypeView;
    const types = { results: [type('platform'), registration, type('four_global')] } as unknown as FilingTypeList;
    expect(startableTypes(types).map((ft) => ft.code)).toEqual(['platform', 'four_global']);
  });

  it('asks for the institution of a "four global" confirmation only', () => {
    expect(needsInstitution(type('four_global'))).toBe(true);
    expect(needsInstitution(type('platform'))).toBe(false);
    expect(needsInstitution(undefined)).toBe(false);
  });

  it('sends no form data, so the server pre-fills it', () => {
    const values = { filing_type: 'pilot_platform', organization_id: 4, field: 'advanced_manufacturing', rd_institution_id: 9 };
    expect(applicationCreateBody(values, type('platform'))).toEqual({ filing_type: 'pilot_platform', organization_id: 4, field: 'advanced_manufacturing' });
    expect(applicationCreateBody({ ...values, filing_type: 'four_global' }, type('four_global'))).toEqual({ filing_type: 'four_global', organization_id: 4, field: 'advanced_manufacturing', rd_institution_id: 9 });
  });
});
