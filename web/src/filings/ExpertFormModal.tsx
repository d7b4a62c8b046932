import { Form, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { fetchExpert, useCreateExpert, useFilingTypes, useUpdateExpert, useExpertCandidates, type Expert, type ExpertCreate, type ExpertPatch } from '../api/filings';
import { OrganizationSelect } from '../form/OrganizationSelect';
import { VersionedFormModal } from '../form/VersionedFormModal';
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
  return (
    <VersionedFormModal<Expert, ExpertFormValues, ExpertCreate, ExpertPatch>
      record={expert}
      testId="expert"
      title={(base) => (base ? t('filings.experts.editTitle', { name: expertName(base) }) : t('filings.experts.createTitle'))}
      fields={EXPERT_FIELDS}
      listFields={EXPERT_LIST_FIELDS}
      valuesOf={(base) => (base ? expertValues(base) : newExpertValues())}
      createBody={expertCreateBody}
      patchBody={expertPatchBody}
      create={useCreateExpert()}
      update={useUpdateExpert()}
      fetchLatest={fetchExpert}
      createdMessage={(created) => t('filings.experts.created', { name: expertName(created) })}
      savedMessage={t('filings.experts.saved')}
      onClose={onClose}
    >
      {(base) => <ExpertFields editing={base} conflictNames={conflictNames} inPool={inPool} />}
    </VersionedFormModal>
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
