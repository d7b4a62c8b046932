import { describe, expect, it } from 'vitest';
import { registrationBody, registrationOffer, registrationQuery } from './registration';

describe('a contract’s registration on its page', () => {
  it('offers to apply for a draft with nothing under way, to a caller who may', () => {
    expect(registrationOffer({ status: 'draft' }, undefined, true)).toEqual({ apply: true, latest: null });
    expect(registrationOffer({ status: 'draft' }, undefined, false).apply).toBe(false);
    expect(registrationOffer({ status: 'registered' }, undefined, true).apply).toBe(false);
  });

  it('links the latest application; a withdrawn one lets the seller apply again', () => {
    expect(registrationOffer({ status: 'draft' }, { id: 7, state: 'draft' }, true)).toEqual({ apply: false, latest: { id: 7, state: 'draft' } });
    expect(registrationOffer({ status: 'draft' }, { id: 7, state: 'withdrawn' }, true)).toEqual({ apply: true, latest: { id: 7, state: 'withdrawn' } });
    expect(registrationOffer({ status: 'returned' }, { id: 8, state: 'returned' }, true).apply).toBe(false);
  });

  it('asks the server for the contract’s registrations, and applies for the seller', () => {
    expect(registrationQuery(42)).toMatchObject({ filter: 'tech_contract_id:42', sort: 'id:desc', per_page: 1 });
    expect(registrationBody({ id: 42, seller_org_id: 9 })).toEqual({ filing_type: 'tech_contract_registration', organization_id: 9, tech_contract_id: 42 });
  });
});
