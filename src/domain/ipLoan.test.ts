import { describe, expect, it } from 'vitest';
import { checkAnnualRate, checkIpLoanFields, checkLoanYuan, checkStep, ipLoanStatusCodes, ipLoanTransitions, normalizePledgedItems, normalizePledgedNumber, type LoanState } from './ipLoan.js';

const today = '2026-12-04';
const codes = (problems: { field: string; code: string }[]) => problems.map((p) => `${p.field}:${p.code}`);

describe('pledged IP numbers', () => {
  it('stores a patent as ZL + its application number, whichever form it was typed in', () => {
    // Published numbers (see patentNumber.test.ts for their sources).
    expect(normalizePledgedNumber('patent', '201811564288.X', today)).toBe('ZL201811564288.X');
    expect(normalizePledgedNumber('patent', 'ZL 2015 1 0958772.0', today)).toBe('ZL201510958772.0');
    expect(normalizePledgedNumber('patent', 'ZL95115608.X', today)).toBe('ZL95115608.X');
    expect(normalizePledgedNumber('patent', '2016211093381', today)).toBe('ZL201621109338.1');
  });

  it('refuses a patent number with a wrong check character, naming the right one', () => {
    expect(normalizePledgedNumber('patent', 'ZL201811564288.1', today)).toMatchObject({ code: 'patent.check_digit', params: { expected: 'X' } });
  });

  it('takes a trademark registration number with or without 第…号, and nothing else', () => {
    expect(normalizePledgedNumber('trademark', '第12345678号', today)).toBe('12345678');
    expect(normalizePledgedNumber('trademark', '１２３４５', today)).toBe('12345');
    for (const bad of ['0123', 'TM123', '1234567890', ''])
      expect(normalizePledgedNumber('trademark', bad, today)).toMatchObject({ code: 'trademark.format' });
  });

  it('takes a software copyright registration number: year, SR, serial', () => {
    expect(normalizePledgedNumber('software_copyright', '2023sr0123456', today)).toBe('2023SR0123456');
    expect(normalizePledgedNumber('software_copyright', '2008SR12345', today)).toBe('2008SR12345');
    expect(normalizePledgedNumber('software_copyright', '2023-0123456', today)).toMatchObject({ code: 'software_copyright.format' });
    expect(normalizePledgedNumber('software_copyright', '1985SR12345', today)).toMatchObject({ code: 'software_copyright.year' });
    expect(normalizePledgedNumber('software_copyright', '2027SR0000001', today)).toMatchObject({ code: 'software_copyright.year' });
  });

  it('reports each bad item at its index, a duplicate, an unknown kind and an empty list', () => {
    const { items, problems } = normalizePledgedItems(
      [
        { kind: 'patent', number: 'ZL201811564288.X' },
        { kind: 'patent', number: '201811564288X' },
        { kind: 'patent', number: 'ZL201811564288.2' },
        { kind: 'design_right', number: '1' },
      ],
      today,
    );
    expect(items[0]).toEqual({ kind: 'patent', number: 'ZL201811564288.X' });
    expect(codes(problems)).toEqual(['pledged_items.1.number:pledged_item.duplicate', 'pledged_items.2.number:patent.check_digit', 'pledged_items.3.kind:pledge_kind.unknown']);
    expect(codes(normalizePledgedItems([], today).problems)).toEqual(['pledged_items:pledged_items.required']);
  });
});

describe('amounts, rate and term', () => {
  it('refuses negative, malformed, zero and absurd amounts', () => {
    expect(checkLoanYuan('5000000.00')).toBeNull();
    expect(checkLoanYuan('-1')?.code).toBe('amount.negative');
    expect(checkLoanYuan('NaN')?.code).toBe('amount.format');
    expect(checkLoanYuan('1e6')?.code).toBe('amount.format');
    expect(checkLoanYuan('0')?.code).toBe('amount.zero');
    expect(checkLoanYuan('10000000000.01')?.code).toBe('amount.too_large');
  });

  it('takes an annual rate from 0 to 36 %, exactly at the edge', () => {
    for (const ok of ['0', '3.85', '36', '36.0000', '4.3500']) expect(checkAnnualRate(ok)).toBeNull();
    for (const bad of ['36.0001', '-1', '100', '3.123456', 'abc', '']) expect(checkAnnualRate(bad)?.code).toBe('annual_rate.range');
  });

  it('checks the whole record at once, each problem at its field', () => {
    const problems = checkIpLoanFields({ lender_org_id: null, lender_name: null, guarantor_name: '湖南担保', guarantor_kind: null, amount: '-5', annual_rate: '40', term_months: 0, valuation_amount: '0', applied_on: '2027-01-01' }, today);
    expect(codes(problems)).toEqual([
      'lender_name:lender.required',
      'guarantor_kind:guarantor.incomplete',
      'valuation_amount:amount.zero',
      'amount:amount.negative',
      'annual_rate:annual_rate.range',
      'term_months:term_months.range',
      'applied_on:date.future',
    ]);
    expect(checkIpLoanFields({ lender_org_id: 3, lender_name: '某银行' }, today).map((p) => p.code)).toEqual(['lender.both']);
  });
});

describe('the lifecycle', () => {
  const loan = (status: LoanState['status'], dates: Partial<LoanState> = {}): LoanState => ({ status, amount: '1000000.00', applied_on: '2025-01-10', ...dates });

  it('goes applied → approved → disbursed → repaid, or disbursed → overdue → compensated (or repaid late)', () => {
    expect(ipLoanTransitions).toEqual({ applied: ['approved'], approved: ['disbursed'], disbursed: ['repaid', 'overdue'], overdue: ['repaid', 'compensated'], repaid: [], compensated: [] });
    expect([...ipLoanStatusCodes].sort()).toEqual(Object.keys(ipLoanTransitions).sort());
    expect(checkStep(loan('applied'), 'approved', '2025-01-20', today)).toBeNull();
    expect(checkStep(loan('disbursed', { disbursed_on: '2025-02-01' }), 'overdue', '2025-09-01', today)).toBeNull();
    expect(checkStep(loan('overdue', { overdue_on: '2025-09-01' }), 'compensated', '2025-12-01', today, '400000.00')).toBeNull();
  });

  it('refuses a step the state does not allow as a conflict naming the state', () => {
    const refused = checkStep(loan('applied'), 'disbursed', '2025-01-20', today);
    expect(refused).toMatchObject({ kind: 'conflict', problem: { field: 'step', code: 'ip_loan.step_not_allowed', params: { status: 'applied', allowed: 'approved' } } });
    expect(refused?.problem.message.zh).toContain('已申请');
    expect(checkStep(loan('repaid', { repaid_on: '2025-06-01' }), 'overdue', '2025-07-01', today)?.problem.params).toMatchObject({ status: 'repaid', allowed: 'none' });
  });

  it('refuses a date before the previous step or after today', () => {
    expect(checkStep(loan('applied'), 'approved', '2025-01-09', today)).toMatchObject({ kind: 'invalid', problem: { field: 'on', code: 'ip_loan.step_before_previous', params: { previous: '2025-01-10' } } });
    expect(checkStep(loan('applied'), 'approved', '2025-01-10', today)).toBeNull();
    expect(checkStep(loan('applied'), 'approved', '2026-12-05', today)?.problem.code).toBe('date.future');
    expect(checkStep(loan('applied'), 'approved', '2025-02-30', today)?.problem.field).toBe('on');
  });

  it('asks a compensation for the loss, at most the amount lent, and no other step for one', () => {
    const overdue = loan('overdue', { overdue_on: '2025-09-01' });
    expect(checkStep(overdue, 'compensated', '2025-12-01', today)?.problem.code).toBe('loss_amount.required');
    expect(checkStep(overdue, 'compensated', '2025-12-01', today, '1000000.01')?.problem.code).toBe('loss_amount.above_amount');
    expect(checkStep(overdue, 'compensated', '2025-12-01', today, '-3')?.problem.code).toBe('amount.negative');
    expect(checkStep(overdue, 'repaid', '2025-12-01', today, '5.00')?.problem).toMatchObject({ field: 'loss_amount', code: 'loss_amount.unexpected' });
  });
});
