import { describe, expect, it } from 'vitest';
import { checkLoanHistory, stepsTo, type LoanHistory } from './ipLoanHistory.js';

const TODAY = '2026-12-04';
const loan = (over: Partial<LoanHistory>): LoanHistory => ({ status: 'applied', amount: '1000000.00', applied_on: '2025-01-10', ...over });
const at = (l: LoanHistory) => checkLoanHistory(l, TODAY).map((p) => `${p.field}:${p.code}`);
const full = { approved_on: '2025-01-20', disbursed_on: '2025-02-01', overdue_on: '2025-08-01' };

describe('a loan given whole (a file row): its state and the dates of its steps', () => {
  it('walks the lifecycle to each state, a late repayment through overdue', () => {
    expect(stepsTo('applied', {})).toEqual([]);
    expect(stepsTo('disbursed', {})).toEqual(['approved', 'disbursed']);
    expect(stepsTo('repaid', {})).toEqual(['approved', 'disbursed', 'repaid']);
    expect(stepsTo('repaid', { overdue_on: '2025-08-01' })).toEqual(['approved', 'disbursed', 'overdue', 'repaid']);
    expect(stepsTo('compensated', {})).toEqual(['approved', 'disbursed', 'overdue', 'compensated']);
  });

  it('accepts every history its steps could have made', () => {
    expect(at(loan({}))).toEqual([]);
    expect(at(loan({ status: 'repaid', approved_on: '2025-01-20', disbursed_on: '2025-02-01', repaid_on: '2026-01-31' }))).toEqual([]);
    expect(at(loan({ status: 'repaid', ...full, repaid_on: '2025-09-01' }))).toEqual([]);
    expect(at(loan({ status: 'compensated', ...full, compensated_on: '2025-11-30', loss_amount: '600000.00' }))).toEqual([]);
    // Steps on one day are in order.
    expect(at(loan({ status: 'disbursed', approved_on: '2025-01-10', disbursed_on: '2025-01-10' }))).toEqual([]);
  });

  it('asks for the date of each step the state took, at its column', () => {
    expect(at(loan({ status: 'disbursed', approved_on: '2025-01-20' }))).toEqual(['disbursed_on:ip_loan.step_date_required']);
    expect(at(loan({ status: 'compensated', disbursed_on: '2025-02-01', overdue_on: '2025-08-01', compensated_on: '2025-11-30', loss_amount: '1.00' }))).toEqual(['approved_on:ip_loan.step_date_required']);
  });

  it('refuses the date of a step not taken, and a loss on a loan not compensated', () => {
    expect(at(loan({ status: 'approved', approved_on: '2025-01-20', repaid_on: '2025-03-01' }))).toEqual(['repaid_on:ip_loan.date_without_step']);
    expect(at(loan({ status: 'overdue', ...full, loss_amount: '5.00' }))).toEqual(['loss_amount:loss_amount.unexpected']);
  });

  it('judges each step as the step itself does: in order, not after today, a compensation with its loss', () => {
    expect(at(loan({ status: 'approved', approved_on: '2025-01-09' }))).toEqual(['approved_on:ip_loan.step_before_previous']);
    expect(at(loan({ status: 'disbursed', approved_on: '2025-01-20', disbursed_on: '2026-12-05' }))).toEqual(['disbursed_on:date.future']);
    expect(at(loan({ status: 'compensated', ...full, compensated_on: '2025-11-30' }))).toEqual(['loss_amount:loss_amount.required']);
    expect(at(loan({ status: 'compensated', ...full, compensated_on: '2025-11-30', loss_amount: '1000000.01' }))).toEqual(['loss_amount:loss_amount.above_amount']);
  });
});
