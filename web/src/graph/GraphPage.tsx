import { Alert, Card, Checkbox, Flex, Form, Segmented, Select, Slider, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { edgeTypeCodes, edgeTypes, nodeKindCodes, nodeKinds, type EdgeType, type NodeKind } from '../../../src/domain/innovationGraph';
import { useEntitySearch, useGraphPath, useHubs, useNeighbourhood } from '../api/innovationGraph';
import { PageTitle } from '../components/PageTitle';
import { ProblemAlert } from '../components/ProblemAlert';
import { useMessageText } from '../filings/useMessageText';
import { GraphChart } from './GraphChart';
import { edgeTypesParam, graphChart, graphParams, hubRows, neighbourhoodRequest, pathRows, readGraph, type GraphState, type HubRow, type PathStepRow } from './model';

const FIRST_YEAR = 2000;
const LAST_YEAR = new Date().getFullYear();
const NODE_LIMIT = 200;

/** A search box over organizations and R&D institutions by name; its value is the entity's kind:id. */
function EntityPicker({ value, known, onChange, label, testId }: { value: string; known?: { ref: string; name: string } | undefined; onChange: (ref: string) => void; label: string; testId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { data, isFetching } = useEntitySearch(text);
  const options = (data ?? []).map((e) => ({ value: e.ref, label: `${e.name} · ${t(`graph.kinds.${e.kind}`)}` }));
  // The entity of a link (the URL names it by kind:id) is shown by its name, not its ref.
  if (known && known.ref === value && !options.some((o) => o.value === value)) options.unshift({ value: known.ref, label: known.name });
  return (
    <Select
      showSearch
      aria-label={label}
      data-testid={testId}
      placeholder={t('graph.searchPlaceholder')}
      value={value || undefined}
      filterOption={false}
      onSearch={setText}
      onChange={onChange}
      loading={isFetching}
      options={options}
      notFoundContent={text ? t('graph.noMatch') : null}
      style={{ minWidth: 280 }}
    />
  );
}

/**
 * 创新网络: the registry's relations as one graph. Pick an entity to see its neighbourhood (edge
 * types, hops, years), click a node to open its record, find the path between two entities, and
 * see the hubs by PageRank.
 */
export function GraphPage() {
  const { t } = useTranslation();
  const { side, text } = useMessageText();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readGraph(params), [params]);
  const change = (patch: Partial<GraphState>) => setParams(graphParams({ ...state, ...patch }), { replace: true });
  const { data, error, isFetching } = useNeighbourhood(useMemo(() => neighbourhoodRequest(state, NODE_LIMIT), [state]));
  const chart = useMemo(() => (data ? graphChart(data, side) : null), [data, side]);

  return (
    <Flex vertical gap="middle" data-testid="graph-page">
      <PageTitle>{t('graph.title')}</PageTitle>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('graph.intro')}
      </Typography.Paragraph>
      <Card size="small">
        <Form layout="vertical">
          <Flex wrap gap="middle">
            <Form.Item label={t('graph.entity')} style={{ marginBottom: 8 }}>
              <EntityPicker value={state.node} known={data && { ref: data.center.ref, name: data.center.name[side] }} onChange={(node) => change({ node })} label={t('graph.entity')} testId="graph-entity" />
            </Form.Item>
            <Form.Item label={t('graph.hops')} style={{ marginBottom: 8 }}>
              <Segmented<number> aria-label={t('graph.hops')} value={state.hops} onChange={(hops) => change({ hops: hops as GraphState['hops'] })} options={[1, 2, 3]} />
            </Form.Item>
            <Form.Item label={t('graph.years')} style={{ minWidth: 260, marginBottom: 8 }}>
              <Slider
                key={`${state.fromYear}-${state.toYear}`}
                range
                min={FIRST_YEAR}
                max={LAST_YEAR}
                defaultValue={[state.fromYear ?? FIRST_YEAR, state.toYear ?? LAST_YEAR]}
                onChangeComplete={([from, to]) => change({ fromYear: from === FIRST_YEAR ? null : from!, toYear: to === LAST_YEAR ? null : to! })}
                ariaLabelForHandle={[t('graph.fromYear'), t('graph.toYear')]}
              />
            </Form.Item>
          </Flex>
          <Form.Item label={t('graph.edgeTypes')} style={{ marginBottom: 0 }}>
            <Checkbox.Group<EdgeType>
              value={state.types}
              onChange={(types) => types.length > 0 && change({ types: edgeTypeCodes.filter((c) => types.includes(c)) })}
              options={edgeTypeCodes.map((c) => ({ value: c, label: text(edgeTypes[c].label) }))}
            />
          </Form.Item>
        </Form>
      </Card>
      {error && <ProblemAlert error={error} />}
      {!state.node && <Alert type="info" showIcon message={t('graph.pickEntity')} />}
      {data && chart && (
        <Card size="small" title={t('graph.neighbourhoodOf', { name: data.center.name[side], hops: data.hops_shown })} loading={isFetching && !data}>
          {data.truncated && <Alert type="warning" showIcon style={{ marginBottom: 8 }} message={t('graph.truncated', { limit: NODE_LIMIT, hops: data.hops_shown })} />}
          <GraphChart model={chart} onOpen={(url) => navigate(url)} height={520} label={t('graph.chartLabel', { name: data.center.name[side] })} />
          <Typography.Text type="secondary" data-testid="graph-counts">
            {t('graph.counts', { nodes: data.nodes.length, edges: data.edges.length })}
          </Typography.Text>
        </Card>
      )}
      <PathPanel start={state.node} startName={data?.center.name[side]} types={state.types} />
      <HubsTable />
    </Flex>
  );
}

/** The path between two entities over the relations ticked above, each step's record explained. */
function PathPanel({ start, startName, types }: { start: string; startName: string | undefined; types: readonly EdgeType[] }) {
  const { t } = useTranslation();
  const { side } = useMessageText();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const source = from || start;
  const { data, error, isFetching } = useGraphPath(source, to, edgeTypesParam(types));
  const columns: TableColumnsType<PathStepRow> = [
    { key: 'step', title: '#', render: (_, r) => r.key + 1, width: 48 },
    { key: 'from', title: t('graph.stepFrom'), render: (_, r) => <Link to={r.from.url}>{r.from.name}</Link> },
    { key: 'relation', title: t('graph.relation'), render: (_, r) => `${r.forward ? '→' : '←'} ${r.relation}` },
    { key: 'to', title: t('graph.stepTo'), render: (_, r) => <Link to={r.to.url}>{r.to.name}</Link> },
  ];
  return (
    <Card size="small" title={t('graph.pathTitle')} data-testid="graph-path">
      <Flex wrap gap="middle" style={{ marginBottom: 8 }}>
        <EntityPicker value={source} known={startName === undefined ? undefined : { ref: start, name: startName }} onChange={setFrom} label={t('graph.pathFrom')} testId="graph-path-from" />
        <EntityPicker value={to} onChange={setTo} label={t('graph.pathTo')} testId="graph-path-to" />
      </Flex>
      {error && <ProblemAlert error={error} />}
      {data && <Table<PathStepRow> size="small" rowKey="key" loading={isFetching} columns={columns} dataSource={pathRows(data, side)} pagination={false} />}
    </Card>
  );
}

/** The hubs of the whole graph by PageRank, of one kind at a time (zones, which every located record joins, would fill the table). */
function HubsTable() {
  const { t } = useTranslation();
  const { side, text } = useMessageText();
  const [kind, setKind] = useState<NodeKind>('organization');
  const { data, error, isFetching } = useHubs(kind, 20);
  const columns: TableColumnsType<HubRow> = [
    { key: 'rank', title: t('graph.rank'), dataIndex: 'rank', width: 64 },
    { key: 'name', title: t('graph.name'), render: (_, r) => <Link to={r.url}>{r.name}</Link> },
    { key: 'kind', title: t('graph.kind'), dataIndex: 'kind' },
    { key: 'score', title: t('graph.pagerank'), dataIndex: 'score', align: 'right' },
    { key: 'degree', title: t('graph.degree'), dataIndex: 'degree', align: 'right' },
  ];
  return (
    <Card
      size="small"
      title={t('graph.hubsTitle')}
      data-testid="graph-hubs"
      extra={<Select<NodeKind> size="small" aria-label={t('graph.kind')} value={kind} onChange={setKind} options={nodeKindCodes.map((k) => ({ value: k, label: text(nodeKinds[k]) }))} style={{ minWidth: 140 }} />}
    >
      {error && <ProblemAlert error={error} />}
      <Table<HubRow> size="small" rowKey="key" loading={isFetching} columns={columns} dataSource={data ? hubRows(data, side) : []} pagination={false} scroll={{ x: true }} />
    </Card>
  );
}
