import { Card, Empty, Flex, Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useObservations, type Indicator, type Observation } from '../api/indicators';
import { ProblemAlert } from '../components/ProblemAlert';
import { EChart } from '../dashboard/EChart';
import { prepareBreakdown, prepareTrend } from '../dashboard/prepareSeries';
import { useChartText } from '../dashboard/useChartText';
import type { DrillTarget } from './paths';
import { useIndicatorFormat } from './useIndicatorFormat';

interface ChartProps {
  indicator: Indicator;
  city: string;
  period: string;
  area: string | undefined;
  /** Moves the page to another year or district. */
  onSelect: (target: DrillTarget) => void;
}

/** The indicator over the years, for the area shown; a point selects its year. */
export function TrendChart({ indicator, city, period, points, onSelect }: Omit<ChartProps, 'area'> & { points: readonly Observation[] }) {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  const text = useChartText(indicator, city);
  const name = fmt.text(indicator.name);
  const model = useMemo(() => prepareTrend(points, name, text, period), [points, name, text, period]);
  return (
    <Card size="small" title={t('indicators.trend')}>
      <EChart model={model} onDrill={onSelect} height={240} label={name} testId="indicator-trend" />
    </Card>
  );
}

/** The value of the year and area split by one of the indicator's breakdowns; a district's bar selects it. */
export function BreakdownChart({ indicator, city, period, area, onSelect }: ChartProps) {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  const [breakdown, setBreakdown] = useState(indicator.breakdowns[0]?.code ?? '');
  const { data, error } = useObservations(indicator.code, { period, area, breakdown });
  const text = useChartText(indicator, city);
  const name = fmt.text(indicator.name);
  const opts = useMemo(() => ({ noneLabel: t('home.noDistrict'), side: fmt.side, byDistrict: breakdown === 'district' }), [t, fmt.side, breakdown]);
  const model = useMemo(() => (data ? prepareBreakdown(data, name, text, opts) : null), [data, name, text, opts]);
  return (
    <Card
      size="small"
      title={t('indicators.breakdown')}
      extra={
        <Segmented
          size="small"
          data-testid="breakdown-select"
          value={breakdown}
          onChange={setBreakdown}
          options={indicator.breakdowns.map((b) => ({ value: b.code, label: fmt.text(b.label) }))}
        />
      }
    >
      <Flex vertical gap="small">
        {error && <ProblemAlert error={error} />}
        {model && model.drill.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
        {model && model.drill.length > 0 && <EChart model={model} onDrill={onSelect} height={Math.max(160, 32 * model.drill.length)} label={name} testId="indicator-breakdown" />}
        {breakdown === 'district' && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('indicators.breakdownHint')}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
