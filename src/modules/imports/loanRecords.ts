import { z } from 'zod';
import { fileColumns, naturalKeys } from '../../contracts/fileColumns.js';
import { ipLoanCreate } from '../../contracts/ipLoans.js';
import { checkIpLoanFields, checkLoanYuan, ipLoanStatusCodes, normalizePledgedItems, pledgeKinds, type IpLoanStatus, type PledgedItem } from '../../domain/ipLoan.js';
import { checkLoanHistory } from '../../domain/ipLoanHistory.js';
import { violation, type RuleViolation } from '../../domain/message.js';
import type { FieldViolation } from '../../domain/recordRules.js';
import { formatYuan, yuan } from '../../domain/yuan.js';
import { codeNamed } from './cellValues.js';
import type { ColumnValues, ColumnViolation, EntitySpec } from './fileRecords.js';
import type { TableSpec } from './tableRows.js';

/**
 * IP-backed loans in files (贷款文件记录). Pure, for the reading thread: the borrower and a registry
 * lender are credit codes, the pledged items one cell, and the loan's whole history — its state and
 * the date of every step — is judged here by the lifecycle's rules; the writer (loanRows.ts)
 * resolves the organizations and writes through the loans service, step by step.
 */

export interface IpLoanFileRecord {
  borrower_uscc: string;
  contract_number: string;
  lender_uscc?: string | null;
  lender_name?: string | null;
  guarantor_name?: string | null;
  guarantor_kind?: string | null;
  /** `kind:number; kind:number` as the cell gives it ({@link parsePledgedCell}). */
  pledged_items: string;
  valuation_amount: string;
  valuer: string;
  amount: string;
  annual_rate: string;
  term_months: number | string;
  status: IpLoanStatus;
  applied_on: string;
  approved_on?: string | null;
  disbursed_on?: string | null;
  repaid_on?: string | null;
  overdue_on?: string | null;
  compensated_on?: string | null;
  loss_amount?: string | null;
}

/** A cell of pledged items: `kind:number` joined by ; or ；, the kind as its code or label (专利:ZL…). */
export function parsePledgedCell(cell: string): PledgedItem[] | RuleViolation {
  const items: PledgedItem[] = [];
  for (const part of cell.split(/[;；]/).map((p) => p.trim()).filter((p) => p !== '')) {
    const m = /^([^:：]+)[:：](.+)$/.exec(part);
    const kind = m ? codeNamed(pledgeKinds, m[1]!.trim()) : undefined;
    if (!m || kind === undefined)
      return violation('pledged_items.format', `质押物“${part}”应写作“类型:号码”，类型为 patent（专利）、trademark（注册商标）或 software_copyright（计算机软件著作权）`, `The pledged item “${part}” must read kind:number, the kind patent, trademark or software_copyright`, { value: part });
    items.push({ kind, number: m[2]!.trim() });
  }
  return items;
}

/** Amounts as the table stores them (two places) and the term as a number, so a re-imported file compares equal. */
function buildLoan(values: ColumnValues): { record: IpLoanFileRecord; problems: ColumnViolation[] } {
  const record = values as unknown as IpLoanFileRecord;
  for (const key of ['valuation_amount', 'amount', 'loss_amount'] as const) {
    const amount = record[key];
    if (typeof amount === 'string' && /^\d+(\.\d{1,2})?$/.test(amount)) record[key] = formatYuan(yuan(amount));
  }
  if (typeof record.term_months === 'string' && /^\d{1,4}$/.test(record.term_months.trim())) record.term_months = Number(record.term_months.trim());
  return { record, problems: [] };
}

/** Each pledged item judged as the API judges it; a problem names the item, at the cell. */
function pledgedProblems(cell: string, today: string): FieldViolation[] {
  const items = parsePledgedCell(cell);
  if (!Array.isArray(items)) return [{ ...items, field: 'pledged_items' }];
  return normalizePledgedItems(items, today).problems.map((p) => ({ ...p, field: 'pledged_items' }));
}

/** The loan's fields and its history as the API's create and steps judge them; a registry lender (by credit code) stands in for lender_org_id. */
function loanRules(r: IpLoanFileRecord, today: string): FieldViolation[] {
  const lender = r.lender_uscc === undefined ? {} : { lender_org_id: r.lender_uscc === null ? null : 0 };
  const fields = { ...r, ...lender, term_months: typeof r.term_months === 'number' ? r.term_months : undefined };
  const problems = [...checkIpLoanFields(fields, today).map((v) => (v.field === 'lender_org_id' ? { ...v, field: 'lender_uscc' } : v)), ...pledgedProblems(r.pledged_items, today)];
  // The history compares the loss with the amount: judged once the amount is one (else its own problem is reported).
  if (checkLoanYuan(r.amount) === null) problems.push(...checkLoanHistory(r, today));
  return problems;
}

const creditCode = z.string().max(40);
const { borrower_org_id: _b, lender_org_id: _l, pledged_items: _p, ...apiFields } = ipLoanCreate.shape;
const optionalDate = z.string().max(10).nullable().optional();

const limits = z.strictObject({
  ...apiFields,
  borrower_uscc: creditCode,
  lender_uscc: creditCode.nullable().optional(),
  pledged_items: z.string().max(4000),
  status: z.enum(ipLoanStatusCodes),
  approved_on: optionalDate,
  disbursed_on: optionalDate,
  repaid_on: optionalDate,
  overdue_on: optionalDate,
  compensated_on: optionalDate,
  loss_amount: z.string().max(32).nullable().optional(),
});

export const ipLoanEntitySpec: EntitySpec<IpLoanFileRecord> = {
  reference: 'borrower_uscc',
  build: buildLoan,
  limits,
  contractShape: (r) => r as unknown as Record<string, unknown>,
  rules: (r, ctx) => loanRules(r, ctx.today),
};

/** Loans are written through their service (loanRows.ts), not column by column: their values are the file record's, by column key, the natural key first. */
export const ipLoanTableSpec: TableSpec = {
  table: 'ip_loans',
  keys: naturalKeys.ip_loans.map((name) => ({ name, type: 'text' })),
  data: fileColumns.ip_loans.filter((c) => !naturalKeys.ip_loans.includes(c.key)).map((c) => ({ name: c.key, type: c.type === 'date' ? 'date' : 'text' })),
  organizationId: null,
};
