import type { Host } from './genContext.js';
import type { Population, Role } from './population.js';
import type { Random } from './random.js';

/**
 * Where generated records are hung: a reference is a population index (≥ 0) or a named entity
 * (−1 − its position among the named hosts), resolved to a Host only when a record is written.
 */
export interface HostDirectory {
  host(ref: number): Host;
}

export const namedRef = (k: number): number => -1 - k;
export const namedIndex = (ref: number): number => -1 - ref;

/** The members of several roles as one pool. */
export function poolOf(p: Population, ...roles: Role[]): Int32Array {
  const pool = new Int32Array(roles.reduce((n, r) => n + p.members[r].length, 0));
  let at = 0;
  for (const r of roles) {
    pool.set(p.members[r], at);
    at += p.members[r].length;
  }
  return pool;
}

/**
 * The organizations that may host records of one kind. Members that never can again (their name
 * slots used up) are dropped when met, so picking stays fast as the pool fills — at 100× tens of
 * thousands of new-type R&D institutions fill a pool of about as many hosts.
 */
export class HostPool {
  private readonly members: Int32Array;
  private live: number;

  constructor(
    members: Int32Array,
    /** True once an organization can host no more records of this kind. */
    private readonly spent: (org: number) => boolean,
  ) {
    this.members = members.slice();
    this.live = members.length;
  }

  /**
   * A member that `fits` now (e.g. was founded in time): a few random draws, then a scan, so a pool
   * with any fitting member always yields one. −1 when none fits.
   */
  pick(rng: Random, fits: (org: number) => boolean): number {
    for (let attempt = 0; attempt < 24 && this.live > 0; attempt++) {
      const at = rng.int(0, this.live - 1);
      const org = this.members[at] ?? -1;
      if (this.spent(org)) this.drop(at);
      else if (fits(org)) return org;
    }
    for (let at = 0; at < this.live; ) {
      const org = this.members[at] ?? -1;
      if (this.spent(org)) this.drop(at);
      else if (fits(org)) return org;
      else at++;
    }
    return -1;
  }

  private drop(at: number): void {
    this.members[at] = this.members[--this.live] ?? -1;
  }
}
