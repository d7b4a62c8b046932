import { ArrowLeftOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Descriptions, Flex, Popconfirm, Result, Skeleton } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { resourceAccess } from '../auth/access';
import { useCan } from '../auth/useCan';
import { Link, useNavigate } from 'react-router';
import { useRecord, useRemove } from '../api/hooks';
import { ApiProblem } from '../api/problem';
import type { Resource } from '../api/resources';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatTimestamp } from './format';
import { PageTitle } from '../components/PageTitle';

interface StoredRecord {
  id: number;
  version: number;
  created_at: string;
  updated_at: string;
}

interface Props<Item extends StoredRecord> {
  resource: Resource<Item, unknown, unknown>;
  id: number;
  basePath: string;
  title: (item: Item) => ReactNode;
  children: (item: Item) => ReactNode;
}

/** A record's page: title, Edit and Delete (with confirm; a refusal such as 409 is shown), its content. */
export function RecordDetail<Item extends StoredRecord>({ resource, id, basePath, title, children }: Props<Item>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: item, error, isPending } = useRecord(resource, id);
  const remove = useRemove(resource);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const can = useCan();

  if (isPending) return <Skeleton active />;
  if (error || !item) return <LoadFailure error={error} basePath={basePath} />;
  // Edit and Delete show only to callers whose permission reaches this record (the server checks again).
  const access = resourceAccess[resource.path];
  const scope = access?.scope(item as unknown as Record<string, unknown>);
  const mayUpdate = access !== undefined && can(access.update, scope);
  const mayRemove = access !== undefined && can(access.remove, scope);

  const onDelete = () => {
    setDeleteError(null);
    remove.mutate(
      { id: item.id, version: item.version },
      {
        onSuccess: () => {
          message.success(t('detail.deleted'));
          navigate(basePath);
        },
        onError: setDeleteError,
      },
    );
  };

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Flex align="center" gap="small">
          <Link to={basePath} aria-label={t('common.back')}>
            <ArrowLeftOutlined />
          </Link>
          <PageTitle>{title(item)}</PageTitle>
        </Flex>
        <Flex gap="small">
          {mayUpdate && (
            <Button icon={<EditOutlined />} data-testid="edit-button" onClick={() => navigate(`${basePath}/${item.id}/edit`)}>
              {t('common.edit')}
            </Button>
          )}
          {mayRemove && (
          <Popconfirm
            title={t('detail.deleteConfirmTitle')}
            description={t('detail.deleteConfirmBody')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={onDelete}
          >
            <Button danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="delete-button">
              {t('common.delete')}
            </Button>
          </Popconfirm>
          )}
        </Flex>
      </Flex>
      {deleteError !== null && <ProblemAlert error={deleteError} title={t('detail.deleteFailed')} onClose={() => setDeleteError(null)} />}
      {children(item)}
      <Descriptions
        size="small"
        title={t('common.recordMeta')}
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          { key: 'id', label: t('common.id'), children: item.id },
          { key: 'version', label: t('common.version'), children: item.version },
          { key: 'created_at', label: t('common.createdAt'), children: formatTimestamp(item.created_at) },
          { key: 'updated_at', label: t('common.updatedAt'), children: formatTimestamp(item.updated_at) },
        ]}
      />
    </Flex>
  );
}

function LoadFailure({ error, basePath }: { error: unknown; basePath: string }) {
  const { t } = useTranslation();
  const notFound = error instanceof ApiProblem && error.status === 404;
  return (
    <Result
      status={notFound ? '404' : 'error'}
      title={notFound ? t('common.notFound') : t('common.loadFailed')}
      subTitle={<ProblemAlert error={error} />}
      extra={
        <Link to={basePath}>
          <Button>{t('common.back')}</Button>
        </Link>
      }
    />
  );
}
