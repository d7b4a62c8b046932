/**
 * Every graph query has a work bound (issue 15: "never a hang"). Work is counted in nodes visited plus
 * edge slots scanned; when a query would pass its bound it stops with this error, which the HTTP layer
 * turns into a 4xx problem rather than letting one request hold the process.
 */
export interface WorkBound {
  /** Most units of work (nodes visited + edge slots scanned) the call may spend; unbounded when absent. */
  maxWork?: number;
}

export class GraphWorkExceeded extends Error {
  readonly code = 'graph_work_exceeded';
  constructor(
    readonly bound: number,
    readonly what: string,
    /** What the bound counts: units of work, or nodes reached (the k-hop neighbourhood's maxNodes). */
    readonly unit: 'work' | 'nodes' = 'work',
  ) {
    super(`${what} needs more than its bound of ${bound} ${unit === 'work' ? 'units of work' : 'nodes'}`);
    this.name = 'GraphWorkExceeded';
  }
}

/** The bound as a number the hot loops compare against (Infinity when unbounded). */
export function workLimit(bound: WorkBound | undefined): number {
  const max = bound?.maxWork;
  if (max === undefined) return Number.POSITIVE_INFINITY;
  if (!(max >= 0)) throw new RangeError(`maxWork must be a number ≥ 0, not ${max}`);
  return max;
}
