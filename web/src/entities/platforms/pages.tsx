import { Col, Descriptions, Form, Input, Row, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Platform, PlatformCreate, PlatformPatch } from '../../../../src/contracts/platforms';
import { platforms } from '../../api/resources';
import { RecordDetail } from '../../detail/RecordDetail';
import { CodeSelect } from '../../form/CodeSelect';
import { DateInput } from '../../form/DateInput';
import { OrganizationSelect } from '../../form/OrganizationSelect';
import { CreateRecordForm, EditRecordForm, type FormSpec } from '../../form/RecordForm';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import { RegistryList } from '../../list/RegistryList';
import { statusColor, usePlatformColumns } from './columns';
import { platformCreate, platformFieldPaths, platformPatch, platformValues, type PlatformValues } from './model';

const BASE = '/platforms';

export function PlatformListPage() {
  const { t } = useTranslation();
  const { columns, filters } = usePlatformColumns();
  return <RegistryList resource={platforms} title={t('platform.title')} basePath={BASE} columns={columns} filters={filters} searchPlaceholder={t('list.searchPlaceholder')} />;
}

export function PlatformDetailPage({ id }: { id: number }) {
  return (
    <RecordDetail resource={platforms} id={id} basePath={BASE} title={(p) => p.name}>
      {(p) => <PlatformContent platform={p} />}
    </RecordDetail>
  );
}

function PlatformContent({ platform: p }: { platform: Platform }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const none = t('common.none');
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'name', label: t('platform.fields.name'), children: p.name },
        { key: 'name_en', label: t('platform.fields.name_en'), children: p.name_en ?? none },
        { key: 'host', label: t('platform.fields.host_org_id'), children: <Link to={`/organizations/${p.host_org_id}`}>{p.host_name}</Link> },
        { key: 'type', label: t('platform.fields.type'), children: label('platform_type', p.type) },
        { key: 'level', label: t('platform.fields.level'), children: label('level', p.level) },
        { key: 'status', label: t('platform.fields.status'), children: <Tag color={statusColor[p.status]}>{label('platform_status', p.status)}</Tag> },
        { key: 'recognized_on', label: t('platform.fields.recognized_on'), children: p.recognized_on ?? none },
        { key: 'authority', label: t('platform.fields.authority'), children: p.authority ?? none },
        { key: 'district_code', label: t('platform.fields.district_code'), children: label('district', p.district_code) },
        { key: 'zone', label: t('platform.fields.zone'), children: label('zone', p.zone) },
      ]}
    />
  );
}

function usePlatformForm(): FormSpec<Platform, PlatformCreate, PlatformPatch, PlatformValues> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      resource: platforms,
      basePath: BASE,
      entity: t('platform.entity'),
      testId: 'platform-form',
      fieldPaths: platformFieldPaths,
      toValues: platformValues,
      toCreate: platformCreate,
      toPatch: platformPatch,
      fields: (item?: Platform) => <PlatformFields hostName={item?.host_name} />,
    }),
    [t],
  );
}

function PlatformFields({ hostName }: { hostName: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="name" label={t('platform.fields.name')} required>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="name_en" label={t('platform.fields.name_en')}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="host_org_id" label={t('platform.fields.host_org_id')} required>
          <OrganizationSelect initialName={hostName} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="type" label={t('platform.fields.type')} required>
          <CodeSelect list="platform_type" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="level" label={t('platform.fields.level')} required>
          <CodeSelect list="level" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="status" label={t('platform.fields.status')} required>
          <CodeSelect list="platform_status" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="recognized_on" label={t('platform.fields.recognized_on')}>
          <DateInput />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="authority" label={t('platform.fields.authority')}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="district_code" label={t('platform.fields.district_code')} required>
          <CodeSelect list="district" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="zone" label={t('platform.fields.zone')}>
          <CodeSelect list="zone" allowClear />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function PlatformCreatePage() {
  return <CreateRecordForm spec={usePlatformForm()} />;
}

export function PlatformEditPage({ id }: { id: number }) {
  return <EditRecordForm spec={usePlatformForm()} id={id} />;
}
