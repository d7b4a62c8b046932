import { Flex, Space, Table, Tag, Typography, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AUDIT_PATH, useAuditList, useAuditVerification, type AuditEntry } from '../api/audit';
import { ProblemAlert } from '../components/ProblemAlert';
import { messageSide } from '../i18n/language';
import { ExportButton } from '../list/ExportButton';
import { listPagination } from '../list/pagination';
import { AuditEntryDrawer } from './AuditEntryDrawer';
import { AuditFilters } from './AuditFilters';
import { auditListParams, DEFAULT_AUDIT_SORT, readAuditListState, writeAuditListState, type AuditListState, type AuditSortField } from './auditQuery';
import { formatAuditTime, roleText } from './auditView';
import { ChainVerificationResult, VerifyChainButton } from './ChainVerification';
import { useEntityText } from './useEntityText';
import { PageTitle } from '../components/PageTitle';

const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });
/** A click on a header sorts newest first, then oldest first, then back to the default (newest by id). */
const NEWEST_FIRST: Array<'descend' | 'ascend'> = ['descend', 'ascend'];

/**
 * 审计日志 (administrators): every recorded action, newest first, filtered and paged by the server
 * with the state in the URL; each entry opens in a drawer; the chain can be verified and the
 * filtered log exported.
 */
export function AuditLogPage() {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const entityText = useEntityText();
  const [query, setQuery] = useSearchParams();
  const state = readAuditListState(query);
  // Rendered at once (flushSync), as list pages do: a quick filter-then-sort must not lose the filter.
  const setState = (next: AuditListState) => setQuery(writeAuditListState(next), { flushSync: true });
  const params = auditListParams(state);
  const { data, isFetching, error } = useAuditList(params);
  const verification = useAuditVerification();
  const [showVerification, setShowVerification] = useState(false);
  const [opened, setOpened] = useState<AuditEntry | null>(null);
  const none = t('common.none');

  const sortOrder = (field: AuditSortField) => (state.sort.field === field ? (state.sort.desc ? 'descend' : 'ascend') : null);
  const columns: TableProps<AuditEntry>['columns'] = [
    { key: 'at', title: t('audit.columns.at'), width: 190, sorter: true, sortDirections: NEWEST_FIRST, sortOrder: sortOrder('at'), onCell: nowrap, render: (_, e) => formatAuditTime(e.at) },
    { key: 'id', title: t('audit.columns.id'), sorter: true, sortDirections: NEWEST_FIRST, sortOrder: sortOrder('id'), width: 80, render: (_, e) => e.id },
    { key: 'user', title: t('audit.columns.user'), render: (_, e) => e.username ?? none },
    { key: 'role', title: t('audit.columns.role'), onCell: nowrap, render: (_, e) => roleText(e.role, side) },
    { key: 'via', title: t('audit.columns.via'), onCell: nowrap, render: (_, e) => t(`audit.via.${e.via}`) },
    { key: 'ip', title: t('audit.columns.ip'), onCell: nowrap, render: (_, e) => e.ip ?? none },
    { key: 'action', title: t('audit.columns.action'), onCell: nowrap, render: (_, e) => <Tag>{e.action_label[side]}</Tag> },
    { key: 'entity', title: t('audit.columns.entity'), onCell: nowrap, render: (_, e) => entityText(e.entity) },
    { key: 'record', title: t('audit.columns.recordId'), render: (_, e) => e.record_id ?? none },
    { key: 'request', title: t('audit.columns.requestId'), ellipsis: true, width: 140, render: (_, e) => (e.request_id ? <Typography.Text code>{e.request_id}</Typography.Text> : none) },
  ];

  const onTableChange: TableProps<AuditEntry>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') setState({ ...state, page: 1, sort: sortOf(sorter) });
    else if (extra.action === 'paginate') {
      const perPage = pagination.pageSize ?? state.perPage;
      setState({ ...state, perPage, page: perPage === state.perPage ? (pagination.current ?? 1) : 1 });
    }
  };

  const verify = () => {
    setShowVerification(true);
    void verification.refetch();
  };

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <PageTitle>{t('audit.title')}</PageTitle>
          <Typography.Text type="secondary">{t('audit.intro')}</Typography.Text>
        </div>
        <Space>
          <VerifyChainButton loading={verification.isFetching} onVerify={verify} />
          <ExportButton path={AUDIT_PATH} params={params} />
        </Space>
      </Flex>
      {showVerification && verification.error && <ProblemAlert error={verification.error} onClose={() => setShowVerification(false)} />}
      {showVerification && verification.data && !verification.isFetching && <ChainVerificationResult result={verification.data} onClose={() => setShowVerification(false)} />}
      <AuditFilters state={state} onChange={setState} />
      {error && <ProblemAlert error={error} />}
      <Table<AuditEntry>
        data-testid="audit-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.results ?? []}
        loading={isFetching}
        onChange={onTableChange}
        onRow={(e) => ({ onClick: () => setOpened(e), style: { cursor: 'pointer' } })}
        scroll={{ x: 1200 }}
        pagination={listPagination(t, state, data?.meta.count ?? 0)}
      />
      <AuditEntryDrawer entry={opened} onClose={() => setOpened(null)} />
    </Flex>
  );
}

/** The table's sorter → the state's sort; clearing it goes back to newest first. */
function sortOf(sorter: SorterResult<AuditEntry> | SorterResult<AuditEntry>[]): AuditListState['sort'] {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!s?.order || (s.columnKey !== 'id' && s.columnKey !== 'at')) return { ...DEFAULT_AUDIT_SORT };
  return { field: s.columnKey, desc: s.order === 'descend' };
}
