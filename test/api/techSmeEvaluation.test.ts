import { describe, expect, it } from 'vitest';
import { storedTechSmeEvaluation, storedTechSmeEvaluationList, techSmeEvaluationResult, type TechSmeFiguresInput } from '../../src/contracts/techSmeEvaluation.js';
import { createOrganization } from '../support/factories.js';
import { createTestApp } from '../support/testApp.js';
import { errorAt, expectProblem } from './helpers.js';

const { app, db, anonymous, actAs } = await createTestApp({ today: '2026-12-04' });

/** Domain guide §3's first worked example: 20 + 50 + 30 = 100. */
const example: TechSmeFiguresInput = {
  staff: 100,
  st_staff: 30,
  sales: '50000000.00',
  total_assets: '80000000.00',
  rd_expenditure: '3000000.00',
  total_costs: '45000000.00',
  class_one_ip: 1,
  class_two_ip: 0,
  declarations: { resident_enterprise: true, permitted_industry: true, clean_record: true },
};

const evaluate = (payload: unknown) => anonymous({ method: 'POST', url: '/api/v1/tech-sme-evaluation', payload: payload as object });
const stored = async (): Promise<number> => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM tech_sme_evaluations')).rows[0]!.n;
const audited = async (): Promise<number> => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity = 'tech_sme_evaluations'`)).rows[0]!.n;

describe('POST /tech-sme-evaluation (no account)', () => {
  it('evaluates the worked example, explaining every item', async () => {
    const res = await evaluate(example);
    expect(res.statusCode, res.body).toBe(200);
    const r = techSmeEvaluationResult.parse(res.json());
    expect(r).toMatchObject({ total: 100, qualifies: true, route: 'score', eligible: true });
    expect(r.items.map((i) => [i.code, i.points])).toEqual([['st_staff', 20], ['rd_input', 50], ['st_results', 30]]);
    for (const item of r.items) expect(item.explanation.zh && item.explanation.en).toBeTruthy();
  });

  it('puts exactly 3 % of sales in [3, 4), where binary floats fall short', async () => {
    const r = techSmeEvaluationResult.parse((await evaluate({ ...example, sales: '134.00', rd_expenditure: '4.02', total_costs: '999999999.00' })).json());
    expect(r.items[1]).toMatchObject({ points: 20, band: '[3%, 4%)', basis: 'sales' });
  });

  it('names a direct-qualification route', async () => {
    const r = techSmeEvaluationResult.parse((await evaluate({ ...example, st_staff: 0, direct_routes: ['high_tech_enterprise'] })).json());
    expect(r).toMatchObject({ qualifies: true, route: 'direct' });
  });

  it('reports every bad figure at once, by field, in both languages', async () => {
    const p = expectProblem(await evaluate({ ...example, sales: '-1', total_assets: 80000000, rd_expenditure: '1.234', st_staff: 101 }), 400, ['sales', 'total_assets', 'rd_expenditure', 'st_staff']);
    expect(errorAt(p, 'sales').code).toBe('amount.format');
    expect(errorAt(p, 'st_staff').code).toBe('tech_sme.st_staff_above_staff');
    expectProblem(await evaluate({ ...example, class_two_ip: 1.5, staff: -1 }), 400, ['class_two_ip', 'staff']);
  });

  it('refuses unknown fields and routes', async () => {
    expectProblem(await evaluate({ ...example, score: 100 }), 400, ['score']);
    expectProblem(await evaluate({ ...example, direct_routes: ['gold_medal'] }), 400, ['direct_routes.0']);
  });
});

const own = await createOrganization(app, { district_code: '430104', zone: null });
const other = await createOrganization(app, { district_code: '430102', zone: null });
const orgUser = await actAs('org_user', { organizationIds: [own.id] });
const yueluOfficer = await actAs('officer', { districts: ['430104'] });
const furongOfficer = await actAs('officer', { districts: ['430102'] });
const url = (id: number) => `/api/v1/organizations/${id}/tech-sme-evaluations`;
const save = (id: number, headers: Record<string, string>, payload: unknown = { ...example, year: 2025 }) => anonymous({ method: 'POST', url: url(id), headers, payload: payload as object });

describe('an organization’s stored evaluations', () => {
  it('an organization user stores a result its server computed, audited, and reads it back', async () => {
    const auditBefore = await audited();
    const res = await save(own.id, orgUser.headers);
    expect(res.statusCode, res.body).toBe(201);
    const saved = storedTechSmeEvaluation.parse(res.json());
    expect(saved).toMatchObject({ organization_id: own.id, year: 2025, figures: { sales: '50000000.00', direct_routes: [] }, result: { total: 100, qualifies: true } });
    expect(await audited()).toBe(auditBefore + 1);

    const list = storedTechSmeEvaluationList.parse((await anonymous({ url: url(own.id), headers: orgUser.headers })).json());
    expect(list.results.map((e) => e.id)).toEqual([saved.id]);
    const byOfficer = await anonymous({ url: url(own.id), headers: yueluOfficer.headers });
    expect(byOfficer.statusCode, byOfficer.body).toBe(200);
  });

  it('refuses another organization, the anonymous, an officer storing and a future year, writing nothing', async () => {
    const before = [await stored(), await audited()];
    expectProblem(await save(other.id, orgUser.headers), 403);
    expectProblem(await save(own.id, {}), 401);
    expectProblem(await save(own.id, yueluOfficer.headers), 403);
    expectProblem(await save(999_999, orgUser.headers), 404);
    expectProblem(await save(own.id, orgUser.headers, { ...example, year: 2027 }), 400, ['year']);
    expectProblem(await save(own.id, orgUser.headers, { ...example, year: 2025, sales: '1e6' }), 400, ['sales']);
    expect([await stored(), await audited()]).toEqual(before);
  });

  it('is read by its users and the officers of its area only', async () => {
    expectProblem(await anonymous({ url: url(own.id), headers: furongOfficer.headers }), 403);
    expectProblem(await anonymous({ url: url(other.id), headers: orgUser.headers }), 403);
    expectProblem(await anonymous({ url: url(own.id) }), 401);
  });
});
