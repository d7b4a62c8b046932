import { checkStep, ipLoanStatuses, stepDateField, type IpLoanDates, type IpLoanStatus, type LoanState } from './ipLoan.js';
import { violation } from './message.js';
import type { FieldViolation } from './recordRules.js';

/**
 * An IP-backed loan given whole, as a file row gives it (docs/data-formats.md, `ip_loans`): a
 * state with the date of every step that led to it, judged by the rules of the steps themselves.
 */

/** The steps from application to `status`, in order; a repayment passes through overdue when the loan has an overdue date. */
export function stepsTo(status: IpLoanStatus, dates: IpLoanDates): IpLoanStatus[] {
  switch (status) {
    case 'applied':
      return [];
    case 'approved':
      return ['approved'];
    case 'disbursed':
      return ['approved', 'disbursed'];
    case 'overdue':
      return ['approved', 'disbursed', 'overdue'];
    case 'repaid':
      return dates.overdue_on ? ['approved', 'disbursed', 'overdue', 'repaid'] : ['approved', 'disbursed', 'repaid'];
    case 'compensated':
      return ['approved', 'disbursed', 'overdue', 'compensated'];
  }
}

export interface LoanHistory extends LoanState {
  applied_on: string;
  loss_amount?: string | null;
}

const present = (v: string | null | undefined): v is string => v !== undefined && v !== null;

/**
 * Whether a loan's state and dates are a history its steps could have made, each problem at its
 * column: every step to the state dated, no date of a step not taken, each step allowed by
 * {@link checkStep} on its day (in order, not after today; a compensation with its loss).
 */
export function checkLoanHistory(loan: LoanHistory, today: string): FieldViolation[] {
  const path = stepsTo(loan.status, loan);
  const problems: FieldViolation[] = [];
  for (const [step, field] of Object.entries(stepDateField) as Array<[IpLoanStatus, keyof IpLoanDates]>)
    if (step !== 'applied' && !path.includes(step) && present(loan[field]))
      problems.push({ field, ...violation('ip_loan.date_without_step', `状态为“${ipLoanStatuses[loan.status].zh}”的贷款没有“${ipLoanStatuses[step].zh}”步骤，请清空该日期`, `A loan that is ${loan.status} has not been ${step}: leave this date empty`, { status: loan.status, step }) });
  if (loan.status !== 'compensated' && present(loan.loss_amount))
    problems.push({ field: 'loss_amount', ...violation('loss_amount.unexpected', '只有已代偿的贷款填写损失金额', 'Only a compensated loan has a loss amount', { status: loan.status }) });
  let state: LoanState = { status: 'applied', amount: loan.amount, applied_on: loan.applied_on };
  for (const step of path) {
    const field = stepDateField[step];
    const on = loan[field];
    if (!present(on)) return [...problems, { field, ...violation('ip_loan.step_date_required', `状态为“${ipLoanStatuses[loan.status].zh}”的贷款须填写“${ipLoanStatuses[step].zh}”的日期`, `A loan that is ${loan.status} needs the date it was ${step}`, { status: loan.status, step }) }];
    const refused = checkStep(state, step, on, today, step === 'compensated' ? (loan.loss_amount ?? null) : null);
    if (refused) return [...problems, { ...refused.problem, field: refused.problem.field === 'on' ? field : refused.problem.field }];
    state = { ...state, status: step, [field]: on };
  }
  return problems;
}
