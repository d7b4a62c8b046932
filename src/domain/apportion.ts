/**
 * Splits a total over parts in proportion to their weights, rounded to `decimals` places, so that
 * the parts still add up to the total (largest remainder method). With no weight at all the split
 * is even. Used to cascade a city target to its districts (目标分解).
 */
export function apportion(total: number, weights: readonly number[], decimals = 0): number[] {
  if (weights.length === 0) return [];
  const scale = 10 ** decimals;
  const units = Math.round(total * scale);
  const positive = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = positive.reduce((a, b) => a + b, 0);
  const shares = sum > 0 ? positive.map((w) => (units * w) / sum) : weights.map(() => units / weights.length);
  const floors = shares.map(Math.floor);
  let left = units - floors.reduce((a, b) => a + b, 0);
  // Hand the units lost to rounding down to the largest remainders (ties: the earlier part).
  const order = shares.map((s, i) => ({ i, r: s - floors[i]! })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i]!++;
    left--;
  }
  return floors.map((f) => f / scale);
}
