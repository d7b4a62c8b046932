import { Alert, Col, Descriptions, Flex, Form, Input, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization, OrganizationCreate, OrganizationPatch } from '../../../../src/contracts/organizations';
import { organizations, platforms, qualifications, rdInstitutions } from '../../api/resources';
import { RecordDetail } from '../../detail/RecordDetail';
import { RelatedList } from '../../detail/RelatedList';
import { MatchPanel } from '../../matching/MatchPanel';
import { CodeSelect } from '../../form/CodeSelect';
import { DateInput } from '../../form/DateInput';
import { CreateRecordForm, EditRecordForm, type FormSpec } from '../../form/RecordForm';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import { RegistryList } from '../../list/RegistryList';
import { usePlatformColumns } from '../platforms/columns';
import { useQualificationColumns } from '../qualifications/columns';
import { useRdInstitutionColumns } from '../rdInstitutions/columns';
import { useOrganizationColumns } from './columns';
import { organizationCreate, organizationFieldPaths, organizationPatch, organizationValues, type OrganizationValues } from './model';

const BASE = '/organizations';

export function OrganizationListPage() {
  const { t } = useTranslation();
  const { columns, filters } = useOrganizationColumns();
  return <RegistryList resource={organizations} title={t('organization.title')} basePath={BASE} columns={columns} filters={filters} searchPlaceholder={t('organization.searchPlaceholder')} />;
}

export function OrganizationDetailPage({ id }: { id: number }) {
  return (
    <RecordDetail resource={organizations} id={id} basePath={BASE} title={(o) => o.name}>
      {(o) => <OrganizationContent organization={o} />}
    </RecordDetail>
  );
}

function OrganizationContent({ organization: o }: { organization: Organization }) {
  const { t } = useTranslation();
  const { label, side } = useCodeLabels();
  const none = t('common.none');
  const qualificationColumns = useQualificationColumns().columns.filter((c) => c.key !== 'organization_name');
  const institutionColumns = useRdInstitutionColumns().columns.filter((c) => c.key !== 'host_name');
  const platformColumns = usePlatformColumns().columns.filter((c) => c.key !== 'host_name');
  return (
    <Flex vertical gap="middle">
      {o.uscc_warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="uscc-warnings"
          title={t('organization.usccWarnings')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {o.uscc_warnings.map((w) => (
                <li key={w.code}>{w.message[side]}</li>
              ))}
            </ul>
          }
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'name', label: t('organization.fields.name'), children: o.name },
          { key: 'name_en', label: t('organization.fields.name_en'), children: o.name_en ?? none },
          { key: 'uscc', label: t('organization.fields.uscc'), children: <Typography.Text code copyable>{o.uscc}</Typography.Text> },
          { key: 'kind', label: t('organization.fields.kind'), children: label('organization_kind', o.kind) },
          { key: 'district_code', label: t('organization.fields.district_code'), children: label('district', o.district_code) },
          { key: 'zone', label: t('organization.fields.zone'), children: label('zone', o.zone) },
          { key: 'founded_on', label: t('organization.fields.founded_on'), children: o.founded_on ?? none },
          { key: 'industry_code', label: t('organization.fields.industry_code'), children: o.industry_code ?? none },
          { key: 'address', label: t('organization.fields.address'), children: o.address ?? none },
          ...(o.uscc_override_reason ? [{ key: 'uscc_override_reason', label: t('organization.fields.uscc_override_reason'), children: o.uscc_override_reason, span: 2 }] : []),
        ]}
      />
      <RelatedList resource={qualifications} title={t('organization.related.qualifications')} filter={`organization_id:${o.id}`} basePath="/qualifications" columns={qualificationColumns} testId="related-qualifications" />
      <RelatedList resource={rdInstitutions} title={t('organization.related.rdInstitutions')} filter={`host_org_id:${o.id}`} basePath="/rd-institutions" columns={institutionColumns} testId="related-rd-institutions" />
      <RelatedList resource={platforms} title={t('organization.related.platforms')} filter={`host_org_id:${o.id}`} basePath="/platforms" columns={platformColumns} testId="related-platforms" />
      {o.kind === 'enterprise' && <MatchPanel question="enterprise-institutions" id={o.id} />}
    </Flex>
  );
}

function useOrganizationForm(): FormSpec<Organization, OrganizationCreate, OrganizationPatch, OrganizationValues> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      resource: organizations,
      basePath: BASE,
      entity: t('organization.entity'),
      testId: 'organization-form',
      fieldPaths: organizationFieldPaths,
      toValues: organizationValues,
      toCreate: organizationCreate,
      toPatch: organizationPatch,
      fields: () => <OrganizationFields />,
    }),
    [t],
  );
}

function OrganizationFields() {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="uscc" label={t('organization.fields.uscc')} required>
          <Input maxLength={40} autoComplete="off" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="kind" label={t('organization.fields.kind')} required>
          <CodeSelect list="organization_kind" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="name" label={t('organization.fields.name')} required>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="name_en" label={t('organization.fields.name_en')}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="district_code" label={t('organization.fields.district_code')} extra={t('organization.help.district_code')}>
          <CodeSelect list="district" allowClear />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="zone" label={t('organization.fields.zone')}>
          <CodeSelect list="zone" allowClear />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="founded_on" label={t('organization.fields.founded_on')}>
          <DateInput />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="industry_code" label={t('organization.fields.industry_code')} extra={t('organization.help.industry_code')}>
          <Input maxLength={12} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="address" label={t('organization.fields.address')}>
          <Input maxLength={500} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="uscc_override_reason" label={t('organization.fields.uscc_override_reason')} extra={t('organization.help.uscc_override_reason')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function OrganizationCreatePage() {
  return <CreateRecordForm spec={useOrganizationForm()} />;
}

export function OrganizationEditPage({ id }: { id: number }) {
  return <EditRecordForm spec={useOrganizationForm()} id={id} />;
}
