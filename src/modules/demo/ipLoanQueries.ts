import type { Queryable } from '../../db/client.js';
import type { Borrower, DemoIpLoan } from './ipLoans.js';

/** SQL of the demo's IP-backed loans: the firms that borrow, and one INSERT … SELECT FROM unnest. */

export async function hasIpLoans(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>('SELECT EXISTS (SELECT 1 FROM ip_loans) AS any');
  return rows[0]?.any === true;
}

/** Established enterprises of the city's districts: the firms that pledge their IP. */
export async function ipLoanBorrowers(db: Queryable): Promise<Borrower[]> {
  const { rows } = await db.query<Borrower>(
    `SELECT id FROM organizations WHERE kind = 'enterprise' AND district_code IS NOT NULL AND (founded_on IS NULL OR founded_on < '2020-01-01') ORDER BY id LIMIT 400`,
  );
  return rows;
}

const COLUMNS = [
  ['contract_number', 'text'], ['borrower_org_id', 'int'], ['lender_name', 'text'], ['guarantor_name', 'text'], ['guarantor_kind', 'text'], ['pledged_items', 'jsonb'],
  ['valuation_amount', 'numeric'], ['valuer', 'text'], ['amount', 'numeric'], ['annual_rate', 'numeric'], ['term_months', 'int'], ['status', 'text'],
  ['applied_on', 'date'], ['approved_on', 'date'], ['disbursed_on', 'date'], ['repaid_on', 'date'], ['overdue_on', 'date'], ['compensated_on', 'date'],
  ['loss_amount', 'numeric'], ['compensation_policy', 'text'], ['fund_share', 'numeric'], ['lender_share', 'numeric'], ['agency_share', 'numeric'], ['fund_before_cap', 'numeric'],
] as const satisfies readonly (readonly [keyof DemoIpLoan, string])[];

/** The loans in one statement; each lies where its borrower does, as the service places it. */
export async function insertIpLoans(db: Queryable, loans: readonly DemoIpLoan[]): Promise<void> {
  const names = COLUMNS.map(([c]) => c);
  await db.query(
    `INSERT INTO ip_loans (${names.join(', ')}, district_code, zone)
     SELECT ${names.map((c) => `u.${c}`).join(', ')}, o.district_code, o.zone
       FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type === 'jsonb' ? 'text' : type}[]`).join(', ')}) AS u(${names.join(', ')})
       JOIN organizations o ON o.id = u.borrower_org_id`.replace('u.pledged_items', 'u.pledged_items::jsonb'),
    COLUMNS.map(([c, type]) => loans.map((l) => (type === 'jsonb' ? JSON.stringify(l[c]) : l[c]))),
  );
}
