import { Alert, App, Button, Card, Flex, Form, Result, Skeleton, type FormInstance } from 'antd';
import type { Store } from 'antd/es/form/interface';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCreate, useRecord, useUpdate } from '../api/hooks';
import { ApiProblem } from '../api/problem';
import type { Draft, Resource } from '../api/resources';
import { ProblemAlert } from '../components/ProblemAlert';
import { FormProblems } from './FormProblems';
import { useLeaveGuard } from './useLeaveGuard';
import { useServerProblems, type ServerProblems } from './useServerProblems';
import { PageTitle } from '../components/PageTitle';

type StoredRecord = { id: number; version: number };

/** antd keeps form values in a string-keyed store. */
type FormValues = Store;

/** Everything an entity's form needs; the create and edit pages share it. */
export interface FormSpec<Item extends StoredRecord, Create, Patch, Values extends FormValues> {
  resource: Resource<Item, Create, Patch>;
  /** Route of the list, e.g. /organizations. */
  basePath: string;
  /** The entity's noun in the current language, for the page title. */
  entity: string;
  testId: string;
  /** Dotted paths of every field on the form; server problems of other fields go above it. */
  fieldPaths: readonly string[];
  toValues(item?: Item): Values;
  toCreate(values: Values): Draft<Create>;
  /** Only what changed between the loaded record's values and the submitted ones. */
  toPatch(before: Values, after: Values): Draft<Patch>;
  /** The Form.Items; `item` is the record being edited, if any. */
  fields(item?: Item): ReactNode;
}

interface ShellProps<Values> {
  title: string;
  testId: string;
  form: FormInstance<Values>;
  initialValues: Values;
  problems: ServerProblems;
  submitting: boolean;
  submitLabel: string;
  cancelTo: string;
  notice?: ReactNode;
  onFinish(values: Values): void;
  children: ReactNode;
}

function FormShell<Values extends FormValues>({ title, testId, form, initialValues, problems, submitting, submitLabel, cancelTo, notice, onFinish, children }: ShellProps<Values>) {
  const { t } = useTranslation();
  // A failed submit with no field to point at (404, 500, network) still has to say something.
  return (
    <Flex vertical gap="middle" style={{ maxWidth: 960 }}>
      <PageTitle>{title}</PageTitle>
      {notice}
      <FormProblems problems={problems} />
      <Card>
        <Form<Values>
          form={form}
          layout="vertical"
          data-testid={testId}
          initialValues={initialValues}
          onFinish={onFinish}
          onValuesChange={problems.onValuesChange}
          requiredMark
        >
          {children}
          <Flex gap="small" justify="end">
            <Link to={cancelTo}>
              <Button>{t('common.cancel')}</Button>
            </Link>
            <Button type="primary" htmlType="submit" loading={submitting} data-testid="form-submit">
              {submitLabel}
            </Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}

/** The create page: POST, then on to the new record's page. */
export function CreateRecordForm<Item extends StoredRecord, Create, Patch, Values extends FormValues>({ spec }: { spec: FormSpec<Item, Create, Patch, Values> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problems = useServerProblems(form, spec.fieldPaths);
  const create = useCreate(spec.resource);
  const [initialValues] = useState(() => spec.toValues());
  const guard = useLeaveGuard(() => form.isFieldsTouched());

  const onFinish = (values: Values) => {
    problems.clear();
    create.mutate(spec.toCreate(values), {
      onSuccess: (item) => {
        guard.release();
        message.success(t('form.created'));
        navigate(`${spec.basePath}/${item.id}`);
      },
      onError: problems.show,
    });
  };

  return (
    <FormShell
      title={t('form.createTitle', { entity: spec.entity })}
      testId={spec.testId}
      form={form}
      initialValues={initialValues}
      problems={problems}
      submitting={create.isPending}
      submitLabel={t('common.create')}
      cancelTo={spec.basePath}
      onFinish={onFinish}
    >
      {spec.fields()}
    </FormShell>
  );
}

/**
 * The edit page: PATCH only the changed fields with If-Match of the version the form was loaded
 * from — a background refetch must not silently move that version — and on 412 ask to reload.
 */
export function EditRecordForm<Item extends StoredRecord, Create, Patch, Values extends FormValues>({ spec, id }: { spec: FormSpec<Item, Create, Patch, Values>; id: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const problems = useServerProblems(form, spec.fieldPaths);
  const { data, error, refetch } = useRecord(spec.resource, id);
  const update = useUpdate(spec.resource);
  const [base, setBase] = useState<Item | null>(null);
  const [stale, setStale] = useState(false);
  const detailPath = `${spec.basePath}/${id}`;
  const guard = useLeaveGuard(() => form.isFieldsTouched());

  useEffect(() => {
    if (data && base === null) setBase(data);
  }, [data, base]);
  // A reloaded record replaces whatever the form holds (antd keeps field values across renders).
  useEffect(() => {
    if (base) form.resetFields();
  }, [base, form]);

  if (base === null) {
    if (error) return <Result status={error instanceof ApiProblem && error.status === 404 ? '404' : 'error'} title={t('common.loadFailed')} subTitle={<ProblemAlert error={error} />} />;
    return <Skeleton active />;
  }

  const reload = async () => {
    const fresh = await refetch();
    if (fresh.data) {
      setBase(fresh.data);
      setStale(false);
      problems.clear();
    }
  };

  const onFinish = (values: Values) => {
    const patch = spec.toPatch(spec.toValues(base), values);
    if (Object.keys(patch).length === 0) {
      guard.release();
      message.info(t('form.unchanged'));
      navigate(detailPath);
      return;
    }
    problems.clear();
    update.mutate(
      { id, version: base.version, patch },
      {
        onSuccess: () => {
          guard.release();
          message.success(t('form.saved'));
          navigate(detailPath);
        },
        onError: (err) => (err.status === 412 ? setStale(true) : problems.show(err)),
      },
    );
  };

  const notice = stale && (
    <Alert
      type="warning"
      showIcon
      data-testid="stale-alert"
      title={t('form.staleTitle')}
      description={t('form.staleBody', { version: base.version })}
      action={<Button onClick={() => void reload()}>{t('common.reload')}</Button>}
    />
  );

  return (
    <FormShell
      title={t('form.editTitle', { entity: spec.entity })}
      testId={spec.testId}
      form={form}
      initialValues={spec.toValues(base)}
      problems={problems}
      submitting={update.isPending}
      submitLabel={t('common.save')}
      cancelTo={detailPath}
      notice={notice}
      onFinish={onFinish}
    >
      {spec.fields(base)}
    </FormShell>
  );
}
