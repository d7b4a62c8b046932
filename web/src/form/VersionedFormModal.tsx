import type { UseMutationResult } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiProblem } from '../api/problem';
import { FormProblems } from './FormProblems';
import { useConfirmLeave, useLeaveGuard } from './useLeaveGuard';
import { useServerProblems } from './useServerProblems';

/** A record the dialog changes with If-Match of its version. */
interface Versioned {
  id: number;
  version: number;
}

interface Props<R extends Versioned, V, C, P> {
  /** The record to change; null to create one. */
  record: R | null;
  /** Names the dialog's parts for tests: `<testId>-form`, `<testId>-form-submit`, `<testId>-stale`. */
  testId: string;
  title: (base: R | null) => string;
  /** The form's field paths, and the lists edited in one control (their items' problems show on them). */
  fields: readonly string[];
  listFields: readonly string[];
  valuesOf: (base: R | null) => V;
  createBody: (values: V) => C;
  /** What changed since `base`; empty: nothing to send. */
  patchBody: (base: R, values: V) => P;
  create: UseMutationResult<R, ApiProblem, C>;
  update: UseMutationResult<R, ApiProblem, { id: number; version: number; patch: P }>;
  fetchLatest: (id: number) => Promise<R | null | undefined>;
  createdMessage: (created: R) => string;
  savedMessage: string;
  onClose: () => void;
  /** The fields, for the record the dialog stands on now (it changes when the latest is loaded). */
  children: (base: R | null) => ReactNode;
}

/**
 * Creates a record, or changes one with If-Match of the version the dialog opened on: a change made
 * meanwhile answers 412, and the dialog offers to load the latest. The server's field problems show
 * on the fields; an unchanged form sends nothing.
 */
export function VersionedFormModal<R extends Versioned, V extends object, C, P extends object>(props: Props<R, V, C, P>) {
  const { record, testId, create, update, onClose } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const problems = useServerProblems(form, props.fields, props.listFields);
  const [base, setBase] = useState(record);
  const [stale, setStale] = useState(false);
  useLeaveGuard(() => form.isFieldsTouched());
  const confirmLeave = useConfirmLeave();
  // Closing the dialog (Cancel, ×, Esc, a click beside it) with typed input asks first.
  const cancel = () => (form.isFieldsTouched() ? confirmLeave(onClose) : onClose());

  const onFinish = (submitted: V) => {
    // A field the form hides is not submitted: the bodies read what the dialog opened with.
    const values = { ...props.valuesOf(base), ...submitted };
    problems.clear();
    if (base === null) {
      create.mutate(props.createBody(values), {
        onSuccess: (created) => {
          void message.success(props.createdMessage(created));
          onClose();
        },
        onError: problems.show,
      });
      return;
    }
    const patch = props.patchBody(base, values);
    if (Object.keys(patch).length === 0) {
      void message.info(t('form.unchanged'));
      onClose();
      return;
    }
    update.mutate(
      { id: base.id, version: base.version, patch },
      {
        onSuccess: () => {
          void message.success(props.savedMessage);
          onClose();
        },
        onError: (err) => (err.status === 412 ? setStale(true) : problems.show(err)),
      },
    );
  };

  const loadLatest = async () => {
    if (!base) return;
    try {
      const fresh = await props.fetchLatest(base.id);
      if (!fresh) return;
      setBase(fresh);
      setStale(false);
      problems.clear();
      form.setFieldsValue(props.valuesOf(fresh) as Parameters<typeof form.setFieldsValue>[0]);
    } catch (err) {
      problems.show(err);
    }
  };

  return (
    <Modal
      open
      title={props.title(base)}
      okText={base ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': `${testId}-form-submit` }}
      confirmLoading={create.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={cancel}
      destroyOnHidden
      width={640}
    >
      {stale && base && (
        <Alert
          type="warning"
          showIcon
          data-testid={`${testId}-stale`}
          style={{ marginBottom: 12 }}
          title={t('form.staleTitle')}
          description={t('form.staleBody', { version: base.version })}
          action={<Button onClick={() => void loadLatest()}>{t('common.reload')}</Button>}
        />
      )}
      <Form<V> form={form} layout="vertical" data-testid={`${testId}-form`} initialValues={props.valuesOf(base)} onFinish={onFinish} onValuesChange={problems.onValuesChange}>
        <FormProblems problems={problems} />
        {props.children(base)}
      </Form>
    </Modal>
  );
}
