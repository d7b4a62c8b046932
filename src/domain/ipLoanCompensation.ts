import { Decimal } from 'decimal.js';
import type { Message } from './message.js';
import { formatYuan, yuan, type Exact } from './yuan.js';

/**
 * Risk compensation of IP-backed loans (知识产权质押融资风险补偿, domain guide §9). A loss on a
 * pledged loan is shared among the compensation fund, the lender (the bank with its guarantor or
 * insurer) and the valuation-and-disposal agency, by the shares of the policy in force on the
 * LOSS date; the fund pays a firm at most the policy's per-firm cap across all its losses, and what
 * the cap withholds stays with the lender. Policies are data with validity dates
 * (config/market/ip-loan-policies.json), so a new policy never re-prices an old loss.
 */

export interface CompensationShares {
  /** Fractions of the loss as decimal text ("0.45"); together exactly 1. */
  fund: string;
  lender: string;
  agency: string;
}

export interface CompensationPolicy {
  code: string;
  name: Message;
  /** First and last day in force (inclusive); null: until replaced. */
  valid_from: string;
  valid_to: string | null;
  shares: CompensationShares;
  /** The most the fund pays one firm, in yuan (decimal text). */
  per_firm_cap: string;
}

export interface Loss {
  id: string;
  /** The borrowing firm: the cap counts per firm. */
  firm: string;
  /** The day the loss was established (YYYY-MM-DD). */
  date: string;
  /** The unrecovered principal, in yuan (decimal text). */
  amount: string;
}

export interface Compensation {
  loss_id: string;
  firm: string;
  policy: string;
  fund: string;
  lender: string;
  agency: string;
  /** What the fund's share would have been without the cap. */
  fund_before_cap: string;
  capped: boolean;
}

const inForce = (p: CompensationPolicy, day: string): boolean => p.valid_from <= day && (p.valid_to === null || day <= p.valid_to);

/** The policy in force on a day, or undefined. */
export const policyOn = (policies: readonly CompensationPolicy[], day: string): CompensationPolicy | undefined => policies.find((p) => inForce(p, day));

/** What is wrong with a set of policies: shares not summing to 1, backwards or overlapping periods. */
export function policyProblems(policies: readonly CompensationPolicy[]): string[] {
  const problems: string[] = [];
  for (const p of policies) {
    const sum = yuan(p.shares.fund).plus(p.shares.lender).plus(p.shares.agency);
    if (!sum.eq(1)) problems.push(`${p.code}: the shares add up to ${sum.toString()}, not 1`);
    if (p.valid_to !== null && p.valid_to < p.valid_from) problems.push(`${p.code}: valid_to ${p.valid_to} is before valid_from ${p.valid_from}`);
  }
  const sorted = [...policies].sort((a, b) => a.valid_from.localeCompare(b.valid_from));
  for (let i = 1; i < sorted.length; i++) {
    const [before, after] = [sorted[i - 1]!, sorted[i]!];
    if (before.valid_to === null || before.valid_to >= after.valid_from) problems.push(`${before.code} and ${after.code} overlap: one day has one policy`);
  }
  return problems;
}

export class NoPolicyInForce extends Error {
  constructor(readonly loss: Loss) {
    super(`No risk-compensation policy was in force on ${loss.date} (loss ${loss.id})`);
    this.name = 'NoPolicyInForce';
  }
}

const fen = (amount: Exact): Exact => amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/**
 * One loss's compensation under `policy`, when the fund has already paid the firm `paid` (yuan) for
 * earlier losses. The lender's part is what the fund and the agency do not pay, so the three add up
 * to the loss to the fen.
 */
export function compensateLoss(policy: CompensationPolicy, loss: Loss, paid: Exact = yuan('0')): Compensation {
  const amount = yuan(loss.amount);
  const room = Decimal.max(yuan(policy.per_firm_cap).minus(paid), 0);
  const fundBeforeCap = fen(amount.times(policy.shares.fund));
  const fund = Decimal.min(fundBeforeCap, room);
  const agency = fen(amount.times(policy.shares.agency));
  return {
    loss_id: loss.id,
    firm: loss.firm,
    policy: policy.code,
    fund: formatYuan(fund),
    lender: formatYuan(amount.minus(fund).minus(agency)),
    agency: formatYuan(agency),
    fund_before_cap: formatYuan(fundBeforeCap),
    capped: fund.lt(fundBeforeCap),
  };
}

/** Each loss's compensation, in the order the losses happened (date, then id), so a firm's earlier losses use up its cap first. */
export function compensate(policies: readonly CompensationPolicy[], losses: readonly Loss[]): Compensation[] {
  const paidToFirm = new Map<string, Exact>();
  const ordered = [...losses].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id, 'en', { numeric: true }));
  return ordered.map((loss) => {
    const policy = policyOn(policies, loss.date);
    if (!policy) throw new NoPolicyInForce(loss);
    const paid = paidToFirm.get(loss.firm) ?? yuan('0');
    const compensation = compensateLoss(policy, loss, paid);
    paidToFirm.set(loss.firm, paid.plus(compensation.fund));
    return compensation;
  });
}
