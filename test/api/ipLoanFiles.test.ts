import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { exportFormats } from '../../src/contracts/exports.js';
import { ipLoan, ipLoanList, type IpLoan, type IpLoanCreate } from '../../src/contracts/ipLoans.js';
import { compensateLoss, policyOn } from '../../src/domain/ipLoanCompensation.js';
import { yuan } from '../../src/domain/yuan.js';
import { systemActor } from '../../src/modules/audit/trail.js';
import { exportList } from '../../src/modules/exports/service.js';
import { shippedIpLoanPolicies } from '../../src/modules/ipLoans/service.js';
import { importProblems } from '../../src/modules/imports/queries.js';
import { runImport } from '../../src/modules/imports/service.js';
import { createOrganization } from '../support/factories.js';
import { tempDirs } from '../support/tempDirs.js';
import { createTestApp } from '../support/testApp.js';
import { expectProblem } from './helpers.js';

/**
 * IP-backed loans in files (issue 14): GET /api/v1/ip-loans/export in the import view (the file
 * columns of docs/data-formats.md) and the report view (names, labels, the fund's computed share),
 * read by ip_loans.read reach; export → import unchanged; a file of new loans written through the
 * service step by step (a compensation computed from the policy, not the file); bad rows reported
 * at their cells with nothing written. Loans are made over the API, so the file says what the API says.
 */
const t = await createTestApp({ today: () => '2026-12-04' });
const { app, ctx, db } = t;
const dir = tempDirs().make('loan-files');
const defaults = { mode: 'upsert' as const, atomic: true, dryRun: false, actor: systemActor('test') };

const yueluFirm = await createOrganization(app, { name: '岳麓导出科技有限公司', district_code: '430104', zone: 'xiangjiang_new_area' });
const furongFirm = await createOrganization(app, { name: '芙蓉导出科技有限公司', district_code: '430102', zone: null });
const bank = await createOrganization(app, { name: '导出测试银行股份有限公司', kind: 'enterprise', district_code: '430102' });

async function make(overrides: Partial<IpLoanCreate>): Promise<IpLoan> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/ip-loans',
    payload: {
      contract_number: 'ZY-1', borrower_org_id: yueluFirm.id, pledged_items: [{ kind: 'patent', number: '2018 1 1564288.x' }, { kind: 'software_copyright', number: '2023sr0123456' }],
      valuation_amount: '8000000', valuer: '湖南某资产评估有限公司', amount: '3000000.00', annual_rate: '3.85', term_months: 12, applied_on: '2025-01-10', ...overrides,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return ipLoan.parse(res.json());
}
async function walk(loan: IpLoan, ...steps: Array<[string, string, string?]>): Promise<IpLoan> {
  for (const [step, on, loss] of steps) {
    const res = await app.inject({ method: 'POST', url: `/api/v1/ip-loans/${loan.id}/steps`, payload: { step, on, ...(loss ? { loss_amount: loss } : {}) }, headers: { 'if-match': `"${loan.version}"` } });
    expect(res.statusCode, res.body).toBe(200);
    loan = ipLoan.parse(res.json());
  }
  return loan;
}

const applied = await make({ lender_org_id: bank.id, guarantor_name: '湖南省融资担保集团', guarantor_kind: 'guarantor' });
const compensated = await walk(
  await make({ borrower_org_id: furongFirm.id, contract_number: 'ZY-2', lender_name: '某外地银行', pledged_items: [{ kind: 'trademark', number: '12345678' }], amount: '1000000.00' }),
  ['approved', '2025-01-20'], ['disbursed', '2025-02-01'], ['overdue', '2025-08-01'], ['compensated', '2025-11-30', '600000.00'],
);

const exported = async (query: string, headers: Record<string, string> = {}) => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/ip-loans/export?${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res;
};
const jsonRows = (body: string) => body.trim().split('\n').map((l) => JSON.parse(l) as Record<string, string | null>);

describe('GET /api/v1/ip-loans/export', () => {
  it('writes each loan in the import view: its key, lender by credit code or name, pledged items in one cell, each step dated', async () => {
    const rows = jsonRows((await exported('format=jsonl&lang=en&sort=contract_number')).body);
    expect(rows).toEqual([
      {
        borrower_uscc: yueluFirm.uscc, contract_number: 'ZY-1', lender_uscc: bank.uscc, lender_name: null, guarantor_name: '湖南省融资担保集团', guarantor_kind: 'guarantor',
        pledged_items: 'patent:ZL201811564288.X; software_copyright:2023SR0123456', valuation_amount: applied.valuation_amount, valuer: '湖南某资产评估有限公司',
        amount: applied.amount, annual_rate: applied.annual_rate, term_months: '12', status: 'applied', applied_on: '2025-01-10',
        approved_on: null, disbursed_on: null, repaid_on: null, overdue_on: null, compensated_on: null, loss_amount: null,
      },
      {
        borrower_uscc: furongFirm.uscc, contract_number: 'ZY-2', lender_uscc: null, lender_name: '某外地银行', guarantor_name: null, guarantor_kind: null,
        pledged_items: 'trademark:12345678', valuation_amount: compensated.valuation_amount, valuer: '湖南某资产评估有限公司',
        amount: compensated.amount, annual_rate: compensated.annual_rate, term_months: '12', status: 'compensated', applied_on: '2025-01-10',
        approved_on: '2025-01-20', disbursed_on: '2025-02-01', repaid_on: null, overdue_on: '2025-08-01', compensated_on: '2025-11-30', loss_amount: compensated.compensation!.loss_amount,
      },
    ]);
  });

  it('writes a report with names, labels and the fund’s share as the compensation step computed it', async () => {
    const [row] = jsonRows((await exported(`format=jsonl&lang=zh&view=report&filter=${encodeURIComponent('status:compensated')}`)).body);
    expect(row).toMatchObject({ borrower_name: '芙蓉导出科技有限公司', status: '已代偿', fund_share: compensated.compensation!.fund, loss_amount: '600000.00' });
  });

  it('writes CSV with the Chinese headers of the file columns', async () => {
    const res = await exported('format=csv&lang=zh');
    expect(res.headers['content-disposition']).toContain('ip-loans-20261204.csv');
    expect(res.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(
      '借款企业统一社会信用代码,贷款合同编号,贷款银行统一社会信用代码,贷款银行名称,担保或保险机构,担保类型,质押知识产权,评估价值（元）,评估机构,贷款金额（元）,年利率（%）,期限（月）,状态,申请日期,审批日期,放款日期,结清日期,逾期日期,代偿日期,损失金额（元）',
    );
  });

  it('is not public, and gives an organization user its own borrowing only', async () => {
    expectProblem(await t.anonymous({ method: 'GET', url: '/api/v1/ip-loans/export?format=jsonl&lang=en' }), 401);
    const orgUser = await t.actAs('org_user', { organizationIds: [furongFirm.id] });
    const rows = jsonRows((await exported('format=jsonl&lang=en', orgUser.headers)).body);
    expect(rows.map((r) => r.contract_number)).toEqual(['ZY-2']);
  });
});

const versions = async () => (await db.query<{ id: number; version: number }>('SELECT id, version FROM ip_loans ORDER BY id')).rows;
const problemsOf = async (id: number) => {
  const out: string[] = [];
  for await (const p of importProblems(db, id)) out.push(`${p.line}:${p.column}:${p.code}`);
  return out;
};
const importText = (lines: string[]) => runImport(ctx, { entity: 'ip_loans', stream: Readable.from([Buffer.from(lines.join('\n'))]), fileName: 'loans.csv', ...defaults });
const HEADER = 'borrower_uscc,contract_number,lender_uscc,lender_name,pledged_items,valuation_amount,valuer,amount,annual_rate,term_months,status,applied_on,approved_on,disbursed_on,overdue_on,compensated_on,loss_amount';

describe('IP-backed loans: export → import', () => {
  for (const format of exportFormats)
    it(`as ${format} imports back unchanged`, async () => {
      const file = join(dir, `loans.${format}`);
      await pipeline(exportList(ctx, { entity: 'ip_loans', format, lang: format === 'csv' ? 'zh' : 'en' }).stream, createWriteStream(file));
      const before = await versions();
      const r = await runImport(ctx, { entity: 'ip_loans', stream: createReadStream(file), fileName: file, fileSize: statSync(file).size, ...defaults });
      expect(r.status, JSON.stringify(await problemsOf(r.id))).toBe('succeeded');
      expect({ read: r.read, unchanged: r.unchanged }).toEqual({ read: before.length, unchanged: before.length });
      expect(await versions()).toEqual(before);
    });
});

describe('IP-backed loans: a file of new loans', () => {
  it('writes each loan through its steps, the compensation computed from the policy in force on the loss date', async () => {
    const r = await importText([
      HEADER,
      `${furongFirm.uscc},ZY-F1,${bank.uscc},,专利:2018 1 1564288.x； trademark:12345678,5000000,某评估公司,2000000,4.1,24,compensated,2025-02-01,2025-02-10,2025-02-20,2025-09-01,2025-12-01,1500000`,
      `${yueluFirm.uscc},ZY-F2,,某外地银行,software_copyright:2023SR0123456,900000,某评估公司,500000,3.85,12,disbursed,2025-03-01,2025-03-05,2025-03-10,,,`,
    ]);
    expect(r.status, JSON.stringify(await problemsOf(r.id))).toBe('succeeded');
    expect(r.inserted).toBe(2);
    const res = await app.inject({ method: 'GET', url: `/api/v1/ip-loans?filter=${encodeURIComponent('contract_number:ZY-F1')}` });
    const [loan] = ipLoanList.parse(res.json()).results;
    // The firm's earlier compensation (ZY-2) used part of its cap, as the step counts it.
    const earlier = compensated.compensation!.fund;
    const expected = compensateLoss(policyOn(shippedIpLoanPolicies(), '2025-12-01')!, { id: String(loan!.id), firm: String(furongFirm.id), date: '2025-12-01', amount: '1500000.00' }, yuan(earlier));
    expect(loan).toMatchObject({ status: 'compensated', pledged_items: [{ kind: 'patent', number: 'ZL201811564288.X' }, { kind: 'trademark', number: '12345678' }], compensated_on: '2025-12-01' });
    expect(loan!.compensation).toMatchObject({ loss_amount: '1500000.00', fund: expected.fund, lender: expected.lender, agency: expected.agency, fund_before_cap: expected.fund_before_cap });
  });

  it('reports every bad row at its cell and writes nothing', async () => {
    const before = await versions();
    const r = await importText([
      HEADER,
      `${yueluFirm.uscc},ZY-B1,${bank.uscc},,patent:ZL201811564288.1,5000000,某评估公司,2000000,4.1,24,applied,2025-02-01,,,,,`,
      `${yueluFirm.uscc},ZY-B2,${bank.uscc},,trademark:12345678,5000000,某评估公司,2000000,4.1,24,disbursed,2025-02-01,2025-02-10,,,,`,
      `${yueluFirm.uscc},ZY-B3,${bank.uscc},,trademark:12345678,5000000,某评估公司,2000000,4.1,24,approved,2025-02-01,2025-01-10,,,,`,
      `${yueluFirm.uscc},ZY-B4,${bank.uscc},,trademark:12345678,5000000,某评估公司,2000000,4.1,24,compensated,2025-02-01,2025-02-10,2025-02-20,2025-09-01,2025-12-01,2000000.01`,
      `${yueluFirm.uscc},ZY-B5,${bank.uscc},,trademark:12345678,5000000,某评估公司,2000000,4.1,24,applied,2025-02-01,,,,,`,
      `${yueluFirm.uscc},ZY-1,${bank.uscc},,trademark:12345678,8000000,湖南某资产评估有限公司,3000000,3.85,12,repaid,2025-01-10,,,,,`,
    ]);
    expect(r.status).toBe('rejected');
    expect(await problemsOf(r.id)).toEqual([
      '2:pledged_items:patent.check_digit',
      '3:disbursed_on:ip_loan.step_date_required',
      '4:approved_on:ip_loan.step_before_previous',
      '5:loss_amount:loss_amount.above_amount',
      '7:approved_on:ip_loan.step_date_required',
    ]);
    expect(await versions()).toEqual(before);
  });

  it('refuses a file that rewrites the steps a stored loan has taken', async () => {
    const r = await importText([HEADER, `${furongFirm.uscc},ZY-2,,某外地银行,trademark:12345678,8000000,湖南某资产评估有限公司,1000000,3.85,12,compensated,2025-01-10,2025-01-20,2025-02-01,2025-08-01,2025-11-29,600000`]);
    expect(await problemsOf(r.id)).toEqual(['2:status:ip_loan.history_changed']);
  });
});

describe('IP-backed loans: who imports', () => {
  it('refuses a token that may import but not write loans (403), before anything is recorded', async () => {
    const importer = await t.actAs('officer', { scopes: ['imports.write', 'imports.read', 'ip_loans.read'] });
    const boundary = '----starcity-loans';
    const part = (head: string, body: string) => `--${boundary}\r\nContent-Disposition: form-data; ${head}\r\n\r\n${body}\r\n`;
    const payload = `${part('name="entity"', 'ip_loans')}${part('name="file"; filename="l.csv"\r\nContent-Type: text/csv', HEADER)}--${boundary}--\r\n`;
    const res = await app.inject({ method: 'POST', url: '/api/v1/imports', payload, headers: { ...importer.headers, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(expectProblem(res, 403).errors[0]).toMatchObject({ field: 'permission', code: 'permission.token_scope', params: { permission: 'ip_loans.write' } });
  });

  it('limits an officer’s import to its area’s borrowers', async () => {
    const r = await runImport(ctx, {
      entity: 'ip_loans',
      stream: Readable.from([Buffer.from([HEADER, `${furongFirm.uscc},ZY-A1,,某银行,trademark:12345678,900000,某评估公司,500000,3.85,12,applied,2025-03-01,,,,,`].join('\n'))]),
      fileName: 'loans.csv',
      ...defaults,
      area: { districts: ['430104'], zones: [] },
    });
    expect(await problemsOf(r.id)).toEqual(['2:borrower_uscc:scope.area']);
    expect((await db.query('SELECT 1 FROM ip_loans WHERE contract_number = $1', ['ZY-A1'])).rows).toEqual([]);
  });

  it('offers the template with Chinese headers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/imports/templates/ip_loans.csv' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toContain('借款企业统一社会信用代码,贷款合同编号');
  });
});
