import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Space, Table, Typography, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useList } from '../api/hooks';
import type { Resource } from '../api/resources';
import { ProblemAlert } from '../components/ProblemAlert';
import { resourceAccess } from '../auth/access';
import { useCan } from '../auth/useCan';
import { ExportButton } from './ExportButton';
import { FilterBar, type LabelledFilter } from './FilterBar';
import { toListParams, type ListState } from './listState';
import { listPagination } from './pagination';
import { useListState } from './useListState';

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

  const tableColumns: TableProps<Item>['columns'] = columns.map((c) => ({
    key: c.key,
    title: c.title,
    width: c.width,
    render: (_: unknown, item: Item) => c.render(item),
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
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
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
      <div data-testid="list-table">
        <Table<Item>
          rowKey="id"
          size="middle"
          columns={tableColumns}
          dataSource={data?.results ?? []}
          loading={isFetching}
          onChange={onTableChange}
          onRow={(item) => ({ onClick: () => navigate(`${basePath}/${item.id}`), style: { cursor: 'pointer' } })}
          // At least this wide (then it scrolls); wider screens wrap long names instead.
          scroll={{ x: 1100 }}
          pagination={listPagination(t, state, data?.meta.count ?? 0)}
        />
      </div>
    </Flex>
  );
}

function sortOf<Item>(sorter: SorterResult<Item> | SorterResult<Item>[]): ListState['sort'] {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!s?.order || typeof s.columnKey !== 'string') return null;
  return { field: s.columnKey, desc: s.order === 'descend' };
}
