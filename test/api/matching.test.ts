import { describe, expect, it } from 'vitest';
import { matchList, type MatchList } from '../../src/contracts/matching.js';
import type { IndustrialChains } from '../../src/domain/industrialChain.js';
import { validUscc } from '../support/factories.js';
import { observedDatabase, type Statement } from '../support/observedDatabase.js';
import { createTestApp } from '../support/testApp.js';
import { expectProblem } from './helpers.js';

/**
 * Matching (issue 15) over a planted registry whose right answers are known:
 *
 *   LAB (university, 液压 → segment parts) hosts R1; achievement AC by LAB and PARTNER, at R1
 *   LAB ─2 registered contracts (advanced_manufacturing)→ ADOPTER (enterprise, 液压 → parts, tech-SME)
 *   LAB ─draft contract→ DRAFTY (another district)      NEIGHBOUR: same district, nothing else
 *   STRANGER: another district, another segment, nothing in common; ADOPTER hosts its own R3
 *   P2: a platform of STRANGER in the drugs segment, another district
 */
const chains: IndustrialChains = {
  chains: [
    {
      id: 'mach',
      name: { zh: '工程机械', en: 'Machinery' },
      segments: [
        { id: 'parts', name: { zh: '零部件', en: 'Parts' }, position: 'upstream', feeds: [], rules: [{ keywords: ['液压'] }] },
        { id: 'drugs', name: { zh: '药品', en: 'Drugs' }, position: 'midstream', feeds: [], rules: [{ keywords: ['生物医药'] }] },
      ],
    },
  ],
  handMapping: [],
};
const statements: Statement[] = [];
const t = await createTestApp({ industrialChains: chains, today: '2026-07-02', observe: (db) => observedDatabase(db, statements) });
const { app, db } = t;

const one = async (sql: string, params: unknown[]): Promise<number> => (await db.query<{ id: number }>(sql, params)).rows[0]!.id;
const org = (name: string, kind: string, district: string) =>
  one('INSERT INTO organizations (uscc, name, name_en, kind, district_code) VALUES ($1, $2, $3, $4, $5) RETURNING id', [validUscc(), name, `${name} (en)`, kind, district]);
const LAB = await org('液压研究大学', 'university', '430104');
const PARTNER = await org('液压伙伴有限公司', 'enterprise', '430104');
const ADOPTER = await org('星城液压有限公司', 'enterprise', '430104');
const NEIGHBOUR = await org('岳麓贸易有限公司', 'enterprise', '430104');
const DRAFTY = await org('远郊机电有限公司', 'enterprise', '430111');
const STRANGER = await org('远方生物医药有限公司', 'enterprise', '430111');
const R1 = await one("INSERT INTO rd_institutions (host_org_id, name, category, level, district_code) VALUES ($1, '液压研究院', 'new_rd_institution', 'provincial', '430104') RETURNING id", [LAB]);
const R3 = await one("INSERT INTO rd_institutions (host_org_id, name, category, level, district_code) VALUES ($1, '星城液压企业技术中心', 'new_rd_institution', 'provincial', '430104') RETURNING id", [ADOPTER]);
const P2 = await one("INSERT INTO platforms (host_org_id, name, type, level, status, district_code) VALUES ($1, '生物医药平台', 'engineering_center', 'provincial', 'active', '430111') RETURNING id", [STRANGER]);
const AC = await one("INSERT INTO achievements (title, type, year, owner_org_id, rd_institution_id, district_code) VALUES ('高压液压阀', 'patent', 2024, $1, $2, '430104') RETURNING id", [LAB, R1]);
await db.query('INSERT INTO achievement_organizations (achievement_id, org_id, position) VALUES ($1, $2, 1)', [AC, PARTNER]);
const contract = (n: string, seller: number, buyer: number, status: 'registered' | 'draft') =>
  one(
    "INSERT INTO tech_contracts (contract_number, title, type, sub_type, seller_org_id, buyer_org_id, buyer_region, flow, contract_amount, transaction_amount, signed_on, registered_on, status, technology_field) VALUES ($1, '合同', 'development', 'commissioned', $2, $3, '430104', 'local', 2000000, 1000000, '2024-04-01', $4, $5, 'advanced_manufacturing') RETURNING id",
    [n, seller, buyer, status === 'registered' ? '2024-05-01' : null, status],
  );
const K1 = await contract('M-1', LAB, ADOPTER, 'registered');
const K2 = await contract('M-2', LAB, ADOPTER, 'registered');
await contract('M-3', LAB, DRAFTY, 'draft');
await db.query("INSERT INTO qualifications (organization_id, qualification, valid_from) VALUES ($1, 'tech_sme', '2026-01-01')", [ADOPTER]);

const ask = async (url: string, headers: Record<string, string> = {}): Promise<MatchList> => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/matching/${url}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return matchList.parse(res.json());
};
const reasonCodes = (list: MatchList, ref: string) => list.candidates.find((c) => c.ref === ref)?.reasons.map((r) => r.code);

describe('the enterprises to adopt an achievement', () => {
  it('ranks the same-segment buyer of two of the lab’s contracts, one hop away, first, each reason with its rows', async () => {
    const list = await ask(`achievements/${AC}/enterprises`);
    expect(list.subject).toEqual({ ref: `achievement:${AC}`, kind: 'achievement', id: AC, name: { zh: '高压液压阀', en: '高压液压阀' } });
    expect(list.candidates.map((c) => c.ref)).toEqual([`organization:${ADOPTER}`, `organization:${NEIGHBOUR}`]);
    const first = list.candidates[0]!;
    expect(first.name).toEqual({ zh: '星城液压有限公司', en: '星城液压有限公司 (en)' });
    expect(reasonCodes(list, `organization:${ADOPTER}`)).toEqual(['segment', 'field', 'past_contracts', 'proximity', 'district', 'qualification']);
    const reason = (code: string) => first.reasons.find((r) => r.code === code)!;
    expect(reason('segment').detail.en).toBe('Both in the segment(s): Parts');
    expect(reason('field')).toMatchObject({ contribution: 20, evidence: [{ kind: 'tech_contract', id: K1 }, { kind: 'tech_contract', id: K2 }] });
    expect(reason('past_contracts').evidence).toEqual([{ kind: 'tech_contract', id: K1 }, { kind: 'tech_contract', id: K2 }]);
    expect(reason('proximity').detail.en).toBe('1 hop(s) apart in the innovation graph');
    expect(reason('qualification').label).toEqual({ zh: '承接能力（资质）', en: 'Capacity (qualifications)' });
    expect(first.score).toBe(first.reasons.reduce((s, r) => s + r.contribution, 0));
    expect(list).toMatchObject({ max_score: 100, proximity_hops: 3 });
  });

  it('leaves out the achievement’s own organizations, a buyer of a mere draft far away, and a stranger', async () => {
    const refs = (await ask(`achievements/${AC}/enterprises`)).candidates.map((c) => c.ref);
    for (const id of [LAB, PARTNER, DRAFTY, STRANGER]) expect(refs).not.toContain(`organization:${id}`);
  });

  it('keeps the best `limit`, and a write shows in the next answer', async () => {
    expect((await ask(`achievements/${AC}/enterprises?limit=1`)).candidates.map((c) => c.id)).toEqual([ADOPTER]);
    await contract('M-4', LAB, NEIGHBOUR, 'registered');
    expect(reasonCodes(await ask(`achievements/${AC}/enterprises`), `organization:${NEIGHBOUR}`)).toEqual(['field', 'past_contracts', 'proximity', 'district']);
  });
});

describe('the facts matching compares', () => {
  it('are read once per version of their tables: a second question reads no contract, transfer or enterprise again', async () => {
    await ask(`achievements/${AC}/enterprises`);
    statements.length = 0;
    await ask(`enterprises/${ADOPTER}/institutions`);
    await ask(`achievements/${AC}/enterprises`);
    const bulk = statements.filter((s) => /FROM (tech_contracts|transfers|rd_institutions|platforms|qualifications)\b|kind = 'enterprise'/.test(s.sql));
    expect(bulk.map((s) => s.sql)).toEqual([]);
  });
});

describe('the institutions an enterprise may approach', () => {
  it('ranks the institution whose host sold it two contracts first; not its own institution, not a stranger’s platform', async () => {
    const list = await ask(`enterprises/${ADOPTER}/institutions`);
    expect(list.subject.ref).toBe(`organization:${ADOPTER}`);
    expect(list.candidates.map((c) => c.ref)).toEqual([`rd_institution:${R1}`]);
    expect(reasonCodes(list, `rd_institution:${R1}`)).toEqual(['segment', 'field', 'past_contracts', 'proximity', 'district']);
    expect(list.candidates[0]!.reasons.find((r) => r.code === 'proximity')!.detail.en).toBe('2 hop(s) apart in the innovation graph');
    expect(list.candidates.some((c) => c.ref === `rd_institution:${R3}` || c.ref === `platform:${P2}`)).toBe(false);
  });
});

describe('bad questions', () => {
  it('an unknown record is 404, a bad id or limit 400, an organization that is not an enterprise 422', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/matching/achievements/999999/enterprises' }), 404);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/matching/enterprises/999999/institutions' }), 404);
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/matching/achievements/${AC}/enterprises?limit=0` }), 400, ['limit']);
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/matching/achievements/${AC}/enterprises?limit=51` }), 400, ['limit']);
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/matching/achievements/01/enterprises' }), 400, ['id']);
    const p = expectProblem(await app.inject({ method: 'GET', url: `/api/v1/matching/enterprises/${LAB}/institutions` }), 422, ['id']);
    expect(p.errors[0]!.code).toBe('matching.not_enterprise');
  });

  it('needs the city-wide grant the graph needs: a district officer is refused (the roles without it: security.test.ts)', async () => {
    const districtOfficer = await t.actAs('officer', { districts: ['430104'] });
    expectProblem(await app.inject({ method: 'GET', url: `/api/v1/matching/enterprises/${ADOPTER}/institutions`, headers: districtOfficer.headers }), 403);
  });
});
