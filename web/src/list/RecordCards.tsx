import { Card, Flex, List, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ListState } from './listState';
import { listPagination } from './pagination';
import type { ListColumn } from './RegistryList';

interface Props<Item extends { id: number }> {
  items: readonly Item[];
  total: number;
  loading: boolean;
  columns: readonly ListColumn<Item>[];
  state: ListState;
  onChange: (state: ListState) => void;
  recordPath: (item: Item) => string;
}

/**
 * A registry list on a phone: one card per record, its first column (the name) a link to the
 * record, the other columns as label–value lines; the same sort and pages as the table.
 */
export function RecordCards<Item extends { id: number }>({ items, total, loading, columns, state, onChange, recordPath }: Props<Item>) {
  const { t } = useTranslation();
  const [head, ...rest] = columns;
  const pagination = listPagination(t, state, total);
  return (
    <Flex vertical gap="small" data-testid="list-cards">
      <SortSelect columns={columns} state={state} onChange={onChange} />
      <List<Item>
        dataSource={[...items]}
        loading={loading}
        rowKey="id"
        split={false}
        pagination={{
          current: pagination.current,
          pageSize: pagination.pageSize,
          total,
          showTotal: pagination.showTotal,
          size: 'small',
          simple: true,
          align: 'center',
          onChange: (page, perPage) => onChange({ ...state, perPage, page: perPage === state.perPage ? page : 1 }),
        }}
        renderItem={(item) => (
          <List.Item style={{ paddingBlock: 6 }}>
            <Card size="small" style={{ width: '100%' }} data-testid="list-card">
              {head && (
                <Link to={recordPath(item)} data-testid="record-link" style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
                  {head.render(item)}
                </Link>
              )}
              {rest.map((c) => (
                <Flex key={c.key} gap="small" justify="space-between" style={{ fontSize: 13 }}>
                  <Typography.Text type="secondary" style={{ flex: '0 1 45%' }}>
                    {c.title}
                  </Typography.Text>
                  <span style={{ textAlign: 'end', minWidth: 0, overflowWrap: 'anywhere' }}>{c.render(item)}</span>
                </Flex>
              ))}
            </Card>
          </List.Item>
        )}
      />
    </Flex>
  );
}

/** The column headers' sorting, as one picker: each sortable column ascending and descending. */
function SortSelect<Item>({ columns, state, onChange }: { columns: readonly ListColumn<Item>[]; state: ListState; onChange: (state: ListState) => void }) {
  const { t } = useTranslation();
  const options = columns
    .filter((c) => c.sortable)
    .flatMap((c) => [
      { value: `${c.key}:asc`, label: t('list.sortAscending', { column: c.title }) },
      { value: `${c.key}:desc`, label: t('list.sortDescending', { column: c.title }) },
    ]);
  if (options.length === 0) return null;
  const value = state.sort ? `${state.sort.field}:${state.sort.desc ? 'desc' : 'asc'}` : undefined;
  return (
    <Select<string>
      allowClear
      aria-label={t('list.sortBy')}
      placeholder={t('list.sortBy')}
      data-testid="list-sort"
      value={value}
      options={options}
      onChange={(v) => {
        const [field = '', order] = (v ?? '').split(':');
        onChange({ ...state, page: 1, sort: field ? { field, desc: order === 'desc' } : null });
      }}
    />
  );
}
