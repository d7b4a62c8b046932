import { describe, expect, it } from 'vitest';
import { chainEntities, chainGaps, chainList, chainRows, chainView, type ChainEntity, type ChainView } from '../../src/contracts/industrialChains.js';
import type { IndustrialChains } from '../../src/domain/industrialChain.js';
import { validUscc } from '../support/factories.js';
import { createTestApp } from '../support/testApp.js';
import { expectProblem } from './helpers.js';

/**
 * The chain view and the gap ranking (issue 15) over a planted registry whose answers are known:
 * every figure equals the rows behind it, the hand mapping wins over the rules, qualifications
 * count while valid, a year limits what happened in it, an area officer sees its area, a write
 * shows in the next answer, and bad questions are 4xx problems.
 */
const HAND_MAPPED_UNIVERSITY = validUscc(990001);
const HAND_MAPPED_FIRM = validUscc(990002);
const chains: IndustrialChains = {
  chains: [
    {
      id: 'mach',
      name: { zh: '工程机械', en: 'Machinery' },
      segments: [
        { id: 'parts', name: { zh: '零部件', en: 'Parts' }, position: 'upstream', feeds: ['machines'], rules: [{ keywords: ['液压'] }] },
        { id: 'machines', name: { zh: '整机', en: 'Machines' }, position: 'midstream', feeds: ['service'], rules: [{ keywords: ['工程机械'] }] },
        { id: 'service', name: { zh: '服务', en: 'Service' }, position: 'downstream', feeds: [], rules: [{ keywords: ['运维'] }] },
      ],
    },
    { id: 'bio', name: { zh: '生物医药', en: 'Biomedicine' }, segments: [{ id: 'drugs', name: { zh: '药品', en: 'Drugs' }, position: 'midstream', feeds: [], rules: [{ keywords: ['生物医药'] }] }] },
  ],
  handMapping: [
    { uscc: HAND_MAPPED_UNIVERSITY, segments: ['drugs'] },
    { uscc: HAND_MAPPED_FIRM, segments: ['service'] },
  ],
};

const t = await createTestApp({ today: () => '2026-07-02', industrialChains: chains });
const { app, db } = t;
const YUELU = '430104';
const KAIFU = '430105';

const one = async (sql: string, params: unknown[] = []) => (await db.query<{ id: number }>(`${sql} RETURNING id`, params)).rows[0]!.id;
const org = (name: string, kind = 'enterprise', district = YUELU, uscc = validUscc()) =>
  one('INSERT INTO organizations (uscc, name, kind, district_code) VALUES ($1, $2, $3, $4)', [uscc, name, kind, district]);
const qualify = (o: number, q: string, to: string | null = null) => db.query('INSERT INTO qualifications (organization_id, qualification, valid_from, valid_to) VALUES ($1, $2, $3, $4)', [o, q, '2024-01-01', to]);

const o1 = await org('甲液压科技有限公司');
const o2 = await org('乙液压有限公司');
const o3 = await org('丙工程机械有限公司', 'enterprise', KAIFU);
const o4 = await org('丁运维科技有限公司');
const o5 = await org('某大学', 'university', YUELU, HAND_MAPPED_UNIVERSITY);
const o6 = await org('无关有限公司');
// The rules would give parts and machines; the hand mapping says service.
const o7 = await org('戊工程机械液压有限公司', 'enterprise', YUELU, HAND_MAPPED_FIRM);
// Twenty more parts makers and ten more machine makers, so the segments are big enough to rank.
await db.query(`INSERT INTO organizations (uscc, name, kind, district_code) SELECT 'P' || lpad(i::text, 17, '0'), '液压件厂' || i, 'enterprise', '${YUELU}' FROM generate_series(1, 20) i`);
await db.query(`INSERT INTO organizations (uscc, name, kind, district_code) SELECT 'M' || lpad(i::text, 17, '0'), '工程机械厂' || i, 'enterprise', '${KAIFU}' FROM generate_series(1, 10) i`);
await qualify(o1, 'high_tech_enterprise');
await qualify(o1, 'tech_sme');
await qualify(o2, 'tech_sme', '2025-12-31'); // lapsed: not counted
await qualify(o3, 'little_giant');

const institution = (host: number, name: string, district = YUELU) =>
  one('INSERT INTO rd_institutions (host_org_id, name, category, level, district_code) VALUES ($1, $2, $3, $4, $5)', [host, name, 'enterprise_rd_center', 'none', district]);
const i1 = await institution(o1, '液压研究院');
const i2 = await institution(o5, '生命科学实验室');
const i3 = await institution(o6, '工程机械研究中心', KAIFU); // its own name maps it, not its host
const platform = (host: number, name: string, status: string) =>
  one('INSERT INTO platforms (host_org_id, name, type, level, status, district_code) VALUES ($1, $2, $3, $4, $5, $6)', [host, name, 'other', 'provincial', status, KAIFU]);
const p1 = await platform(o3, '创新中心', 'active');
await platform(o3, '旧中心', 'revoked');

const achievement = (owner: number, title: string, year: number) => one('INSERT INTO achievements (title, type, year, owner_org_id, district_code) VALUES ($1, $2, $3, $4, $5)', [title, 'patent', year, owner, YUELU]);
const a1 = await achievement(o1, '新型液压阀', 2025);
const a2 = await achievement(o5, '抗体药物', 2025);
const a3 = await achievement(o5, '抗体药物二期', 2024);
await achievement(o6, '无关成果', 2025);

const contract = (seller: number, buyer: number | null, amount: string, registeredOn: string | null, district = YUELU) =>
  one(
    `INSERT INTO tech_contracts (contract_number, title, type, sub_type, seller_org_id, buyer_org_id, buyer_name, buyer_region, flow, contract_amount, transaction_amount, signed_on, registered_on, status, district_code)
     VALUES ('C' || (SELECT count(*) FROM tech_contracts), '合同', 'development', 'commissioned', $1, $2, CASE WHEN $2::int IS NULL THEN '外地公司' END, '430104', 'local', $3, $3, '2024-01-01', $4, $5, $6)`,
    [seller, buyer, amount, registeredOn, registeredOn ? 'registered' : 'draft', district],
  );
const c1 = await contract(o1, o3, '100.00', '2025-03-01');
const c2 = await contract(o3, o4, '50.50', '2025-05-01', KAIFU);
const c3 = await contract(o5, null, '10.00', '2024-02-01');
await contract(o1, o3, '999.00', null); // a draft: not counted

const loan = (borrower: number, disbursedOn: string | null) =>
  one(
    `INSERT INTO ip_loans (contract_number, borrower_org_id, lender_name, pledged_items, valuation_amount, valuer, amount, annual_rate, term_months, status, applied_on, approved_on, disbursed_on, district_code)
     VALUES ('L' || (SELECT count(*) FROM ip_loans), $1, '银行', '[]', '2000.00', '评估所', '1000.00', '3.5', 12, $2, '2025-01-01', $3, $3, '${YUELU}')`,
    [borrower, disbursedOn ? 'disbursed' : 'applied', disbursedOn],
  );
const l1 = await loan(o1, '2025-04-01');
await loan(o3, null); // applied only: not counted

const talent = (host: number, on: string) => one('INSERT INTO talent_introductions (person_name, category, mode, host_org_id, introduced_on, district_code) VALUES ($1, $2, $3, $4, $5, $6)', ['张三', 'leading', 'full_time', host, on, YUELU]);
const t1 = await talent(o1, '2025-06-01');
const t2 = await talent(o4, '2024-01-01');

const get = async (url: string, headers: Record<string, string> = {}) => {
  const res = await app.inject({ method: 'GET', url, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as unknown;
};
const view = async (chain: string, query = '', headers: Record<string, string> = {}) => chainView.parse(await get(`/api/v1/chains/${chain}${query}`, headers));
const figuresOf = (v: ChainView, segment: string) => v.segments.find((s) => s.id === segment)!.figures;
const counts = (v: ChainView, segment: string) => Object.fromEntries(Object.entries(figuresOf(v, segment)).map(([k, f]) => [k, f.count]));
const rowIds = async (link: string, headers: Record<string, string> = {}) => chainRows.parse(await get(`${link}&per_page=200`, headers)).results.map((r) => r.id);
const zero = Object.fromEntries(chainEntities.map((e) => [e, 0])) as Record<ChainEntity, number>;

describe('the chain view', () => {
  it('lists the chains with their mapped enterprises', async () => {
    const list = chainList.parse(await get('/api/v1/chains'));
    expect(list.results).toEqual([
      { id: 'mach', name: chains.chains[0]!.name, segments: 3, enterprises: 2 + 20 + 1 + 10 + 2 },
      { id: 'bio', name: chains.chains[1]!.name, segments: 1, enterprises: 0 },
    ]);
  });

  it('counts each segment’s records side by side; the hand mapping wins; lapsed qualifications and revoked platforms are left out', async () => {
    const v = await view('mach');
    expect(counts(v, 'parts')).toEqual({ ...zero, enterprises: 22, high_tech_enterprises: 1, tech_smes: 1, institutions: 1, achievements: 1, contracts: 1, loans: 1, talent: 1 });
    expect(counts(v, 'machines')).toEqual({ ...zero, enterprises: 11, little_giants: 1, institutions: 1, platforms: 1, contracts: 2, contracts_bought: 1 });
    expect(counts(v, 'service')).toEqual({ ...zero, enterprises: 2, contracts: 1, contracts_bought: 1, talent: 1 });
    expect(figuresOf(v, 'machines').contracts.amount).toBe('150.50');
    expect(figuresOf(v, 'parts').loans.amount).toBe('1000.00');
    expect(v.flows).toEqual([
      { from: 'parts', to: 'machines', count: 1, amount: '100.00' },
      { from: 'machines', to: 'service', count: 1, amount: '50.50' },
    ]);
    expect(counts(await view('bio'), 'drugs')).toEqual({ ...zero, institutions: 1, achievements: 2, contracts: 1 });
  });

  it('drills every figure to exactly the rows it counts', async () => {
    // Every figure of a chain in a year (the year's filter and the registry-now figures alike); the other chain's rows by id below.
    const v = await view('mach', '?year=2025');
    for (const s of v.segments)
      for (const [entity, f] of Object.entries(s.figures)) {
        const rows = chainRows.parse(await get(`${f.rows}&per_page=200`));
        expect(rows.meta.count, `${s.id} ${entity}`).toBe(f.count);
        expect(rows.results.length, `${s.id} ${entity}`).toBe(f.count);
        if (f.amount !== undefined) expect(rows.results.reduce((sum, r) => sum + Math.round(Number(r.amount) * 100), 0), `${s.id} ${entity}`).toBe(Math.round(Number(f.amount) * 100));
      }
    const parts = figuresOf(await view('mach'), 'parts');
    expect(await rowIds(parts.institutions.rows)).toEqual([i1]);
    expect(await rowIds(parts.achievements.rows)).toEqual([a1]);
    expect(await rowIds(parts.contracts.rows)).toEqual([c1]);
    expect(await rowIds(parts.loans.rows)).toEqual([l1]);
    expect(await rowIds(parts.talent.rows)).toEqual([t1]);
    expect(await rowIds(parts.tech_smes.rows)).toEqual([o1]);
    const machines = figuresOf(await view('mach'), 'machines');
    expect(await rowIds(machines.contracts.rows)).toEqual([c1, c2]);
    expect(await rowIds(machines.contracts_bought.rows)).toEqual([c1]);
    expect(await rowIds(machines.institutions.rows)).toEqual([i3]);
    expect(await rowIds(machines.platforms.rows)).toEqual([p1]);
    const service = figuresOf(await view('mach'), 'service');
    expect(await rowIds(service.enterprises.rows)).toEqual([o4, o7]);
    expect(await rowIds(service.talent.rows)).toEqual([t2]);
    const drugs = figuresOf(await view('bio'), 'drugs');
    expect(await rowIds(drugs.institutions.rows)).toEqual([i2]);
    expect(await rowIds(drugs.achievements.rows)).toEqual([a2, a3]);
    expect(await rowIds(drugs.contracts.rows)).toEqual([c3]);
  });

  it('shows a talent row without personal data, and pages rows as the registry’s lists do', async () => {
    const talentRows = chainRows.parse(await get('/api/v1/chains/mach/segments/parts/rows?entity=talent'));
    expect(talentRows.results).toEqual([{ id: t1, name: '甲液压科技有限公司', organization: { id: o1, name: '甲液压科技有限公司' }, date: '2025-06-01', amount: null }]);
    expect(JSON.stringify(talentRows)).not.toContain('张三');
    const page2 = chainRows.parse(await get('/api/v1/chains/mach/segments/parts/rows?entity=enterprises&per_page=5&page=2'));
    expect(page2.meta).toMatchObject({ count: 22, per_page: 5, page: 2 });
    expect(page2.results).toHaveLength(5);
  });

  it('limits what happened to the year asked, and keeps what the registry holds now', async () => {
    const v = await view('mach', '?year=2024');
    expect(counts(v, 'parts')).toEqual({ ...zero, enterprises: 22, high_tech_enterprises: 1, tech_smes: 1, institutions: 1 });
    expect(counts(v, 'service')).toEqual({ ...zero, enterprises: 2, talent: 1 });
    expect(v.flows).toEqual([]);
  });

  it('shows an area officer the records of its area only', async () => {
    const kaifu = await t.actAs('officer', { districts: [KAIFU] });
    const v = await view('mach', '', kaifu.headers);
    expect(counts(v, 'parts')).toEqual(zero);
    expect(counts(v, 'machines')).toEqual({ ...zero, enterprises: 11, little_giants: 1, institutions: 1, platforms: 1, contracts: 1 });
    expect(await rowIds(figuresOf(v, 'machines').contracts.rows, kaifu.headers)).toEqual([c2]);
  });

  it('shows a write in the next answer', async () => {
    const before = counts(await view('mach'), 'service').loans;
    const added = await loan(o4, '2026-01-05');
    const after = figuresOf(await view('mach'), 'service').loans;
    expect([before, after.count]).toEqual([0, 1]);
    expect(await rowIds(after.rows)).toEqual([added]);
    await db.query('DELETE FROM ip_loans WHERE id = $1', [added]);
  });
});

describe('the gap ranking', () => {
  it('ranks the planted gaps with their figures, each drilling to its rows', async () => {
    const gaps = chainGaps.parse(await get('/api/v1/chains/gaps'));
    // Capital: 1 loan over 33 firms of the two big segments; machines has none. R&D support: parts 1 over 22, machines 2 over 11.
    expect(gaps.results.map((g) => [g.kind, g.segment.id, g.score])).toEqual([
      ['capital', 'machines', 1],
      ['rd_support', 'parts', 0.5],
    ]);
    const [capital] = gaps.results;
    expect(capital!.reason.zh).toContain('3.0');
    expect(capital!.figures.map((f) => [f.entity, f.count])).toEqual([
      ['enterprises', 11],
      ['loans', 0],
    ]);
    for (const g of gaps.results) for (const f of g.figures) expect(chainRows.parse(await get(`${f.rows}&per_page=200`)).meta.count).toBe(f.count);
  });
});

describe('access and bad questions', () => {
  it('is for officers and administrators: anonymous 401, an organization user 403', async () => {
    expectProblem(await t.anonymous({ method: 'GET', url: '/api/v1/chains' }), 401);
    const orgUser = await t.actAs('org_user', { organizationIds: [o1] });
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/chains/gaps', headers: orgUser.headers }), 403);
  });

  it('answers an unknown chain or segment 404, and a bad entity, year or page 400 naming the parameter', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/chains/nowhere' }), 404);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/chains/mach/segments/drugs/rows?entity=enterprises' }), 404);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/chains/mach/segments/parts/rows?entity=people' }), 400, ['entity']);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/chains/mach?year=soon' }), 400, ['year']);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/chains/gaps?year=1800' }), 400, ['year']);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/chains/mach/segments/parts/rows?entity=loans&per_page=500' }), 400, ['per_page']);
  });
});
