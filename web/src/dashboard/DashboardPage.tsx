import { Col, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMeta } from '../api/hooks';
import { useDashboard, useIndicatorCatalogue } from '../api/indicators';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatTimestamp } from '../detail/format';
import { yearRange } from '../indicators/paths';
import { dashboardYear, isYearToDate } from './dashboardYear';
import { BreakdownCard, FunnelCard, MapCard, TrendCard } from './DashboardCharts';
import { KpiCard } from './KpiCard';
import { prepareKpi } from './prepareKpi';
import { TargetsSection } from './TargetsSection';
import { YearSelect } from './YearSelect';
import { AnnualReportButton } from './AnnualReportButton';
import { useCan } from '../auth/useCan';
import { PageTitle } from '../components/PageTitle';

/** 驾驶舱: KPI cards, target progress, trends, district bars and map, the "four global" funnel; the year in the URL. */
export function DashboardPage() {
  const { t } = useTranslation();
  const [query, setQuery] = useSearchParams();
  const { data, error, isFetching } = useDashboard(dashboardYear(query.get('period')));
  const catalogue = useIndicatorCatalogue();
  const { data: meta } = useMeta();
  const can = useCan();
  const indicators = useMemo(() => new Map((catalogue.data?.results ?? []).map((i) => [i.code, i])), [catalogue.data]);

  const header = (
    <Flex justify="space-between" align="center" wrap gap="small">
      <div>
        <PageTitle>{t('dashboard.title')}</PageTitle>
        <Typography.Text type="secondary">{t('dashboard.intro')}</Typography.Text>
      </div>
      {data && catalogue.data && (
        <Flex align="center" gap="small" wrap>
          <Typography.Text type="secondary">{t('dashboard.computedAt', { time: formatTimestamp(data.computed_at) })}</Typography.Text>
          {isYearToDate(data.period, data.as_of) && (
            <Tag color="orange" data-testid="year-to-date">
              {t('dashboard.yearToDate', { date: data.as_of })}
            </Tag>
          )}
          <YearSelect years={yearRange(catalogue.data.first_year, Number(data.running_period))} value={data.period} onChange={(period) => setQuery({ period })} />
          {can('registry.read') && <AnnualReportButton years={yearRange(catalogue.data.first_year, Number(data.running_period))} period={data.period} />}
        </Flex>
      )}
    </Flex>
  );
  if (!data) {
    return (
      <Flex vertical gap="middle">
        {header}
        {error ? <ProblemAlert error={error} /> : <Skeleton active />}
      </Flex>
    );
  }
  const city = data.area;
  const first = data.trends[0]?.points[0]?.period;
  return (
    <Flex vertical gap="middle" data-testid="dashboard" style={{ opacity: isFetching ? 0.6 : 1 }}>
      {header}
      {error && <ProblemAlert error={error} />}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('dashboard.kpis')}
      </Typography.Title>
      <Row gutter={[12, 12]} data-testid="kpi-cards">
        {data.kpis.map((kpi) => (
          <Col key={kpi.indicator.code} xs={24} sm={12} lg={8} xl={6}>
            <KpiCard view={prepareKpi(kpi, city)} />
          </Col>
        ))}
      </Row>
      <TargetsSection targets={data.targets} period={data.target_period} yearToDate={data.target_period === data.running_period} indicators={indicators} />
      {first && (
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('dashboard.trends', { first, last: data.period })}
        </Typography.Title>
      )}
      <Row gutter={[12, 12]}>
        {data.trends.map((trend) => (
          <Col key={trend.indicator.code} xs={24} lg={12}>
            <TrendCard trend={trend} city={city} period={data.period} />
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <MapCard map={data.map} districts={meta?.city.districts ?? []} city={city} period={data.period} />
        </Col>
        {data.funnel[0] && (
          <Col xs={24} lg={12}>
            <FunnelCard funnel={data.funnel} top={data.funnel[0].indicator} city={city} />
          </Col>
        )}
      </Row>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('dashboard.breakdowns', { period: data.period })}
      </Typography.Title>
      <Row gutter={[12, 12]}>
        {data.breakdowns.map((b) => (
          <Col key={b.indicator.code} xs={24} lg={12}>
            <BreakdownCard breakdown={b} city={city} />
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
