import type { IndicatorUnit } from '../../../src/domain/indicatorUnits';

/**
 * Numbers as each UI language writes them (4,344 · 511.56 · 3.36). Units are added by the
 * `indicators.units.*` translations, so a value reads "511.56 亿元" or "No. 12" as the language wants.
 */
export type Side = 'zh' | 'en';

/** What formatting a value needs to know of its indicator. */
export interface UnitSpec {
  unit: IndicatorUnit;
  decimals: number;
}

const LOCALES: Record<Side, string> = { zh: 'zh-CN', en: 'en-US' };

export function formatNumber(value: number, decimals: number, side: Side): string {
  return new Intl.NumberFormat(LOCALES[side], { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/** A change with its sign: +89, −1.5; zero has none. */
export function formatSigned(value: number, decimals: number, side: Side): string {
  return new Intl.NumberFormat(LOCALES[side], { minimumFractionDigits: decimals, maximumFractionDigits: decimals, signDisplay: 'exceptZero' }).format(value);
}

/**
 * The number a language writes for a value: Chinese counts money in 亿元 (100 million yuan) as
 * stored, English in billions ("CNY 51.16 bn" for 511.56 亿元), so English divides by ten.
 */
export function inDisplayUnit(value: number, unit: IndicatorUnit, side: Side): number {
  return side === 'en' && unit === 'yuan_100m' ? value / 10 : value;
}

/** Counts have no fractions; other units show two unless the catalogue says otherwise. */
export function unitSpec(unit: IndicatorUnit, decimals?: number): UnitSpec {
  return { unit, decimals: decimals ?? (unit === 'count' || unit === 'rank' ? 0 : 2) };
}
