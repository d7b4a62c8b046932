import type { PublicIndicator, PublicIndicatorDetail } from '../../../src/contracts/publicData';
import { PORTAL } from './paths';

/**
 * The portal's indicator figures, read from the public API (the dashboard's engine computes them):
 * the home's headline cards, a figure's year and area in the address, its breakdown for the map,
 * and the request of the published rows behind a figure.
 */
export type Side = 'zh' | 'en';
type Figure = PublicIndicator['values'][number];

/** One formatter per language and number of decimals: `toLocaleString` with options builds a new one for every figure. */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(side: Side, decimals: number): Intl.NumberFormat {
  const key = `${side}:${decimals}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(side === 'zh' ? 'zh-CN' : 'en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })));
  return f;
}

/** A value as the indicator writes it: its decimals, grouped, with its unit; an em dash for none. */
export function figureText(value: number | null, indicator: Pick<PublicIndicator, 'decimals' | 'unit_label'>, side: Side): string {
  if (value === null) return '—';
  const number = formatter(side, indicator.decimals).format(value);
  const unit = indicator.unit_label[side];
  return unit ? `${number} ${unit}` : number;
}

/** The newest year with a value; null when no year has one. */
export function latestFigure(values: readonly Figure[]): Figure | null {
  return [...values].reverse().find((v) => v.value !== null) ?? null;
}

export interface HeadlineCard {
  code: string;
  name: string;
  period: string | null;
  text: string;
  target: { text: string; status: string; label: string } | null;
  /** The five years, oldest first, for the trend line. */
  trend: Array<{ period: string; value: number | null }>;
  href: string;
}

export function headlineCard(indicator: PublicIndicator, side: Side): HeadlineCard {
  const latest = latestFigure(indicator.values);
  const { target } = indicator;
  return {
    code: indicator.code,
    name: indicator.name[side],
    period: latest?.period ?? null,
    text: figureText(latest?.value ?? null, indicator, side),
    target: target && { text: figureText(target.value, indicator, side), status: target.status, label: target.status_label[side] },
    trend: indicator.values.map((v) => ({ period: v.period, value: v.value })),
    href: PORTAL.indicator(indicator.code),
  };
}

/** Which figure the indicator page shows: a year (default the newest with a value) and a district or zone (default the city). */
export interface FigureChoice {
  year: string | null;
  area: { kind: 'district' | 'zone'; code: string } | null;
}

export function readFigureChoice(params: URLSearchParams): FigureChoice {
  const year = params.get('year');
  const district = params.get('district');
  const zone = params.get('zone');
  const area = district && /^\d{6}$/.test(district) ? { kind: 'district' as const, code: district } : zone && /^[a-z][a-z0-9_]*$/.test(zone) ? { kind: 'zone' as const, code: zone } : null;
  return { year: year && /^\d{4}$/.test(year) ? year : null, area };
}

/** The address of an indicator's figure for a year and an area. */
export function figurePath(code: string, choice: FigureChoice): string {
  const params = new URLSearchParams();
  if (choice.year) params.set('year', choice.year);
  if (choice.area) params.set(choice.area.kind, choice.area.code);
  const query = params.toString();
  return query ? `${PORTAL.indicator(code)}?${query}` : PORTAL.indicator(code);
}

/** The years the indicator has, newest first. */
export function yearsOf(indicator: Pick<PublicIndicator, 'values'>): string[] {
  return indicator.values.map((v) => v.period).reverse();
}

/** The value of each district (or zone) in a year, by its code. */
export function breakdownFor(detail: PublicIndicatorDetail, kind: 'district' | 'zone', year: string): Map<string, number> {
  const figures = kind === 'district' ? detail.by_district : detail.by_zone;
  return new Map(figures.filter((f) => f.period === year && f.key !== null && f.value !== null).map((f) => [f.key as string, f.value as number]));
}

/** The figure the page shows: the city's for the year, or the area's from the breakdown. */
export function chosenValue(detail: PublicIndicatorDetail, year: string, area: FigureChoice['area']): number | null {
  if (!area) return detail.values.find((v) => v.period === year)?.value ?? null;
  return breakdownFor(detail, area.kind, year).get(area.code) ?? null;
}

export const ROWS_PAGE_SIZE = 25;

/** The rows request of the figure: the year, and its district as the area or its zone as a filter. */
export function rowsQuery(year: string, area: FigureChoice['area'], page: number): Record<string, string | number | undefined> {
  return {
    period: year,
    area: area?.kind === 'district' ? area.code : undefined,
    filter: area?.kind === 'zone' ? `zone:${area.code}` : undefined,
    page,
    per_page: ROWS_PAGE_SIZE,
  };
}

/** The map's question (/portal/map?indicator=…&year=…&by=zone): an indicator the portal publishes, a year it has, districts or zones. */
export interface MapChoice {
  code: string;
  year: string;
  by: 'district' | 'zone';
}

/** Reads the address against what is published: an unknown indicator or year falls back to the first indicator and its newest year. */
export function readMapChoice(params: URLSearchParams, indicators: readonly Pick<PublicIndicator, 'code' | 'values'>[]): MapChoice | null {
  const indicator = indicators.find((i) => i.code === params.get('indicator')) ?? indicators[0];
  if (!indicator) return null;
  const years = yearsOf(indicator);
  const asked = params.get('year');
  const year = asked && years.includes(asked) ? asked : (latestFigure(indicator.values)?.period ?? years[0] ?? '');
  return { code: indicator.code, year, by: params.get('by') === 'zone' ? 'zone' : 'district' };
}

export function mapParamsOf(choice: MapChoice): URLSearchParams {
  const params = new URLSearchParams({ indicator: choice.code, year: choice.year });
  if (choice.by === 'zone') params.set('by', 'zone');
  return params;
}
