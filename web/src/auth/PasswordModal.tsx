import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormProblems } from '../form/FormProblems';
import { useServerProblems } from '../form/useServerProblems';
import { useChangePassword } from './session';

interface Values {
  current_password: string;
  new_password: string;
  confirm: string;
}

const FIELDS = ['current_password', 'new_password'] as const;

/** 修改密码: the server checks the current password and the policy; its problems show on the fields. */
export function PasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const problems = useServerProblems(form, FIELDS);

  const submit = (v: Values) =>
    change.mutate(
      { current_password: v.current_password, new_password: v.new_password },
      {
        onSuccess: () => {
          void message.success(t('auth.passwordChanged'));
          form.resetFields();
          problems.clear();
          onClose();
        },
        onError: problems.show,
      },
    );

  return (
    <Modal open={open} title={t('auth.changePassword')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={change.isPending} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={submit} onValuesChange={problems.onValuesChange} data-testid="password-form">
        <FormProblems problems={problems} />
        <Form.Item name="current_password" label={t('auth.currentPassword')} rules={[{ required: true, message: t('auth.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="new_password" label={t('auth.newPassword')} extra={<Typography.Text type="secondary">{t('auth.passwordPolicy')}</Typography.Text>} rules={[{ required: true, message: t('auth.required') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['new_password']}
          rules={[
            { required: true, message: t('auth.required') },
            ({ getFieldValue }) => ({ validator: (_, value) => (value === getFieldValue('new_password') ? Promise.resolve() : Promise.reject(new Error(t('auth.passwordMismatch')))) }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
