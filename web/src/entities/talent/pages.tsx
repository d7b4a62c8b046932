import { Alert, Col, Descriptions, Form, Input, InputNumber, Row, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecruitmentCall, RecruitmentCallCreate, RecruitmentCallPatch, TalentIntroduction, TalentIntroductionCreate, TalentIntroductionPatch } from '../../../../src/contracts/talent';
import { recruitmentCalls, talentIntroductions } from '../../api/resources';
import { RecordDetail } from '../../detail/RecordDetail';
import { CodeSelect } from '../../form/CodeSelect';
import { DateInput } from '../../form/DateInput';
import { OrganizationSelect } from '../../form/OrganizationSelect';
import { CreateRecordForm, EditRecordForm, type FormSpec } from '../../form/RecordForm';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import { RegistryList } from '../../list/RegistryList';
import { callStatusColor, PersonName, useRecruitmentCallColumns, useTalentIntroductionColumns } from './columns';
import {
  callCreate,
  callFieldPaths,
  callPatch,
  callValues,
  editsPersonalData,
  introductionCreate,
  introductionFieldPaths,
  introductionPatch,
  introductionValues,
  shownPersonal,
  type CallValues,
  type IntroductionValues,
} from './model';

const INTRODUCTIONS = '/talent-introductions';
const CALLS = '/recruitment-calls';

export function TalentIntroductionListPage() {
  const { t } = useTranslation();
  const { columns, filters } = useTalentIntroductionColumns();
  return <RegistryList resource={talentIntroductions} title={t('talent.title')} basePath={INTRODUCTIONS} columns={columns} filters={filters} searchPlaceholder={t('talent.searchPlaceholder')} />;
}

export function TalentIntroductionDetailPage({ id }: { id: number }) {
  return (
    <RecordDetail resource={talentIntroductions} id={id} basePath={INTRODUCTIONS} title={(r) => r.person_name}>
      {(r) => <IntroductionContent item={r} />}
    </RecordDetail>
  );
}

function IntroductionContent({ item: r }: { item: TalentIntroduction }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const none = t('common.none');
  const hidden = t('talent.hidden');
  return (
    <>
      {r.personal_data === 'masked' && <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('talent.maskedNotice')} />}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'person_name', label: t('talent.fields.person_name'), children: <PersonName item={r} /> },
          { key: 'category', label: t('talent.fields.category'), children: label('talent_category', r.category) },
          { key: 'mode', label: t('talent.fields.mode'), children: label('talent_mode', r.mode) },
          { key: 'host', label: t('talent.fields.host_org_id'), children: <Link to={`/organizations/${r.host_org_id}`}>{r.host_name}</Link> },
          { key: 'introduced_on', label: t('talent.fields.introduced_on'), children: r.introduced_on },
          { key: 'field', label: t('talent.fields.field'), children: r.field ?? none },
          { key: 'phone', label: t('talent.fields.phone'), children: shownPersonal(r, r.phone, hidden, none) },
          { key: 'email', label: t('talent.fields.email'), children: shownPersonal(r, r.email, hidden, none) },
          { key: 'id_number', label: t('talent.fields.id_number'), children: shownPersonal(r, r.id_number, hidden, none) },
          { key: 'district_code', label: t('talent.fields.district_code'), children: label('district', r.district_code) },
          { key: 'zone', label: t('talent.fields.zone'), children: label('zone', r.zone) },
        ]}
      />
    </>
  );
}

function useIntroductionForm(): FormSpec<TalentIntroduction, TalentIntroductionCreate, TalentIntroductionPatch, IntroductionValues> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      resource: talentIntroductions,
      basePath: INTRODUCTIONS,
      entity: t('talent.entity'),
      testId: 'talent-introduction-form',
      fieldPaths: introductionFieldPaths,
      toValues: introductionValues,
      toCreate: introductionCreate,
      toPatch: introductionPatch,
      fields: (item?: TalentIntroduction) => <IntroductionFields item={item} />,
    }),
    [t],
  );
}

function IntroductionFields({ item }: { item: TalentIntroduction | undefined }) {
  const { t } = useTranslation();
  // A masked record's personal fields are not offered: the form would show stars, not the person.
  const personal = editsPersonalData(item);
  return (
    <Row gutter={16}>
      {personal ? (
        <>
          <Col xs={24} md={12}>
            <Form.Item name="person_name" label={t('talent.fields.person_name')} required>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="id_number" label={t('talent.fields.id_number')} extra={t('talent.idNumberHint')}>
              <Input maxLength={18} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('talent.fields.phone')}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="email" label={t('talent.fields.email')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </>
      ) : (
        <Col xs={24}>
          <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('talent.maskedNotice')} />
        </Col>
      )}
      <Col xs={24}>
        <Form.Item name="host_org_id" label={t('talent.fields.host_org_id')} required>
          <OrganizationSelect initialName={item?.host_name} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="category" label={t('talent.fields.category')} required>
          <CodeSelect list="talent_category" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="mode" label={t('talent.fields.mode')} required>
          <CodeSelect list="talent_mode" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="introduced_on" label={t('talent.fields.introduced_on')} required>
          <DateInput />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="field" label={t('talent.fields.field')}>
          <Input maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="district_code" label={t('talent.fields.district_code')} extra={t('talent.placeHint')}>
          <CodeSelect list="district" allowClear />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="zone" label={t('talent.fields.zone')}>
          <CodeSelect list="zone" allowClear />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function TalentIntroductionCreatePage() {
  return <CreateRecordForm spec={useIntroductionForm()} />;
}

export function TalentIntroductionEditPage({ id }: { id: number }) {
  return <EditRecordForm spec={useIntroductionForm()} id={id} />;
}

// ── Recruitment calls ─────────────────────────────────────────────────────────────────────────

export function RecruitmentCallListPage() {
  const { t } = useTranslation();
  const { columns, filters } = useRecruitmentCallColumns();
  return <RegistryList resource={recruitmentCalls} title={t('recruitmentCall.title')} basePath={CALLS} columns={columns} filters={filters} searchPlaceholder={t('recruitmentCall.searchPlaceholder')} />;
}

export function RecruitmentCallDetailPage({ id }: { id: number }) {
  return (
    <RecordDetail resource={recruitmentCalls} id={id} basePath={CALLS} title={(c) => c.title}>
      {(c) => <CallContent call={c} />}
    </RecordDetail>
  );
}

function CallContent({ call: c }: { call: RecruitmentCall }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const none = t('common.none');
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'title', label: t('recruitmentCall.fields.title'), children: c.title },
        { key: 'org', label: t('recruitmentCall.fields.org_id'), children: <Link to={`/organizations/${c.org_id}`}>{c.org_name}</Link> },
        { key: 'positions', label: t('recruitmentCall.fields.positions'), children: c.positions },
        { key: 'status', label: t('recruitmentCall.fields.status'), children: <Tag color={callStatusColor[c.status]}>{label('recruitment_call_status', c.status)}</Tag> },
        { key: 'published_on', label: t('recruitmentCall.fields.published_on'), children: c.published_on ?? none },
        { key: 'deadline', label: t('recruitmentCall.fields.deadline'), children: c.deadline },
        { key: 'description', label: t('recruitmentCall.fields.description'), span: 2, children: c.description ?? none },
        { key: 'district_code', label: t('recruitmentCall.fields.district_code'), children: label('district', c.district_code) },
        { key: 'zone', label: t('recruitmentCall.fields.zone'), children: label('zone', c.zone) },
      ]}
    />
  );
}

function useCallForm(): FormSpec<RecruitmentCall, RecruitmentCallCreate, RecruitmentCallPatch, CallValues> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      resource: recruitmentCalls,
      basePath: CALLS,
      entity: t('recruitmentCall.entity'),
      testId: 'recruitment-call-form',
      fieldPaths: callFieldPaths,
      toValues: callValues,
      toCreate: callCreate,
      toPatch: callPatch,
      fields: (item?: RecruitmentCall) => <CallFields orgName={item?.org_name} />,
    }),
    [t],
  );
}

function CallFields({ orgName }: { orgName: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24}>
        <Form.Item name="title" label={t('recruitmentCall.fields.title')} required>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="org_id" label={t('recruitmentCall.fields.org_id')} required>
          <OrganizationSelect initialName={orgName} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="positions" label={t('recruitmentCall.fields.positions')} required>
          <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="published_on" label={t('recruitmentCall.fields.published_on')}>
          <DateInput />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="deadline" label={t('recruitmentCall.fields.deadline')} required>
          <DateInput />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="description" label={t('recruitmentCall.fields.description')}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="district_code" label={t('recruitmentCall.fields.district_code')}>
          <CodeSelect list="district" allowClear />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="zone" label={t('recruitmentCall.fields.zone')}>
          <CodeSelect list="zone" allowClear />
        </Form.Item>
      </Col>
    </Row>
  );
}

export function RecruitmentCallCreatePage() {
  return <CreateRecordForm spec={useCallForm()} />;
}

export function RecruitmentCallEditPage({ id }: { id: number }) {
  return <EditRecordForm spec={useCallForm()} id={id} />;
}
