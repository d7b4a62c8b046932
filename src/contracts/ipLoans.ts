import { z } from 'zod';
import { checkTermMonths, guarantorKindCodes, ipLoanStatusCodes, normalizePledgedNumber, pledgeKindCodes } from '../domain/ipLoan.js';
import { basedOnVersion, bilingual, calendarDate, id, listEnvelope, optionalText, recordMeta, text, withRule } from './common.js';

/** Money and rates cross the API as decimal strings: never a float. */
const yuan = z.string().max(32).meta({ pattern: '^[0-9]+(\\.[0-9]{1,2})?$', example: '3000000.00' });
const percent = z.string().max(16).meta({ pattern: '^[0-9]{1,2}(\\.[0-9]{1,4})?$', example: '3.85' });

/** Each number is checked against its kind here, so a wrong check digit is reported with every other problem of the body. */
const pledgedItem = z
  .strictObject({
    kind: z.enum(pledgeKindCodes).describe('patent, trademark or software_copyright'),
    number: text(40).describe('Patent: application or patent number, 8 or 12 digits with its check character (stored as ZL201811564288.X); trademark: registration number (12345678); software copyright: registration number (2023SR0123456)'),
  })
  .superRefine((item, ctx) => {
    // The registration year's upper bound needs today: the service checks it.
    const n = normalizePledgedNumber(item.kind, item.number, '9999-12-31');
    if (typeof n !== 'string') ctx.addIssue({ code: 'custom', message: n.message.en, path: ['number'], params: { violation: n } });
  });

/** An IP-backed loan (知识产权质押融资) to a firm of the registry. Its steps go through POST /ip-loans/{id}/steps. */
const fields = {
  contract_number: text(64).describe('The loan contract’s number, unique per borrower'),
  borrower_org_id: id,
  lender_org_id: id.nullable().optional().describe('The lending bank when it is an organization of the registry'),
  lender_name: optionalText(200).describe('The lending bank’s name when it is not in the registry'),
  guarantor_name: optionalText(200).describe('The guarantor or insurer sharing the risk, if any'),
  guarantor_kind: z.enum(guarantorKindCodes).nullable().optional(),
  pledged_items: z.array(pledgedItem).min(1).max(50),
  valuation_amount: yuan.describe('The pledged IP’s appraised value, yuan'),
  valuer: text(200).describe('The valuation agency'),
  amount: yuan.describe('The amount lent, yuan'),
  annual_rate: percent.describe('Annual interest rate in percent, 0–36'),
  term_months: withRule(z.number().int(), checkTermMonths).describe('Months, 1–120'),
  applied_on: calendarDate,
};

export const ipLoanCreate = z.strictObject(fields).meta({ id: 'IpLoanCreate' });
export const ipLoanPatch = z.strictObject({ ...z.strictObject(fields).partial().shape, version: basedOnVersion.optional() }).meta({ id: 'IpLoanPatch' });

export const ipLoanStep = z
  .strictObject({
    step: z.enum(ipLoanStatusCodes).describe('The state the loan moves to: approved, disbursed, repaid, overdue or compensated'),
    on: calendarDate.describe('The day of the step: not before the previous step, not after today'),
    loss_amount: yuan.nullable().optional().describe('For compensated only: the unrecovered principal, yuan'),
    version: basedOnVersion.optional(),
  })
  .meta({ id: 'IpLoanStep' });

const compensation = z
  .object({
    policy: z.string().describe('The policy in force on the loss date (config/market/ip-loan-policies.json)'),
    policy_name: bilingual,
    loss_amount: yuan,
    fund: yuan.describe('Paid by the risk-compensation fund, after the per-firm cap'),
    lender: yuan.describe('Borne by the bank with its guarantor or insurer'),
    agency: yuan.describe('Borne by the valuation-and-disposal agency'),
    fund_before_cap: yuan,
    capped: z.boolean(),
  })
  .meta({ id: 'IpLoanCompensation' });

export const ipLoan = z
  .object({
    ...recordMeta,
    contract_number: z.string(),
    borrower_org_id: id,
    borrower_name: z.string(),
    lender_org_id: id.nullable(),
    lender_name: z.string().nullable(),
    lender_display_name: z.string().describe('The lending organization’s name, or the name entered'),
    guarantor_name: z.string().nullable(),
    guarantor_kind: z.enum(guarantorKindCodes).nullable(),
    pledged_items: z.array(z.object({ kind: z.enum(pledgeKindCodes), number: z.string() })),
    valuation_amount: yuan,
    valuer: z.string(),
    amount: yuan,
    annual_rate: percent,
    term_months: z.number().int(),
    status: z.enum(ipLoanStatusCodes),
    applied_on: z.string(),
    approved_on: z.string().nullable(),
    disbursed_on: z.string().nullable(),
    repaid_on: z.string().nullable(),
    overdue_on: z.string().nullable(),
    compensated_on: z.string().nullable(),
    compensation: compensation.nullable(),
    district_code: z.string().nullable().describe('The borrower’s district'),
    zone: z.string().nullable(),
  })
  .meta({ id: 'IpLoan' });

export const ipLoanList = listEnvelope(ipLoan);
export type IpLoanCreate = z.output<typeof ipLoanCreate>;
export type IpLoanPatch = z.output<typeof ipLoanPatch>;
export type IpLoanStep = z.output<typeof ipLoanStep>;
export type IpLoan = z.output<typeof ipLoan>;
