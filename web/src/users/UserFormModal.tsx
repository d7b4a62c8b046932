import { Alert, App, Button, Form, Input, Modal, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountRoles, roleLabels } from '../../../src/domain/permissions';
import { fetchUser, useCreateUser, useUpdateUser, type User } from '../api/users';
import { FormProblems } from '../form/FormProblems';
import { useServerProblems } from '../form/useServerProblems';
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
  const { message } = App.useApp();
  const [form] = Form.useForm<UserFormValues>();
  const problems = useServerProblems(form, USER_FIELDS, USER_LIST_FIELDS);
  const create = useCreateUser();
  const update = useUpdateUser();
  const [base, setBase] = useState(user);
  const [stale, setStale] = useState(false);
  const role = Form.useWatch('role', form) ?? base?.role ?? newUserValues().role;

  const onFinish = (submitted: UserFormValues) => {
    // A hidden binding field is not submitted; the bodies read it only for the role that shows it.
    const values = { ...(base ? userValues(base) : newUserValues()), ...submitted };
    problems.clear();
    if (base === null) {
      create.mutate(userCreateBody(values), {
        onSuccess: (created) => {
          void message.success(t('users.created', { username: created.username }));
          onClose();
        },
        onError: problems.show,
      });
      return;
    }
    const patch = userPatchBody(base, values);
    if (Object.keys(patch).length === 0) {
      void message.info(t('form.unchanged'));
      onClose();
      return;
    }
    update.mutate(
      { id: base.id, version: base.version, patch },
      {
        onSuccess: () => {
          void message.success(t('users.saved'));
          onClose();
        },
        onError: (err) => (err.status === 412 ? setStale(true) : problems.show(err)),
      },
    );
  };

  const loadLatest = async () => {
    if (!base) return;
    try {
      const fresh = await fetchUser(base.id);
      setBase(fresh);
      setStale(false);
      problems.clear();
      form.setFieldsValue(userValues(fresh));
    } catch (err) {
      problems.show(err);
    }
  };

  return (
    <Modal
      open
      title={base ? t('users.editTitle', { username: base.username }) : t('users.createTitle')}
      okText={base ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'user-form-submit' }}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {stale && base && (
        <Alert
          type="warning"
          showIcon
          data-testid="user-stale"
          style={{ marginBottom: 12 }}
          title={t('form.staleTitle')}
          description={t('form.staleBody', { version: base.version })}
          action={<Button onClick={() => void loadLatest()}>{t('common.reload')}</Button>}
        />
      )}
      <Form<UserFormValues> form={form} layout="vertical" data-testid="user-form" initialValues={base ? userValues(base) : newUserValues()} onFinish={onFinish} onValuesChange={problems.onValuesChange}>
        <FormProblems problems={problems} />
        <UserFields editing={base} role={role} />
      </Form>
    </Modal>
  );
}

/** The dialog's fields; an area (districts and zones) only for an officer, organizations only for an organization user. */
function UserFields({ editing, role }: { editing: User | null; role: UserFormValues['role'] }) {
  const { t } = useTranslation();
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
