import { UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Table, Tag, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';

import { Link, useNavigate, useSearchParams } from 'react-router';
import type { FileEntity } from '../../../src/contracts/fileColumns';
import type { ImportRecordReply } from '../../../src/contracts/imports';
import { useImportList } from '../api/imports';
import { useCan } from '../auth/useCan';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatTimestamp } from '../detail/format';
import { listPagination } from '../list/pagination';
import { ImportStatusTag } from './ImportReport';
import { IMPORT_ENTITIES, IMPORT_STATUSES, importListFilter, type ImportStatus } from './importView';
import { readImportListState, writeImportListState, type ImportListState } from './listQuery';
import { PageTitle } from '../components/PageTitle';

/** 导入记录: every import and dry run, newest first, filterable by entity and status; state in the URL. */
export function ImportListPage() {
  const can = useCan();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useSearchParams();
  const state = readImportListState(query);
  const setState = (next: ImportListState) => setQuery(writeImportListState(next));
  const filter = importListFilter(state.entity, state.status);
  const { data, isFetching, error } = useImportList({ ...(filter ? { filter } : {}), page: state.page, per_page: state.perPage });

  const columns: TableProps<ImportRecordReply>['columns'] = [
    { key: 'file', title: t('imports.columns.file'), render: (_, r) => <Link to={`/imports/${r.id}`}>{r.file_name}</Link> },
    { key: 'entity', title: t('imports.entity'), width: 140, render: (_, r) => t(`imports.entities.${r.entity}`) },
    { key: 'status', title: t('imports.status'), width: 190, render: (_, r) => <ImportStatusTag record={r} /> },
    { key: 'counts', title: t('imports.columns.counts'), render: (_, r) => <ImportCountTags record={r} /> },
    { key: 'started', title: t('imports.columns.started'), width: 180, onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (_, r) => formatTimestamp(r.started_at) },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <PageTitle>{t('imports.title')}</PageTitle>
        {/* An officer limited to districts imports too: the server rejects the rows outside them. */}
        {can('imports.write') && (
          <Button type="primary" icon={<UploadOutlined />} data-testid="new-import" onClick={() => navigate('/imports/new')}>
            {t('imports.newImport')}
          </Button>
        )}
      </Flex>
      <Flex gap="small" wrap>
        <Select<FileEntity>
          data-testid="filter-entity"
          allowClear
          placeholder={t('imports.allEntities')}
          aria-label={t('imports.allEntities')}
          value={state.entity ?? undefined}
          onChange={(entity) => setState({ ...state, entity: entity ?? null, page: 1 })}
          options={IMPORT_ENTITIES.map((e) => ({ value: e, label: t(`imports.entities.${e}`) }))}
          style={{ width: 180 }}
        />
        <Select<ImportStatus>
          data-testid="filter-status"
          allowClear
          placeholder={t('imports.allStatuses')}
          aria-label={t('imports.allStatuses')}
          value={state.status ?? undefined}
          onChange={(status) => setState({ ...state, status: status ?? null, page: 1 })}
          options={IMPORT_STATUSES.map((s) => ({ value: s, label: t(`imports.statuses.${s}`) }))}
          style={{ width: 220 }}
        />
      </Flex>
      {error && <ProblemAlert error={error} />}
      <Table<ImportRecordReply>
        data-testid="import-list"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.results ?? []}
        loading={isFetching && !data}
        onRow={(r) => ({ onClick: () => navigate(`/imports/${r.id}`), style: { cursor: 'pointer' } })}
        onChange={(pagination) => {
          const perPage = pagination.pageSize ?? state.perPage;
          setState({ ...state, perPage, page: perPage === state.perPage ? (pagination.current ?? 1) : 1 });
        }}
        pagination={listPagination(t, state, data?.meta.count ?? 0)}
      />
    </Flex>
  );
}

/** The non-zero outcome counts as small tags: read 120 · inserted 100 · rejected 3. */
function ImportCountTags({ record }: { record: ImportRecordReply }) {
  const { t } = useTranslation();
  const counts = [
    { key: 'read', value: record.read, color: 'default' },
    { key: 'inserted', value: record.inserted, color: 'green' },
    { key: 'updated', value: record.updated, color: 'blue' },
    { key: 'unchanged', value: record.unchanged, color: 'default' },
    { key: 'rejected', value: record.rejected, color: 'red' },
  ] as const;
  return (
    <Flex gap={4} wrap>
      {counts
        .filter((c) => c.key === 'read' || c.value > 0)
        .map((c) => (
          <Tag key={c.key} color={c.color}>
            {t(`imports.counts.${c.key}`)} {c.value}
          </Tag>
        ))}
    </Flex>
  );
}
