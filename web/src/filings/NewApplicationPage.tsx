import { Alert, App, Button, Card, Flex, Form, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCreateApplication, useFilingTypes } from '../api/filings';
import { useList } from '../api/hooks';
import { rdInstitutions } from '../api/resources';
import { useMe } from '../auth/session';
import { FormProblems } from '../form/FormProblems';
import { OrganizationSelect } from '../form/OrganizationSelect';
import { useServerProblems } from '../form/useServerProblems';
import { expertiseChoices } from './filingOptions';
import { applicantChoice, applicationCreateBody, filingTypeOf, NEW_APPLICATION_FIELDS, needsInstitution, newApplicationValues, startableTypes, type NewApplicationValues } from './newApplication';
import { useMessageText } from './useMessageText';
import { PageTitle } from '../components/PageTitle';

/**
 * 新建备案申请: the type, the applicant, the field of expertise (and for a "four global"
 * confirmation the institution). The server starts a draft pre-filled from the registry.
 */
export function NewApplicationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const { data: types } = useFilingTypes();
  const [form] = Form.useForm<NewApplicationValues>();
  const problems = useServerProblems(form, NEW_APPLICATION_FIELDS);
  const create = useCreateApplication();
  const [initialValues] = useState(() => newApplicationValues(me));
  // Watched at the top level: a hook must run the same number of times on every render.
  const chosenCode = Form.useWatch('filing_type', form);
  const chosenType = filingTypeOf(types, chosenCode);
  const choice = applicantChoice(me);

  const onFinish = (values: NewApplicationValues) => {
    problems.clear();
    create.mutate(applicationCreateBody(values, chosenType), {
      onSuccess: (created) => {
        void message.success(t('filings.new.created'));
        void navigate(`/applications/${created.id}`);
      },
      onError: problems.show,
    });
  };

  return (
    <Flex vertical gap="middle" style={{ maxWidth: 720 }}>
      <div>
        <PageTitle>{t('filings.new.title')}</PageTitle>
        <Typography.Text type="secondary">{t('filings.new.intro')}</Typography.Text>
      </div>
      {choice.kind === 'own' && choice.organizations.length === 0 && <Alert type="warning" showIcon title={t('filings.new.noOrganizations')} />}
      <FormProblems problems={problems} />
      <Card>
        <Form<NewApplicationValues> form={form} layout="vertical" data-testid="new-application-form" initialValues={initialValues} onFinish={onFinish} onValuesChange={problems.onValuesChange}>
          <NewApplicationFields showInstitution={needsInstitution(chosenType)} />
          <Flex gap="small" justify="end">
            <Link to="/applications">
              <Button>{t('common.cancel')}</Button>
            </Link>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="new-application-submit">
              {t('filings.new.create')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}

function NewApplicationFields({ showInstitution }: { showInstitution: boolean }) {
  const { t } = useTranslation();
  const { text } = useMessageText();
  const { data: me } = useMe();
  const { data: types } = useFilingTypes();
  const choice = applicantChoice(me);
  const required = [{ required: true, message: t('auth.required') }];
  return (
    <>
      <Form.Item name="filing_type" label={t('filings.new.fields.filing_type')} rules={required}>
        <Select options={startableTypes(types).map((ft) => ({ value: ft.code, label: text(ft.name) }))} placeholder={t('form.selectPlaceholder')} />
      </Form.Item>
      <Form.Item name="organization_id" label={t('filings.new.fields.organization_id')} rules={required}>
        {choice.kind === 'any' ? <OrganizationSelect /> : <Select options={choice.organizations.map((o) => ({ value: o.id, label: o.name }))} placeholder={t('form.selectPlaceholder')} />}
      </Form.Item>
      <Form.Item name="field" label={t('filings.new.fields.field')} extra={t('filings.new.help.field')} rules={required}>
        <Select options={expertiseChoices(types).map((f) => ({ value: f.code, label: text(f.label) }))} placeholder={t('form.selectPlaceholder')} />
      </Form.Item>
      {showInstitution && (
        <Form.Item name="rd_institution_id" label={t('filings.new.fields.rd_institution_id')} extra={t('filings.new.help.rd_institution_id')} rules={required}>
          <InstitutionSelect />
        </Form.Item>
      )}
    </>
  );
}

/** The applicant's R&D institutions (a "four global" confirmation is about one of them). */
function InstitutionSelect({ id, value, onChange }: { id?: string; value?: number | null; onChange?: (v: number | null) => void }) {
  const { t } = useTranslation();
  const organizationId = Form.useWatch<number | null>('organization_id');
  const { data, isFetching } = useList(rdInstitutions, { filter: `host_org_id:${organizationId ?? 0}`, per_page: 100, sort: 'name' }, { enabled: typeof organizationId === 'number' });
  return (
    <Select
      id={id}
      value={value ?? null}
      loading={isFetching}
      disabled={typeof organizationId !== 'number'}
      // A university may host dozens: found by typing part of the name.
      showSearch={{ optionFilterProp: 'label' }}
      options={(data?.results ?? []).map((r) => ({ value: r.id, label: r.name }))}
      placeholder={t('filings.new.institutionPlaceholder')}
      onChange={(v: number | null) => onChange?.(v ?? null)}
    />
  );
}
