import { describe, expect, it } from 'vitest';
import { observationList, type Observation } from '../../src/contracts/indicators.js';
import type { TechContractCreate } from '../../src/contracts/techContracts.js';
import { createOrganization } from '../support/factories.js';
import { createTestApp } from '../support/testApp.js';
import { expectProblem } from './helpers.js';

/**
 * The technology market's indicators (issue 14) over a handful of contracts whose sums are known:
 * turnover and transaction amounts in 亿元 from exact sums of yuan, counts, breakdowns, the rows
 * behind a value (read by reach: contracts are not public), and a write showing in the next answer.
 */
const t = await createTestApp({ today: () => '2026-07-02' });
const { app } = t;
const YUELU = '430104';
const KAIFU = '430105';
const yuelu = await createOrganization(app, { district_code: YUELU, zone: 'xiangjiang_new_area' });
const kaifu = await createOrganization(app, { district_code: KAIFU, zone: null });

let n = 0;
async function contract(overrides: Partial<TechContractCreate>): Promise<{ id: number; version: number }> {
  const payload = {
    contract_number: `IND-${++n}`, title: '合同', type: 'development', sub_type: 'commissioned', seller_org_id: yuelu.id, buyer_name: '深圳某公司', buyer_region: '440305',
    contract_amount: '100000000.00', transaction_amount: '50000000.00', signed_on: '2025-01-02', status: 'registered', registered_on: '2025-02-01', technology_field: 'aerospace', ...overrides,
  };
  const res = await app.inject({ method: 'POST', url: '/api/v1/tech-contracts', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
// 2025, registered: Yuelu 1.00 + 0.50 亿元 plus one fen (one abroad), Kaifu 2.00 亿元 (local, by a registry buyer's region).
await contract({});
await contract({ contract_amount: '50000000.01', transaction_amount: '0.01', buyer_name: 'Siemens AG', buyer_region: 'DE', type: 'transfer', sub_type: 'patent_right' });
await contract({ seller_org_id: kaifu.id, contract_amount: '200000000.00', transaction_amount: '200000000.00', buyer_name: null, buyer_region: null, buyer_org_id: yuelu.id, technology_field: 'biomedicine' });
// Not counted in 2025: a draft, a refusal, and one registered in 2024.
const draft = await contract({ status: 'draft', registered_on: null });
await contract({ status: 'not_registered', registered_on: null, not_registered_reason: 'terms_unclear' });
await contract({ signed_on: '2024-03-01', registered_on: '2024-12-31', contract_amount: '700000000.00' });

const observations = async (code: string, query: string): Promise<Observation[]> => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/indicators/${code}/observations?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return observationList.parse(res.json()).results;
};
const valueOf = async (code: string, query: string) => (await observations(code, query))[0]!.value;

describe('the technology market’s indicators', () => {
  it('sums registered contract amounts by registration year, in 亿元, exactly to the fen', async () => {
    expect(await valueOf('contracts.turnover', 'period=2025')).toBeCloseTo(3.5000000001, 12);
    expect(await valueOf('contracts.turnover', `period=2025&area=${KAIFU}`)).toBe(2);
    expect(await valueOf('contracts.turnover', 'period=2024')).toBe(7);
    expect(await valueOf('contracts.tech_transaction', 'period=2025')).toBeCloseTo(2.5000000001, 12);
    expect(await valueOf('contracts.count', 'period=2025')).toBe(3);
  });

  it('breaks down by flow, type and technology field', async () => {
    const by = async (breakdown: string) => Object.fromEntries((await observations('contracts.turnover', `period=2025&breakdown=${breakdown}`)).map((o) => [o.breakdown_key, o.value]));
    expect(await by('flow')).toMatchObject({ domestic: 1, abroad: 0.5000000001, local: 2 });
    expect(await by('contract_type')).toMatchObject({ development: 3, transfer: 0.5000000001 });
    expect(await by('technology_field')).toMatchObject({ aerospace: 1.5000000001, biomedicine: 2 });
  });

  it('drills down to the contracts list, by reach: not public, an organization user its own sales', async () => {
    const url = '/api/v1/indicators/contracts.count/rows?period=2025&per_page=50';
    expectProblem(await t.anonymous({ method: 'GET', url }), 401);
    const all = await app.inject({ method: 'GET', url });
    expect(all.statusCode, all.body).toBe(200);
    const body = all.json() as { entity: string; filter: string; meta: { count: number }; results: Array<{ seller_org_id: number }> };
    expect(body.entity).toBe('tech_contracts');
    expect(body.meta.count).toBe(3);
    const listed = await app.inject({ method: 'GET', url: `/api/v1/tech-contracts?filter=${encodeURIComponent(body.filter)}&per_page=50` });
    expect((listed.json() as { meta: { count: number } }).meta.count).toBe(3);
    const own = await t.actAs('org_user', { organizationIds: [kaifu.id] });
    const mine = (await app.inject({ method: 'GET', url, headers: own.headers })).json() as typeof body;
    expect(mine.results.map((r) => r.seller_org_id)).toEqual([kaifu.id]);
  });

  it('shows a registration in the next answer', async () => {
    const res = await app.inject({ method: 'PATCH', url: `/api/v1/tech-contracts/${draft.id}`, headers: { 'if-match': `"${draft.version}"` }, payload: { status: 'registered', registered_on: '2025-03-01' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await valueOf('contracts.count', 'period=2025')).toBe(4);
    expect(await valueOf('contracts.turnover', 'period=2025')).toBeCloseTo(4.5000000001, 12);
  });
});
