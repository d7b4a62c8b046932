import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../src/domain/message';
import { messageSide } from '../i18n/language';
import { formatNumber, formatSigned, inDisplayUnit, type Side, type UnitSpec } from './format';

export interface IndicatorFormat {
  side: Side;
  /** A value with its unit ("511.56 亿元", "3.36%"); the empty mark when there is none. */
  value(v: number | null | undefined, u: UnitSpec): string;
  /** A change with its sign and unit; a percentage changes by points, not percent. */
  change(v: number, u: UnitSpec): string;
  /** A relative change: +34.9%. */
  changePercent(v: number): string;
  text(m: Message): string;
}

/** Formats indicator values in the current UI language. */
export function useIndicatorFormat(): IndicatorFormat {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  return useMemo(
    () => ({
      side,
      value: (v, u) => (v === null || v === undefined ? t('common.none') : t(`indicators.units.${u.unit}`, { value: formatNumber(inDisplayUnit(v, u.unit, side), u.decimals, side) })),
      change: (v, u) => (u.unit === 'percent' ? t('indicators.points', { value: formatSigned(v, u.decimals, side) }) : formatSigned(inDisplayUnit(v, u.unit, side), u.decimals, side)),
      changePercent: (v) => t('indicators.units.percent', { value: formatSigned(v, 1, side) }),
      text: (m) => m[side],
    }),
    [t, side],
  );
}
