import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { indicatorPath } from '../indicators/paths';
import { SourceTag } from '../indicators/SourceTag';
import { useIndicatorFormat } from '../indicators/useIndicatorFormat';
import type { KpiView, Tone } from './prepareKpi';

/** One figure: its value, the change since the year before (coloured good or bad), its source; opens its drill-down. */
export function KpiCard({ view }: { view: KpiView }) {
  const fmt = useIndicatorFormat();
  const { token } = theme.useToken();
  const colours: Record<Tone, string> = { good: token.colorSuccess, bad: token.colorError, neutral: token.colorTextSecondary };
  return (
    <Link to={indicatorPath(view.drill)} data-testid={`kpi-${view.code}`}>
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Flex justify="space-between" align="start" gap="small">
          <Typography.Text type="secondary" data-testid="kpi-name">
            {fmt.text(view.name)}
          </Typography.Text>
          <SourceTag source={view.source} asOf={view.asOf} sourceNote={view.sourceNote} />
        </Flex>
        <div data-testid="kpi-value" style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.4, color: token.colorText }}>
          {fmt.value(view.value, view.unit)}
        </div>
        <ChangeLine view={view} colour={colours[view.tone]} />
      </Card>
    </Link>
  );
}

function ChangeLine({ view, colour }: { view: KpiView; colour: string }) {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  if (view.comparison !== 'change' || view.change === null) return <Typography.Text type="secondary">{t(COMPARISON_KEYS[view.comparison], { period: view.previousPeriod })}</Typography.Text>;
  const percent = view.changePercent === null ? '' : ` (${fmt.changePercent(view.changePercent)})`;
  const move = view.rankMove;
  return (
    <Flex gap={6} align="center" wrap>
      <Typography.Text style={{ color: colour }} data-testid="kpi-change">
        {view.arrow === 'up' && <ArrowUpOutlined />}
        {view.arrow === 'down' && <ArrowDownOutlined />} {move ? t(`dashboard.rank.${move.wording}`, { places: move.places }) : fmt.change(view.change, view.unit)}
        {percent}
      </Typography.Text>
      <Typography.Text type="secondary">{t('dashboard.change', { period: view.previousPeriod })}</Typography.Text>
    </Flex>
  );
}

const COMPARISON_KEYS = { change: 'dashboard.change', noPreviousYear: 'dashboard.noChange', noPreviousValue: 'dashboard.noPreviousValue', noValue: 'dashboard.noValue' } as const;
