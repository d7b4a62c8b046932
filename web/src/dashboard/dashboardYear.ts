/**
 * The year a dashboard shows: the one in the URL drives the figures and the targets alike; none
 * leaves both to the server (the last complete year's figures, the running year's targets).
 */
export interface DashboardYear {
  period?: string;
  target_period?: string;
}

const YEAR = /^\d{4}$/;

export function dashboardYear(asked: string | null): DashboardYear {
  return asked !== null && YEAR.test(asked) ? { period: asked, target_period: asked } : {};
}

/** A year still running is shown year to date: its figures stand as of a day before its last. */
export function isYearToDate(period: string, asOf: string): boolean {
  return asOf < `${period}-12-31`;
}
