import { Col, Flex, Result, Row, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { useIndicator, useObservations, type Indicator } from '../api/indicators';
import { ApiProblem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { YearSelect } from '../dashboard/YearSelect';
import { BreakdownChart, TrendChart } from './IndicatorCharts';
import { IndicatorRowsCard } from './IndicatorRowsCard';
import { DefinitionCard, ValueCard } from './IndicatorSummary';
import { OfficialValuesCard } from './OfficialValuesCard';
import { readArea, readYear, type DrillTarget } from './paths';
import { SourceTag } from './SourceTag';
import { useAreas } from './useAreas';
import { useIndicatorFormat } from './useIndicatorFormat';
import { PageTitle } from '../components/PageTitle';

/** `/indicators/:code?period=&area=`: one indicator for a year and area, and what lies behind the value. */
export function IndicatorPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const { data: indicator, error } = useIndicator(code);
  const areas = useAreas();
  if (error) {
    const missing = error instanceof ApiProblem && error.status === 404;
    return <Result status={missing ? '404' : 'error'} title={missing ? t('indicators.notFound') : t('common.loadFailed')} subTitle={<ProblemAlert error={error} />} />;
  }
  if (!indicator || areas.city === undefined) return <Skeleton active />;
  return <IndicatorView indicator={indicator} city={areas.city} />;
}

function IndicatorView({ indicator, city }: { indicator: Indicator; city: string }) {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  const areas = useAreas();
  const [query, setQuery] = useSearchParams();
  const area = readArea(query.get('area'), areas.districts);
  const trend = useObservations(indicator.code, area ? { area } : {});
  const years = trend.data?.map((p) => p.period) ?? [];
  // Without a year in the URL: the last complete one (the running year is still filling up).
  const period = readYear(query.get('period'), years, years.at(-2) ?? years.at(-1) ?? '');
  const value = trend.data?.find((o) => o.period === period);
  const select = (target: Partial<DrillTarget>) => {
    const next = { period, area, ...target };
    setQuery(new URLSearchParams({ period: next.period, ...(next.area ? { area: next.area } : {}) }));
  };

  return (
    <Flex vertical gap="middle" data-testid="indicator-page">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Flex align="center" gap="small" wrap>
          <PageTitle>{fmt.text(indicator.name)}</PageTitle>
          <SourceTag source={indicator.source} asOf={null} />
          <Typography.Text code>{indicator.code}</Typography.Text>
        </Flex>
        <Flex gap="small">
          <Select
            aria-label={t('indicators.area')}
            data-testid="area-select"
            value={area ?? city}
            onChange={(a) => select({ area: a === city ? undefined : a })}
            options={areas.options}
            style={{ width: 160 }}
          />
          {years.length > 0 && <YearSelect years={years} value={period} onChange={(p) => select({ period: p })} />}
        </Flex>
      </Flex>
      {trend.error && <ProblemAlert error={trend.error} />}
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>
          <ValueCard indicator={indicator} value={value} title={period && t('indicators.valueTitle', { period, area: areas.name(area ?? city) })} />
        </Col>
        <Col xs={24} md={16}>
          <DefinitionCard indicator={indicator} />
        </Col>
      </Row>
      {trend.data && <TrendChart indicator={indicator} city={city} period={period} points={trend.data} onSelect={select} />}
      {period && indicator.breakdowns.length > 0 && <BreakdownChart indicator={indicator} city={city} period={period} area={area} onSelect={select} />}
      {period && indicator.rows_entity && (
        <IndicatorRowsCard key={`${period}|${area}`} indicator={indicator} entity={indicator.rows_entity} period={period} area={area} value={value} />
      )}
      {indicator.source === 'official' && period && <OfficialValuesCard indicator={indicator} years={years} period={period} />}
    </Flex>
  );
}
