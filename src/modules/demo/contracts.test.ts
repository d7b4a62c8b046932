import { describe, expect, it } from 'vitest';
import { loadCity, loadMarketCodes, loadRegionLists } from '../../config.js';
import { yuan } from '../../domain/yuan.js';
import type { IndustrialChains } from '../../domain/industrialChain.js';
import { contractProblems, DEMO_CONTRACTS_PER_YEAR, DEMO_TURNOVER_YUAN, downstreamBuyers, planContracts } from './contracts.js';

const city = loadCity('changsha');
const market = loadMarketCodes();
const regions = loadRegionLists();
const districts = city.districts.map((d) => d.code);
const sellers = Array.from({ length: 900 }, (_, i) => ({ id: i + 1, districtCode: districts[i % districts.length]! }));
const rows = planContracts(city, market, regions, { sellers }, 2025);
const ofYear = (year: number) => rows.filter((r) => r.registered_on.startsWith(String(year)));
const sum = (xs: readonly string[]) => xs.reduce((s, x) => s.plus(yuan(x)), yuan('0'));

describe('the demo’s technology contracts', () => {
  it('add up, to the fen, to each year’s turnover; 2025 over 1,500 亿元', () => {
    for (const [year, total] of Object.entries(DEMO_TURNOVER_YUAN)) {
      expect(ofYear(Number(year))).toHaveLength(DEMO_CONTRACTS_PER_YEAR[Number(year)]!);
      expect(sum(ofYear(Number(year)).map((r) => r.contract_amount)).toFixed(2)).toBe(total);
    }
    expect(sum(ofYear(2025).map((r) => r.contract_amount)).gt('150000000000')).toBe(true);
  });

  it('pass every rule the API applies, with transaction amounts within the contract amounts', () => {
    expect(contractProblems(rows, city, market, regions, '2026-11-27')).toBeNull();
    expect(rows.every((r) => yuan(r.transaction_amount).lte(yuan(r.contract_amount)) && yuan(r.contract_amount).gt(0))).toBe(true);
  });

  it('number each year’s registrations 1, 2, 3 … in registration order', () => {
    const year = ofYear(2024);
    expect(year.map((r) => r.registration_number)).toEqual(year.map((_, i) => `2024${city.code}${String(i + 1).padStart(6, '0')}`));
    expect(year.map((r) => r.registered_on)).toEqual([...year.map((r) => r.registered_on)].sort());
    expect(new Set(rows.map((r) => r.registration_number)).size).toBe(rows.length);
  });

  it('spread over every type, flow and technology field, many sellers, and a heavy tail of amounts', () => {
    const distinct = (k: 'type' | 'flow' | 'technology_field' | 'seller_org_id') => new Set(ofYear(2025).map((r) => r[k])).size;
    expect(distinct('type')).toBe(Object.keys(market.contractTypes.types).length);
    expect(distinct('flow')).toBe(4);
    expect(distinct('technology_field')).toBe(Object.keys(market.technologyFields).length);
    expect(distinct('seller_org_id')).toBeGreaterThan(200);
    const amounts = ofYear(2025).map((r) => Number(r.contract_amount)).sort((a, b) => b - a);
    const top = amounts.slice(0, amounts.length / 10).reduce((a, b) => a + b, 0);
    expect(top / amounts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.3);
  });

  it('is the same for the same seed', () => {
    expect(planContracts(city, market, regions, { sellers }, 2025)).toEqual(rows);
  });

  it('sell to local buyers down the seller’s chain when it has any, keeping every year’s count and turnover', () => {
    const segment = (id: string, feeds: string[]) => ({ id, name: { zh: id, en: id }, position: 'midstream' as const, feeds, rules: [{ keywords: [id] }] });
    const chains: IndustrialChains = { chains: [{ id: 'c', name: { zh: 'c', en: 'c' }, segments: [segment('up', ['mid']), segment('mid', ['down']), segment('down', [])] }], handMapping: [] };
    const place = (i: number) => (i % 3 === 0 ? ['up'] : i % 3 === 1 ? ['mid'] : ['down']);
    const down = downstreamBuyers(sellers.map((s, i) => ({ ...s, segments: place(i) })), chains);
    const segmentOf = new Map(sellers.map((s, i) => [s.id, place(i)[0]]));
    expect(down.get(1)!.every((b) => segmentOf.get(b.id) === 'mid')).toBe(true);
    expect(down.has(3)).toBe(false); // a seller at the end of its chain buys from anyone
    const along = planContracts(city, market, regions, { sellers, downstream: down }, 2025);
    const local = along.filter((r) => r.buyer_org_id !== null);
    const next: Record<string, string> = { up: 'mid', mid: 'down' };
    for (const r of local) {
      const from = segmentOf.get(r.seller_org_id)!;
      if (next[from]) expect(segmentOf.get(r.buyer_org_id!), `${r.contract_number}`).toBe(next[from]);
    }
    expect(local.filter((r) => segmentOf.get(r.seller_org_id) !== 'down').length).toBeGreaterThan(100);
    for (const [year, total] of Object.entries(DEMO_TURNOVER_YUAN)) expect(sum(along.filter((r) => r.registered_on.startsWith(year)).map((r) => r.contract_amount)).toFixed(2)).toBe(total);
    expect(along.map((r) => [r.contract_number, r.seller_org_id, r.flow, r.contract_amount])).toEqual(rows.map((r) => [r.contract_number, r.seller_org_id, r.flow, r.contract_amount]));
  });
});
