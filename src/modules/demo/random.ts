/**
 * The demo's only source of chance: a seeded PRNG (mulberry32) and calendar-date arithmetic on
 * `YYYY-MM-DD` strings, so the same seed yields the same registry on every machine.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('Random.pick: no items to pick from');
    return item;
  }

  /** One value, with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const entry of entries) total += entry[1];
    let r = this.next() * total;
    for (const [value, weight] of entries) {
      r -= weight;
      if (r < 0) return value;
    }
    const last = entries[entries.length - 1];
    if (!last) throw new Error('Random.weighted: no entries');
    return last[0];
  }

  /** `n` distinct items in random order (all of them if there are fewer). */
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }

  /** Shuffles in place (Fisher–Yates). */
  shuffle<A extends { length: number; [i: number]: number }>(items: A): A {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const t = items[i] as number;
      items[i] = items[j] as number;
      items[j] = t;
    }
    return items;
  }

  /** A calendar date in [from, to], both included. */
  dateBetween(from: string, to: string): string {
    return fromDays(this.int(toDays(from), toDays(to)));
  }
}

/**
 * The random stream of one record: record `index` of `stream` draws the same values whichever
 * records are generated before it, so a table can be generated alone or in chunks.
 */
export function recordRandom(seed: number, stream: number, index: number): Random {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35) ^ Math.imul(index + 1, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return new Random(h);
}

/**
 * A bijection of [0, size) that scatters neighbours (i ↦ a·i + b mod size, a coprime to size):
 * unique names and an unordered-looking registry without a table of `size` entries.
 */
export class Permutation {
  private readonly a: number;
  private readonly b: number;

  constructor(
    readonly size: number,
    rng: Random,
  ) {
    // a·i stays below 2^53 for any size this generator uses (a < size < 2^26).
    let a = Math.max(1, Math.floor(size * (0.55 + rng.next() * 0.2)));
    while (gcd(a, size) !== 1) a++;
    this.a = a;
    this.b = size > 0 ? rng.int(0, size - 1) : 0;
  }

  at(i: number): number {
    return (this.a * i + this.b) % this.size;
  }
}

function gcd(x: number, y: number): number {
  return y === 0 ? x : gcd(y, x % y);
}

/**
 * `k` of `candidates` without replacement, each with probability proportional to `weight`
 * (Efraimidis–Spirakis keys): exactly `k`, the count a published figure needs.
 */
export function weightedSample(rng: Random, candidates: Int32Array, weight: (candidate: number) => number, k: number): Int32Array {
  if (k > candidates.length) throw new Error(`weightedSample: ${k} wanted, ${candidates.length} candidates`);
  const keys = new Float64Array(candidates.length);
  for (let i = 0; i < candidates.length; i++) keys[i] = Math.log(rng.next() || Number.MIN_VALUE) / weight(candidates[i] as number);
  const order = Int32Array.from(candidates.keys()).sort((x, y) => (keys[y] as number) - (keys[x] as number));
  return order.subarray(0, k).map((i) => candidates[i] as number);
}

const DAY_MS = 86_400_000;
/** Day numbers from 1900 to 2100 (the calendar the registry accepts) map to cached strings. */
const FIRST_DAY = Date.UTC(1900, 0, 1) / DAY_MS;
const dayStrings: string[] = [];

const dayNumbers = new Map<string, number>();

/** Days since 1970-01-01 of a canonical date (UTC, so no time zone can shift it); cached like fromDays. */
export function toDays(date: string): number {
  let days = dayNumbers.get(date);
  if (days === undefined) {
    const [y, m, d] = date.split('-').map(Number);
    days = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS;
    dayNumbers.set(date, days);
  }
  return days;
}

/** The canonical date of a day number; cached, as the generator writes millions of dates at 100×. */
export function fromDays(days: number): string {
  const slot = days - FIRST_DAY;
  return (dayStrings[slot] ??= new Date(days * DAY_MS).toISOString().slice(0, 10));
}

export const yearOfDays = (days: number): number => Number(fromDays(days).slice(0, 4));

/** The last day of a validity of `years` years starting on `from` (3 years from 2025-10-01 → 2028-09-30). */
export function validityEnd(from: string, years: number): string {
  // 29 February rolls to 1 March in a common year (Date.UTC does it); one day back is the last day either way.
  return fromDays(toDays(`${Number(from.slice(0, 4)) + years}${from.slice(4)}`) - 1);
}

export const earlierOf = (a: string, b: string): string => (a < b ? a : b);
