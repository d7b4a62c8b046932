/**
 * Money as the API sends it: a decimal string of yuan (`"1250000.00"`). Formatting moves the
 * decimal point in the text itself, so no amount ever passes through a float (万元 and 亿元 stay
 * exact to the fen however large the contract).
 */

const YUAN = /^(\d+)(?:\.(\d{1,2}))?$/;

/** 1234567 → 1,234,567. */
const grouped = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** `amount` in units of 10^places yuan, as exact text without trailing zeros ("125", "1.2345678912"). */
function inUnitsOf(whole: string, fen: string, places: number): string {
  const digits = (whole + fen).padStart(places + 3, '0');
  const point = digits.length - 2 - places;
  const integer = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const fraction = digits.slice(point).replace(/0+$/, '');
  return fraction ? `${grouped(integer)}.${fraction}` : grouped(integer);
}

/** The amount in yuan with thousands separators and both decimals: "1,250,000.00". */
export function formatYuanExact(amount: string): string {
  const m = YUAN.exec(amount);
  if (!m) return amount;
  const [, whole = '0', fen = ''] = m;
  return `${grouped(whole.replace(/^0+(?=\d)/, ''))}.${fen.padEnd(2, '0')}`;
}

/**
 * How a language reads an amount: Chinese in 亿元 from one hundred million, 万元 from ten
 * thousand, else 元 ("125 万元"); English as CNY with separators ("CNY 1,250,000.00").
 * Text that is not a yuan amount is shown as it came.
 */
export function formatYuan(amount: string, side: 'zh' | 'en'): string {
  const m = YUAN.exec(amount);
  if (!m) return amount;
  if (side === 'en') return `CNY ${formatYuanExact(amount)}`;
  const [, rawWhole = '0', rawFen = ''] = m;
  const whole = rawWhole.replace(/^0+(?=\d)/, '');
  const fen = rawFen.padEnd(2, '0');
  if (whole.length > 8) return `${inUnitsOf(whole, fen, 8)} 亿元`;
  if (whole.length > 4) return `${inUnitsOf(whole, fen, 4)} 万元`;
  return `${formatYuanExact(amount)} 元`;
}

/**
 * What a person typed as an amount, as the API wants it: spaces dropped and thousands separators
 * removed only where they group by three ("1,250,000.5" → "1250000.5"); anything else is left for
 * the server to judge, so "1,5" is refused there rather than read as 15.
 */
export function amountInput(typed: string): string {
  const text = typed.replace(/\s/g, '');
  return /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text) ? text.replace(/,/g, '') : text;
}
