import { Checkbox, Col, Descriptions, Flex, Form, Input, InputNumber, Row, Space, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Achievement, AchievementCreate, AchievementPatch, Incubation, IncubationCreate, IncubationPatch, Project, ProjectCreate, ProjectPatch, Transfer, TransferCreate, TransferPatch } from '../../../../src/contracts/achievements';
import { achievementFlagCodes } from '../../../../src/domain/achievement';
import { achievements, incubations, organizations, platforms, projects, rdInstitutions, techContracts, transfers } from '../../api/resources';
import { RecordDetail } from '../../detail/RecordDetail';
import { MatchPanel } from '../../matching/MatchPanel';
import { CodeSelect } from '../../form/CodeSelect';
import { DateInput } from '../../form/DateInput';
import { CreateRecordForm, EditRecordForm, type FormSpec } from '../../form/RecordForm';
import { useCodeLabels } from '../../i18n/useCodeLabels';
import type { LabelledFilter } from '../../list/FilterBar';
import { RegistryList, type ListColumn } from '../../list/RegistryList';
import { formatYuan, formatYuanExact } from '../techContracts/money';
import type { zhCN } from '../../i18n/zh-CN';
import { FlagTags, Money, useAchievementColumns, useIncubationColumns, useLabels, useProjectColumns, useTransferColumns } from './columns';
import * as m from './model';
import { RecordSelect } from './RecordSelect';

/**
 * Key-technology projects, achievements, transfers and incubations (攻关项目、科技成果、成果转化、
 * 孵化企业): list, detail and form pages of each, in zh/en.
 */

const byName = (x: { name: string }) => x.name;
const byTitle = (x: { title: string }) => x.title;
const orgLink = (id: number, name: string) => <Link to={`/organizations/${id}`}>{name}</Link>;

// ── Projects ──────────────────────────────────────────────────────────────────────────────────
export function ProjectListPage() {
  const { t } = useTranslation();
  const { columns, filters } = useProjectColumns();
  return <RegistryList resource={projects} title={t('achievementRegistry.project.title')} basePath="/projects" columns={columns} filters={filters} searchPlaceholder={t('achievementRegistry.searchPlaceholder')} />;
}

export function ProjectDetailPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { label, side } = useCodeLabels();
  const f = useLabels('project');
  return (
    <RecordDetail resource={projects} id={id} basePath="/projects" title={(p) => p.title}>
      {(p) => (
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'lead', label: f('lead_org_id'), children: orgLink(p.lead_org_id, p.lead_name) },
            { key: 'partners', label: f('partner_org_ids'), children: p.partner_org_ids.length ? <Space wrap>{p.partner_org_ids.map((o) => <Link key={o} to={`/organizations/${o}`}>#{o}</Link>)}</Space> : t('common.none') },
            { key: 'programme', label: f('programme'), children: p.programme_name[side] },
            { key: 'budget', label: f('budget'), children: <Money value={p.budget} /> },
            { key: 'start_on', label: f('start_on'), children: p.start_on },
            { key: 'end_on', label: f('end_on'), children: p.end_on },
            { key: 'status', label: f('status'), children: label('project_status', p.status) },
            { key: 'host', label: f('platform_id'), children: p.host_name ?? t('common.none') },
            { key: 'district_code', label: f('district_code'), children: label('district', p.district_code) },
            { key: 'zone', label: f('zone'), children: label('zone', p.zone) },
          ]}
        />
      )}
    </RecordDetail>
  );
}

function useProjectForm(): FormSpec<Project, ProjectCreate, ProjectPatch, m.ProjectValues> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      resource: projects,
      basePath: '/projects',
      entity: t('achievementRegistry.project.entity'),
      testId: 'project-form',
      fieldPaths: m.projectFieldPaths,
      toValues: m.projectValues,
      toCreate: m.projectCreate,
      toPatch: m.projectPatch,
      fields: (p?: Project) => <ProjectFields project={p} />,
    }),
    [t],
  );
}

function ProjectFields({ project: p }: { project: Project | undefined }) {
  const { t } = useTranslation();
  const f = useLabels('project');
  return (
    <Row gutter={16}>
      <Col xs={24}>
        <Form.Item name="title" label={f('title')} required>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="lead_org_id" label={f('lead_org_id')} required>
          <RecordSelect resource={organizations} label={byName} known={p ? { [p.lead_org_id]: p.lead_name } : undefined} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="partner_org_ids" label={f('partner_org_ids')}>
          <RecordSelect multiple resource={organizations} label={byName} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="programme" label={f('programme')} required>
          <CodeSelect list="programme" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="budget" label={f('budget')} required extra={t('techContract.amountHint')}>
          <Input inputMode="decimal" suffix={t('techContract.yuan')} maxLength={32} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="status" label={f('status')} required>
          <CodeSelect list="project_status" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="start_on" label={f('start_on')} required>
          <DateInput />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="end_on" label={f('end_on')} required>
          <DateInput />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="platform_id" label={f('platform_id')}>
          <RecordSelect resource={platforms} label={byName} known={p?.platform_id ? { [p.platform_id]: p.host_name ?? '' } : undefined} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export const ProjectCreatePage = () => <CreateRecordForm spec={useProjectForm()} />;
export const ProjectEditPage = ({ id }: { id: number }) => <EditRecordForm spec={useProjectForm()} id={id} />;

// ── Achievements ──────────────────────────────────────────────────────────────────────────────
export function AchievementListPage() {
  const { t } = useTranslation();
  const { columns, filters } = useAchievementColumns();
  return <RegistryList resource={achievements} title={t('achievementRegistry.achievement.title')} basePath="/achievements" columns={columns} filters={filters} searchPlaceholder={t('achievementRegistry.searchPlaceholder')} />;
}

export function AchievementDetailPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { label, side } = useCodeLabels();
  const f = useLabels('achievement');
  return (
    <RecordDetail resource={achievements} id={id} basePath="/achievements" title={(a) => a.title}>
      {(a) => (
        <Flex vertical gap="middle">
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'type', label: f('type'), children: a.type_name[side] },
              { key: 'year', label: f('year'), children: a.year },
              { key: 'owner', label: f('owner_org_id'), children: orgLink(a.owner_org_id, a.owner_name) },
              { key: 'others', label: f('other_org_ids'), children: a.organization_ids.length > 1 ? <Space wrap>{a.organization_ids.slice(1).map((o) => <Link key={o} to={`/organizations/${o}`}>#{o}</Link>)}</Space> : t('common.none') },
              { key: 'flags', label: f('flags'), children: <FlagTags a={a} />, span: 2 },
              { key: 'host', label: f('host'), children: a.host_name ?? t('common.none') },
              { key: 'project', label: f('project_id'), children: a.project_id === null ? t('common.none') : <Link to={`/projects/${a.project_id}`}>#{a.project_id}</Link> },
              { key: 'district_code', label: f('district_code'), children: label('district', a.district_code) },
              { key: 'zone', label: f('zone'), children: label('zone', a.zone) },
              { key: 'evidence', label: f('evidence'), children: a.evidence ?? t('common.none'), span: 2 },
            ]}
          />
          <MatchPanel question="achievement-enterprises" id={a.id} />
        </Flex>
      )}
    </RecordDetail>
  );
}

function useAchievementForm(): FormSpec<Achievement, AchievementCreate, AchievementPatch, m.AchievementValues> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      resource: achievements,
      basePath: '/achievements',
      entity: t('achievementRegistry.achievement.entity'),
      testId: 'achievement-form',
      fieldPaths: m.achievementFieldPaths,
      toValues: m.achievementValues,
      toCreate: m.achievementCreate,
      toPatch: m.achievementPatch,
      fields: (a?: Achievement) => <AchievementFields achievement={a} />,
    }),
    [t],
  );
}

function AchievementFields({ achievement: a }: { achievement: Achievement | undefined }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const f = useLabels('achievement');
  return (
    <Row gutter={16}>
      <Col xs={24} md={16}>
        <Form.Item name="title" label={f('title')} required>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name="type" label={f('type')} required>
          <CodeSelect list="achievement_type" />
        </Form.Item>
      </Col>
      <Col xs={12} md={4}>
        <Form.Item name="year" label={f('year')} required>
          <InputNumber min={1949} max={9999} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="owner_org_id" label={f('owner_org_id')} required extra={t('achievementRegistry.ownerHint')}>
          <RecordSelect resource={organizations} label={byName} known={a ? { [a.owner_org_id]: a.owner_name } : undefined} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="other_org_ids" label={f('other_org_ids')}>
          <RecordSelect multiple resource={organizations} label={byName} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="flags" label={f('flags')}>
          <Checkbox.Group options={achievementFlagCodes.map((flag) => ({ value: flag, label: label('achievement_flag', flag) }))} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name="evidence" label={f('evidence')} extra={t('achievementRegistry.evidenceHint')}>
          <Input.TextArea maxLength={4000} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="project_id" label={f('project_id')}>
          <RecordSelect resource={projects} label={byTitle} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export const AchievementCreatePage = () => <CreateRecordForm spec={useAchievementForm()} />;
export const AchievementEditPage = ({ id }: { id: number }) => <EditRecordForm spec={useAchievementForm()} id={id} />;

// ── Transfers ─────────────────────────────────────────────────────────────────────────────────
export function TransferListPage() {
  const { t } = useTranslation();
  const { columns, filters } = useTransferColumns();
  return <RegistryList resource={transfers} title={t('achievementRegistry.transfer.title')} basePath="/transfers" columns={columns} filters={filters} searchPlaceholder={t('achievementRegistry.searchPlaceholder')} />;
}

export function TransferDetailPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const f = useLabels('transfer');
  return (
    <RecordDetail resource={transfers} id={id} basePath="/transfers" title={(x) => x.achievement_title}>
      {(x) => (
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'achievement', label: f('achievement_id'), children: <Link to={`/achievements/${x.achievement_id}`}>{x.achievement_title}</Link> },
            { key: 'owner', label: f('owner_org_id'), children: orgLink(x.owner_org_id, x.owner_name) },
            { key: 'receiver', label: f('receiver_org_id'), children: orgLink(x.receiver_org_id, x.receiver_name) },
            { key: 'mode', label: f('mode'), children: label('transfer_mode', x.mode) },
            { key: 'amount', label: f('amount'), children: <Money value={x.amount} /> },
            { key: 'transferred_on', label: f('transferred_on'), children: x.transferred_on },
            { key: 'contract', label: f('tech_contract_id'), children: x.tech_contract_id === null ? t('common.none') : <Link to={`/tech-contracts/${x.tech_contract_id}`}>#{x.tech_contract_id}</Link> },
            { key: 'district_code', label: f('district_code'), children: label('district', x.district_code) },
          ]}
        />
      )}
    </RecordDetail>
  );
}

function useTransferForm(): FormSpec<Transfer, TransferCreate, TransferPatch, m.TransferValues> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      resource: transfers,
      basePath: '/transfers',
      entity: t('achievementRegistry.transfer.entity'),
      testId: 'transfer-form',
      fieldPaths: m.transferFieldPaths,
      toValues: m.transferValues,
      toCreate: m.transferCreate,
      toPatch: m.transferPatch,
      fields: (x?: Transfer) => <TransferFields transfer={x} />,
    }),
    [t],
  );
}

function TransferFields({ transfer: x }: { transfer: Transfer | undefined }) {
  const { t } = useTranslation();
  const f = useLabels('transfer');
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="achievement_id" label={f('achievement_id')} required>
          <RecordSelect resource={achievements} label={byTitle} known={x ? { [x.achievement_id]: x.achievement_title } : undefined} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="receiver_org_id" label={f('receiver_org_id')} required>
          <RecordSelect resource={organizations} label={byName} known={x ? { [x.receiver_org_id]: x.receiver_name } : undefined} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="mode" label={f('mode')} required>
          <CodeSelect list="transfer_mode" />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="amount" label={f('amount')} required extra={t('techContract.amountHint')}>
          <Input inputMode="decimal" suffix={t('techContract.yuan')} maxLength={32} />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name="transferred_on" label={f('transferred_on')} required>
          <DateInput />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="tech_contract_id" label={f('tech_contract_id')} extra={t('achievementRegistry.contractHint')}>
          <RecordSelect resource={techContracts} label={(c) => `${c.contract_number} ${c.title}`} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export const TransferCreatePage = () => <CreateRecordForm spec={useTransferForm()} />;
export const TransferEditPage = ({ id }: { id: number }) => <EditRecordForm spec={useTransferForm()} id={id} />;

// ── Incubations ───────────────────────────────────────────────────────────────────────────────
export function IncubationListPage() {
  const { t } = useTranslation();
  const { columns, filters } = useIncubationColumns();
  return <RegistryList resource={incubations} title={t('achievementRegistry.incubation.title')} basePath="/incubations" columns={columns} filters={filters} searchPlaceholder={t('achievementRegistry.searchPlaceholder')} />;
}

export function IncubationDetailPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { label } = useCodeLabels();
  const f = useLabels('incubation');
  return (
    <RecordDetail resource={incubations} id={id} basePath="/incubations" title={(x) => x.enterprise_name}>
      {(x) => (
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'enterprise', label: f('enterprise_org_id'), children: orgLink(x.enterprise_org_id, x.enterprise_name) },
            { key: 'incubated_on', label: f('incubated_on'), children: x.incubated_on },
            { key: 'achievement', label: f('achievement_id'), children: x.achievement_id === null ? t('common.none') : <Link to={`/achievements/${x.achievement_id}`}>{x.achievement_title}</Link> },
            { key: 'institution', label: f('rd_institution_id'), children: x.rd_institution_id === null ? t('common.none') : <Link to={`/rd-institutions/${x.rd_institution_id}`}>{x.rd_institution_name}</Link> },
            { key: 'owner', label: f('owner_org_id'), children: orgLink(x.owner_org_id, x.owner_name) },
            { key: 'district_code', label: f('district_code'), children: label('district', x.district_code) },
          ]}
        />
      )}
    </RecordDetail>
  );
}

function useIncubationForm(): FormSpec<Incubation, IncubationCreate, IncubationPatch, m.IncubationValues> {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      resource: incubations,
      basePath: '/incubations',
      entity: t('achievementRegistry.incubation.entity'),
      testId: 'incubation-form',
      fieldPaths: m.incubationFieldPaths,
      toValues: m.incubationValues,
      toCreate: m.incubationCreate,
      toPatch: m.incubationPatch,
      fields: (x?: Incubation) => <IncubationFields incubation={x} />,
    }),
    [t],
  );
}

function IncubationFields({ incubation: x }: { incubation: Incubation | undefined }) {
  const { t } = useTranslation();
  const f = useLabels('incubation');
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name="enterprise_org_id" label={f('enterprise_org_id')} required>
          <RecordSelect resource={organizations} label={byName} known={x ? { [x.enterprise_org_id]: x.enterprise_name } : undefined} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="incubated_on" label={f('incubated_on')} required>
          <DateInput />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="achievement_id" label={f('achievement_id')} extra={t('achievementRegistry.sourceHint')}>
          <RecordSelect resource={achievements} label={byTitle} known={x?.achievement_id ? { [x.achievement_id]: x.achievement_title ?? '' } : undefined} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="rd_institution_id" label={f('rd_institution_id')}>
          <RecordSelect resource={rdInstitutions} label={byName} known={x?.rd_institution_id ? { [x.rd_institution_id]: x.rd_institution_name ?? '' } : undefined} />
        </Form.Item>
      </Col>
    </Row>
  );
}

export const IncubationCreatePage = () => <CreateRecordForm spec={useIncubationForm()} />;
export const IncubationEditPage = ({ id }: { id: number }) => <EditRecordForm spec={useIncubationForm()} id={id} />;
