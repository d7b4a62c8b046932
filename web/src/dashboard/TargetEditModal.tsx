import { Alert, App, Button, Form, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateTarget, type Target } from '../api/targets';
import { useServerProblems } from '../form/useServerProblems';
import { FormProblems } from '../form/FormProblems';
import { useIndicatorFormat } from '../indicators/useIndicatorFormat';

const FIELDS = ['value', 'tolerance'] as const;

interface Values {
  value?: number | null;
  tolerance?: number | null;
}

interface Props {
  target: Target;
  onClose: () => void;
  /** Fetches the target as the server has it now, after someone else changed it. */
  reload: () => Promise<Target | undefined>;
}

/**
 * Changes a target's value (and tolerance) with If-Match of the version the dialog opened on: a
 * change made meanwhile by someone else answers 412, said plainly, with a way to load it.
 */
export function TargetEditModal({ target, onClose, reload }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fmt = useIndicatorFormat();
  const [form] = Form.useForm<Values>();
  const problems = useServerProblems(form, FIELDS);
  const update = useUpdateTarget();
  const [base, setBase] = useState(target);
  const [stale, setStale] = useState(false);

  const onFinish = (values: Values) => {
    problems.clear();
    update.mutate(
      { id: base.id, version: base.version, patch: values },
      {
        onSuccess: () => {
          message.success(t('targets.saved'));
          onClose();
        },
        onError: (err) => (err.status === 412 ? setStale(true) : problems.show(err)),
      },
    );
  };

  const loadLatest = async () => {
    const fresh = await reload();
    if (!fresh) return;
    setBase(fresh);
    setStale(false);
    form.setFieldsValue({ value: fresh.value, tolerance: fresh.tolerance });
  };

  return (
    <Modal open title={`${t('targets.edit')} · ${fmt.text(target.indicator_name)} · ${fmt.text(target.area_name)}`} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={update.isPending} destroyOnHidden>
      {stale && (
        <Alert
          type="warning"
          showIcon
          data-testid="target-stale"
          style={{ marginBottom: 12 }}
          title={t('form.staleTitle')}
          description={t('form.staleBody', { version: base.version })}
          action={<Button onClick={() => void loadLatest()}>{t('common.reload')}</Button>}
        />
      )}
      <Form<Values> form={form} layout="vertical" name="editTarget" data-testid="target-edit-form" initialValues={{ value: base.value, tolerance: base.tolerance }} onFinish={onFinish} onValuesChange={problems.onValuesChange}>
        <FormProblems problems={problems} />
        <Form.Item name="value" label={t('targets.fields.value')} required>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="tolerance" label={t('targets.fields.tolerance')} extra={t('targets.toleranceHelp')}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
