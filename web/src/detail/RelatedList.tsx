import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useList } from '../api/hooks';
import type { Resource } from '../api/resources';
import { ProblemAlert } from '../components/ProblemAlert';
import { RecordLink, type ListColumn } from '../list/RegistryList';

const SHOWN = 100;

interface Props<Item extends { id: number }> {
  resource: Resource<Item, unknown, unknown>;
  title: string;
  /** Fixed API filter, e.g. `host_org_id:7`. */
  filter: string;
  basePath: string;
  columns: readonly ListColumn<Item>[];
  testId: string;
}

/** Records that belong to the one on this page (an organization's qualifications, institutions, platforms). */
export function RelatedList<Item extends { id: number }>({ resource, title, filter, basePath, columns, testId }: Props<Item>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, error, isPending } = useList(resource, { filter, per_page: SHOWN });
  const count = data?.meta.count ?? 0;
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <Flex gap="small" align="center">
          {title}
          <Tag>{count}</Tag>
        </Flex>
      }
    >
      {error ? (
        <ProblemAlert error={error} />
      ) : data && count === 0 ? (
        <Typography.Text type="secondary">{t('detail.relatedNone')}</Typography.Text>
      ) : (
        <Table<Item>
          rowKey="id"
          size="small"
          loading={isPending}
          dataSource={data?.results ?? []}
          columns={columns.map((c, i) => ({ key: c.key, title: c.title, render: (_: unknown, item: Item) => (i === 0 ? <RecordLink to={`${basePath}/${item.id}`}>{c.render(item)}</RecordLink> : c.render(item)), onCell: () => (c.nowrap ? { style: { whiteSpace: 'nowrap' } } : {}) }))}
          onRow={(item) => ({ onClick: () => navigate(`${basePath}/${item.id}`), style: { cursor: 'pointer' } })}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      )}
      {count > SHOWN && <Typography.Text type="secondary">{t('detail.relatedMore', { shown: SHOWN, total: count })}</Typography.Text>}
    </Card>
  );
}
