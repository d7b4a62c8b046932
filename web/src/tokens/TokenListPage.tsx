import { PlusOutlined, StopOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { permissionLabels } from '../../../src/domain/permissions';
import { useRevokeToken, useTokens, type ApiToken, type ApiTokenCreated } from '../api/tokens';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatTimestamp } from '../detail/format';
import { messageSide } from '../i18n/language';
import { TokenCreateModal } from './TokenCreateModal';
import { TOKEN_STATUS_COLORS } from './tokenForm';
import { TokenSecretModal } from './TokenSecretModal';
import { PageTitle } from '../components/PageTitle';

const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

/** API 令牌: one's own tokens (never the secrets), a new one shown once, revoking. */
export function TokenListPage() {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const { message } = App.useApp();
  const { data, isFetching, error } = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const none = t('common.none');

  const onRevoke = (token: ApiToken) => {
    setRevokeError(null);
    revoke.mutate(token.id, { onSuccess: () => void message.success(t('tokens.revoked', { name: token.name })), onError: setRevokeError });
  };

  const columns: TableProps<ApiToken>['columns'] = [
    { key: 'name', title: t('tokens.columns.name'), render: (_, k) => <Typography.Text strong>{k.name}</Typography.Text> },
    { key: 'prefix', title: t('tokens.columns.prefix'), onCell: nowrap, render: (_, k) => <Typography.Text code>{k.prefix}…</Typography.Text> },
    {
      key: 'scopes',
      title: t('tokens.columns.scopes'),
      render: (_, k) => (
        <Flex gap={4} wrap>
          {k.scopes.map((s) => (
            <Tag key={s} title={s}>
              {permissionLabels[s][side]}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { key: 'status', title: t('tokens.columns.status'), onCell: nowrap, render: (_, k) => <Tag color={TOKEN_STATUS_COLORS[k.status]}>{t(`tokens.statuses.${k.status}`)}</Tag> },
    { key: 'created', title: t('tokens.columns.createdAt'), onCell: nowrap, render: (_, k) => formatTimestamp(k.created_at) },
    { key: 'expires', title: t('tokens.columns.expiresAt'), onCell: nowrap, render: (_, k) => formatTimestamp(k.expires_at) },
    { key: 'used', title: t('tokens.columns.lastUsed'), onCell: nowrap, render: (_, k) => (k.last_used_at ? formatTimestamp(k.last_used_at) : t('tokens.neverUsed')) },
    {
      key: 'actions',
      title: t('tokens.columns.actions'),
      render: (_, k) =>
        k.status === 'active' ? (
          <Popconfirm title={t('tokens.revokeConfirm', { name: k.name })} okText={t('tokens.revoke')} cancelText={t('common.cancel')} okButtonProps={{ danger: true }} onConfirm={() => onRevoke(k)}>
            <Button size="small" danger icon={<StopOutlined />} loading={revoke.isPending && revoke.variables === k.id} data-testid={`revoke-token-${k.id}`}>
              {t('tokens.revoke')}
            </Button>
          </Popconfirm>
        ) : (
          none
        ),
    },
  ];

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <PageTitle>{t('tokens.title')}</PageTitle>
          <Typography.Text type="secondary">{t('tokens.intro')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} data-testid="new-token" onClick={() => setCreating(true)}>
          {t('tokens.new')}
        </Button>
      </Flex>
      {error && <ProblemAlert error={error} />}
      {revokeError !== null && <ProblemAlert error={revokeError} onClose={() => setRevokeError(null)} />}
      <Table<ApiToken>
        data-testid="tokens-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data ?? []}
        loading={isFetching && !data}
        locale={{ emptyText: t('tokens.none') }}
        scroll={{ x: 1000 }}
        pagination={false}
      />
      {creating && (
        <TokenCreateModal
          onClose={() => setCreating(false)}
          onCreated={(token) => {
            setCreating(false);
            setCreated(token);
          }}
        />
      )}
      {created && <TokenSecretModal created={created} onClose={() => setCreated(null)} />}
    </Flex>
  );
}
