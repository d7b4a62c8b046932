import { Card, Col, Empty, Flex, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Indicator } from '../api/indicators';
import type { Target } from '../api/targets';
import { unitSpec } from '../indicators/format';
import { indicatorPath } from '../indicators/paths';
import { useIndicatorFormat } from '../indicators/useIndicatorFormat';
import { StatusTag, TargetBar, TargetFigures } from './TargetProgress';

interface Props {
  targets: readonly Target[];
  period: string;
  /** The targets' year is still running: their standing is year to date. */
  yearToDate: boolean;
  /** The catalogue, for each target's decimals. */
  indicators: ReadonlyMap<string, Indicator>;
}

/** The city's targets for a year: a progress bar each, in its status colour. */
export function TargetsSection({ targets, period, yearToDate, indicators }: Props) {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  return (
    <Card size="small" title={t(yearToDate ? 'dashboard.targetsToDate' : 'dashboard.targets', { period })} extra={<Link to={`/targets?period=${period}`}>{t('dashboard.manageTargets')}</Link>} data-testid="dashboard-targets">
      {targets.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.noTargets')} />
      ) : (
        <Flex vertical gap="small">
          {targets.map((target) => {
            const unit = unitSpec(target.unit, indicators.get(target.indicator_code)?.decimals);
            return (
              <Row key={target.id} gutter={16} align="middle">
                <Col xs={24} md={8}>
                  <Flex gap="small" align="center">
                    <StatusTag target={target} />
                    <Link to={indicatorPath({ code: target.indicator_code, period: target.period })}>{fmt.text(target.indicator_name)}</Link>
                  </Flex>
                </Col>
                <Col xs={14} md={10}>
                  <TargetBar target={target} unit={unit} />
                </Col>
                <Col xs={10} md={6} style={{ textAlign: 'end' }}>
                  <TargetFigures target={target} unit={unit} />
                </Col>
              </Row>
            );
          })}
        </Flex>
      )}
    </Card>
  );
}
