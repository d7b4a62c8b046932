import { EditOutlined, PartitionOutlined, WarningOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Flex, Table, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMeta } from '../api/hooks';
import { useIndicatorCatalogue } from '../api/indicators';
import { useCan } from '../auth/useCan';
import { useCascadeTarget, useTargets, type CascadeBasis, type Target } from '../api/targets';
import { ProblemAlert } from '../components/ProblemAlert';
import { unitSpec } from '../indicators/format';
import { indicatorPath, readYear, yearRange } from '../indicators/paths';
import { useIndicatorFormat } from '../indicators/useIndicatorFormat';
import { districtsDiffer, targetTree, type TargetRow } from './prepareTargets';
import { TargetCreateForm } from './TargetCreateForm';
import { TargetEditModal } from './TargetEditModal';
import { StatusTag, TargetBar, useTargetText } from './TargetProgress';
import { YearSelect } from './YearSelect';
import { PageTitle } from '../components/PageTitle';

/** Targets may be set up to five years ahead (the server's horizon). */
const HORIZON = 5;

/** 目标: the year's targets with status and progress, city targets over their districts'; create, change, cascade. */
export function TargetsPage() {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  const targetText = useTargetText();
  const { message } = App.useApp();
  const [query, setQuery] = useSearchParams();
  const catalogue = useIndicatorCatalogue();
  const running = new Date().getFullYear();
  const years = catalogue.data ? yearRange(catalogue.data.first_year, running + HORIZON) : [String(running)];
  const period = readYear(query.get('period'), years, String(running));
  const targets = useTargets(period);
  const cascade = useCascadeTarget();
  const can = useCan();
  const city = useMeta().data?.city.code;
  /** A city target is city-wide; a district's lies in that district (a district officer changes its own only). */
  const areaScope = (area: string) => ({ organizationId: null, districtCode: area === city ? null : area });
  const [editing, setEditing] = useState<Target | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const rows = useMemo(() => targetTree(targets.data ?? []), [targets.data]);
  const decimals = (code: string) => catalogue.data?.results.find((i) => i.code === code)?.decimals;
  const unitOf = (target: Target) => unitSpec(target.unit, decimals(target.indicator_code));

  const runCascade = (target: Target, basis: CascadeBasis) => {
    setActionError(null);
    cascade.mutate({ id: target.id, basis }, { onSuccess: (parts) => message.success(t('targets.cascaded', { count: parts.length })), onError: setActionError });
  };
  const reload = async () => (await targets.refetch()).data?.find((x) => x.id === editing?.id);

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <PageTitle>{t('targets.title')}</PageTitle>
          <Typography.Text type="secondary">{t('targets.intro')}</Typography.Text>
        </div>
        <YearSelect years={years} value={period} onChange={(p) => setQuery({ period: p })} />
      </Flex>
      {targets.error && <ProblemAlert error={targets.error} />}
      {actionError !== null && <ProblemAlert error={actionError} onClose={() => setActionError(null)} />}
      <Table<TargetRow>
        data-testid="target-list"
        rowKey="id"
        size="middle"
        loading={targets.isFetching || cascade.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('targets.none') }}
        scroll={{ x: 1100 }}
        columns={[
          {
            key: 'indicator',
            title: t('targets.columns.indicator'),
            render: (_, r) => <Link to={indicatorPath({ code: r.indicator_code, period: r.period, ...(r.districts === null ? { area: r.area } : {}) })}>{fmt.text(r.indicator_name)}</Link>,
          },
          { key: 'area', title: t('targets.columns.area'), render: (_, r) => fmt.text(r.area_name) },
          { key: 'target', title: t('targets.columns.target'), onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (_, r) => targetText(r, unitOf(r)) },
          { key: 'current', title: t('targets.columns.current'), align: 'right', render: (_, r) => fmt.value(r.current, unitOf(r)) },
          { key: 'status', title: t('targets.columns.status'), render: (_, r) => <StatusTag target={r} /> },
          { key: 'progress', title: t('targets.columns.progress'), width: 200, render: (_, r) => <TargetBar target={r} unit={unitOf(r)} /> },
          { key: 'districts', title: t('targets.columns.districts'), render: (_, r) => <DistrictsSum target={r} unit={unitOf(r)} /> },
          {
            key: 'actions',
            title: t('targets.columns.actions'),
            render: (_, r) => (
              <Flex gap="small">
                {can('targets.write', areaScope(r.area)) && (
                  <Button size="small" icon={<EditOutlined />} data-testid="target-edit" onClick={() => setEditing(r)}>
                    {t('common.edit')}
                  </Button>
                )}
                {r.districts !== null && can('targets.write', areaScope(r.area)) && (
                  <Dropdown
                    menu={{
                      items: [
                        { key: 'current', label: t('targets.cascadeCurrent') },
                        { key: 'previous', label: t('targets.cascadePrevious') },
                      ],
                      onClick: ({ key }) => runCascade(r, key as CascadeBasis),
                    }}
                  >
                    <Button size="small" icon={<PartitionOutlined />} data-testid="target-cascade">
                      {t('targets.cascade')}
                    </Button>
                  </Dropdown>
                )}
              </Flex>
            ),
          },
        ]}
      />
      {editing && <TargetEditModal key={editing.id} target={editing} onClose={() => setEditing(null)} reload={reload} />}
      {catalogue.data && can('targets.write') && <TargetCreateForm indicators={catalogue.data.results} years={years} period={period} onCreated={(created) => setQuery({ period: created.period })} />}
    </Flex>
  );
}

/** A city target's districts: how many have a target and their sum, flagged when it differs from the city's. */
function DistrictsSum({ target, unit }: { target: Target; unit: ReturnType<typeof unitSpec> }) {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  if (target.districts === null || target.districts.count === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const text = t('targets.districtsSum', { count: target.districts.count, sum: fmt.value(target.districts.sum, unit) });
  if (!districtsDiffer(target)) return <span>{text}</span>;
  return (
    <Tooltip title={t('targets.districtsDiffer')}>
      <Typography.Text type="warning">
        <WarningOutlined /> {text}
      </Typography.Text>
    </Tooltip>
  );
}
