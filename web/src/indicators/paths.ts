/**
 * Where a figure leads: the indicator page for one indicator, year and area. The page keeps its
 * year and area in the URL (`/indicators/rd_institutions.count?period=2025&area=430104`), so a
 * drill-down link can be shared.
 */
export interface DrillTarget {
  code: string;
  period: string;
  /** A district code; absent for the whole city. */
  area?: string;
}

export function indicatorPath({ code, period, area }: DrillTarget): string {
  const query = new URLSearchParams({ period });
  if (area) query.set('area', area);
  return `/indicators/${encodeURIComponent(code)}?${query.toString()}`;
}

/** Every year from the first to the last, as the API writes periods. */
export function yearRange(first: number, last: number): string[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => String(first + i));
}

/** The URL's year when it is one offered, else the fallback (a mistyped year is not sent to the API). */
export function readYear(raw: string | null, years: readonly string[], fallback: string): string {
  return raw !== null && years.includes(raw) ? raw : fallback;
}

/** The URL's district when the city has it; anything else means the whole city. */
export function readArea(raw: string | null, districts: readonly string[]): string | undefined {
  return raw !== null && districts.includes(raw) ? raw : undefined;
}
