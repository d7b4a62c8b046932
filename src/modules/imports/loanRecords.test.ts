import { describe, expect, it } from 'vitest';
import { ipLoanEntitySpec, parsePledgedCell, type IpLoanFileRecord } from './loanRecords.js';
import type { RowContext } from './fileRecords.js';

const ctx = { today: '2026-12-04' } as RowContext;
const row = (over: Partial<IpLoanFileRecord> = {}) =>
  ipLoanEntitySpec.build({ borrower_uscc: 'X', contract_number: 'ZY-1', lender_name: '某银行', pledged_items: 'patent:ZL201811564288.X', valuation_amount: '800', valuer: 'V', amount: '300.5', annual_rate: '3.85', term_months: '12', status: 'applied', applied_on: '2025-01-10', ...over } as never, ctx).record;
const problems = (over: Partial<IpLoanFileRecord>) => ipLoanEntitySpec.rules(row(over), ctx).map((p) => `${p.field}:${p.code}`);

describe('a loan row', () => {
  it('reads the pledged items of one cell, kinds by code or label, separated by ; or ；', () => {
    expect(parsePledgedCell('patent:ZL201811564288.X；注册商标：12345678; software_copyright:2023SR0123456')).toEqual([
      { kind: 'patent', number: 'ZL201811564288.X' },
      { kind: 'trademark', number: '12345678' },
      { kind: 'software_copyright', number: '2023SR0123456' },
    ]);
    expect(parsePledgedCell('ZL201811564288.X')).toMatchObject({ code: 'pledged_items.format' });
    expect(parsePledgedCell('design:123')).toMatchObject({ code: 'pledged_items.format' });
  });

  it('stores amounts with two places and the term as a number, so a re-import compares equal', () => {
    expect(row()).toMatchObject({ amount: '300.50', valuation_amount: '800.00', term_months: 12 });
  });

  it('reports each pledged item, the lender and the history at their cells', () => {
    expect(problems({})).toEqual([]);
    expect(problems({ pledged_items: 'patent:ZL201811564288.1' })).toEqual(['pledged_items:patent.check_digit']);
    expect(problems({ pledged_items: 'trademark:12345678; trademark:12345678' })).toEqual(['pledged_items:pledged_item.duplicate']);
    expect(problems({ lender_uscc: null, lender_name: null })).toEqual(['lender_name:lender.required']);
    expect(problems({ lender_uscc: 'B', lender_name: '某银行' })).toEqual(['lender_name:lender.both']);
    expect(problems({ status: 'approved' })).toEqual(['approved_on:ip_loan.step_date_required']);
  });
});
