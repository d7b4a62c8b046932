import { describe, expect, it } from 'vitest';
import { bytesPerContract, ContractTable, dayNumber, Dictionary, type ContractFact } from './columns.js';
import { fenToYuan } from './fen.js';
import { aggregate, change, topSellers, yearOnYear, type FilterTerm, type Selection } from './query.js';

/** Whole fen of an amount written with two decimals, as the registry stores them. */
const fen = (yuan: string): number => Number(yuan.replace('.', ''));
type Given = Omit<ContractFact, 'day' | 'contract_fen' | 'transaction_fen'> & { registered_on: string; contract_amount: string; transaction_amount: string };
let lastId = 0;
const fact = (over: Partial<Given>): ContractFact => {
  const { registered_on, contract_amount, transaction_amount, ...rest }: Given = {
    id: ++lastId, registered_on: '2025-03-01', type: 'development', sub_type: 'commissioned', flow: 'local', district: '430104', zone: null, field: 'aerospace',
    seller_kind: 'enterprise', buyer_province: '430000', seller_id: 1, contract_amount: '100.00', transaction_amount: '50.00', ...over,
  };
  return { ...rest, day: dayNumber(registered_on), contract_fen: fen(contract_amount), transaction_fen: fen(transaction_amount) };
};

const storeOf = (facts: readonly ContractFact[]) => {
  const table = new ContractTable(2);
  for (const f of facts) table.add(f);
  return table.columns();
};

const all = (over: Partial<Selection> = {}): Selection => ({ from: { kind: 'year', year: 2020 }, to: { kind: 'year', year: 2026 }, filters: [], scope: { kind: 'all' }, ...over });
const term = (field: string, value: string | number | null, op: 'eq' | 'gt' | 'lt' | 'null' = value === null ? 'null' : 'eq', negate = false): FilterTerm => ({ field, negate, alternatives: [{ op, value }] });
const yuanOf = (cells: ReturnType<typeof aggregate>) => cells.map((c) => [...c.keys, c.count, fenToYuan(c.contract), fenToYuan(c.transaction)]);

describe('fen', () => {
  it('writes whole fen back as yuan with two decimals, exactly at any size', () => {
    expect(fenToYuan(125_000_050)).toBe('1250000.50');
    expect(fenToYuan(7)).toBe('0.07');
    expect(fenToYuan(12_345_678_901_234_567_890n)).toBe('123456789012345678.90');
  });
});

describe('the dictionary', () => {
  it('codes values from 1 in order of appearance, none as 0, and refuses a 256th value', () => {
    const d = new Dictionary();
    expect([d.encode('a'), d.encode('b'), d.encode('a'), d.encode(null)]).toEqual([1, 2, 1, 0]);
    expect(d.codeOf('c')).toBeUndefined();
    for (let i = 0; i < 253; i++) d.encode(`v${i}`);
    expect(() => d.encode('one too many')).toThrow(RangeError);
  });
});

describe('the column store', () => {
  it('takes 38 bytes per contract and keeps every column', () => {
    const store = storeOf([fact({}), fact({ seller_id: 9, district: null }), fact({ seller_id: 1 })]);
    expect(bytesPerContract(store)).toBe(38);
    expect(store.length).toBe(3);
    expect(Array.from(store.sellerIds)).toEqual([1, 9]);
    expect(Array.from(store.coded.district)).toEqual([1, 0, 1]);
  });
});

describe('sums', () => {
  it('are exact to the fen over many amounts that floats would round', () => {
    // 0.10 + 0.20 ten thousand times each: in float yuan this drifts; in fen it is exact.
    const facts = Array.from({ length: 20_000 }, (_, i) => fact({ contract_amount: i % 2 ? '0.10' : '0.20', transaction_amount: '0.01' }));
    const [total] = aggregate(storeOf(facts), all(), []);
    expect(fenToYuan(total!.contract)).toBe('3000.00');
    expect(fenToYuan(total!.transaction)).toBe('200.00');
    expect(total!.count).toBe(20_000);
  });

  it('switch to BigInt past 2^53 fen and stay exact', () => {
    const facts = Array.from({ length: 12 }, (_, i) => fact({ contract_amount: i === 0 ? '9999999999999.99' : '10000000000000.00', transaction_amount: '0.01' }));
    const [total] = aggregate(storeOf(facts), all(), []);
    expect(typeof total!.contract).toBe('bigint');
    expect(fenToYuan(total!.contract)).toBe('119999999999999.99');
  });
});

describe('grouping', () => {
  const store = storeOf([
    fact({ registered_on: '2024-12-31', contract_amount: '1.00' }),
    fact({ registered_on: '2025-01-01', contract_amount: '2.00', flow: 'abroad', buyer_province: null }),
    fact({ registered_on: '2025-07-01', contract_amount: '4.00', district: '430105' }),
    fact({ registered_on: '2025-12-31', contract_amount: '8.00', district: null, type: 'transfer', sub_type: 'patent_right' }),
  ]);

  it('by year, by quarter, and by two dimensions, keys ordered and none last', () => {
    expect(yuanOf(aggregate(store, all(), ['year']))).toEqual([['2024', 1, '1.00', '50.00'], ['2025', 3, '14.00', '150.00']]);
    expect(aggregate(store, all(), ['quarter']).map((c) => [c.keys[0], c.count])).toEqual([['2024Q4', 1], ['2025Q1', 1], ['2025Q3', 1], ['2025Q4', 1]]);
    expect(aggregate(store, all(), ['year', 'district']).map((c) => [...c.keys, fenToYuan(c.contract)])).toEqual([
      ['2024', '430104', '1.00'], ['2025', '430104', '2.00'], ['2025', '430105', '4.00'], ['2025', null, '8.00'],
    ]);
    expect(aggregate(store, all(), ['buyer_province', 'type']).map((c) => [...c.keys, c.count])).toEqual([['430000', 'development', 2], ['430000', 'transfer', 1], [null, 'development', 1]]);
  });

  it('counts a contract in its period by registration day, both ends included', () => {
    expect(aggregate(store, all({ from: { kind: 'year', year: 2025 }, to: { kind: 'year', year: 2025 } }), [])[0]!.count).toBe(3);
    expect(aggregate(store, all({ from: { kind: 'quarter', year: 2025, quarter: 1 }, to: { kind: 'quarter', year: 2025, quarter: 3 } }), [])[0]!.count).toBe(2);
    expect(aggregate(store, all({ from: { kind: 'year', year: 2019 }, to: { kind: 'year', year: 2019 } }), [])).toEqual([]);
  });

  it('refuses a third dimension', () => {
    expect(() => aggregate(store, all(), ['year', 'type', 'flow'])).toThrow(RangeError);
  });
});

describe('filters in the list syntax', () => {
  const store = storeOf([
    fact({ seller_id: 1, contract_amount: '100.00', district: '430104', zone: 'xiangjiang_new_area', registered_on: '2025-01-10' }),
    fact({ seller_id: 2, contract_amount: '100.01', district: '430105', zone: null, registered_on: '2025-02-10' }),
    fact({ seller_id: 3, contract_amount: '99.99', district: null, zone: 'xiangjiang_new_area', field: null, registered_on: '2025-03-10' }),
  ]);
  const sellers = (filters: FilterTerm[], scope: Selection['scope'] = { kind: 'all' }) => {
    const picked: number[] = [];
    for (const s of topSellers(store, all({ filters, scope }), 10)) picked.push(s.sellerId);
    return picked.sort();
  };

  it('match codes, alternatives, none and negation as the SQL list does (negation keeps none)', () => {
    expect(sellers([term('district_code', '430104')])).toEqual([1]);
    expect(sellers([{ field: 'district_code', negate: false, alternatives: [{ op: 'eq', value: '430105' }, { op: 'null', value: null }] }])).toEqual([2, 3]);
    expect(sellers([term('district_code', '430104', 'eq', true)])).toEqual([2, 3]);
    expect(sellers([term('district_code', null, 'null', true)])).toEqual([1, 2]);
    expect(sellers([term('technology_field', null)])).toEqual([3]);
    expect(sellers([term('district_code', '430199')])).toEqual([]);
  });

  it('compare amounts exactly, fractions of a fen included, and dates, years and sellers', () => {
    expect(sellers([term('contract_amount', '100.00', 'gt')])).toEqual([2]);
    expect(sellers([term('contract_amount', '100.005', 'gt')])).toEqual([2]);
    expect(sellers([term('contract_amount', '100.005', 'lt')])).toEqual([1, 3]);
    expect(sellers([term('contract_amount', '100.00')])).toEqual([1]);
    expect(sellers([term('contract_amount', '100.001')])).toEqual([]);
    expect(sellers([term('contract_amount', '-5', 'gt')])).toEqual([1, 2, 3]);
    expect(sellers([term('registered_on', '2025-02-10', 'lt')])).toEqual([1]);
    expect(sellers([term('registered_on', '2025-02-10')])).toEqual([2]);
    expect(sellers([term('registered_year', 2025), term('seller_org_id', 2, 'gt')])).toEqual([3]);
    expect(sellers([term('seller_org_id', 2, 'eq', true)])).toEqual([1, 3]);
  });

  it('limit to the caller’s reach: its sellers, or its area’s districts or zones', () => {
    expect(sellers([], { kind: 'sellers', ids: [2, 7] })).toEqual([2]);
    expect(sellers([], { kind: 'area', districts: ['430105'], zones: [] })).toEqual([2]);
    expect(sellers([], { kind: 'area', districts: ['430105'], zones: ['xiangjiang_new_area'] })).toEqual([1, 2, 3]);
    expect(sellers([], { kind: 'none' })).toEqual([]);
  });
});

describe('top sellers', () => {
  it('rank by contract amount, ties by the smaller seller id, sums per seller', () => {
    const store = storeOf([
      fact({ seller_id: 5, contract_amount: '10.00' }),
      fact({ seller_id: 4, contract_amount: '10.00' }),
      fact({ seller_id: 6, contract_amount: '3.00' }),
      fact({ seller_id: 6, contract_amount: '8.00' }),
      fact({ seller_id: 7, contract_amount: '1.00', registered_on: '2019-01-01' }),
    ]);
    const top = topSellers(store, all(), 2);
    expect(top.map((s) => [s.sellerId, s.count, fenToYuan(s.contract)])).toEqual([[6, 2, '11.00'], [4, 1, '10.00']]);
    expect(topSellers(store, all(), 10).map((s) => s.sellerId)).toEqual([6, 4, 5]);
  });
});

describe('year on year', () => {
  const store = storeOf([
    fact({ registered_on: '2024-05-01', district: '430104', contract_amount: '100.00' }),
    fact({ registered_on: '2025-05-01', district: '430104', contract_amount: '150.00' }),
    fact({ registered_on: '2025-05-01', district: '430105', contract_amount: '10.00' }),
    fact({ registered_on: '2024-08-01', district: '430111', contract_amount: '10.00' }),
  ]);
  const y2025 = all({ from: { kind: 'year', year: 2025 }, to: { kind: 'year', year: 2025 } });

  it('puts each cell beside the same cell a year before', () => {
    const cells = yearOnYear(store, y2025, ['district']);
    expect(cells.map((c) => [c.keys[0], fenToYuan(c.contract), fenToYuan(c.previous.contract), change(c.contract, c.previous.contract)])).toEqual([
      ['430104', '150.00', '100.00', 0.5],
      ['430105', '10.00', '0.00', null],
    ]);
  });

  it('lines years and quarters up with the year before', () => {
    const byYear = yearOnYear(store, y2025, ['year']);
    expect(byYear.map((c) => [c.keys[0], c.count, c.previous.count])).toEqual([['2025', 2, 2]]);
    const byQuarter = yearOnYear(store, y2025, ['quarter', 'district']);
    expect(byQuarter.map((c) => [...c.keys, c.previous.count])).toEqual([['2025Q2', '430104', 1], ['2025Q2', '430105', 0]]);
  });
});
