import { Decimal } from 'decimal.js';
import { violation, type RuleViolation } from './message.js';

/**
 * Money in yuan as exact decimals: amounts travel as text ("50000000.00") and are computed with
 * decimal.js, never as binary floats, so 3 % of a sales figure is exactly 3 % at a band edge.
 */

/** Enough digits that products and quotients of any accepted amounts stay exact where they must. */
export const Exact = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_UP });
export type Exact = Decimal;

/** Up to 15 digits of yuan (a thousand trillion) and at most two of fen. */
const AMOUNT = /^(0|[1-9][0-9]{0,14})(\.[0-9]{1,2})?$/;

/** A non-negative amount in yuan with at most two decimals, or why not. */
export function checkYuan(text: string): RuleViolation | null {
  if (AMOUNT.test(text)) return null;
  return violation('amount.format', '金额须为以元为单位的非负数，最多两位小数（如 3000000.00）', 'An amount is a non-negative number of yuan with at most two decimals (e.g. 3000000.00)');
}

export const yuan = (text: string): Exact => new Exact(text);

/** An amount as the API shows it: two decimals. */
export const formatYuan = (amount: Exact): string => amount.toFixed(2, Decimal.ROUND_HALF_UP);

/** `part ÷ whole` as a percentage for display, two decimals; null when the whole is zero. */
export function percentOf(part: Exact, whole: Exact): string | null {
  return whole.isZero() ? null : part.times(100).div(whole).toFixed(2, Decimal.ROUND_DOWN);
}

/** Whether `part ÷ whole ≥ percent %`, compared without dividing (exact at the edge). */
export const atLeastPercent = (part: Exact, whole: Exact, percent: number): boolean => part.times(100).gte(whole.times(percent));
