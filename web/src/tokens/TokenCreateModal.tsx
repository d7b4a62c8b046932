import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCreateToken, type ApiTokenCreated } from '../api/tokens';
import { useMe } from '../auth/session';
import { FormProblems } from '../form/FormProblems';
import { useServerProblems } from '../form/useServerProblems';
import { messageSide } from '../i18n/language';
import { newTokenValues, scopeOptions, TOKEN_FIELDS, TOKEN_LIFETIMES, TOKEN_LIST_FIELDS, tokenCreateBody, type TokenFormValues } from './tokenForm';

interface Props {
  onClose: () => void;
  /** The created token, with its secret, for the page to show once. */
  onCreated: (created: ApiTokenCreated) => void;
}

/** 新建令牌: a name, the scopes (among what the caller may give) and a lifetime. */
export function TokenCreateModal({ onClose, onCreated }: Props) {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const me = useMe();
  const [form] = Form.useForm<TokenFormValues>();
  const problems = useServerProblems(form, TOKEN_FIELDS, TOKEN_LIST_FIELDS);
  const create = useCreateToken();
  const scopes = scopeOptions(me.data, side);
  const required = [{ required: true, message: t('auth.required') }];

  const onFinish = (values: TokenFormValues) => {
    problems.clear();
    create.mutate(tokenCreateBody(values), { onSuccess: onCreated, onError: problems.show });
  };

  return (
    <Modal
      open
      title={t('tokens.createTitle')}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'token-form-submit', disabled: scopes.length === 0 }}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={600}
    >
      <Form<TokenFormValues> form={form} layout="vertical" data-testid="token-form" initialValues={newTokenValues()} onFinish={onFinish} onValuesChange={problems.onValuesChange}>
        <FormProblems problems={problems} />
        <Form.Item name="name" label={t('tokens.fields.name')} rules={required}>
          <Input maxLength={100} placeholder={t('tokens.namePlaceholder')} autoComplete="off" />
        </Form.Item>
        {scopes.length ? (
          <Form.Item name="scopes" label={t('tokens.fields.scopes')} rules={required}>
            <Checkbox.Group options={scopes} style={{ display: 'flex', flexDirection: 'column', gap: 4 }} />
          </Form.Item>
        ) : (
          <Alert type="info" showIcon title={t('tokens.noScopes')} style={{ marginBottom: 16 }} />
        )}
        <Form.Item name="expires_in" label={t('tokens.fields.expires_in')} rules={required}>
          <Select options={TOKEN_LIFETIMES.map((l) => ({ value: l, label: t(`tokens.lifetimes.${l}`) }))} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
