import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCity, loadMarketCodes, loadRegionLists } from '../config.js';
import { checkContractYuan, checkTechContractFields, isInflow, regionFlow, registrationNumber, registrationSequence, type TechContractFields } from './techContract.js';

const city = loadCity('changsha');
const market = loadMarketCodes();
const regions = loadRegionLists();
const TODAY = '2026-12-04';

/** A complete, valid contract: a Yuelu seller's commissioned development for a buyer in Shenzhen. */
const valid: TechContractFields = {
  type: 'development',
  sub_type: 'commissioned',
  buyer_org_id: null,
  buyer_name: '深圳某科技有限公司',
  buyer_region: '440305',
  contract_amount: '1250000.00',
  transaction_amount: '1000000.5',
  signed_on: '2025-03-01',
  registered_on: null,
  end_on: '2026-03-01',
  district_code: '430104',
  zone: null,
  status: 'draft',
  registration_number: null,
  not_registered_reason: null,
};
const problems = (changes: Partial<TechContractFields>) => checkTechContractFields(market, city, regions, { ...valid, ...changes }, TODAY).map((p) => `${p.field}:${p.code}`);

describe('contract types and reasons are data (config/market/)', () => {
  it('holds the five statistical types with their sub-types, equity under transfer, each named in zh and en', () => {
    const types = market.contractTypes.types;
    expect(Object.keys(types)).toEqual(['development', 'transfer', 'licence', 'consulting', 'service']);
    expect(Object.keys(types.transfer!.subTypes)).toEqual(['patent_right', 'patent_application_right', 'technical_secret', 'other_rights', 'equity']);
    expect(Object.keys(types.licence!.subTypes)).toEqual(['patent_licence', 'technical_secret_licence']);
    expect(Object.keys(types.service!.subTypes)).toEqual(['service', 'training', 'intermediary']);
    for (const t of Object.values(types)) for (const name of [t.name, ...Object.values(t.subTypes)]) expect(name.zh && name.en).toBeTruthy();
    expect(Object.keys(market.notRegisteredReasons)).toHaveLength(7);
    expect(Object.keys(market.technologyFields)).toContain('biomedicine');
  });

  it('checks the files when loaded: a type without sub-types or a name without English is refused, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'market-'));
    try {
      writeFileSync(join(dir, 'contract-types.json'), JSON.stringify({ types: { consulting: { name: { zh: '技术咨询' }, subTypes: {} } } }));
      writeFileSync(join(dir, 'not-registered-reasons.json'), JSON.stringify({ reasons: {} }));
      expect(() => loadMarketCodes(dir)).toThrow(/contract-types\.json: [\s\S]*a type needs a sub-type[\s\S]*types\.consulting\.name\.en/);
      const twice = { zh: '技术秘密', en: 'Technical secret' };
      writeFileSync(join(dir, 'contract-types.json'), JSON.stringify({ types: { transfer: { name: twice, subTypes: { technical_secret: twice } }, licence: { name: twice, subTypes: { technical_secret: twice } } } }));
      expect(() => loadMarketCodes(dir)).toThrow(/a sub-type code is used under two types/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a sub-type of another type, and an unknown type', () => {
    expect(problems({ type: 'licence', sub_type: 'commissioned' })).toEqual(['sub_type:contract_sub_type.unknown']);
    expect(problems({ type: 'lease' })).toEqual(['type:contract_type.unknown']);
    expect(problems({ type: 'transfer', sub_type: 'equity' })).toEqual([]);
    expect(problems({ technology_field: 'alchemy' })).toEqual(['technology_field:technology_field.unknown']);
  });
});

describe('flow from the buyer’s region', () => {
  it.each([
    ['430104', 'local'],
    ['430181', 'local'],
    ['430602', 'province'],
    ['440305', 'domestic'],
    ['DE', 'abroad'],
    ['HK', 'abroad'],
  ])('%s → %s', (region, flow) => {
    expect(regionFlow(city, regions, region)).toBe(flow);
  });

  it('knows no made-up county, no retired one, no CN as a foreign country, no unknown country', () => {
    for (const region of ['439999', '430122', 'CN', 'XX', '4301', 'de']) expect(regionFlow(city, regions, region), region).toBeNull();
    expect(problems({ buyer_region: 'CN' })).toEqual(['buyer_region:region.china_as_country']);
    expect(problems({ buyer_region: '439999' })).toEqual(['buyer_region:region.unknown']);
  });

  it('calls inflow a buyer in the city of a seller outside it, nothing else', () => {
    expect(isInflow(false, 'local')).toBe(true);
    expect(isInflow(true, 'local')).toBe(false);
    expect(isInflow(false, 'domestic')).toBe(false);
  });
});

describe('money as exact decimals', () => {
  it.each([
    ['-1', 'amount.negative'],
    ['NaN', 'amount.format'],
    ['1e6', 'amount.format'],
    ['12.345', 'amount.format'],
    ['Infinity', 'amount.format'],
    ['10000000000000.01', 'amount.too_large'],
    ['0', 'amount.zero'],
    ['0.00', 'amount.zero'],
  ])('refuses a contract amount of %s (%s)', (value, code) => {
    expect(checkContractYuan(value, { allowZero: false })?.code).toBe(code);
  });

  it('accepts 10^13 yuan exactly, and a zero transaction amount', () => {
    expect(checkContractYuan('10000000000000', { allowZero: false })).toBeNull();
    expect(checkContractYuan('0', { allowZero: true })).toBeNull();
  });

  it('compares the two amounts without floats: one fen above the contract amount is refused', () => {
    // As doubles, 9007199254740993.00 and ...992.00 are the same number; fen by fen they are not.
    expect(problems({ contract_amount: '9999999999999.99', transaction_amount: '9999999999999.99' })).toEqual([]);
    expect(problems({ contract_amount: '0.3', transaction_amount: '0.30' })).toEqual([]);
    expect(problems({ contract_amount: '1250000.00', transaction_amount: '1250000.01' })).toEqual(['transaction_amount:transaction_amount.above_contract']);
  });
});

describe('dates', () => {
  it('refuses a signing date after today, an end or registration before signing', () => {
    expect(problems({ signed_on: '2026-12-05', end_on: null })).toEqual(['signed_on:date.future']);
    expect(problems({ end_on: '2025-02-28' })).toEqual(['end_on:date.range']);
    expect(problems({ status: 'registered', registered_on: '2025-02-01' })).toEqual(['registered_on:date.range']);
  });
});

describe('what each status needs', () => {
  it('a registered contract needs its date; a refused one its reason from the list', () => {
    expect(problems({ status: 'registered' })).toEqual(['registered_on:registered_on.required']);
    expect(problems({ status: 'not_registered' })).toEqual(['not_registered_reason:not_registered_reason.required']);
    expect(problems({ status: 'not_registered', not_registered_reason: 'too_expensive' })).toEqual(['not_registered_reason:not_registered_reason.unknown']);
    expect(problems({ status: 'not_registered', not_registered_reason: 'seal_mismatch' })).toEqual([]);
  });

  it('keeps registration data and refusal reasons to their statuses', () => {
    expect(problems({ status: 'draft', registration_number: '2025430100000001', registered_on: '2025-04-01' })).toEqual(['registered_on:registered_on.unexpected', 'registration_number:registration_number.unexpected']);
    expect(problems({ status: 'returned', not_registered_reason: 'seal_mismatch' })).toEqual(['not_registered_reason:not_registered_reason.unexpected']);
  });

  it('judges only the keys a partial update gives', () => {
    expect(checkTechContractFields(market, city, regions, { status: 'registered' }, TODAY)).toEqual([]);
    expect(checkTechContractFields(market, city, regions, { transaction_amount: '5' }, TODAY)).toEqual([]);
  });
});

describe('the buyer', () => {
  it('is a registry organization or a name with its region, never both, never neither', () => {
    expect(problems({ buyer_org_id: 7, buyer_name: null, buyer_region: null })).toEqual([]);
    expect(problems({ buyer_org_id: 7 })).toEqual(['buyer_name:buyer.both']);
    expect(problems({ buyer_name: null })).toEqual(['buyer_name:buyer.required']);
    expect(problems({ buyer_region: null })).toEqual(['buyer_region:buyer_region.required']);
  });
});

it('numbers a registration by year, city and a six-digit sequence, never wider', () => {
  expect(registrationNumber(2025, '430100', 42)).toBe('2025430100000042');
  expect(registrationNumber(2025, '430100', 999_999)).toBe('2025430100999999');
  expect(() => registrationNumber(2025, '430100', 1_000_000)).toThrow(RangeError);
  expect(() => registrationNumber(2025, '430100', 0)).toThrow(RangeError);
});

it('reads the year and sequence back from one of the city’s numbers only', () => {
  expect(registrationSequence('2025430100000042', '430100')).toEqual({ year: 2025, sequence: 42 });
  expect(registrationSequence('2025440300000042', '430100')).toBeNull();
  expect(registrationSequence('JS-2025-42', '430100')).toBeNull();
});
