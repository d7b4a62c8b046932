import { EditOutlined, PlusOutlined, UnlockOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Input, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountRoles, roleLabels, type AccountRole } from '../../../src/domain/permissions';
import { useUnlockUser, useUsers, type User } from '../api/users';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatTimestamp } from '../detail/format';
import { useCodeLabels } from '../i18n/useCodeLabels';
import { compareUsers, emptyUserFilter, filterUsers, isLocked, type UserFilter } from './userFilter';
import { UserFormModal } from './UserFormModal';
import { PageTitle } from '../components/PageTitle';

/** What the dialog is open for: a new account, or one to edit. */
type Dialog = { kind: 'create' } | { kind: 'edit'; user: User } | null;

/** 用户管理 (administrators): every account, filtered and sorted in the browser; create, edit, unlock. */
export function UserListPage() {
  const { t } = useTranslation();
  const { data, isFetching, error } = useUsers();
  const [filter, setFilter] = useState<UserFilter>(emptyUserFilter);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { message } = App.useApp();
  const unlock = useUnlockUser();
  const [unlockError, setUnlockError] = useState<unknown>(null);
  const onUnlock = (user: User) => {
    setUnlockError(null);
    unlock.mutate(user.id, { onSuccess: () => void message.success(t('users.unlocked', { username: user.username })), onError: setUnlockError });
  };
  const columns = useUserColumns({ onEdit: (user) => setDialog({ kind: 'edit', user }), onUnlock, unlocking: unlock.isPending ? unlock.variables : null });
  // "Locked" is judged against the time the list arrived, so rows do not change under the filter.
  const users = useMemo(() => filterUsers(data ?? [], filter, Date.now()), [data, filter]);

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <PageTitle>{t('users.title')}</PageTitle>
          <Typography.Text type="secondary">{t('users.intro')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} data-testid="new-user" onClick={() => setDialog({ kind: 'create' })}>
          {t('users.new')}
        </Button>
      </Flex>
      <UserFilterBar filter={filter} onChange={setFilter} />
      {error && <ProblemAlert error={error} />}
      {unlockError !== null && <ProblemAlert error={unlockError} onClose={() => setUnlockError(null)} />}
      <Table<User>
        data-testid="users-table"
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users}
        loading={isFetching && !data}
        scroll={{ x: 1000 }}
        pagination={{ defaultPageSize: 25, showSizeChanger: true, showTotal: (total, [from, to]) => t('list.total', { from, to, total }) }}
      />
      {dialog && <UserFormModal user={dialog.kind === 'edit' ? dialog.user : null} onClose={() => setDialog(null)} />}
    </Flex>
  );
}

function UserFilterBar({ filter, onChange }: { filter: UserFilter; onChange: (next: UserFilter) => void }) {
  const { t } = useTranslation();
  const { side } = useCodeLabels();
  return (
    <Flex wrap gap="small" align="center">
      <Input
        data-testid="users-search"
        aria-label={t('users.searchPlaceholder')}
        placeholder={t('users.searchPlaceholder')}
        allowClear
        value={filter.search}
        onChange={(e) => onChange({ ...filter, search: e.target.value })}
        style={{ width: 220 }}
      />
      <Select<AccountRole>
        data-testid="users-filter-role"
        allowClear
        placeholder={t('users.allRoles')}
        aria-label={t('users.allRoles')}
        value={filter.role ?? undefined}
        options={accountRoles.map((r) => ({ value: r, label: roleLabels[r][side] }))}
        onChange={(role) => onChange({ ...filter, role: role ?? null })}
        style={{ width: 170 }}
      />
      <Select<'active' | 'disabled'>
        data-testid="users-filter-active"
        allowClear
        placeholder={t('users.allStatuses')}
        aria-label={t('users.allStatuses')}
        value={filter.active === null ? undefined : filter.active ? 'active' : 'disabled'}
        options={[
          { value: 'active', label: t('users.active') },
          { value: 'disabled', label: t('users.disabled') },
        ]}
        onChange={(v) => onChange({ ...filter, active: v === undefined ? null : v === 'active' })}
        style={{ width: 140 }}
      />
      <Checkbox data-testid="users-filter-locked" checked={filter.lockedOnly} onChange={(e) => onChange({ ...filter, lockedOnly: e.target.checked })}>
        {t('users.lockedOnly')}
      </Checkbox>
    </Flex>
  );
}

interface RowActions {
  onEdit: (user: User) => void;
  onUnlock: (user: User) => void;
  /** The id of the account being unlocked, if any. */
  unlocking: number | null;
}

function useUserColumns({ onEdit, onUnlock, unlocking }: RowActions): TableProps<User>['columns'] {
  const { t } = useTranslation();
  const { label, side } = useCodeLabels();
  const none = t('common.none');
  const list = side === 'zh' ? '、' : ', ';
  const scopeOf = (u: User) => {
    if (u.role === 'officer') {
      const area = [...u.districts.map((d) => label('district', d)), ...u.zones.map((z) => label('zone', z))];
      return area.length ? area.join(list) : t('users.wholeCity');
    }
    if (u.role === 'org_user') return u.organizations.map((o) => o.name).join(list) || none;
    return none;
  };
  return [
    {
      key: 'username',
      title: t('users.columns.username'),
      sorter: compareUsers('username'),
      render: (_, u) => (
        <Flex vertical>
          <Typography.Text strong>{u.username}</Typography.Text>
          {u.display_name && <Typography.Text type="secondary">{u.display_name}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'role', title: t('users.columns.role'), sorter: compareUsers('role'), render: (_, u) => u.role_label[side] },
    { key: 'scope', title: t('users.columns.scope'), render: (_, u) => scopeOf(u) },
    { key: 'status', title: t('users.columns.status'), render: (_, u) => <UserStatus user={u} unlocking={unlocking === u.id} onUnlock={() => onUnlock(u)} /> },
    { key: 'last_login_at', title: t('users.columns.lastLogin'), sorter: compareUsers('last_login_at'), onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (_, u) => (u.last_login_at ? formatTimestamp(u.last_login_at) : t('users.never')) },
    { key: 'created_at', title: t('users.columns.createdAt'), sorter: compareUsers('created_at'), onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (_, u) => formatTimestamp(u.created_at) },
    {
      key: 'actions',
      title: t('users.columns.actions'),
      width: 100,
      render: (_, u) => (
        <Button size="small" icon={<EditOutlined />} data-testid={`edit-user-${u.username}`} onClick={() => onEdit(u)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];
}

/** Active or disabled, and while locked out: until when, with the button that lifts it. */
function UserStatus({ user, unlocking, onUnlock }: { user: User; unlocking: boolean; onUnlock: () => void }) {
  const { t } = useTranslation();
  const locked = isLocked(user, Date.now());
  return (
    <Flex gap={4} wrap align="center">
      <Tag color={user.active ? 'success' : 'default'}>{user.active ? t('users.active') : t('users.disabled')}</Tag>
      {locked && user.locked_until && (
        <>
          <Tag color="warning" data-testid={`locked-${user.username}`}>
            {t('users.lockedUntil', { time: formatTimestamp(user.locked_until) })}
          </Tag>
          <Button size="small" icon={<UnlockOutlined />} loading={unlocking} data-testid={`unlock-${user.username}`} onClick={onUnlock}>
            {t('users.unlock')}
          </Button>
        </>
      )}
    </Flex>
  );
}
