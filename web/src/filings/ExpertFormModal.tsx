import { Alert, App, Button, Form, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchExpert, useCreateExpert, useFilingTypes, useUpdateExpert, useExpertCandidates, type Expert } from '../api/filings';
import { FormProblems } from '../form/FormProblems';
import { OrganizationSelect } from '../form/OrganizationSelect';
import { useServerProblems } from '../form/useServerProblems';
import { OrganizationsSelect } from '../users/OrganizationsSelect';
import { EXPERT_FIELDS, EXPERT_LIST_FIELDS, expertCreateBody, expertName, expertPatchBody, expertValues, newExpertValues, type ExpertFormValues } from './expertForm';
import { expertiseChoices } from './filingOptions';
import { useMessageText } from './useMessageText';

interface Props {
  /** The expert to edit; null to add one. */
  expert: Expert | null;
  /** Names of the organizations experts declared conflicts with. */
  conflictNames: Map<number, string>;
  /** Users already in the pool (not offered again). */
  inPool: number[];
  onClose: () => void;
}

/** Adds an expert account to the pool, or changes one with If-Match of the version the dialog opened on. */
export function ExpertFormModal({ expert, conflictNames, inPool, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ExpertFormValues>();
  const problems = useServerProblems(form, EXPERT_FIELDS, EXPERT_LIST_FIELDS);
  const create = useCreateExpert();
  const update = useUpdateExpert();
  const [base, setBase] = useState(expert);
  const [stale, setStale] = useState(false);

  const onFinish = (values: ExpertFormValues) => {
    problems.clear();
    if (base === null) {
      create.mutate(expertCreateBody(values), {
        onSuccess: (created) => {
          void message.success(t('filings.experts.created', { name: expertName(created) }));
          onClose();
        },
        onError: problems.show,
      });
      return;
    }
    const patch = expertPatchBody(base, values);
    if (Object.keys(patch).length === 0) {
      void message.info(t('form.unchanged'));
      onClose();
      return;
    }
    update.mutate(
      { id: base.id, version: base.version, patch },
      {
        onSuccess: () => {
          void message.success(t('filings.experts.saved'));
          onClose();
        },
        onError: (err) => (err.status === 412 ? setStale(true) : problems.show(err)),
      },
    );
  };

  const loadLatest = async () => {
    if (!base) return;
    try {
      const fresh = await fetchExpert(base.id);
      if (!fresh) return;
      setBase(fresh);
      setStale(false);
      problems.clear();
      form.setFieldsValue(expertValues(fresh));
    } catch (err) {
      problems.show(err);
    }
  };

  return (
    <Modal
      open
      title={base ? t('filings.experts.editTitle', { name: expertName(base) }) : t('filings.experts.createTitle')}
      okText={base ? t('common.save') : t('common.create')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'expert-form-submit' }}
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
          data-testid="expert-stale"
          style={{ marginBottom: 12 }}
          title={t('form.staleTitle')}
          description={t('form.staleBody', { version: base.version })}
          action={<Button onClick={() => void loadLatest()}>{t('common.reload')}</Button>}
        />
      )}
      <Form<ExpertFormValues> form={form} layout="vertical" data-testid="expert-form" initialValues={base ? expertValues(base) : newExpertValues()} onFinish={onFinish} onValuesChange={problems.onValuesChange}>
        <FormProblems problems={problems} />
        <ExpertFields editing={base} conflictNames={conflictNames} inPool={inPool} />
      </Form>
    </Modal>
  );
}

function ExpertFields({ editing, conflictNames, inPool }: { editing: Expert | null; conflictNames: Map<number, string>; inPool: number[] }) {
  const { t } = useTranslation();
  const { text } = useMessageText();
  const { data: types } = useFilingTypes();
  const required = [{ required: true, message: t('auth.required') }];
  const known = (editing?.conflicts ?? []).map((id) => ({ id, name: conflictNames.get(id) ?? `#${id}` }));
  return (
    <>
      <Form.Item name="user_id" label={t('filings.experts.fields.user_id')} extra={editing ? undefined : t('filings.experts.help.user_id')} rules={editing ? [] : required}>
        {editing ? <Select disabled options={[{ value: editing.user_id, label: expertName(editing) }]} /> : <ExpertUserSelect inPool={inPool} />}
      </Form.Item>
      <Form.Item name="fields" label={t('filings.experts.fields.fields')} rules={required}>
        <Select mode="multiple" options={expertiseChoices(types).map((f) => ({ value: f.code, label: text(f.label) }))} placeholder={t('form.selectPlaceholder')} />
      </Form.Item>
      <Form.Item name="organization_id" label={t('filings.experts.fields.organization_id')} extra={t('filings.experts.help.organization_id')}>
        <OrganizationSelect {...(editing?.organization_name ? { initialName: editing.organization_name } : {})} />
      </Form.Item>
      <Form.Item name="conflicts" label={t('filings.experts.fields.conflicts')} extra={t('filings.experts.help.conflicts')}>
        <OrganizationsSelect known={known} />
      </Form.Item>
      <Form.Item name="active" label={t('filings.experts.fields.active')} valuePropName="checked" extra={t('filings.experts.help.active')}>
        <Switch />
      </Form.Item>
    </>
  );
}

/** The expert account: one of the active expert-role accounts not in the pool yet. */
function ExpertUserSelect({ id, value, onChange, inPool }: { id?: string; value?: number | null; onChange?: (v: number | null) => void; inPool: number[] }) {
  const { t } = useTranslation();
  const { data: candidates, isFetching } = useExpertCandidates();
  const options = (candidates ?? []).filter((u) => !inPool.includes(u.user_id)).map((u) => ({ value: u.user_id, label: u.display_name ? `${u.display_name}（${u.username}）` : u.username }));
  return (
    <Select
      id={id}
      value={value ?? null}
      loading={isFetching}
      showSearch={{ optionFilterProp: 'label' }}
      options={options}
      placeholder={t('filings.experts.userPlaceholder')}
      notFoundContent={t('filings.experts.noExpertUsers')}
      onChange={(v: number | null) => onChange?.(v ?? null)}
    />
  );
}
