import { useMemo } from 'react';
import type { Indicator } from '../api/indicators';
import { unitSpec } from '../indicators/format';
import { useIndicatorFormat } from '../indicators/useIndicatorFormat';
import type { ChartText } from './chartModel';

/** How a chart of this indicator writes its values, in the current language. */
export function useChartText(indicator: Indicator, city: string): ChartText & { share: (ratio: number) => string } {
  const fmt = useIndicatorFormat();
  return useMemo(() => {
    const unit = unitSpec(indicator.unit, indicator.decimals);
    return { city, format: (v) => fmt.value(v, unit), share: (r) => fmt.value(r * 100, unitSpec('percent', 1)) };
  }, [fmt, indicator.unit, indicator.decimals, city]);
}
