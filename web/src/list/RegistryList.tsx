import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Space, Table, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useList } from '../api/hooks';
import type { Resource } from '../api/resources';
import { ProblemAlert } from '../components/ProblemAlert';
import { resourceAccess } from '../auth/access';
import { useCan } from '../auth/useCan';
import { usePhone } from '../layout/usePhone';
import { ExportButton } from './ExportButton';
import { RecordCards } from './RecordCards';
import { FilterBar, type LabelledFilter } from './FilterBar';
import { toListParams, type ListState } from './listState';
import { listPagination } from './pagination';
import { useListState } from './useListState';
import { PageTitle } from '../components/PageTitle';

/** One column of a registry list. `key` is the API field it sorts by when `sortable`. */
export interface ListColumn<Item> {
  key: string;
  title: string;
  render: (item: Item) => ReactNode;
  sortable?: boolean;
  /** Keep on one line (dates, short codes) instead of wrapping. */
  nowrap?: boolean;
  width?: number | string;
}

interface Props<Item extends { id: number }> {
  resource: Resource<Item, unknown, unknown>;
  title: string;
  /** Route of the list, e.g. /organizations; rows open `${basePath}/${id}`. */
  basePath: string;
  columns: readonly ListColumn<Item>[];
  filters: readonly LabelledFilter[];
  searchPlaceholder: string;
}

/**
 * The one list page of every registry resource: server-side paging, sorting from the column
 * headers, code and date filters, Chinese substring search — all kept in the URL.
 */
export function RegistryList<Item extends { id: number }>({ resource, title, basePath, columns, filters, searchPlaceholder }: Props<Item>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const access = resourceAccess[resource.path];
  const [state, setState] = useListState(filters);
  const params = toListParams(state, filters);
  const { data, isFetching, error } = useList(resource, params);
  const phone = usePhone();
  const recordPath = (item: Item) => `${basePath}/${item.id}`;

  const tableColumns: TableProps<Item>['columns'] = columns.map((c, i) => ({
    key: c.key,
    title: c.title,
    width: c.width,
    // The first column names the record: a real link, so it opens in a new tab too.
    render: (_: unknown, item: Item) => (i === 0 ? <RecordLink to={recordPath(item)}>{c.render(item)}</RecordLink> : c.render(item)),
    onCell: () => (c.nowrap ? { style: { whiteSpace: 'nowrap' } } : {}),
    sorter: c.sortable ?? false,
    sortOrder: state.sort?.field === c.key ? (state.sort.desc ? 'descend' : 'ascend') : null,
  }));

  const onTableChange: TableProps<Item>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') setState({ ...state, page: 1, sort: sortOf(sorter) });
    else if (extra.action === 'paginate') {
      const perPage = pagination.pageSize ?? state.perPage;
      setState({ ...state, perPage, page: perPage === state.perPage ? (pagination.current ?? 1) : 1 });
    }
  };

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <PageTitle>{title}</PageTitle>
        <Space>
          <ExportButton path={resource.path} params={params} />
          {access && can(access.create) && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-button" onClick={() => navigate(`${basePath}/new`)}>
              {t('common.new')}
            </Button>
          )}
        </Space>
      </Flex>
      <FilterBar state={state} filters={filters} searchPlaceholder={searchPlaceholder} onChange={setState} />
      {state.filter && (
        <Alert
          type="info"
          showIcon
          data-testid="raw-filter"
          title={t('list.rawFilter', { filter: state.filter })}
          action={
            <Button size="small" onClick={() => setState({ ...state, filter: '', page: 1 })}>
              {t('list.clearRawFilter')}
            </Button>
          }
        />
      )}
      {error && <ProblemAlert error={error} />}
      {phone ? (
        <RecordCards items={data?.results ?? []} total={data?.meta.count ?? 0} loading={isFetching} columns={columns} state={state} onChange={setState} recordPath={recordPath} />
      ) : (
        <div data-testid="list-table">
          <Table<Item>
            rowKey="id"
            size="middle"
            columns={tableColumns}
            dataSource={data?.results ?? []}
            loading={isFetching}
            onChange={onTableChange}
            onRow={(item) => ({ onClick: () => navigate(recordPath(item)), style: { cursor: 'pointer' } })}
            // At least this wide (then it scrolls); wider screens wrap long names instead.
            scroll={{ x: 1100 }}
            pagination={listPagination(t, state, data?.meta.count ?? 0)}
          />
        </div>
      )}
    </Flex>
  );
}

/** A link to the record inside a clickable row: the row's own click would open it a second time. */
export function RecordLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} data-testid="record-link" onClick={(e) => e.stopPropagation()}>
      {children}
    </Link>
  );
}

function sortOf<Item>(sorter: SorterResult<Item> | SorterResult<Item>[]): ListState['sort'] {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!s?.order || typeof s.columnKey !== 'string') return null;
  return { field: s.columnKey, desc: s.order === 'descend' };
}
