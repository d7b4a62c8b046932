import { describe, expect, it } from 'vitest';
import type { IpLoan } from '../../../../src/contracts/ipLoans';
import { ipLoanCreate, ipLoanPatch, ipLoanValues, nextSteps, stepBody, stepsTaken, type IpLoanValues } from './model';

const filled = (over: Partial<IpLoanValues> = {}): IpLoanValues => ({
  ...ipLoanValues(),
  contract_number: ' ZY-2025-001 ',
  borrower_org_id: 3,
  lender_org_id: 7,
  pledged_items: [
    { kind: 'patent', number: ' ZL201811564288.X ' },
    { kind: 'trademark', number: '' },
  ],
  valuation_amount: '8,000,000',
  valuer: '湖南某评估公司',
  amount: '3,000,000.00',
  annual_rate: '3.85%',
  term_months: '12',
  applied_on: '2025-01-10',
  ...over,
});

const stored: IpLoan = {
  id: 9,
  version: 4,
  created_at: '2025-01-10T00:00:00Z',
  updated_at: '2025-02-01T00:00:00Z',
  contract_number: 'ZY-1',
  borrower_org_id: 3,
  borrower_name: '借款企业',
  lender_org_id: null,
  lender_name: '某银行',
  lender_display_name: '某银行',
  guarantor_name: null,
  guarantor_kind: null,
  pledged_items: [{ kind: 'patent', number: 'ZL201811564288.X' }],
  valuation_amount: '8000000.00',
  valuer: '评估公司',
  amount: '3000000.00',
  annual_rate: '3.8500',
  term_months: 12,
  status: 'overdue',
  applied_on: '2025-01-10',
  approved_on: '2025-01-20',
  disbursed_on: '2025-02-01',
  repaid_on: null,
  overdue_on: '2025-08-01',
  compensated_on: null,
  compensation: null,
  district_code: '430104',
  zone: null,
};

describe('the IP-backed loan form', () => {
  it('sends a new loan with amounts without separators, the rate without %, the term as a number and blank pledge rows left out', () => {
    expect(ipLoanCreate(filled())).toEqual({
      contract_number: 'ZY-2025-001',
      borrower_org_id: 3,
      lender_org_id: 7,
      pledged_items: [{ kind: 'patent', number: 'ZL201811564288.X' }],
      valuation_amount: '8000000',
      valuer: '湖南某评估公司',
      amount: '3000000.00',
      annual_rate: '3.85',
      term_months: 12,
      applied_on: '2025-01-10',
    });
  });

  it('sends a named lender instead of a registry one, and a guarantor’s kind only with its name', () => {
    const body = ipLoanCreate(filled({ lender_kind: 'name', lender_name: '长沙某银行', guarantor_kind: 'insurer' }));
    expect(body).toMatchObject({ lender_name: '长沙某银行' });
    expect(body).not.toHaveProperty('lender_org_id');
    expect(body).not.toHaveProperty('guarantor_kind');
  });

  it('leaves a term that is not a whole number for the server to refuse at its field', () => {
    expect(ipLoanCreate(filled({ term_months: '1.5' })).term_months).toBe('1.5');
  });

  it('patches only what changed, and the pledged items whole', () => {
    const before = ipLoanValues(stored);
    expect(ipLoanPatch(before, { ...before, valuer: '另一评估公司' })).toEqual({ valuer: '另一评估公司' });
    const more = { ...before, pledged_items: [...before.pledged_items, { kind: 'software_copyright' as const, number: '2023SR0123456' }] };
    expect(ipLoanPatch(before, more)).toEqual({ pledged_items: [{ kind: 'patent', number: 'ZL201811564288.X' }, { kind: 'software_copyright', number: '2023SR0123456' }] });
  });
});

describe('the lifecycle on the page', () => {
  it('lists the steps taken with their dates, oldest first, and offers the next ones', () => {
    expect(stepsTaken(stored)).toEqual([
      { status: 'applied', on: '2025-01-10' },
      { status: 'approved', on: '2025-01-20' },
      { status: 'disbursed', on: '2025-02-01' },
      { status: 'overdue', on: '2025-08-01' },
    ]);
    expect(nextSteps('overdue')).toEqual(['repaid', 'compensated']);
    expect(nextSteps('repaid')).toEqual([]);
  });

  it('sends the loss with a compensation only', () => {
    expect(stepBody('compensated', '2025-12-01', '1,000,000')).toEqual({ step: 'compensated', on: '2025-12-01', loss_amount: '1000000' });
    expect(stepBody('repaid', '2025-12-01', '5')).toEqual({ step: 'repaid', on: '2025-12-01' });
  });
});
