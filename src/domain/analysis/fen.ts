/**
 * Money in the column store: whole fen (分) in a float64. Every stored amount is at most
 * 10^13 yuan = 10^15 fen (MAX_CONTRACT_YUAN), below 2^53 ≈ 9.007 × 10^15, so each one is an exact
 * integer in a double; and since amounts are never negative, a running sum only grows, so a sum
 * that ends at or below 2^53 was exact at every step. Above that (about 9 × 10^13 yuan, six
 * hundred years of the city's turnover) the engine sums again in BigInt.
 */

/** Yuan with two decimals, exactly, from a whole number of fen. */
export function fenToYuan(fen: number | bigint): string {
  const whole = BigInt(fen);
  const sign = whole < 0n ? '-' : '';
  const abs = whole < 0n ? -whole : whole;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** True when a sum kept in a double may have lost a fen: it passed 2^53. */
export const beyondExact = (sum: number): boolean => sum > Number.MAX_SAFE_INTEGER;
