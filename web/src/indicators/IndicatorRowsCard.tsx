import { ExportOutlined } from '@ant-design/icons';
import { Card, Flex, Segmented, Table, Typography, type TableProps } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useIndicatorRows, type Indicator, type Observation, type RegistryEntity } from '../api/indicators';
import { ProblemAlert } from '../components/ProblemAlert';
import { DEFAULT_PER_PAGE } from '../list/listState';
import { listPagination } from '../list/pagination';
import { formatNumber } from './format';
import { registryListUrl } from './registryLink';
import { useIndicatorFormat } from './useIndicatorFormat';
import { useRowColumns, type RowItem } from './useRowColumns';

interface Props {
  indicator: Indicator;
  /** The registry list the rows belong to (the indicator's rows_entity). */
  entity: RegistryEntity;
  period: string;
  area: string | undefined;
  /** The value the rows are behind: a share's numerator and denominator label the switch. */
  value: Observation | undefined;
}

interface Paging {
  page: number;
  perPage: number;
  sort: string | undefined;
}

/**
 * The records behind one value (下钻明细), paged through the rows endpoint: as many as the value
 * counts. A share switches between all records (denominator) and those counted (numerator). When
 * the registry list page can show the same rows, a link opens it there.
 */
export function IndicatorRowsCard({ indicator, entity, period, area, value }: Props) {
  const { t } = useTranslation();
  const fmt = useIndicatorFormat();
  const navigate = useNavigate();
  const isShare = indicator.formula?.op === 'share';
  const [part, setPart] = useState<'all' | 'part'>('all');
  const [paging, setPaging] = useState<Paging>({ page: 1, perPage: DEFAULT_PER_PAGE, sort: undefined });
  const { data, error, isFetching } = useIndicatorRows(indicator.code, { period, area, part, sort: paging.sort, page: paging.page, per_page: paging.perPage });
  const { columns, filters, basePath } = useRowColumns(data?.entity ?? entity);
  const listUrl = data?.filter ? registryListUrl(basePath, data.filter, filters) : null;

  const onChange: TableProps<RowItem>['onChange'] = (pagination, _f, sorter, extra) => {
    if (extra.action === 'sort') setPaging({ ...paging, page: 1, sort: sortParam(sorter) });
    else if (extra.action === 'paginate') {
      const perPage = pagination.pageSize ?? paging.perPage;
      setPaging({ ...paging, perPage, page: perPage === paging.perPage ? (pagination.current ?? 1) : 1 });
    }
  };

  const count = data?.meta.count;
  const number = (n: number | undefined) => (n === undefined ? '' : formatNumber(n, 0, fmt.side));
  return (
    <Card
      size="small"
      data-testid="indicator-rows"
      title={
        <Flex gap="middle" align="baseline" wrap>
          {t('indicators.rows')}
          {count !== undefined && (
            <Typography.Text type="secondary" data-testid="rows-count">
              {t('indicators.rowsCount', { count: number(count) })}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={
        listUrl && (
          <Link to={listUrl} data-testid="open-in-list">
            <ExportOutlined /> {t('indicators.openInList')}
          </Link>
        )
      }
    >
      <Flex vertical gap="small">
        {isShare && (
          <Segmented<'all' | 'part'>
            data-testid="rows-part"
            value={part}
            onChange={(p) => {
              setPart(p);
              setPaging({ ...paging, page: 1 });
            }}
            options={[
              { value: 'all', label: `${t('indicators.parts.all')} ${number(value?.denominator)}` },
              { value: 'part', label: `${t('indicators.parts.part')} ${number(value?.numerator)}` },
            ]}
          />
        )}
        {data && !listUrl && <Typography.Text type="secondary">{data.filter === null ? t('indicators.distinctRows') : t('indicators.noListLink')}</Typography.Text>}
        {error && <ProblemAlert error={error} />}
        <Table<RowItem>
          rowKey="id"
          size="small"
          loading={isFetching}
          dataSource={data?.results ?? []}
          columns={columns.map((c) => ({
            key: c.key,
            title: c.title,
            render: (_: unknown, item: RowItem) => c.render(item),
            sorter: c.sortable ?? false,
            sortOrder: paging.sort?.replace(/:desc$/, '') === c.key ? (paging.sort.endsWith(':desc') ? 'descend' : 'ascend') : null,
          }))}
          onChange={onChange}
          onRow={(item) => ({ onClick: () => navigate(`${basePath}/${item.id}`), style: { cursor: 'pointer' } })}
          scroll={{ x: 900 }}
          pagination={listPagination(t, paging, count ?? 0)}
        />
      </Flex>
    </Card>
  );
}

function sortParam(sorter: SorterResult<RowItem> | SorterResult<RowItem>[]): string | undefined {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!s?.order || typeof s.columnKey !== 'string') return undefined;
  return `${s.columnKey}${s.order === 'descend' ? ':desc' : ''}`;
}
