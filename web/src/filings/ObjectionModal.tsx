import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLodgeObjection, type ObjectionBody, type PublicNotice } from '../api/filings';
import { FormProblems } from '../form/FormProblems';
import { useServerProblems } from '../form/useServerProblems';

const OBJECTION_FIELDS = ['name', 'contact', 'text'] as const;

/** 提出异议: name, contact and the objection, for the bureau to check; problems show next to their fields. */
export function ObjectionModal({ notice, onClose }: { notice: PublicNotice; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ObjectionBody>();
  const problems = useServerProblems(form, OBJECTION_FIELDS);
  const lodge = useLodgeObjection();
  const required = [{ required: true, whitespace: true, message: t('auth.required') }];
  const onFinish = (values: ObjectionBody) => {
    problems.clear();
    lodge.mutate(
      { applicationId: notice.application_id, body: { name: values.name.trim(), contact: values.contact.trim(), text: values.text.trim() } },
      {
        onSuccess: () => {
          void message.success(t('filings.notices.lodged'));
          onClose();
        },
        onError: problems.show,
      },
    );
  };
  return (
    <Modal
      open
      title={t('filings.notices.objectTitle', { subject: notice.subject })}
      okText={t('filings.notices.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'objection-submit' }}
      confirmLoading={lodge.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ObjectionBody> form={form} layout="vertical" data-testid="objection-form" onFinish={onFinish} onValuesChange={problems.onValuesChange}>
        <FormProblems problems={problems} />
        <Form.Item name="name" label={t('filings.notices.fields.name')} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="contact" label={t('filings.notices.fields.contact')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="text" label={t('filings.notices.fields.text')} rules={required}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} />
        </Form.Item>
        <Typography.Text type="secondary">{t('filings.notices.privacy')}</Typography.Text>
      </Form>
    </Modal>
  );
}
