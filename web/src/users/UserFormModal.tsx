import { Form, Input, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserCreate, UserPatch } from '../../../src/contracts/accounts';
import { accountRoles, roleLabels } from '../../../src/domain/permissions';
import { fetchUser, useCreateUser, useUpdateUser, type User } from '../api/users';
import { VersionedFormModal } from '../form/VersionedFormModal';
import { useCodeLabels } from '../i18n/useCodeLabels';
import { OrganizationsSelect } from './OrganizationsSelect';
import { hasArea, hasOrganizations, newUserValues, USER_FIELDS, USER_LIST_FIELDS, userCreateBody, userPatchBody, userValues, type UserFormValues } from './userForm';

interface Props {
  /** The account to edit; null to create one. */
  user: User | null;
  onClose: () => void;
}

/**
 * Creates an account, or changes one with If-Match of the version the dialog opened on (a change
 * made meanwhile answers 412, with a way to load it). The server's field problems show on the
 * fields, a district, zone or organization item's on its list.
 */
export function UserFormModal({ user, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <VersionedFormModal<User, UserFormValues, UserCreate, UserPatch>
      record={user}
      testId="user"
      title={(base) => (base ? t('users.editTitle', { username: base.username }) : t('users.createTitle'))}
      fields={USER_FIELDS}
      listFields={USER_LIST_FIELDS}
      valuesOf={(base) => (base ? userValues(base) : newUserValues())}
      createBody={userCreateBody}
      patchBody={userPatchBody}
      create={useCreateUser()}
      update={useUpdateUser()}
      fetchLatest={fetchUser}
      createdMessage={(created) => t('users.created', { username: created.username })}
      savedMessage={t('users.saved')}
      onClose={onClose}
    >
      {(base) => <UserFields editing={base} />}
    </VersionedFormModal>
  );
}

/** The dialog's fields; an area (districts and zones) only for an officer, organizations only for an organization user. */
function UserFields({ editing }: { editing: User | null }) {
  const { t } = useTranslation();
  const role = Form.useWatch<UserFormValues['role'] | undefined>('role') ?? editing?.role ?? newUserValues().role;
  const { options, side } = useCodeLabels();
  const required = [{ required: true, message: t('auth.required') }];
  const districts = Form.useWatch<string[] | undefined>('districts') ?? [];
  const zones = Form.useWatch<string[] | undefined>('zones') ?? [];
  // An officer with neither districts nor zones reaches the whole city; an empty list alone does not say so.
  const wholeCity = districts.length === 0 && zones.length === 0 ? t('users.wholeCity') : undefined;
  return (
    <>
      <Form.Item name="username" label={t('users.fields.username')} extra={editing ? undefined : t('users.help.username')} rules={editing ? [] : required}>
        <Input autoComplete="off" disabled={editing !== null} maxLength={64} />
      </Form.Item>
      <Form.Item name="display_name" label={t('users.fields.display_name')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="role" label={t('users.fields.role')} rules={required}>
        <Select options={accountRoles.map((r) => ({ value: r, label: roleLabels[r][side] }))} />
      </Form.Item>
      {hasArea(role) && (
        <>
          <Form.Item name="districts" label={t('users.fields.districts')} extra={t('users.help.districts')}>
            <Select mode="multiple" allowClear options={options('district')} showSearch={{ optionFilterProp: 'label' }} placeholder={wholeCity} />
          </Form.Item>
          <Form.Item name="zones" label={t('users.fields.zones')} extra={t('users.help.zones')}>
            <Select mode="multiple" allowClear options={options('zone')} showSearch={{ optionFilterProp: 'label' }} placeholder={wholeCity} />
          </Form.Item>
        </>
      )}
      {hasOrganizations(role) && (
        <Form.Item name="organization_ids" label={t('users.fields.organization_ids')} extra={t('users.help.organization_ids')} required>
          <OrganizationsSelect known={editing?.organizations ?? []} />
        </Form.Item>
      )}
      <Form.Item
        name="password"
        label={editing ? t('users.fields.newPassword') : t('users.fields.password')}
        extra={<Typography.Text type="secondary">{editing ? `${t('users.help.newPassword')} ${t('auth.passwordPolicy')}` : t('auth.passwordPolicy')}</Typography.Text>}
        rules={editing ? [] : required}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="active" label={t('users.fields.active')} valuePropName="checked" extra={t('users.help.active')}>
        <Switch />
      </Form.Item>
    </>
  );
}
