import { describe, expect, it } from 'vitest';
import { centrality, communities, graphPath, graphStats, neighbourhood, type Neighbourhood } from '../../src/contracts/innovationGraph.js';
import { validUscc } from '../support/factories.js';
import { createTestApp } from '../support/testApp.js';
import { expectProblem } from './helpers.js';

/**
 * The innovation graph (issue 15) over a small planted registry whose neighbourhoods and paths are
 * known:
 *
 *   bank E ─loan→ A ←contract─ B ─hosts→ R1 ─incubated→ F          D (no relation)
 *   A ─hosts→ P1,  A ─lead→ PR1 ←partner─ C,  AC1 produced by B, R1, PR1;  AC1 ─transfer→ C
 *   talent T1 → A,  A in zone xiangjiang_new_area
 *   Every organization lies in Yuelu (430104) but C, in Kaifu (430105); PR1 and AC1 lie nowhere.
 *
 * Not edges: a draft contract B → C, a contract to a buyer outside the registry, a loan from a
 * lender known only by name, a loan not yet disbursed.
 */
const t = await createTestApp();
const { app, db } = t;

const orgIds: Record<string, number> = {};
for (const [key, kind, zone] of [['A', 'enterprise', 'xiangjiang_new_area'], ['B', 'university', null], ['C', 'enterprise', null], ['D', 'enterprise', null], ['E', 'financial_institution', null], ['F', 'enterprise', null]] as const) {
  const district = key === 'C' ? '430105' : '430104';
  const { rows } = await db.query<{ id: number }>('INSERT INTO organizations (uscc, name, name_en, kind, district_code, zone) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id', [validUscc(), `主体${key}`, `Org ${key}`, kind, district, zone]);
  orgIds[key] = rows[0]!.id;
}
const one = async (sql: string, params: unknown[]): Promise<number> => (await db.query<{ id: number }>(sql, params)).rows[0]!.id;
const { A, B, C, D, E, F } = orgIds as Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', number>;
const R1 = await one("INSERT INTO rd_institutions (host_org_id, name, category, level, established_on, district_code) VALUES ($1, '研究院一', 'new_rd_institution', 'provincial', '2020-03-01', '430104') RETURNING id", [B]);
const P1 = await one("INSERT INTO platforms (host_org_id, name, type, level, status, district_code) VALUES ($1, '平台一', 'engineering_center', 'provincial', 'active', '430104') RETURNING id", [A]);
const PR1 = await one("INSERT INTO projects (title, lead_org_id, programme, budget, start_on, end_on, status) VALUES ('项目一', $1, 'key_rd', 1000000, '2024-01-01', '2025-12-31', 'ongoing') RETURNING id", [A]);
await db.query('INSERT INTO project_partners (project_id, org_id, position) VALUES ($1, $2, 1)', [PR1, C]);
const AC1 = await one("INSERT INTO achievements (title, type, year, owner_org_id, rd_institution_id, project_id) VALUES ('成果一', 'patent', 2023, $1, $2, $3) RETURNING id", [B, R1, PR1]);
const contract = (seller: number, buyer: number | null, status: string, registeredOn: string | null, n: string) =>
  db.query(
    "INSERT INTO tech_contracts (contract_number, title, type, sub_type, seller_org_id, buyer_org_id, buyer_name, buyer_region, flow, contract_amount, transaction_amount, signed_on, registered_on, status) VALUES ($1, '合同', 'development', 'commissioned', $2, $3, $4, '430104', 'local', 2000000, 1000000, '2024-04-01', $5, $6)",
    [n, seller, buyer, buyer === null ? '外地公司' : null, registeredOn, status],
  );
await contract(B, A, 'registered', '2024-05-01', 'G-1');
await contract(B, C, 'draft', null, 'G-2');
await contract(B, null, 'registered', '2024-05-02', 'G-3');
await db.query("INSERT INTO transfers (achievement_id, receiver_org_id, mode, amount, transferred_on, owner_org_id) VALUES ($1, $2, 'licence', 300000, '2024-06-01', $3)", [AC1, C, B]);
await db.query("INSERT INTO incubations (enterprise_org_id, rd_institution_id, incubated_on, owner_org_id) VALUES ($1, $2, '2024-07-01', $3)", [F, R1, B]);
const loan = (n: string, lender: number | null, lenderName: string | null, disbursedOn: string | null) =>
  db.query(
    "INSERT INTO ip_loans (contract_number, borrower_org_id, lender_org_id, lender_name, pledged_items, valuation_amount, valuer, amount, annual_rate, term_months, status, applied_on, approved_on, disbursed_on) VALUES ($1, $2, $3, $4, '[]', 9000000, '评估所', 5000000, 4.5, 12, $5, '2024-02-01', '2024-02-15', $6)",
    [n, A, lender, lenderName, disbursedOn ? 'disbursed' : 'approved', disbursedOn],
  );
await loan('L-1', E, null, '2024-03-01');
await loan('L-2', null, '某银行', '2024-03-02');
await loan('L-3', E, null, null);
const T1 = await one("INSERT INTO talent_introductions (person_name, category, mode, host_org_id, introduced_on) VALUES ('张三丰', 'academician', 'full_time', $1, '2024-08-01') RETURNING id", [A]);

const get = async <T>(url: string, schema: { parse: (v: unknown) => T }, headers: Record<string, string> = {}): Promise<T> => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/graph/${url}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return schema.parse(res.json());
};
const refsOf = (n: Neighbourhood) => n.nodes.map((x) => x.ref).sort();

describe('the neighbourhood of a node', () => {
  it('holds every relation the records state, each edge typed, dated and named', async () => {
    const n = await get(`nodes/organization/${A}/neighbourhood`, neighbourhood);
    expect(n.center).toMatchObject({ ref: `organization:${A}`, name: { zh: '主体A', en: 'Org A' } });
    expect(refsOf(n)).toEqual([`organization:${A}`, `organization:${B}`, `organization:${E}`, `platform:${P1}`, `project:${PR1}`, `talent:${T1}`, 'zone:xiangjiang_new_area'].sort());
    expect(n.edges.map((e) => e.type).sort()).toEqual(['contract', 'hosts', 'lead_of_project', 'loan', 'located_in_zone', 'talent_host']);
    expect(n.edges.find((e) => e.type === 'contract')).toMatchObject({ source: `organization:${B}`, target: `organization:${A}`, date: '2024-05-01', amount: '2000000.00' });
    expect(n.edges.find((e) => e.type === 'loan')).toMatchObject({ source: `organization:${E}`, date: '2024-03-01', amount: '5000000.00' });
    expect(n.edges.find((e) => e.type === 'located_in_zone')).toMatchObject({ date: null, amount: null });
    expect(n.nodes.find((x) => x.kind === 'zone')!.name.zh).toBe('湘江新区');
    expect(n).toMatchObject({ hops: 1, hops_shown: 1, truncated: false });
  });

  it('follows only the chosen edge types within the dates; standing relations pass any dates', async () => {
    const n = await get(`nodes/organization/${A}/neighbourhood?edge_types=contract,loan,located_in_zone&from=2024-04-01&to=2024-12-31`, neighbourhood);
    expect(refsOf(n)).toEqual([`organization:${A}`, `organization:${B}`, 'zone:xiangjiang_new_area'].sort());
  });

  it('reaches further with more hops, and stops at the last whole hop within the limit', async () => {
    const two = await get(`nodes/organization/${A}/neighbourhood?hops=2&edge_types=contract,hosts,incubated`, neighbourhood);
    expect(refsOf(two)).toEqual([`organization:${A}`, `organization:${B}`, `platform:${P1}`, `rd_institution:${R1}`].sort());
    expect(two.nodes.find((x) => x.ref === `rd_institution:${R1}`)!.depth).toBe(2);
    const capped = await get(`nodes/organization/${A}/neighbourhood?hops=2&limit=3`, neighbourhood);
    expect(capped).toMatchObject({ hops_shown: 0, truncated: true });
    expect(refsOf(capped)).toEqual([`organization:${A}`]);
    const alone = await get(`nodes/organization/${D}/neighbourhood?hops=3`, neighbourhood);
    expect(alone).toMatchObject({ hops_shown: 3, truncated: false, edges: [] });
  });

  it('shows a write in the next answer', async () => {
    expect(refsOf(await get(`nodes/organization/${D}/neighbourhood`, neighbourhood))).toEqual([`organization:${D}`]);
    await contract(D, C, 'registered', '2025-01-10', 'G-4');
    expect(refsOf(await get(`nodes/organization/${D}/neighbourhood`, neighbourhood))).toEqual([`organization:${C}`, `organization:${D}`].sort());
    await db.query("DELETE FROM tech_contracts WHERE contract_number = 'G-4'");
    expect(refsOf(await get(`nodes/organization/${D}/neighbourhood`, neighbourhood))).toEqual([`organization:${D}`]);
  });
});

describe('the path between two entities', () => {
  it('is the shortest, explained edge by edge', async () => {
    const p = await get(`path?from=organization:${E}&to=organization:${F}`, graphPath);
    expect(p.length).toBe(4);
    expect(p.steps.map((s) => [s.type, s.from.ref, s.to.ref, s.forward])).toEqual([
      ['loan', `organization:${E}`, `organization:${A}`, true],
      ['contract', `organization:${A}`, `organization:${B}`, false],
      ['hosts', `organization:${B}`, `rd_institution:${R1}`, true],
      ['incubated', `rd_institution:${R1}`, `organization:${F}`, true],
    ]);
    expect(p.steps[1]).toMatchObject({ date: '2024-05-01', amount: '2000000.00', from: { name: { zh: '主体A' } }, to: { name: { zh: '主体B' } } });
  });

  it('takes another way when a type is left out, and is a 404 problem when nothing joins them', async () => {
    const p = await get(`path?from=organization:${A}&to=organization:${C}&edge_types=lead_of_project,partner_in_project`, graphPath);
    expect(p.steps.map((s) => s.to.ref)).toEqual([`project:${PR1}`, `organization:${C}`]);
    const none = await app.inject(`/api/v1/graph/path?from=organization:${A}&to=organization:${D}`);
    expect(expectProblem(none, 404, ['to']).errors[0]).toMatchObject({ code: 'graph.not_connected' });
    expectProblem(await app.inject(`/api/v1/graph/path?from=organization:${E}&to=organization:${F}&edge_types=hosts,incubated`), 404, ['to']);
  });
});

describe('hubs, clusters and size', () => {
  it('ranks the hubs by degree and by PageRank, of a kind when asked', async () => {
    const byDegree = await get('centrality?measure=degree&limit=3', centrality);
    expect(byDegree.items[0]).toMatchObject({ rank: 1, node: { ref: `organization:${A}` }, degree: 6 });
    const byRank = await get('centrality?measure=pagerank', centrality);
    expect(byRank.items[0]!.node.ref).toBe(`organization:${A}`);
    expect(byRank.items.every((x, i) => i === 0 || x.score <= byRank.items[i - 1]!.score)).toBe(true);
    expect(byRank.items.map((x) => x.node.ref)).not.toContain(`organization:${D}`);
    const projects = await get('centrality?measure=degree&kind=project', centrality);
    expect(projects.items.map((x) => [x.node.ref, x.degree])).toEqual([[`project:${PR1}`, 3]]);
  });

  it('finds communities covering the connected nodes, largest first', async () => {
    const c = await get('communities?members=20', communities);
    expect(c.count).toBeGreaterThanOrEqual(1);
    expect(c.items.every((x, i) => i === 0 || x.size <= c.items[i - 1]!.size)).toBe(true);
    const members = c.items.flatMap((x) => x.members.map((m) => m.ref));
    expect(new Set(members).size).toBe(members.length);
    expect(c.items.reduce((s, x) => s + x.size, 0)).toBe(11);
    expect(members).not.toContain(`organization:${D}`);
  });

  it('counts the nodes and edges of each kind and type', async () => {
    const s = await get('stats', graphStats);
    const edges = Object.fromEntries(s.edges.map((e) => [e.type, e.count]));
    expect(edges).toEqual({ hosts: 2, lead_of_project: 1, partner_in_project: 1, produced_by: 3, contract: 1, transfer: 1, incubated: 1, loan: 1, talent_host: 1, located_in_zone: 1 });
    expect(s.node_count).toBe(6 + 1 + 1 + 1 + 1 + 1 + 8);
    expect(s.bytes_per_edge).toBeGreaterThan(0);
  });
});

describe('bad questions and who may ask', () => {
  it('answers an unknown node 404 naming it, and bad input 400 naming the field', async () => {
    const unknown = expectProblem(await app.inject('/api/v1/graph/nodes/organization/999999/neighbourhood'), 404, ['id']);
    expect(unknown.errors[0]!.message.en).toContain('organization:999999');
    expectProblem(await app.inject('/api/v1/graph/nodes/zone/no_such_zone/neighbourhood'), 404, ['id']);
    expectProblem(await app.inject(`/api/v1/graph/nodes/organization/${A}/neighbourhood?hops=4`), 400, ['hops']);
    expectProblem(await app.inject(`/api/v1/graph/nodes/organization/${A}/neighbourhood?edge_types=contract,friendship`), 400, ['edge_types']);
    expectProblem(await app.inject(`/api/v1/graph/nodes/organization/${A}/neighbourhood?from=2024-02-30`), 400, ['from']);
    expectProblem(await app.inject(`/api/v1/graph/nodes/organization/${A}/neighbourhood?from=2025-01-01&to=2024-01-01`), 400, ['to']);
    expectProblem(await app.inject('/api/v1/graph/nodes/organization/0x10/neighbourhood'), 400, ['id']);
    expectProblem(await app.inject('/api/v1/graph/nodes/company/1/neighbourhood'), 400, ['kind']);
    expectProblem(await app.inject(`/api/v1/graph/path?from=organization:${A}&to=person:1`), 400, ['to']);
  });

  it('lets officers and administrators ask, and shows each relation only to those who read its records', async () => {
    expectProblem(await t.anonymous({ url: '/api/v1/graph/stats' }), 401);
    // A role without achievements.read (an expert) is refused by the guard: test/api/security.test.ts. Here: the grant for its own organization only.
    const orgUser = await t.actAs('org_user', { organizationIds: [A] });
    expectProblem(await app.inject({ url: `/api/v1/graph/nodes/organization/${A}/neighbourhood`, headers: orgUser.headers }), 403);
    const cityOfficer = await t.actAs('officer');
    expect(refsOf(await get(`nodes/organization/${A}/neighbourhood`, neighbourhood, cityOfficer.headers))).toContain(`talent:${T1}`);
    const noContracts = await t.actAs('admin', { scopes: ['achievements.read'] });
    const seen = await get(`nodes/organization/${A}/neighbourhood`, neighbourhood, noContracts.headers);
    expect(seen.edges.map((e) => e.type).sort()).toEqual(['hosts', 'lead_of_project', 'located_in_zone']);
    expectProblem(await app.inject({ url: `/api/v1/graph/nodes/organization/${A}/neighbourhood?edge_types=contract`, headers: noContracts.headers }), 403, ['edge_types']);
    expectProblem(await app.inject({ url: `/api/v1/graph/nodes/talent/${T1}/neighbourhood`, headers: noContracts.headers }), 403, ['id']);
    expect((await get('stats', graphStats, noContracts.headers)).edges.map((e) => e.type)).not.toContain('contract');
  });

  it('shows an area officer its area’s records and their direct relations, the nodes outside masked and not walked through', async () => {
    const kaifu = await t.actAs('officer', { districts: ['430105'] });
    const n = await get(`nodes/organization/${C}/neighbourhood?hops=3`, neighbourhood, kaifu.headers);
    // C's project and the achievement transferred to it lie outside Kaifu: shown by kind, the graph not followed past them (to A, B, R1).
    expect(refsOf(n)).toEqual([`achievement:${AC1}`, `organization:${C}`, `project:${PR1}`].sort());
    expect(n.nodes.find((x) => x.ref === `organization:${C}`)!.name.zh).toBe('主体C');
    expect(n.nodes.find((x) => x.ref === `project:${PR1}`)!.name).toEqual({ zh: '辖区外攻关项目', en: 'Key-technology project outside your area' });
    expect(n.edges.map((e) => [e.type, e.amount])).toEqual([['partner_in_project', null], ['transfer', null]]);
    expectProblem(await app.inject({ url: `/api/v1/graph/nodes/organization/${A}/neighbourhood`, headers: kaifu.headers }), 403, ['id']);
    expectProblem(await app.inject({ url: `/api/v1/graph/path?from=organization:${C}&to=organization:${A}`, headers: kaifu.headers }), 403, ['to']);
    expect((await get('centrality?measure=degree', centrality, kaifu.headers)).items.map((i) => [i.node.ref, i.degree])).toEqual([[`organization:${C}`, 2]]);
    // A Yuelu officer: A's relations in full, the project lying nowhere masked.
    const yuelu = await t.actAs('officer', { districts: ['430104'] });
    const a = await get(`nodes/organization/${A}/neighbourhood`, neighbourhood, yuelu.headers);
    expect(a.nodes.find((x) => x.ref === `organization:${B}`)!.name.zh).toBe('主体B');
    expect(a.edges.find((e) => e.type === 'contract')!.amount).toBe('2000000.00');
    expect(a.nodes.find((x) => x.ref === `project:${PR1}`)!.name.zh).toBe('辖区外攻关项目');
  });

  it('names an introduced person only to a caller who may see personal data', async () => {
    const talent = (n: Neighbourhood) => n.nodes.find((x) => x.kind === 'talent')!.name;
    expect(talent(await get(`nodes/organization/${A}/neighbourhood`, neighbourhood))).toEqual({ zh: '张三丰', en: '张三丰' });
    const masked = await t.actAs('admin', { scopes: ['achievements.read', 'talent.read'] });
    expect(talent(await get(`nodes/organization/${A}/neighbourhood`, neighbourhood, masked.headers))).toEqual({ zh: '两院院士（主体A）', en: 'Academician (主体A)' });
  });
});
