import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { observationList } from '../../src/contracts/indicators.js';
import { ipLoan, ipLoanList, type IpLoan, type IpLoanCreate } from '../../src/contracts/ipLoans.js';
import { loadIpLoanPolicies } from '../../src/config.js';
import type { CompensationPolicy } from '../../src/domain/ipLoanCompensation.js';
import { createOrganization } from '../support/factories.js';
import { tempDirs } from '../support/tempDirs.js';
import { createTestApp, type Acting } from '../support/testApp.js';
import { errorAt, expectProblem } from './helpers.js';

const dirs = tempDirs();
const shipped = loadIpLoanPolicies();
/** The policies in force: a test swaps them for a changed policy file, as an operator would. */
let policies: readonly CompensationPolicy[] = shipped;

const t = await createTestApp({ today: () => '2026-12-04', ipLoanPolicies: () => policies });
const { app, db } = t;

const YUELU = '430104';
const FURONG = '430102';
const yueluFirm = await createOrganization(app, { name: '岳麓质押科技有限公司', district_code: YUELU, zone: 'xiangjiang_new_area' });
const furongFirm = await createOrganization(app, { name: '芙蓉质押科技有限公司', district_code: FURONG, zone: null });
const bank = await createOrganization(app, { name: '长沙银行股份有限公司', kind: 'enterprise', district_code: FURONG });

let n = 0;
/** A valid application: a Yuelu firm pledges a patent and a software copyright to a registry bank. */
const input = (overrides: Partial<IpLoanCreate> = {}): IpLoanCreate => ({
  contract_number: `ZY-2025-${++n}`,
  borrower_org_id: yueluFirm.id,
  lender_org_id: bank.id,
  guarantor_name: '湖南省融资担保集团',
  guarantor_kind: 'guarantor',
  pledged_items: [
    { kind: 'patent', number: '2018 1 1564288.x' },
    { kind: 'software_copyright', number: '2023sr0123456' },
  ],
  valuation_amount: '8000000',
  valuer: '湖南某资产评估有限公司',
  amount: '3000000.00',
  annual_rate: '3.85',
  term_months: 12,
  applied_on: '2025-01-10',
  ...overrides,
});

const post = (body: object, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url: '/api/v1/ip-loans', payload: body, headers });
async function make(overrides: Partial<IpLoanCreate> = {}): Promise<IpLoan> {
  const res = await post(input(overrides));
  expect(res.statusCode, res.body).toBe(201);
  return ipLoan.parse(res.json());
}
const step = (loan: { id: number; version: number }, body: object, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: `/api/v1/ip-loans/${loan.id}/steps`, payload: body, headers: { 'if-match': `"${loan.version}"`, ...headers } });
async function walk(loan: IpLoan, ...steps: Array<[string, string, string?]>): Promise<IpLoan> {
  for (const [to, on, loss] of steps) {
    const res = await step(loan, { step: to, on, ...(loss ? { loss_amount: loss } : {}) });
    expect(res.statusCode, res.body).toBe(200);
    loan = ipLoan.parse(res.json());
  }
  return loan;
}
const count = async () => Number((await db.query<{ n: string }>('SELECT count(*)::text AS n FROM ip_loans')).rows[0]!.n);

describe('IP-backed loans (知识产权质押融资): the record', () => {
  it('stores the pledged numbers normalised, exact amounts, the borrower’s place, and audits the create', async () => {
    const loan = await make();
    expect(loan).toMatchObject({
      borrower_name: '岳麓质押科技有限公司',
      lender_display_name: '长沙银行股份有限公司',
      pledged_items: [
        { kind: 'patent', number: 'ZL201811564288.X' },
        { kind: 'software_copyright', number: '2023SR0123456' },
      ],
      valuation_amount: '8000000.00',
      amount: '3000000.00',
      annual_rate: '3.8500',
      status: 'applied',
      district_code: YUELU,
      zone: 'xiangjiang_new_area',
      compensation: null,
    });
    const { rows } = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'ip_loans' AND record_id = $1", [String(loan.id)]);
    expect(rows.map((r) => r.action)).toEqual(['create']);
  });

  it('answers bad input with a 400 naming every field, and writes nothing', async () => {
    const before = await count();
    const res = await post(input({ pledged_items: [{ kind: 'patent', number: 'ZL201811564288.1' }, { kind: 'trademark', number: 'TM-1' }], amount: '-5', valuation_amount: 'NaN', annual_rate: '36.5', term_months: 0, applied_on: '2027-01-01' }));
    const problem = expectProblem(res, 400, ['pledged_items.0.number', 'pledged_items.1.number', 'amount', 'valuation_amount', 'annual_rate', 'term_months', 'applied_on']);
    expect(errorAt(problem, 'pledged_items.0.number')).toMatchObject({ code: 'patent.check_digit', params: { expected: 'X' } });
    expect(errorAt(problem, 'pledged_items.0.number').message.zh).toContain('校验位');
    expectProblem(await post(input({ amount: '100000000000' })), 400, ['amount']);
    expectProblem(await post(input({ borrower_org_id: 999_999 })), 400, ['borrower_org_id']);
    expect(errorAt(expectProblem(await post(input({ lender_org_id: null })), 400, ['lender_name']), 'lender_name').code).toBe('lender.required');
    expect(errorAt(expectProblem(await post(input({ pledged_items: [{ kind: 'software_copyright', number: '2027SR0000001' }] })), 400), 'pledged_items.0.number').code).toBe('software_copyright.year');
    expect(await count()).toBe(before);
  });

  it('refuses a second loan of the same contract number for the same borrower (409)', async () => {
    const first = await make();
    expectProblem(await post(input({ contract_number: first.contract_number })), 409, ['contract_number']);
  });
});

describe('the lifecycle', () => {
  it('goes applied → approved → disbursed → repaid, each step dated and audited', async () => {
    const loan = await walk(await make(), ['approved', '2025-01-20'], ['disbursed', '2025-02-01'], ['repaid', '2026-02-01']);
    expect(loan).toMatchObject({ status: 'repaid', approved_on: '2025-01-20', disbursed_on: '2025-02-01', repaid_on: '2026-02-01', version: 4 });
    const { rows } = await db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity = 'ip_loans' AND record_id = $1 ORDER BY id", [String(loan.id)]);
    expect(rows.map((r) => r.action)).toEqual(['create', 'ip_loan_approved', 'ip_loan_disbursed', 'ip_loan_repaid']);
  });

  it('refuses a step the state does not allow with a 409 naming the state; a date out of order or in the future with a 400', async () => {
    const loan = await make();
    const refused = errorAt(expectProblem(await step(loan, { step: 'disbursed', on: '2025-02-01' }), 409), 'step');
    expect(refused).toMatchObject({ code: 'ip_loan.step_not_allowed', params: { status: 'applied' } });
    expect(refused.message.en).toContain('applied');
    expect(errorAt(expectProblem(await step(loan, { step: 'approved', on: '2025-01-09' }), 400), 'on').code).toBe('ip_loan.step_before_previous');
    expect(errorAt(expectProblem(await step(loan, { step: 'approved', on: '2026-12-05' }), 400), 'on').code).toBe('date.future');
    expectProblem(await step({ id: loan.id, version: 7 }, { step: 'approved', on: '2025-01-20' }), 412);
    expectProblem(await app.inject({ method: 'POST', url: `/api/v1/ip-loans/${loan.id}/steps`, payload: { step: 'approved', on: '2025-01-20' } }), 428);
    expect(ipLoan.parse((await app.inject({ method: 'GET', url: `/api/v1/ip-loans/${loan.id}` })).json())).toMatchObject({ status: 'applied', version: 1 });
  });

  it('fixes the terms once approved: the amount cannot change, a name still can', async () => {
    const loan = await walk(await make(), ['approved', '2025-01-20']);
    const patch = (body: object) => app.inject({ method: 'PATCH', url: `/api/v1/ip-loans/${loan.id}`, payload: body, headers: { 'if-match': `"${loan.version}"` } });
    expect(errorAt(expectProblem(await patch({ amount: '1.00' }), 409), 'amount').code).toBe('ip_loan.terms_fixed');
    expect((await patch({ valuer: '另一评估机构' })).statusCode).toBe(200);
  });
});

describe('compensation (风险补偿): shares from the policy in force on the loss date', () => {
  it('splits a loss 45 / 45 / 10 under the shipped policy, caps the fund per firm, and keeps old losses’ shares when the policy changes', async () => {
    const overdue = (amount: string) => make({ amount }).then((l) => walk(l, ['approved', '2025-01-20'], ['disbursed', '2025-02-01'], ['overdue', '2025-08-01']));
    const first = await walk(await overdue('3000000.00'), ['compensated', '2025-11-30', '2000000.01']);
    expect(first.compensation).toMatchObject({ policy: 'hunan_ip_pledge_2023', loss_amount: '2000000.01', fund: '900000.00', lender: '900000.01', agency: '200000.00', capped: false });
    expect(first.compensation?.policy_name.zh).toContain('湖南');

    // A new policy from 2026: 30 % fund, 60 % lender, 10 % agency, cap 1,000,000 per firm.
    const file = join(dirs.make('ip-loan-policies'), 'ip-loan-policies.json');
    const changed = [
      { ...shipped[0]!, valid_to: '2025-12-31' },
      { ...shipped[0]!, code: 'changed_2026', name: { zh: '调整后的政策（2026 年）', en: 'Changed policy (2026)' }, valid_from: '2026-01-01', valid_to: null, shares: { fund: '0.30', lender: '0.60', agency: '0.10' }, per_firm_cap: '1000000.00' },
    ];
    writeFileSync(file, JSON.stringify({ policies: changed }));
    policies = loadIpLoanPolicies(file);
    onTestFinished(() => {
      policies = shipped;
    });

    const second = await walk(await overdue('2000000.00'), ['compensated', '2026-03-01', '1000000.00']);
    // 30 % would be 300,000, but the firm's cap under the new policy leaves 1,000,000 − 900,000.
    expect(second.compensation).toMatchObject({ policy: 'changed_2026', fund_before_cap: '300000.00', fund: '100000.00', agency: '100000.00', lender: '800000.00', capped: true });
    const again = ipLoan.parse((await app.inject({ method: 'GET', url: `/api/v1/ip-loans/${first.id}` })).json());
    expect(again.compensation).toEqual(first.compensation);
    // A loss dated under the old policy is still priced by it.
    const late = await walk(await make({ borrower_org_id: furongFirm.id }).then((l) => walk(l, ['approved', '2025-01-20'], ['disbursed', '2025-02-01'], ['overdue', '2025-08-01'])), ['compensated', '2025-12-31', '100.00']);
    expect(late.compensation).toMatchObject({ policy: 'hunan_ip_pledge_2023', fund: '45.00', lender: '45.00', agency: '10.00' });
  });

  it('asks for the loss, at most the amount lent', async () => {
    const loan = await walk(await make({ amount: '1000.00' }), ['approved', '2025-01-20'], ['disbursed', '2025-02-01'], ['overdue', '2025-08-01']);
    expect(errorAt(expectProblem(await step(loan, { step: 'compensated', on: '2025-12-01' }), 400), 'loss_amount').code).toBe('loss_amount.required');
    expect(errorAt(expectProblem(await step(loan, { step: 'compensated', on: '2025-12-01', loss_amount: '1000.01' }), 400), 'loss_amount').code).toBe('loss_amount.above_amount');
  });
});

const orgUser = await t.actAs('org_user', { organizationIds: [yueluFirm.id] });
const furongOfficer = await t.actAs('officer', { districts: [FURONG] });

describe('who sees and writes which loans', () => {
  const as = (who: Acting, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  it('an organization user sees its own borrowing only and writes none', async () => {
    const own = await make();
    const other = await make({ borrower_org_id: furongFirm.id });
    const page = ipLoanList.parse((await as(orgUser, 'GET', '/api/v1/ip-loans?per_page=200')).json());
    expect(page.results.length).toBeGreaterThan(0);
    expect(page.results.every((r) => r.borrower_org_id === yueluFirm.id)).toBe(true);
    expect((await as(orgUser, 'GET', `/api/v1/ip-loans/${own.id}`)).statusCode).toBe(200);
    expectProblem(await as(orgUser, 'GET', `/api/v1/ip-loans/${other.id}`), 404);
    expectProblem(await as(orgUser, 'POST', '/api/v1/ip-loans', input()), 403);
    expectProblem(await t.anonymous({ method: 'GET', url: '/api/v1/ip-loans' }), 401);
  });

  it('an officer sees and steps the loans of its area’s borrowers only', async () => {
    const yuelu = await make();
    const furong = await make({ borrower_org_id: furongFirm.id });
    const page = ipLoanList.parse((await as(furongOfficer, 'GET', '/api/v1/ip-loans?per_page=200&filter=status:applied')).json());
    expect(page.results.every((r) => r.district_code === FURONG)).toBe(true);
    expectProblem(await step(yuelu, { step: 'approved', on: '2025-01-20' }, furongOfficer.headers), 403);
    expect((await step(furong, { step: 'approved', on: '2025-01-20' }, furongOfficer.headers)).statusCode).toBe(200);
    expectProblem(await as(furongOfficer, 'POST', '/api/v1/ip-loans', input()), 403);
  });
});

describe('the IP-backed loans’ indicators (Kaifu district, loans whose sums are known)', () => {
  const KAIFU = '430105';
  const valueOf = async (code: string, period: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/indicators/${code}/observations?period=${period}&area=${KAIFU}` });
    expect(res.statusCode, res.body).toBe(200);
    return observationList.parse(res.json()).results[0]!.value;
  };

  it('counts firms financed, sums lending, outstanding and overdue balances, the overdue rate and compensation paid; rows by reach', async () => {
    const [x, y] = [await createOrganization(app, { district_code: KAIFU, zone: null }), await createOrganization(app, { district_code: KAIFU, zone: null })];
    const disbursed = (borrower: number, amount: string, on: string) => make({ borrower_org_id: borrower, amount }).then((l) => walk(l, ['approved', on], ['disbursed', on]));
    await walk(await disbursed(x.id, '1000000.00', '2025-02-01'), ['repaid', '2026-01-15']);
    await walk(await disbursed(x.id, '3000000.00', '2025-03-01'), ['overdue', '2025-09-01'], ['compensated', '2026-03-01', '2000000.00']);
    await walk(await disbursed(y.id, '500000.00', '2025-04-01'), ['repaid', '2025-06-01']);
    await make({ borrower_org_id: y.id, amount: '9000000.00' }); // applied only: counts nowhere

    expect(await valueOf('ip_loans.firms_financed', '2025')).toBe(2);
    expect(await valueOf('ip_loans.amount', '2025')).toBeCloseTo(0.045, 12);
    expect(await valueOf('ip_loans.outstanding', '2025')).toBeCloseTo(0.04, 12);
    expect(await valueOf('ip_loans.overdue_outstanding', '2025')).toBeCloseTo(0.03, 12);
    expect(await valueOf('ip_loans.overdue_rate', '2025')).toBeCloseTo(75, 9);
    expect(await valueOf('ip_loans.compensation_paid', '2025')).toBe(0);
    expect(await valueOf('ip_loans.compensation_paid', '2026')).toBeCloseTo(0.009, 12);
    expect(await valueOf('ip_loans.outstanding', '2026')).toBe(0);

    const rows = (headers: Record<string, string> = {}) => app.inject({ method: 'GET', url: `/api/v1/indicators/ip_loans.amount/rows?period=2025&area=${KAIFU}&per_page=50`, headers });
    const all = await rows();
    expect(all.statusCode, all.body).toBe(200);
    expect(ipLoanList.shape.results.parse(all.json().results).map((l) => l.amount).sort()).toEqual(['1000000.00', '3000000.00', '500000.00']);
    const firmX = await t.actAs('org_user', { organizationIds: [x.id] });
    expect((await rows(firmX.headers)).json().results.every((l: IpLoan) => l.borrower_org_id === x.id)).toBe(true);
    expectProblem(await t.anonymous({ method: 'GET', url: `/api/v1/indicators/ip_loans.amount/rows?period=2025&area=${KAIFU}` }), 401);
  });
});
