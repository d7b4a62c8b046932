import { Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../src/domain/message';
import { useMessageText } from './useMessageText';

interface Props {
  title: string;
  /** Reasons to choose one from (not registering a contract); none: the reason is written only. */
  codes?: ReadonlyArray<{ code: string; label: Message }>;
  /** The written reason is required (return, reject, revoke); beside a chosen one it is optional. */
  textRequired?: boolean;
  submitting: boolean;
  onSubmit: (reason: string, code?: string) => void;
  onClose: () => void;
}

/** Asks the reason an action needs (return, reject, revoke; a reason from a list); it is kept on the timeline. */
export function ReasonModal({ title, codes = [], textRequired = true, submitting, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const { text } = useMessageText();
  const [form] = Form.useForm<{ reason?: string; reason_code?: string }>();
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
      <Form form={form} layout="vertical" data-testid="reason-form" onFinish={(v) => onSubmit((v.reason ?? '').trim(), v.reason_code)}>
        {codes.length > 0 && (
          <Form.Item name="reason_code" label={t('filings.actions.reasonCode')} rules={[{ required: true, message: t('filings.actions.reasonCodeRequired') }]}>
            <Select data-testid="reason-code" options={codes.map((c) => ({ value: c.code, label: text(c.label) }))} placeholder={t('form.selectPlaceholder')} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t(textRequired ? 'filings.actions.reason' : 'filings.actions.reasonNote')} rules={textRequired ? [{ required: true, whitespace: true, message: t('filings.actions.reasonRequired') }] : []}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
