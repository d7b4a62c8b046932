import { Card, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Dashboard, Indicator } from '../api/indicators';
import { indicatorPath, type DrillTarget } from '../indicators/paths';
import { useIndicatorFormat } from '../indicators/useIndicatorFormat';
import { EChart } from './EChart';
import { prepareFunnel } from './prepareFunnel';
import { prepareMap, type MapDistrict } from './prepareMap';
import { prepareBreakdown, prepareTrend, throughPeriod } from './prepareSeries';
import { useChartText } from './useChartText';

/** The dashboard's charts; each prepares its model once per reply and opens a drill-down on click. */

function useDrill() {
  const navigate = useNavigate();
  return (target: DrillTarget) => navigate(indicatorPath(target));
}

export function TrendCard({ trend, city, period }: { trend: Dashboard['trends'][number]; city: string; period: string }) {
  const fmt = useIndicatorFormat();
  const drill = useDrill();
  const text = useChartText(trend.indicator, city);
  const name = fmt.text(trend.indicator.name);
  const model = useMemo(() => prepareTrend(throughPeriod(trend.points, period), name, text, period), [trend.points, name, text, period]);
  return (
    <Card size="small" title={name}>
      <EChart model={model} onDrill={drill} height={220} label={name} testId={`trend-${trend.indicator.code}`} />
    </Card>
  );
}

export function BreakdownCard({ breakdown, city }: { breakdown: Dashboard['breakdowns'][number]; city: string }) {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  const drill = useDrill();
  const text = useChartText(breakdown.indicator, city);
  const name = fmt.text(breakdown.indicator.name);
  const opts = useMemo(() => ({ noneLabel: t('home.noDistrict'), side: fmt.side, byDistrict: breakdown.breakdown === 'district' }), [t, fmt.side, breakdown.breakdown]);
  const model = useMemo(() => prepareBreakdown(breakdown.points, name, text, opts), [breakdown.points, name, text, opts]);
  return (
    <Card size="small" title={name}>
      <EChart model={model} onDrill={drill} height={300} label={name} testId={`breakdown-${breakdown.indicator.code}`} />
    </Card>
  );
}

export function MapCard({ map, districts, city, period }: { map: Dashboard['map']; districts: readonly MapDistrict[]; city: string; period: string }) {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  const drill = useDrill();
  const text = useChartText(map.indicator, city);
  const name = fmt.text(map.indicator.name);
  const model = useMemo(() => prepareMap(districts, { code: map.indicator.code, period, points: map.points }, name, text, fmt.side), [districts, map, period, name, text, fmt.side]);
  return (
    <Card size="small" title={t('dashboard.map', { name })} style={{ height: '100%' }}>
      <EChart model={model} onDrill={drill} height={340} label={name} testId="district-map" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('dashboard.mapHint')}
      </Typography.Text>
    </Card>
  );
}

/** `top` is the first stage's indicator: every stage is written in its unit (counts of R&D institutions). */
export function FunnelCard({ funnel, top, city }: { funnel: Dashboard['funnel']; top: Indicator; city: string }) {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  const drill = useDrill();
  const text = useChartText(top, city);
  const model = useMemo(() => prepareFunnel(funnel, text, fmt.side), [funnel, text, fmt.side]);
  return (
    <Card size="small" title={t('dashboard.funnel')} style={{ height: '100%' }}>
      <EChart model={model} onDrill={drill} height={320} label={t('dashboard.funnel')} testId="four-global-funnel" />
    </Card>
  );
}
