import { Col, Descriptions, Form, Input, Row } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Qualification, QualificationCreate, QualificationPatch } from '../../../../src/contracts/qualifications';
import { qualifications } from '../../api/resources';
import { RecordDetail } from '../../detail/RecordDetail';
import { CodeSelect } from '../../form/CodeSelect';
import { DateInput } from '../../form/DateInput';
import { OrganizationSelect } from '../../form/OrganizationSelect';
import { CreateRecordForm, EditRecordForm, type FormSpec } from '../../form/RecordForm';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import { RegistryList } from '../../list/RegistryList';
import { useQualificationColumns } from './columns';
import { qualificationCreate, qualificationFieldPaths, qualificationPatch, qualificationValues, type QualificationValues } from './model';

const BASE = '/qualifications';

export function QualificationListPage() {
  const { t } = useTranslation();
  const { columns, filters } = useQualificationColumns();
  return <RegistryList resource={qualifications} title={t('qualification.title')} basePath={BASE} columns={columns} filters={filters} searchPlaceholder={t('qualification.searchPlaceholder')} />;
}

export function QualificationDetailPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  return (
    <RecordDetail resource={qualifications} id={id} basePath={BASE} title={(q) => `${q.organization_name} · ${label('qualification', q.qualification)}`}>
      {(q) => (
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'organization', label: t('qualification.fields.organization_id'), children: <Link to={`/organizations/${q.organization_id}`}>{q.organization_name}</Link> },
            { key: 'qualification', label: t('qualification.fields.qualification'), children: label('qualification', q.qualification) },
            { key: 'certificate_no', label: t('qualification.fields.certificate_no'), children: q.certificate_no ?? t('common.none') },
            { key: 'valid_from', label: t('qualification.fields.valid_from'), children: q.valid_from },
            { key: 'valid_to', label: t('qualification.fields.valid_to'), children: q.valid_to ?? t('qualification.openEnded') },
          ]}
        />
      )}
    </RecordDetail>
  );
}

function useQualificationForm(): FormSpec<Qualification, QualificationCreate, QualificationPatch, QualificationValues> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      resource: qualifications,
      basePath: BASE,
      entity: t('qualification.entity'),
      testId: 'qualification-form',
      fieldPaths: qualificationFieldPaths,
      toValues: qualificationValues,
      toCreate: qualificationCreate,
      toPatch: qualificationPatch,
      fields: (item?: Qualification) => <QualificationFields organizationName={item?.organization_name} />,
    }),
    [t],
  );
}

function QualificationFields({ organizationName }: { organizationName: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24}>
        <Form.Item name="organization_id" label={t('qualification.fields.organization_id')} required>
          <OrganizationSelect initialName={organizationName} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="qualification" label={t('qualification.fields.qualification')} required>
          <CodeSelect list="qualification" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="certificate_no" label={t('qualification.fields.certificate_no')}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="valid_from" label={t('qualification.fields.valid_from')} required>
          <DateInput />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="valid_to" label={t('qualification.fields.valid_to')} extra={t('qualification.help.valid_to')}>
          <DateInput />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function QualificationCreatePage() {
  return <CreateRecordForm spec={useQualificationForm()} />;
}

export function QualificationEditPage({ id }: { id: number }) {
  return <EditRecordForm spec={useQualificationForm()} id={id} />;
}
