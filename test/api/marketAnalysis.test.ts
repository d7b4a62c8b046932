import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { observationList } from '../../src/contracts/indicators.js';
import { marketAnalysis, marketTopSellers, type MarketAnalysis } from '../../src/contracts/marketAnalysis.js';
import type { TechContractCreate } from '../../src/contracts/techContracts.js';
import { pruneChanges } from '../../src/modules/marketAnalysis/queries.js';
import { createOrganization } from '../support/factories.js';
import { observedDatabase, type Statement } from '../support/observedDatabase.js';
import { createTestApp } from '../support/testApp.js';
import { expectProblem } from './helpers.js';

/**
 * The market analysis (issue 14) over a handful of contracts: the same figures as the indicator
 * engine, every cell drilling down to exactly its contracts, a write showing in the next answer,
 * the caller's reach, bad questions answered 400 naming the parameter, and the store kept current
 * by deltas through every kind of write.
 */
const statements: Statement[] = [];
const t = await createTestApp({ today: () => '2026-07-02', observe: (db) => observedDatabase(db, statements) });
const { app } = t;
const YUELU = '430104';
const KAIFU = '430105';
const yuelu = await createOrganization(app, { district_code: YUELU, zone: 'xiangjiang_new_area' });
const kaifu = await createOrganization(app, { district_code: KAIFU, zone: null, kind: 'university' });

let n = 0;
async function contract(overrides: Partial<TechContractCreate>): Promise<{ id: number; version: number }> {
  const payload = {
    contract_number: `MA-${++n}`, title: '合同', type: 'development', sub_type: 'commissioned', seller_org_id: yuelu.id, buyer_name: '深圳某公司', buyer_region: '440305',
    contract_amount: '100000000.00', transaction_amount: '50000000.00', signed_on: '2024-01-02', status: 'registered', registered_on: '2025-02-01', technology_field: 'aerospace', ...overrides,
  };
  const res = await app.inject({ method: 'POST', url: '/api/v1/tech-contracts', payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
await contract({});
await contract({ contract_amount: '50000000.01', transaction_amount: '0.01', buyer_name: 'Siemens AG', buyer_region: 'DE', type: 'transfer', sub_type: 'patent_right', registered_on: '2025-08-15' });
await contract({ seller_org_id: kaifu.id, contract_amount: '200000000.00', transaction_amount: '200000000.00', buyer_region: '430102', technology_field: 'biomedicine', registered_on: '2025-11-30' });
await contract({ seller_org_id: kaifu.id, contract_amount: '0.10', transaction_amount: '0.10', technology_field: null, registered_on: '2024-06-30' });
await contract({ contract_amount: '700000000.00', registered_on: '2024-12-31' });
// Not counted: a draft and a refusal.
await contract({ status: 'draft', registered_on: null });
await contract({ status: 'not_registered', registered_on: null, not_registered_reason: 'terms_unclear' });

const ask = async (query: string, headers: Record<string, string> = {}): Promise<MarketAnalysis> => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/market-analysis?${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return marketAnalysis.parse(res.json());
};
const listed = async (filter: string, headers: Record<string, string> = {}): Promise<number> => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/tech-contracts?per_page=1&filter=${encodeURIComponent(filter)}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { meta: { count: number } }).meta.count;
};
const indicator = async (code: string, query: string) => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/indicators/${code}/observations?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return observationList.parse(res.json()).results;
};
const hundredMillion = (yuan: string | undefined) => Number(yuan) / 1e8;

describe('the market analysis', () => {
  it('gives the indicator engine’s figures for the same period, by year and by flow', async () => {
    for (const year of [2024, 2025]) {
      const { totals } = await ask(`from=${year}`);
      expect(totals.values.count).toBe((await indicator('contracts.count', `period=${year}`))[0]!.value);
      expect(hundredMillion(totals.values.contract_amount)).toBeCloseTo((await indicator('contracts.turnover', `period=${year}`))[0]!.value!, 10);
      expect(hundredMillion(totals.values.transaction_amount)).toBeCloseTo((await indicator('contracts.tech_transaction', `period=${year}`))[0]!.value!, 10);
    }
    const byFlow = await ask('from=2025&dimensions=flow');
    const engine = Object.fromEntries((await indicator('contracts.turnover', 'period=2025&breakdown=flow')).map((o) => [o.breakdown_key, o.value]));
    for (const row of byFlow.rows) expect(hundredMillion(row.values.contract_amount)).toBeCloseTo(engine[row.keys[0]!.key!]!, 10);
    expect(byFlow.rows.map((r) => r.keys[0]!.key).sort()).toEqual(['abroad', 'domestic', 'local']);
    expect(byFlow.totals.values.contract_amount).toBe('350000000.01');
  });

  it('drills every cell down to exactly its contracts in the list', async () => {
    for (const q of ['from=2024&to=2025&dimensions=year,district', 'from=2024Q1&to=2025Q4&dimensions=quarter,seller_kind', 'from=2024&to=2025&dimensions=field,buyer_province&filter=type:development', 'from=2025&dimensions=type,zone']) {
      const answer = await ask(q);
      expect(answer.rows.length).toBeGreaterThan(1);
      for (const row of [...answer.rows, answer.totals]) expect(await listed(row.drill_filter), `${q}: ${row.drill_filter}`).toBe(row.values.count);
    }
  });

  it('puts each cell beside the year before, and ranks the top sellers', async () => {
    const answer = await ask('from=2025&dimensions=district&compare=previous_year&measures=count,contract_amount');
    const yuelu2025 = answer.rows.find((r) => r.keys[0]!.key === YUELU)!;
    expect(yuelu2025.values).toEqual({ count: 2, contract_amount: '150000000.01' });
    expect(yuelu2025.previous).toEqual({ count: 1, contract_amount: '700000000.00' });
    expect(yuelu2025.change!.count).toBe(1);
    const res = await app.inject({ method: 'GET', url: '/api/v1/market-analysis/top-sellers?from=2025&limit=1' });
    const top = marketTopSellers.parse(res.json());
    expect(top.items.map((s) => [s.seller_org_id, s.count, s.contract_amount])).toEqual([[kaifu.id, 1, '200000000.00']]);
    expect(await listed(top.items[0]!.drill_filter)).toBe(1);
  });

  it('shows a write in the next answer', async () => {
    const before = await ask('from=2025&dimensions=district');
    await contract({ seller_org_id: kaifu.id, contract_amount: '0.02', transaction_amount: '0.00', registered_on: '2025-12-31' });
    const after = await ask('from=2025&dimensions=district');
    expect(after.data_version).not.toBe(before.data_version);
    expect(after.totals.values.count).toBe(before.totals.values.count! + 1);
    expect(after.rows.find((r) => r.keys[0]!.key === KAIFU)!.values.contract_amount).toBe('200000000.02');
  });

  it('counts only the caller’s reach: an officer its area, an organization user its own sales; not anonymous', async () => {
    const officer = await t.actAs('officer', { districts: [KAIFU] });
    const area = await ask('from=2024&to=2025&dimensions=district', officer.headers);
    expect(area.rows.map((r) => r.keys[0]!.key)).toEqual([KAIFU]);
    expect(area.totals.values.count).toBe(await listed(area.totals.drill_filter, officer.headers));
    const own = await t.actAs('org_user', { organizationIds: [yuelu.id] });
    expect((await ask('from=2024&to=2025', own.headers)).totals.values.count).toBe(3);
    expectProblem(await t.anonymous({ method: 'GET', url: '/api/v1/market-analysis?from=2025' }), 401);
  });

  it('answers a bad question 400, naming the parameter', async () => {
    const bad = async (query: string, field: string) => {
      const problem = expectProblem(await app.inject({ method: 'GET', url: `/api/v1/market-analysis?${query}` }), 400);
      expect(problem.errors.map((e) => e.field)).toContain(field);
    };
    await bad('from=2025&dimensions=colour', 'dimensions');
    await bad('from=2025&dimensions=year,type,flow', 'dimensions');
    await bad('from=2025&dimensions=year,year', 'dimensions');
    await bad('from=2025&measures=profit', 'measures');
    await bad('from=2025&filter=title:x', 'filter');
    await bad('from=2025&filter=flow:sideways', 'filter.flow');
    await bad('from=2025&filter=nonsense', 'filter');
    await bad('from=2026&to=2025', 'to');
    await bad('from=20x5', 'from');
  });

  it('exports the table as XLSX with labels in the chosen language', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/market-analysis/export?from=2025&dimensions=flow&compare=previous_year&lang=zh' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (book.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows[0]!.slice(0, 3)).toEqual(['技术流向', '合同数', '合同成交额（元）']);
    expect(rows.find((r) => r[0] === '境外')!.slice(1, 3)).toEqual(['1', '50000000.01']);
    expect(rows.at(-1)![0]).toBe('合计');
  });

  it('keeps every next answer equal to a fresh SQL sum through registrations, edits, withdrawals, deletions and a seller’s new kind — by deltas, never a rebuild', async () => {
    const yuan = (s: string) => (Number(s) === 0 ? '0.00' : s);
    const sorted = (cells: unknown[][]) => cells.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const compare = async (step: string, dimensions: string, sqlKeys: string) => {
      const answer = await ask(`from=2020&to=2026&dimensions=${dimensions}`);
      const { rows } = await t.db.query<{ a: string | null; b: string | null; count: number; contract: string; transaction: string }>(
        `SELECT ${sqlKeys}, count(*)::int AS count, sum(c.contract_amount)::text AS contract, sum(c.transaction_amount)::text AS transaction
           FROM tech_contracts c JOIN organizations o ON o.id = c.seller_org_id
          WHERE c.status = 'registered' AND c.registered_on BETWEEN '2020-01-01' AND '2026-12-31' GROUP BY 1, 2`,
      );
      expect(sorted(answer.rows.map((r) => [r.keys[0]!.key, r.keys[1]!.key, r.values.count, r.values.contract_amount, r.values.transaction_amount])), step).toEqual(
        sorted(rows.map((r) => [r.a, r.b, r.count, yuan(r.contract), yuan(r.transaction)])),
      );
    };
    const check = async (step: string) => {
      await compare(step, 'year,seller_kind', 'extract(year FROM c.registered_on)::int::text AS a, o.kind AS b');
      await compare(step, 'field,type', 'c.technology_field AS a, c.type AS b');
    };
    const patch = async (url: string, version: number, payload: Record<string, unknown>) => {
      const res = await app.inject({ method: 'PATCH', url, headers: { 'if-match': `"${version}"` }, payload });
      expect(res.statusCode, res.body).toBe(200);
    };
    const seller = await createOrganization(app, { district_code: YUELU, zone: null, kind: 'enterprise' });
    const mine = { seller_org_id: seller.id, signed_on: '2020-01-01' };
    await check('before');
    statements.length = 0;

    const added = await contract({ ...mine, contract_amount: '1234.56', transaction_amount: '1000.00', registered_on: '2026-03-01' });
    // Two questions at once during the delta: both wait for it, neither sees half of it.
    await Promise.all([check('a contract registered'), check('a contract registered, asked at the same time')]);
    const draft = await contract({ ...mine, contract_amount: '10.00', transaction_amount: '1.00', status: 'draft', registered_on: null });
    await patch(`/api/v1/tech-contracts/${draft.id}`, draft.version, { status: 'registered', registered_on: '2021-05-05' });
    await check('a draft registered');
    await patch(`/api/v1/tech-contracts/${added.id}`, added.version, { technology_field: 'biomedicine', type: 'consulting', sub_type: 'consulting' });
    await check('a registered contract’s field and type edited');
    // The API keeps a registered contract; a correction in the database (another process, a script) still reaches the answers.
    await t.db.query("UPDATE tech_contracts SET status = 'not_registered', registered_on = NULL, not_registered_reason = 'terms_unclear' WHERE id = $1", [draft.id]);
    await check('a contract no longer registered');
    await t.db.query('DELETE FROM tech_contracts WHERE id = $1', [added.id]);
    await check('a contract deleted');
    const unregistered = await contract({ ...mine, contract_amount: '3.00', transaction_amount: '3.00', status: 'draft', registered_on: null });
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/tech-contracts/${unregistered.id}`, headers: { 'if-match': `"${unregistered.version}"` } })).statusCode).toBe(204);
    await contract({ ...mine, contract_amount: '5.00', transaction_amount: '5.00', registered_on: '2020-02-29' });
    await patch(`/api/v1/organizations/${seller.id}`, seller.version, { kind: 'university' });
    await check('its seller became a university');
    // A write the analysis does not read moves a version but logs nothing: still no rebuild.
    await createOrganization(app, { district_code: KAIFU, zone: null });
    await check('an organization registered');

    // Every answer above came from patching the columns: the build's batch reads never ran again.
    const rebuilds = () => statements.filter((s) => s.sql.includes('string_agg')).length;
    expect(rebuilds()).toBe(0);
    expect(statements.some((s) => s.sql.includes('FROM table_changes'))).toBe(true);

    // Once the log is pruned past what the store applied, the store cannot trust it and rebuilds.
    await contract({ ...mine, contract_amount: '7.00', transaction_amount: '7.00', registered_on: '2023-03-03' });
    await pruneChanges(t.db, 0);
    await check('after the log was pruned');
    expect(rebuilds()).toBeGreaterThan(0);
  });
});
