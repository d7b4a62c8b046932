import { naturalKeys } from '../../contracts/fileColumns.js';
import type { IpLoanCreate } from '../../contracts/ipLoans.js';
import type { Queryable } from '../../db/client.js';
import { normalizePledgedItems, stepDateField, type IpLoanStatus, type PledgedItem } from '../../domain/ipLoan.js';
import { stepsTo } from '../../domain/ipLoanHistory.js';
import { violation } from '../../domain/message.js';
import { yuan } from '../../domain/yuan.js';
import { createIpLoan, findIpLoanByKey, findIpLoanRow, shippedIpLoanPolicies, stepIpLoan, updateIpLoan, type IpLoanRow } from '../ipLoans/service.js';
import type { ServiceContext } from '../shared/context.js';
import { AppError } from '../shared/errors.js';
import { outsideArea, type AreaScope } from './areaScope.js';
import { danglingReferenceViolation } from './inFileChecks.js';
import { parsePledgedCell } from './loanRecords.js';
import { rowProblem, type RowProblem } from './problems.js';
import { organizationIds } from './queries.js';
import { tableColumns, type SqlValue, type TableRow } from './tableRows.js';

/**
 * The writer of IP-backed loans (贷款写入). A row is a loan's terms and its whole history; it goes
 * through the loans service as the API would take it — created, then each step in order on its
 * date — so the lifecycle's rules hold and a compensation is computed from the policy in force on
 * its date, never taken from the file. A stored loan may be corrected (as PATCH may) and moved on
 * by the steps it has not taken yet; a history the file rewrites is refused. Each row runs in a
 * savepoint: a refused row, a row outside the import's area or a dry run leaves nothing behind.
 */

export interface LoanWrite {
  mode: 'upsert' | 'insert';
  dryRun: boolean;
  scope: AreaScope | null;
  services: Omit<ServiceContext, 'db'>;
}

export interface LoanOutcome {
  inserted: number;
  updated: number;
  unchanged: number;
  problems: RowProblem[];
}

type Values = Record<string, SqlValue | undefined>;

class RowRefused extends Error {
  constructor(readonly problems: RowProblem[]) {
    super(problems[0]?.code);
  }
}

const historyChanged = (status: string) =>
  violation('ip_loan.history_changed', `文件改写了贷款已有的步骤或日期（当前状态：${status}）；只能补充之后的步骤`, `The file rewrites steps the loan has already taken (now ${status}); it may only add the steps after them`, { status });

/** The loan's terms as the API's create takes them; what the file leaves out is not there. */
function termsOf(v: Values, borrower: number, lender: number | null | undefined): Partial<IpLoanCreate> {
  const terms: Record<string, unknown> = {
    contract_number: v.contract_number, borrower_org_id: borrower, lender_org_id: lender, lender_name: v.lender_name, guarantor_name: v.guarantor_name, guarantor_kind: v.guarantor_kind,
    pledged_items: parsePledgedCell(v.pledged_items as string), valuation_amount: v.valuation_amount, valuer: v.valuer, amount: v.amount, annual_rate: v.annual_rate,
    term_months: v.term_months === undefined ? undefined : Number(v.term_months), applied_on: v.applied_on,
  };
  return Object.fromEntries(Object.entries(terms).filter(([, x]) => x !== undefined)) as Partial<IpLoanCreate>;
}

const DECIMALS = new Set(['valuation_amount', 'amount', 'annual_rate']);

/** The terms the row changes on the stored loan (pledged numbers compared as they will be stored). */
function changedTerms(terms: Partial<IpLoanCreate>, stored: IpLoanRow, today: string): Partial<IpLoanCreate> {
  const same = (key: string, value: unknown): boolean => {
    const was = (stored as unknown as Record<string, unknown>)[key] ?? null;
    if (key === 'pledged_items') return JSON.stringify(normalizePledgedItems(value as PledgedItem[], today).items) === JSON.stringify(was);
    if (DECIMALS.has(key) && typeof value === 'string' && typeof was === 'string') return yuan(value).eq(yuan(was));
    return String(value ?? null) === String(was);
  };
  return Object.fromEntries(Object.entries(terms).filter(([k, v]) => !same(k, v))) as Partial<IpLoanCreate>;
}

/** The steps the row adds after the stored loan's, or why the row cannot (it rewrites the history). */
function stepsToAdd(line: number, v: Values, stored: IpLoanRow | undefined): IpLoanStatus[] {
  const wanted = stepsTo(v.status as IpLoanStatus, v as Record<string, string | null>);
  if (!stored) return wanted;
  const taken = stepsTo(stored.status as IpLoanStatus, stored);
  const kept = taken.every((step, i) => wanted[i] === step && v[stepDateField[step]] === stored[stepDateField[step]]);
  const sameLoss = stored.status !== 'compensated' || (typeof v.loss_amount === 'string' && yuan(v.loss_amount).eq(yuan(stored.loss_amount!)));
  if (!kept || !sameLoss) throw new RowRefused([rowProblem(line, 'status', String(v.status), historyChanged(stored.status))]);
  return wanted.slice(taken.length);
}

/** A service's problem field, as the file column it came from. */
function columnOf(field: string, step: IpLoanStatus | null): string {
  if (field === 'borrower_org_id') return 'borrower_uscc';
  if (field === 'lender_org_id') return 'lender_uscc';
  if (field.startsWith('pledged_items')) return 'pledged_items';
  if (field === 'on' && step) return stepDateField[step];
  if (field === 'step') return 'status';
  return field;
}

/** Classifies and writes one batch of loan rows through the loans service; see the module's comment. */
export async function writeLoanRows(db: Queryable, records: ReadonlyArray<{ line: number; record: TableRow }>, opts: LoanWrite): Promise<LoanOutcome> {
  const columns = tableColumns('ip_loans');
  const named = records.map(({ line, record }) => ({ line, values: Object.fromEntries(columns.map((c, i) => [c.name, record.values[i]])) as Values }));
  const orgs = await organizationIds(db, named.flatMap(({ values: v }) => [v.borrower_uscc, v.lender_uscc].filter((c): c is string => typeof c === 'string')));
  const ctx: ServiceContext = { ...opts.services, db };
  const outcome: LoanOutcome = { inserted: 0, updated: 0, unchanged: 0, problems: [] };
  for (const { line, values } of named) {
    try {
      outcome[await writeRow(ctx, line, values, orgs, opts)]++;
    } catch (err) {
      if (err instanceof RowRefused) outcome.problems.push(...err.problems);
      else throw err;
    }
  }
  return outcome;
}

function organization(line: number, column: string, code: SqlValue | undefined, orgs: ReadonlyMap<string, number>): number | null | undefined {
  if (code === undefined || code === null) return code;
  const id = orgs.get(code as string);
  if (id === undefined) throw new RowRefused([rowProblem(line, column, code as string, danglingReferenceViolation(code as string))]);
  return id;
}

async function writeRow(ctx: ServiceContext, line: number, v: Values, orgs: ReadonlyMap<string, number>, opts: LoanWrite): Promise<'inserted' | 'updated' | 'unchanged'> {
  const borrower = organization(line, 'borrower_uscc', v.borrower_uscc, orgs)!;
  const terms = termsOf(v, borrower, organization(line, 'lender_uscc', v.lender_uscc, orgs));
  const stored = await findIpLoanByKey(ctx, borrower, v.contract_number as string);
  if (stored && opts.scope) refuseOutside(line, v, opts.scope, 'stored', stored);
  const steps = stepsToAdd(line, v, stored);
  const changes = stored ? changedTerms(terms, stored, ctx.clock.today()) : terms;
  if (stored && steps.length === 0 && Object.keys(changes).length === 0) return 'unchanged';
  if (stored && opts.mode === 'insert') {
    const key = naturalKeys.ip_loans.map((k) => String(v[k])).join(' / ');
    throw new RowRefused([rowProblem(line, 'borrower_uscc', key, violation('import.exists', `该记录已存在（borrower_uscc + contract_number：${key}）；插入模式不更新已有记录`, `A record with this key already exists (borrower_uscc + contract_number: ${key}); insert mode does not update existing records`, { key }))]);
  }
  await ctx.db.query('SAVEPOINT import_row');
  let step: IpLoanStatus | null = null;
  try {
    const policies = shippedIpLoanPolicies();
    let id = stored?.id;
    if (!stored) id = (await createIpLoan(ctx, terms as IpLoanCreate, policies)).id;
    else if (Object.keys(changes).length) await updateIpLoan(ctx, stored.id, stored.version, changes, stored, policies);
    for (step of steps) {
      const current = (await findIpLoanRow(ctx, id!, true))!;
      await stepIpLoan(ctx, current, { step, on: v[stepDateField[step]] as string, loss_amount: step === 'compensated' ? (v.loss_amount as string) : null }, policies);
    }
    if (opts.scope) refuseOutside(line, v, opts.scope, 'row', (await findIpLoanRow(ctx, id!))!);
    await ctx.db.query(opts.dryRun ? 'ROLLBACK TO SAVEPOINT import_row' : 'RELEASE SAVEPOINT import_row');
  } catch (err) {
    await ctx.db.query('ROLLBACK TO SAVEPOINT import_row');
    if (err instanceof AppError && (err.kind === 'validation' || err.kind === 'conflict'))
      throw new RowRefused(err.errors.map((e) => {
        const column = columnOf(e.field, step);
        return rowProblem(line, column, v[column] === undefined || v[column] === null ? null : String(v[column]), { code: e.code, message: e.message });
      }));
    throw err;
  }
  return stored ? 'updated' : 'inserted';
}

function refuseOutside(line: number, v: Values, scope: AreaScope, subject: 'stored' | 'row', loan: IpLoanRow): void {
  const problem = outsideArea(scope, subject, { district: loan.district_code, zone: loan.zone });
  if (problem) throw new RowRefused([rowProblem(line, 'borrower_uscc', String(v.borrower_uscc), problem)]);
}
