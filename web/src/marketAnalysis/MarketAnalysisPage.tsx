import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Flex, Form, Input, Select, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { analysisMeasures, type AnalysisMeasure } from '../../../src/contracts/marketAnalysis';
import { dimensionNames, measureNames } from '../../../src/domain/analysis/names';
import { dimensions, type Dimension } from '../../../src/domain/analysis/query';
import { useMarketAnalysis } from '../api/marketAnalysis';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { EChart } from '../dashboard/EChart';
import { formatYuan } from '../entities/techContracts/money';
import { useTechContractColumns } from '../entities/techContracts/columns';
import { registryListUrl } from '../indicators/registryLink';
import { useMessageText } from '../filings/useMessageText';
import { analysisChart, analysisQuery, analysisRows, changeText, chartNumberFormat, defaultAnalysis, exportHref, MAX_DIMENSIONS, readAnalysis, type AnalysisRow, type AnalysisState } from './model';

const LAST_YEAR = new Date().getFullYear() - 1;
const YEARS = Array.from({ length: LAST_YEAR - 2000 + 2 }, (_, i) => String(2000 + i)).reverse();

/**
 * 技术市场分析: registered technology contracts by up to two dimensions, with filters in the
 * contracts list's syntax; a table and a chart; each cell opens the contracts list of its rows.
 */
/** A figure keeps to one line (the table scrolls sideways on a phone): a number broken over lines misreads. */
const oneLine = () => ({ style: { whiteSpace: 'nowrap' as const } });

export function MarketAnalysisPage() {
  const { t } = useTranslation();
  const { side, text } = useMessageText();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readAnalysis(params, defaultAnalysis(LAST_YEAR)), [params]);
  const { data, error, isFetching } = useMarketAnalysis(analysisQuery(state));
  const { filters } = useTechContractColumns();
  const [filterDraft, setFilterDraft] = useState(state.filter);
  const [chartMeasure, setChartMeasure] = useState<AnalysisMeasure>('contract_amount');
  const shown = state.measures.includes(chartMeasure) ? chartMeasure : state.measures[0]!;

  const change = (patch: Partial<AnalysisState>) => setParams(analysisQuery({ ...state, ...patch }), { replace: true });
  const open = (filter: string) => navigate(registryListUrl('/tech-contracts', filter, filters));

  const rows = useMemo(() => (data ? analysisRows(data, side, t('marketAnalysis.total')) : []), [data, side, t]);
  const chart = useMemo(() => (data ? analysisChart(data, shown, side, chartNumberFormat(shown, side)) : null), [data, shown, side]);

  const value = (m: AnalysisMeasure, v: string | number | undefined) => (v === undefined ? '' : m === 'count' ? Number(v).toLocaleString(side === 'zh' ? 'zh-CN' : 'en-US') : formatYuan(String(v), side));
  const columns: TableColumnsType<AnalysisRow> = [
    ...(data?.dimensions ?? []).map((d, i) => ({ key: `d${i}`, title: text(d.name), render: (_: unknown, r: AnalysisRow) => r.labels[i] })),
    ...(data?.dimensions.length ? [] : [{ key: 'd', title: '', render: (_: unknown, r: AnalysisRow) => r.labels[0] }]),
    ...state.measures.flatMap((m) => [
      {
        key: m,
        title: text(measureNames[m]),
        align: 'right' as const,
        onCell: oneLine,
        render: (_: unknown, r: AnalysisRow) => (
          <Typography.Link onClick={() => open(r.drill)} data-testid={`cell-${m}`}>
            {value(m, r.values[m])}
          </Typography.Link>
        ),
      },
      ...(state.compare
        ? [
            { key: `${m}-previous`, title: t('marketAnalysis.previous', { measure: text(measureNames[m]) }), align: 'right' as const, onCell: oneLine, render: (_: unknown, r: AnalysisRow) => value(m, r.previous?.[m]) },
            { key: `${m}-change`, title: t('marketAnalysis.change'), align: 'right' as const, onCell: oneLine, render: (_: unknown, r: AnalysisRow) => changeText(r.change?.[m]) },
          ]
        : []),
    ]),
  ];

  return (
    <Flex vertical gap="middle" data-testid="market-analysis-page">
      <PageTitle>{t('marketAnalysis.title')}</PageTitle>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('marketAnalysis.intro')}
      </Typography.Paragraph>
      <Card size="small">
        <Form layout="vertical">
          <Flex wrap gap="middle">
            <Form.Item label={t('marketAnalysis.dimensions')} style={{ minWidth: 280, marginBottom: 8 }}>
              <Select<Dimension[]>
                mode="multiple"
                aria-label={t('marketAnalysis.dimensions')}
                data-testid="analysis-dimensions"
                value={state.dimensions}
                maxCount={MAX_DIMENSIONS}
                onChange={(dims) => change({ dimensions: dims })}
                options={dimensions.map((d) => ({ value: d, label: text(dimensionNames[d]) }))}
              />
            </Form.Item>
            <Form.Item label={t('marketAnalysis.years')} style={{ marginBottom: 8 }}>
              <Flex gap="small" align="center">
                <Select aria-label={t('marketAnalysis.from')} value={state.from} onChange={(from) => change({ from, to: from > state.to ? from : state.to })} options={YEARS.map((y) => ({ value: y, label: y }))} style={{ width: 96 }} />
                –
                <Select aria-label={t('marketAnalysis.to')} value={state.to} onChange={(to) => change({ to, from: to < state.from ? to : state.from })} options={YEARS.map((y) => ({ value: y, label: y }))} style={{ width: 96 }} />
              </Flex>
            </Form.Item>
            <Form.Item label={t('marketAnalysis.measures')} style={{ marginBottom: 8 }}>
              <Checkbox.Group<AnalysisMeasure>
                value={state.measures}
                onChange={(measures) => measures.length > 0 && change({ measures: analysisMeasures.filter((m) => measures.includes(m)) })}
                options={analysisMeasures.map((m) => ({ value: m, label: text(measureNames[m]) }))}
              />
            </Form.Item>
            <Form.Item label={t('marketAnalysis.compare')} style={{ marginBottom: 8 }}>
              <Switch aria-label={t('marketAnalysis.compare')} checked={state.compare} onChange={(compare) => change({ compare })} />
            </Form.Item>
          </Flex>
          <Form.Item label={t('marketAnalysis.filter')} extra={t('marketAnalysis.filterHelp')} style={{ marginBottom: 0 }}>
            <Input.Search aria-label={t('marketAnalysis.filter')} data-testid="analysis-filter" value={filterDraft} allowClear enterButton={t('marketAnalysis.apply')} onChange={(e) => setFilterDraft(e.target.value)} onSearch={(filter) => change({ filter: filter.trim() })} />
          </Form.Item>
        </Form>
      </Card>
      {error && <ProblemAlert error={error} />}
      {chart && (
        <Card
          size="small"
          title={t('marketAnalysis.chart')}
          extra={<Select<AnalysisMeasure> size="small" aria-label={t('marketAnalysis.chartMeasure')} value={shown} onChange={setChartMeasure} options={state.measures.map((m) => ({ value: m, label: text(measureNames[m]) }))} style={{ minWidth: 160 }} />}
        >
          <EChart<string> model={chart} onDrill={open} height={state.dimensions.length === 2 ? 360 : 280} label={t('marketAnalysis.chart')} testId="analysis-chart" />
        </Card>
      )}
      <Card
        size="small"
        title={t('marketAnalysis.table')}
        extra={
          <Button icon={<DownloadOutlined />} href={exportHref(state, side)} data-testid="analysis-export">
            {t('marketAnalysis.export')}
          </Button>
        }
      >
        <Table<AnalysisRow> size="small" rowKey="key" loading={isFetching} columns={columns} dataSource={rows} pagination={false} scroll={{ x: true }} />
      </Card>
    </Flex>
  );
}
