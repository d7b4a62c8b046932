import { Card, Drawer, Flex, Form, Radio, Select, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ChainEntity } from '../../../src/contracts/industrialChains';
import { positionLabels } from '../../../src/domain/industrialChain';
import { useChainGaps, useChainRows, useChains, useChainView, type ChainRows } from '../api/industrialChains';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatYuan } from '../entities/techContracts/money';
import { useMessageText } from '../filings/useMessageText';
import { chainsParams, gapRows, readChains, recordPath, rowsRequest, sankeyChart, scoreText, segmentRows, tableEntities, yearQuery, type ChainsState, type FlowMeasure, type GapRow, type SegmentRow } from './model';
import { SankeyChart } from './SankeyChart';

const LAST_YEAR = new Date().getFullYear();
const YEARS = Array.from({ length: LAST_YEAR - 2000 + 1 }, (_, i) => 2000 + i).reverse();
const PER_PAGE = 20;

interface Drill {
  title: string;
  link: string;
}

/**
 * 产业链全景与缺口: a chain's segments side by side (each figure opens the rows behind it), the
 * contracts flowing down the chain as a Sankey, and the ranked gaps with their reasons.
 */
export function ChainsPage() {
  const { t } = useTranslation();
  const { text } = useMessageText();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readChains(params), [params]);
  const chains = useChains();
  const chain = state.chain || chains.data?.results[0]?.id || '';
  const change = (patch: Partial<ChainsState>) => setParams(chainsParams({ ...state, ...patch }), { replace: true });
  const [drill, setDrill] = useState<Drill | null>(null);

  const yearSelect = (
    <Form.Item label={t('chains.year')} style={{ marginBottom: 8 }}>
      <Select<number | 'all'>
        aria-label={t('chains.year')}
        data-testid="chains-year"
        value={state.year ?? 'all'}
        onChange={(y) => change({ year: y === 'all' ? null : y })}
        options={[{ value: 'all' as const, label: t('chains.allYears') }, ...YEARS.map((y) => ({ value: y, label: String(y) }))]}
        style={{ width: 140 }}
      />
    </Form.Item>
  );

  return (
    <Flex vertical gap="middle" data-testid="chains-page">
      <PageTitle>{t('chains.title')}</PageTitle>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('chains.intro')}
      </Typography.Paragraph>
      {chains.error && <ProblemAlert error={chains.error} />}
      <Tabs
        activeKey={state.tab}
        onChange={(tab) => change({ tab: tab === 'gaps' ? 'gaps' : 'view' })}
        items={[
          {
            key: 'view',
            label: t('chains.viewTab'),
            children: (
              <Flex vertical gap="middle">
                <Form layout="vertical">
                  <Flex wrap gap="middle">
                    <Form.Item label={t('chains.chain')} style={{ minWidth: 280, marginBottom: 8 }}>
                      <Select
                        aria-label={t('chains.chain')}
                        data-testid="chains-chain"
                        value={chain || undefined}
                        loading={chains.isLoading}
                        onChange={(c) => change({ chain: c })}
                        options={(chains.data?.results ?? []).map((c) => ({ value: c.id, label: `${text(c.name)} · ${t('chains.enterpriseCount', { count: c.enterprises })}` }))}
                      />
                    </Form.Item>
                    {yearSelect}
                  </Flex>
                </Form>
                <ChainViewCards chain={chain} year={state.year} onDrill={setDrill} />
              </Flex>
            ),
          },
          {
            key: 'gaps',
            label: t('chains.gapsTab'),
            children: (
              <Flex vertical gap="middle">
                <Form layout="vertical">{yearSelect}</Form>
                <GapRanking year={state.year} enabled={state.tab === 'gaps'} onDrill={setDrill} />
              </Flex>
            ),
          },
        ]}
      />
      <Drawer open={drill !== null} onClose={() => setDrill(null)} title={drill?.title} size="large" destroyOnHidden>
        {drill && <DrillRows link={drill.link} />}
      </Drawer>
    </Flex>
  );
}

function ChainViewCards({ chain, year, onDrill }: { chain: string; year: number | null; onDrill: (d: Drill) => void }) {
  const { t } = useTranslation();
  const { side, text } = useMessageText();
  const { data, error, isFetching } = useChainView(chain, yearQuery(year));
  const [measure, setMeasure] = useState<FlowMeasure>('amount');
  const rows = useMemo(() => (data ? segmentRows(data, side) : []), [data, side]);
  const sankey = useMemo(() => (data ? sankeyChart(data, side, measure) : null), [data, side, measure]);

  const figureCell = (entity: ChainEntity) => (_: unknown, r: SegmentRow) => {
    const f = r.figures[entity];
    return (
      <Typography.Link data-testid={`figure-${r.key}-${entity}`} onClick={() => onDrill({ title: `${r.name} · ${t(`chains.entities.${entity}`)}`, link: f.rows })}>
        {f.count.toLocaleString(side === 'zh' ? 'zh-CN' : 'en-US')}
        {f.amount !== undefined && f.count > 0 && (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {formatYuan(f.amount, side)}
          </Typography.Text>
        )}
      </Typography.Link>
    );
  };
  const columns: TableColumnsType<SegmentRow> = [
    {
      key: 'segment',
      title: t('chains.segment'),
      fixed: 'left',
      render: (_: unknown, r: SegmentRow) => (
        <Flex vertical gap={2}>
          <Tag style={{ width: 'fit-content' }}>{text(positionLabels[r.position])}</Tag>
          <span>{r.name}</span>
        </Flex>
      ),
    },
    ...tableEntities.map((e) => ({ key: e, title: t(`chains.entities.${e}`), align: 'right' as const, render: figureCell(e) })),
  ];

  return (
    <>
      {error && <ProblemAlert error={error} />}
      <Card size="small" title={t('chains.table')}>
        <Table<SegmentRow> size="small" rowKey="key" loading={isFetching} columns={columns} dataSource={rows} pagination={false} scroll={{ x: true }} />
      </Card>
      {sankey && (
        <Card
          size="small"
          title={t('chains.sankey')}
          extra={
            <Radio.Group size="small" value={measure} onChange={(e) => setMeasure(e.target.value as FlowMeasure)} aria-label={t('chains.flowMeasure')}>
              <Radio.Button value="amount">{t('chains.byAmount')}</Radio.Button>
              <Radio.Button value="count">{t('chains.byCount')}</Radio.Button>
            </Radio.Group>
          }
        >
          <SankeyChart option={sankey.option} height={320} label={t('chains.sankey')} />
          <Typography.Text type="secondary">{sankey.drawn === 0 ? t('chains.noFlows') : t('chains.flowsNote', { count: sankey.left })}</Typography.Text>
        </Card>
      )}
    </>
  );
}

function GapRanking({ year, enabled, onDrill }: { year: number | null; enabled: boolean; onDrill: (d: Drill) => void }) {
  const { t } = useTranslation();
  const { side, text } = useMessageText();
  const { data, error, isFetching } = useChainGaps(yearQuery(year), enabled);
  const rows = useMemo(() => (data ? gapRows(data, side) : []), [data, side]);
  const columns: TableColumnsType<GapRow> = [
    { key: 'rank', title: '#', dataIndex: 'rank', width: 48 },
    { key: 'kind', title: t('chains.gapKind'), dataIndex: 'kind' },
    { key: 'segment', title: t('chains.segment'), render: (_: unknown, g: GapRow) => `${g.chain} · ${g.segment}` },
    { key: 'score', title: t('chains.score'), align: 'right', render: (_: unknown, g: GapRow) => scoreText(g.score) },
    { key: 'reason', title: t('chains.reason'), dataIndex: 'reason' },
    {
      key: 'figures',
      title: t('chains.figures'),
      render: (_: unknown, g: GapRow) => (
        <Flex wrap gap="small">
          {g.figures.map((f) => (
            <Typography.Link key={f.entity} data-testid={`gap-figure-${f.entity}`} onClick={() => onDrill({ title: `${g.segment} · ${text(f.name)}`, link: f.rows })}>
              {text(f.name)}: {f.count}
            </Typography.Link>
          ))}
        </Flex>
      ),
    },
  ];
  return (
    <>
      {error && <ProblemAlert error={error} />}
      <Card size="small" title={t('chains.gapsTitle')}>
        <Typography.Paragraph type="secondary">{t('chains.gapsIntro')}</Typography.Paragraph>
        <Table<GapRow> size="small" rowKey="key" loading={isFetching} columns={columns} dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: true }} locale={{ emptyText: t('chains.noGaps') }} />
      </Card>
    </>
  );
}

function DrillRows({ link }: { link: string }) {
  const { t } = useTranslation();
  const { side } = useMessageText();
  const [page, setPage] = useState(1);
  const request = useMemo(() => rowsRequest(link, page, PER_PAGE), [link, page]);
  const { data, error, isFetching } = useChainRows(request);
  type Row = ChainRows['results'][number];
  const columns: TableColumnsType<Row> = [
    { key: 'name', title: t('chains.rowName'), render: (_: unknown, r: Row) => <Link to={recordPath(request.entity, r.id)}>{r.name}</Link> },
    { key: 'organization', title: t('chains.rowOrganization'), render: (_: unknown, r: Row) => (r.organization ? <Link to={`/organizations/${r.organization.id}`}>{r.organization.name}</Link> : '') },
    { key: 'date', title: t('chains.rowDate'), dataIndex: 'date' },
    { key: 'amount', title: t('chains.rowAmount'), align: 'right', render: (_: unknown, r: Row) => (r.amount === null ? '' : formatYuan(r.amount, side)) },
  ];
  return (
    <>
      {error && <ProblemAlert error={error} />}
      <Table<Row>
        size="small"
        rowKey="id"
        data-testid="chain-rows"
        loading={isFetching}
        columns={columns}
        dataSource={data?.results ?? []}
        pagination={{ current: page, pageSize: PER_PAGE, total: data?.meta.count ?? 0, onChange: setPage, showSizeChanger: false }}
      />
    </>
  );
}
