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
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
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

  /** A calendar date in [from, to], both included. */
  dateBetween(from: string, to: string): string {
    return fromDays(this.int(toDays(from), toDays(to)));
  }
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a canonical date (UTC, so no time zone can shift it). */
export function toDays(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS;
}

export function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDays(toDays(date) + days);
}

/** The last day of a validity of `years` years starting on `from` (3 years from 2025-10-01 → 2028-09-30). */
export function validityEnd(from: string, years: number): string {
  const [y, m, d] = from.split('-').map(Number);
  const end = new Date(Date.UTC((y ?? 1970) + years, (m ?? 1) - 1, d ?? 1));
  // 29 February rolls to 1 March in a common year; one day back is the last day either way.
  return fromDays(end.getTime() / DAY_MS - 1);
}

export const laterOf = (a: string, b: string): string => (a > b ? a : b);
export const earlierOf = (a: string, b: string): string => (a < b ? a : b);
