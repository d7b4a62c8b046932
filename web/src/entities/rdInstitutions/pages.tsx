import { Card, Col, Descriptions, Flex, Form, Input, Row, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RdInstitution, RdInstitutionCreate, RdInstitutionPatch } from '../../../../src/contracts/rdInstitutions';
import { fourGlobalFeatureCodes, type FourGlobalFeature } from '../../../../src/domain/fourGlobal';
import { rdInstitutions } from '../../api/resources';
import { RecordDetail } from '../../detail/RecordDetail';
import { CodeSelect } from '../../form/CodeSelect';
import { DateInput } from '../../form/DateInput';
import { OrganizationSelect } from '../../form/OrganizationSelect';
import { CreateRecordForm, EditRecordForm, type FormSpec } from '../../form/RecordForm';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import { RegistryList } from '../../list/RegistryList';
import { useRdInstitutionColumns } from './columns';
import { FeatureCountTag } from './FeatureCountTag';
import { rdInstitutionCreate, rdInstitutionFieldPaths, rdInstitutionPatch, rdInstitutionValues, type RdInstitutionValues } from './model';

const BASE = '/rd-institutions';

export function RdInstitutionListPage() {
  const { t } = useTranslation();
  const { columns, filters } = useRdInstitutionColumns();
  return <RegistryList resource={rdInstitutions} title={t('rdInstitution.title')} basePath={BASE} columns={columns} filters={filters} searchPlaceholder={t('list.searchPlaceholder')} />;
}

export function RdInstitutionDetailPage({ id }: { id: number }) {
  return (
    <RecordDetail resource={rdInstitutions} id={id} basePath={BASE} title={(r) => r.name}>
      {(r) => <RdInstitutionContent institution={r} />}
    </RecordDetail>
  );
}

function RdInstitutionContent({ institution: r }: { institution: RdInstitution }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const none = t('common.none');
  return (
    <Flex vertical gap="middle">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'name', label: t('rdInstitution.fields.name'), children: r.name },
          { key: 'name_en', label: t('rdInstitution.fields.name_en'), children: r.name_en ?? none },
          { key: 'host', label: t('rdInstitution.fields.host_org_id'), children: <Link to={`/organizations/${r.host_org_id}`}>{r.host_name}</Link> },
          { key: 'category', label: t('rdInstitution.fields.category'), children: label('rd_institution_category', r.category) },
          { key: 'level', label: t('rdInstitution.fields.level'), children: label('level', r.level) },
          { key: 'established_on', label: t('rdInstitution.fields.established_on'), children: r.established_on ?? none },
          { key: 'district_code', label: t('rdInstitution.fields.district_code'), children: label('district', r.district_code) },
          { key: 'zone', label: t('rdInstitution.fields.zone'), children: label('zone', r.zone) },
          { key: 'count', label: t('rdInstitution.fields.global_feature_count'), children: <FeatureCountTag count={r.global_feature_count} /> },
        ]}
      />
      <FourGlobalTable institution={r} />
    </Flex>
  );
}

/** The four features with their evidence and confirmation date; unconfirmed ones are pending. */
function FourGlobalTable({ institution: r }: { institution: RdInstitution }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const none = t('common.none');
  const rows = fourGlobalFeatureCodes.map((f) => ({ feature: f, ...r.four_global[f] }));
  return (
    <Card size="small" title={t('rdInstitution.fourGlobal')} data-testid="four-global">
      <Table
        rowKey="feature"
        size="small"
        pagination={false}
        dataSource={rows}
        columns={[
          { key: 'feature', title: t('rdInstitution.fourGlobal'), render: (_, row) => label('four_global_feature', row.feature), width: 220 },
          { key: 'evidence', title: t('rdInstitution.fields.evidence'), render: (_, row) => row.evidence ?? none },
          {
            key: 'confirmed_on',
            title: t('rdInstitution.fields.confirmed_on'),
            width: 140,
            render: (_, row) => (row.confirmed_on ? <Tag color="green">{row.confirmed_on}</Tag> : <Typography.Text type="secondary">{t('rdInstitution.pending')}</Typography.Text>),
          },
        ]}
      />
    </Card>
  );
}

function useRdInstitutionForm(): FormSpec<RdInstitution, RdInstitutionCreate, RdInstitutionPatch, RdInstitutionValues> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      resource: rdInstitutions,
      basePath: BASE,
      entity: t('rdInstitution.entity'),
      testId: 'rd-institution-form',
      fieldPaths: rdInstitutionFieldPaths,
      toValues: rdInstitutionValues,
      toCreate: rdInstitutionCreate,
      toPatch: rdInstitutionPatch,
      fields: (item?: RdInstitution) => <RdInstitutionFields hostName={item?.host_name} />,
    }),
    [t],
  );
}

function RdInstitutionFields({ hostName }: { hostName: string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('rdInstitution.fields.name')} required>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="name_en" label={t('rdInstitution.fields.name_en')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="host_org_id" label={t('rdInstitution.fields.host_org_id')} required>
            <OrganizationSelect initialName={hostName} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="category" label={t('rdInstitution.fields.category')} required>
            <CodeSelect list="rd_institution_category" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="level" label={t('rdInstitution.fields.level')} required>
            <CodeSelect list="level" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="district_code" label={t('rdInstitution.fields.district_code')} required>
            <CodeSelect list="district" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="zone" label={t('rdInstitution.fields.zone')}>
            <CodeSelect list="zone" allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="established_on" label={t('rdInstitution.fields.established_on')}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('rdInstitution.fourGlobal')}</Typography.Title>
      {fourGlobalFeatureCodes.map((f) => (
        <FeatureClaimFields key={f} feature={f} />
      ))}
    </>
  );
}

function FeatureClaimFields({ feature }: { feature: FourGlobalFeature }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  return (
    <Card size="small" type="inner" title={label('four_global_feature', feature)} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item name={['four_global', feature, 'evidence']} label={t('rdInstitution.fields.evidence')}>
            <Input.TextArea maxLength={2000} autoSize={{ minRows: 1, maxRows: 5 }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={['four_global', feature, 'confirmed_on']} label={t('rdInstitution.fields.confirmed_on')}>
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

export function RdInstitutionCreatePage() {
  return <CreateRecordForm spec={useRdInstitutionForm()} />;
}

export function RdInstitutionEditPage({ id }: { id: number }) {
  return <EditRecordForm spec={useRdInstitutionForm()} id={id} />;
}
