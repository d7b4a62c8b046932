import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  submitting: boolean;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

/** Asks the reason an action needs (return, reject, revoke); it is kept on the timeline. */
export function ReasonModal({ title, submitting, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={title}
      okText={t('filings.actions.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'reason-submit' }}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="reason-form" onFinish={(v) => onSubmit(v.reason.trim())}>
        <Form.Item name="reason" label={t('filings.actions.reason')} rules={[{ required: true, whitespace: true, message: t('filings.actions.reasonRequired') }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
