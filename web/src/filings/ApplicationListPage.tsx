import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { partyLabels } from '../../../src/domain/workflow/engine';
import { useApplicationList, type ApplicationSummary } from '../api/filings';
import { useCan } from '../auth/useCan';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatTimestamp } from '../detail/format';
import { useCodeLabels } from '../i18n/useCodeLabels';
import { listPagination } from '../list/pagination';
import { ApplicationFilters } from './ApplicationFilters';
import { applicationListParams, readApplicationListState, withSort, writeApplicationListState, type ApplicationListState } from './applicationListQuery';
import { DeadlineTag, StateTag } from './StateTags';
import { useMessageText } from './useMessageText';
import { PageTitle } from '../components/PageTitle';

/**
 * 备案申请: the applications the caller may see (the server scopes them: an organization user its
 * own, an officer its area's (districts or zones), an expert those it was drawn for), filterable and sortable;
 * state in the URL.
 */
export function ApplicationListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [query, setQuery] = useSearchParams();
  const state = readApplicationListState(query);
  const setState = (next: ApplicationListState) => setQuery(writeApplicationListState(next));
  const { data, isFetching, error } = useApplicationList(applicationListParams(state));
  const columns = useApplicationColumns(state);

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <PageTitle>{t('filings.list.title')}</PageTitle>
          <Typography.Text type="secondary">{t('filings.list.intro')}</Typography.Text>
        </div>
        {can('applications.write') && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="new-application" onClick={() => void navigate('/applications/new')}>
            {t('filings.list.new')}
          </Button>
        )}
      </Flex>
      <ApplicationFilters state={state} onChange={setState} />
      {error && <ProblemAlert error={error} />}
      <Table<ApplicationSummary>
        data-testid="application-list"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.results ?? []}
        loading={isFetching && !data}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t('filings.list.none') }}
        onRow={(a) => ({ onClick: () => void navigate(`/applications/${a.id}`), style: { cursor: 'pointer' } })}
        onChange={(pagination, _filters, sorter) => {
          const one = Array.isArray(sorter) ? sorter[0] : sorter;
          const sorted = withSort(state, typeof one?.columnKey === 'string' ? one.columnKey : undefined, one?.order);
          const perPage = pagination.pageSize ?? state.perPage;
          const page = sorted !== state || perPage !== state.perPage ? 1 : (pagination.current ?? 1);
          setState({ ...sorted, perPage, page });
        }}
        pagination={listPagination(t, state, data?.meta.count ?? 0)}
      />
    </Flex>
  );
}

function useApplicationColumns(state: ApplicationListState): TableProps<ApplicationSummary>['columns'] {
  const { t } = useTranslation();
  const { text } = useMessageText();
  const { label } = useCodeLabels();
  const sortOrder = (field: string) => (state.sort?.field === field ? (state.sort.desc ? 'descend' : 'ascend') : null);
  const when = (iso: string | null) => (iso ? formatTimestamp(iso) : t('common.none'));
  const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });
  return [
    {
      key: 'applicant',
      title: t('filings.columns.applicant'),
      render: (_, a) => (
        <Flex vertical>
          <Link to={`/applications/${a.id}`} onClick={(e) => e.stopPropagation()}>
            {a.organization_name}
          </Link>
          {/* What is filed tells apart one organization's several applications. */}
          {a.subject && <Typography.Text>{a.subject}</Typography.Text>}
          <Typography.Text type="secondary">#{a.id}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'type', title: t('filings.columns.type'), render: (_, a) => text(a.filing_type_name) },
    { key: 'state', title: t('filings.columns.state'), render: (_, a) => <StateTag state={a.state} label={a.state_label} /> },
    { key: 'waiting_for', title: t('filings.columns.waitingFor'), render: (_, a) => (a.waiting_for ? text(partyLabels[a.waiting_for]) : t('common.none')) },
    { key: 'deadline', title: t('filings.columns.deadline'), render: (_, a) => <DeadlineTag application={a} /> },
    { key: 'district', title: t('filings.columns.district'), render: (_, a) => label('district', a.district_code) },
    { key: 'zone', title: t('filings.columns.zone'), render: (_, a) => label('zone', a.zone) },
    { key: 'submitted_at', title: t('filings.columns.submittedAt'), sorter: true, sortOrder: sortOrder('submitted_at'), onCell: nowrap, render: (_, a) => when(a.submitted_at) },
    { key: 'state_since', title: t('filings.columns.stateSince'), sorter: true, sortOrder: sortOrder('state_since'), onCell: nowrap, render: (_, a) => when(a.state_since) },
    { key: 'updated_at', title: t('filings.columns.updatedAt'), sorter: true, sortOrder: sortOrder('updated_at'), onCell: nowrap, render: (_, a) => when(a.updated_at) },
  ];
}
