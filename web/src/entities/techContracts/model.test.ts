import { describe, expect, it } from 'vitest';
import type { TechContract } from '../../../../src/contracts/techContracts';
import { buyerKindOf, techContractCreate, techContractPatch, techContractValues, type TechContractValues } from './model';

const filled = (over: Partial<TechContractValues> = {}): TechContractValues => ({
  ...techContractValues(),
  contract_number: ' JS-2026-001 ',
  title: '激光雷达点云算法委托开发',
  type: 'development',
  sub_type: 'commissioned',
  seller_org_id: 3,
  buyer_kind: 'china',
  buyer_name: '深圳某科技有限公司',
  buyer_region: '440305',
  contract_amount: '1,250,000',
  transaction_amount: '1000000.50',
  signed_on: '2026-03-02',
  ...over,
});

const stored: TechContract = {
  id: 9,
  version: 2,
  created_at: '2026-03-02T00:00:00Z',
  updated_at: '2026-03-02T00:00:00Z',
  contract_number: 'JS-1',
  title: 't',
  type: 'development',
  type_name: { zh: '技术开发', en: 'Development' },
  sub_type: 'commissioned',
  sub_type_name: { zh: '委托开发', en: 'Commissioned' },
  seller_org_id: 3,
  seller_name: '卖方',
  buyer_org_id: 5,
  buyer_name: null,
  buyer_display_name: '买方',
  buyer_region: '430104',
  flow: 'local',
  inflow: false,
  contract_amount: '100.00',
  transaction_amount: '100.00',
  signed_on: '2026-01-05',
  registered_on: null,
  end_on: null,
  technology_field: null,
  district_code: '430104',
  zone: null,
  status: 'draft',
  registration_number: null,
  not_registered_reason: null,
};

describe('technology contract form model', () => {
  it('starts a new contract as a draft with a registry buyer', () => {
    const v = techContractValues();
    expect([v.status, v.buyer_kind]).toEqual(['draft', 'organization']);
  });

  it('sends a buyer by name with its county, amounts as plain decimal text, and leaves blanks to the server', () => {
    expect(techContractCreate(filled())).toEqual({
      contract_number: 'JS-2026-001',
      title: '激光雷达点云算法委托开发',
      type: 'development',
      sub_type: 'commissioned',
      seller_org_id: 3,
      buyer_name: '深圳某科技有限公司',
      buyer_region: '440305',
      contract_amount: '1250000',
      transaction_amount: '1000000.50',
      signed_on: '2026-03-02',
      status: 'draft',
    });
  });

  it('never sends a buyer as both an organization and a name', () => {
    const body = techContractCreate(filled({ buyer_kind: 'organization', buyer_org_id: 5, buyer_region: '' }));
    expect(body.buyer_org_id).toBe(5);
    expect(body).not.toHaveProperty('buyer_name');
    expect(body).not.toHaveProperty('buyer_region');
  });

  it('writes a country abroad in capitals', () => {
    expect(techContractCreate(filled({ buyer_kind: 'abroad', buyer_region: 'de' })).buyer_region).toBe('DE');
  });

  it('tells the buyer kind of a stored contract', () => {
    expect(buyerKindOf(stored)).toBe('organization');
    expect(buyerKindOf({ buyer_org_id: null, buyer_region: 'DE' })).toBe('abroad');
    expect(buyerKindOf({ buyer_org_id: null, buyer_region: '440305' })).toBe('china');
  });

  it('patches only what changed, and clears the registry buyer when a name replaces it', () => {
    const before = techContractValues(stored);
    expect(techContractPatch(before, { ...before, transaction_amount: '80' })).toEqual({ transaction_amount: '80' });
    expect(techContractPatch(before, { ...before, buyer_kind: 'abroad', buyer_name: 'Siemens AG', buyer_region: 'DE' })).toEqual({ buyer_org_id: null, buyer_name: 'Siemens AG', buyer_region: 'DE' });
  });
});
