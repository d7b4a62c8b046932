import { ArrowLeftOutlined, DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Radio, Space, Spin, Steps, Table, Tag, Typography, Upload, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { FileEntity } from '../../../src/contracts/fileColumns';
import type { ImportPreview, ImportRecordReply } from '../../../src/contracts/imports';
import { citywide } from '../../../src/domain/permissions';
import { importTemplateUrl, useImportPreview, useImportRecord, useStartImport } from '../api/imports';
import { useMe } from '../auth/session';
import { useCan } from '../auth/useCan';
import { ProblemAlert } from '../components/ProblemAlert';
import { useCodeLabels } from '../i18n/useCodeLabels';
import { messageSide } from '../i18n/language';
import { ImportProgress } from './ImportProgress';
import { ImportReport } from './ImportReport';
import { areaPhrase, importArea } from './importScope';
import { blocksImport, importableEntities, isRunning, mapHeaders, registryPath } from './importView';
import { ACCEPTED_EXTENSIONS, acceptsFileName, ENCODING_CHOICES, previewFields, uploadFields, uploadFormData, type FileChoice, type ImportMode } from './uploadForm';
import { PageTitle } from '../components/PageTitle';

/** The wizard's steps, in order. */
const STEPS = ['choose', 'preview', 'dryRun', 'progress', 'report'] as const;
type Step = (typeof STEPS)[number];

/**
 * 导入向导: choose entity and file → preview with the column mapping → dry run report and options →
 * confirm → live progress → final report. Every upload sends the same File again, since the server
 * keeps nothing between steps.
 */
export function ImportWizardPage() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('choose');
  const [choice, setChoice] = useState<FileChoice>({ entity: 'organizations', encoding: 'auto', sheet: '' });
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<ImportMode>('upsert');
  const [atomic, setAtomic] = useState(false);
  const [dryRunId, setDryRunId] = useState<number | null>(null);
  const [importId, setImportId] = useState<number | null>(null);
  const preview = useImportPreview();
  const dryRun = useStartImport();
  const realRun = useStartImport();

  const restart = () => {
    setStep('choose');
    setFile(null);
    setDryRunId(null);
    setImportId(null);
    preview.reset();
    dryRun.reset();
    realRun.reset();
  };

  const runPreview = () => {
    if (!file) return;
    preview.mutate({ form: uploadFormData(previewFields(choice), file, file.name) }, { onSuccess: () => setStep('preview') });
  };
  const runDry = (runMode: ImportMode) => {
    if (!file) return;
    const fields = uploadFields(choice, { mode: runMode, atomic, dryRun: true });
    dryRun.mutate({ form: uploadFormData(fields, file, file.name) }, { onSuccess: (r) => (setDryRunId(r.id), setStep('dryRun')) });
  };
  const runReal = () => {
    if (!file) return;
    const fields = uploadFields(choice, { mode, atomic, dryRun: false });
    realRun.mutate({ form: uploadFormData(fields, file, file.name) }, { onSuccess: (r) => (setImportId(r.id), setStep('progress')) });
  };

  return (
    <Flex vertical gap="large">
      <Flex justify="space-between" align="center">
        <PageTitle>{t('imports.newImport')}</PageTitle>
        <Link to="/imports">
          <ArrowLeftOutlined /> {t('imports.toList')}
        </Link>
      </Flex>
      <Steps current={STEPS.indexOf(step)} items={STEPS.map((s) => ({ key: s, title: t(`imports.steps.${s}`) }))} />
      {step === 'choose' && (
        <ChooseStep choice={choice} file={file} onChoice={setChoice} onFile={setFile} error={preview.error} busy={preview.isPending} onNext={runPreview} />
      )}
      {step === 'preview' && preview.data && (
        <PreviewStep entity={choice.entity} preview={preview.data} error={dryRun.error} busy={dryRun.isPending} onBack={() => setStep('choose')} onNext={() => runDry(mode)} />
      )}
      {step === 'dryRun' && dryRunId !== null && (
        <DryRunStep
          id={dryRunId}
          mode={mode}
          atomic={atomic}
          onMode={setMode}
          onAtomic={setAtomic}
          onRerun={() => runDry(mode)}
          rerunning={dryRun.isPending}
          error={realRun.error ?? dryRun.error}
          busy={realRun.isPending}
          onBack={() => setStep('preview')}
          onConfirm={runReal}
        />
      )}
      {step === 'progress' && importId !== null && <ProgressStep id={importId} onDone={() => setStep('report')} />}
      {step === 'report' && importId !== null && <FinalStep id={importId} entity={choice.entity} onAnother={restart} />}
    </Flex>
  );
}

interface ChooseProps {
  choice: FileChoice;
  file: File | null;
  onChoice: (next: FileChoice) => void;
  onFile: (file: File | null) => void;
  error: unknown;
  busy: boolean;
  onNext: () => void;
}

function ChooseStep({ choice, file, onChoice, onFile, error, busy, onNext }: ChooseProps) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  return (
    <Card>
      <Form layout="vertical" style={{ maxWidth: 760 }}>
        <ScopeNotice />
        <Form.Item label={t('imports.entity')}>
          <Radio.Group
            data-testid="import-entity"
            optionType="button"
            buttonStyle="solid"
            value={choice.entity}
            onChange={(e) => onChoice({ ...choice, entity: e.target.value as FileEntity })}
            options={importableEntities(can).map((e) => ({ value: e, label: t(`imports.entities.${e}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('imports.templates')}>
          <Space size="large">
            {(['csv', 'xlsx'] as const).map((format) => (
              <a key={format} href={importTemplateUrl(choice.entity, format, messageSide(i18n.language))} download data-testid={`import-template-${format}`}>
                <DownloadOutlined /> {t(format === 'csv' ? 'imports.templateCsv' : 'imports.templateXlsx')}
              </a>
            ))}
          </Space>
        </Form.Item>
        <Form.Item label={t('imports.file')} extra={t('imports.fileTypes')}>
          <div data-testid="import-file">
            <Upload.Dragger
              accept={ACCEPTED_EXTENSIONS.join(',')}
              maxCount={1}
              fileList={file ? [{ uid: 'chosen', name: file.name, status: 'done', size: file.size }] : []}
              beforeUpload={(f) => {
                if (!acceptsFileName(f.name)) {
                  void message.error(t('imports.badFileType'));
                  return Upload.LIST_IGNORE;
                }
                onFile(f);
                return false; // keep the File; it is sent with each step, never uploaded on its own
              }}
              onRemove={() => onFile(null)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('imports.fileHint')}</p>
            </Upload.Dragger>
          </div>
        </Form.Item>
        <Flex gap="large" wrap>
          <Form.Item label={t('imports.encoding')}>
            <Radio.Group
              data-testid="import-encoding"
              value={choice.encoding}
              onChange={(e) => onChoice({ ...choice, encoding: e.target.value as FileChoice['encoding'] })}
              options={ENCODING_CHOICES.map((c) => ({ value: c, label: t(`imports.encodings.${c}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('imports.sheet')}>
            <Input data-testid="import-sheet" value={choice.sheet} maxLength={100} placeholder={t('imports.sheetPlaceholder')} style={{ width: 280 }} onChange={(e) => onChoice({ ...choice, sheet: e.target.value })} />
          </Form.Item>
        </Flex>
        {error !== null && (
          <div style={{ marginBottom: 16 }}>
            <ProblemAlert error={error} />
          </div>
        )}
        <Button type="primary" data-testid="import-next" disabled={!file} loading={busy} onClick={onNext}>
          {busy ? t('imports.previewing') : t('imports.next')}
        </Button>
      </Form>
    </Card>
  );
}

/** Before the upload, an officer limited to an area (districts and zones) is told that rows outside it will be rejected. */
function ScopeNotice() {
  const { t } = useTranslation();
  const { label, side } = useCodeLabels();
  const area = importArea(useMe().data);
  if (citywide(area)) return null;
  return (
    <Form.Item>
      <Alert type="info" showIcon data-testid="import-scope" title={t('imports.scope.title', { area: areaPhrase(area, label, side) })} description={t('imports.scope.notice')} />
    </Form.Item>
  );
}

type PreviewRow = ImportPreview['rows'][number];

interface PreviewProps {
  entity: FileEntity;
  preview: ImportPreview;
  error: unknown;
  busy: boolean;
  onBack: () => void;
  onNext: () => void;
}

function PreviewStep({ entity, preview, error, busy, onBack, onNext }: PreviewProps) {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const none = t('common.none');
  const headers = mapHeaders(entity, preview.columns ?? [], side);
  const columns: TableProps<PreviewRow>['columns'] = [
    { key: 'line', title: t('imports.line'), width: 70, fixed: 'start', render: (_, r) => r.line },
    ...headers.map((h, i) => ({
      key: `c${i}`,
      title: (
        <Flex vertical gap={2}>
          <span>{h.header}</span>
          {h.label === null ? (
            <Tag color="warning" style={{ width: 'fit-content' }}>
              {t('imports.ignored')}
            </Tag>
          ) : (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
              → {h.label}
              {h.required ? ' *' : ''}
            </Typography.Text>
          )}
        </Flex>
      ),
      ellipsis: true,
      width: 160,
      render: (_: unknown, r: PreviewRow) => r.cells[i] ?? '',
    })),
  ];
  const blocked = blocksImport(preview);
  return (
    <Card>
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">{t('imports.previewInfo', { format: preview.format ?? none, encoding: preview.encoding ?? none, sheet: preview.sheet ?? none })}</Typography.Text>
        {preview.file_problems.length > 0 && (
          <Alert
            type={blocked ? 'error' : 'warning'}
            showIcon
            data-testid="import-file-problems"
            title={t('imports.fileProblems')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {preview.file_problems.map((p, i) => (
                  <li key={i}>
                    {p.column ? `${p.column}: ` : ''}
                    {p.message[side]}
                  </li>
                ))}
                {blocked && <li>{t('imports.fileErrorsBlock')}</li>}
              </ul>
            }
          />
        )}
        <Typography.Text>{preview.rows.length > 0 ? t('imports.previewRows', { count: preview.rows.length }) : t('imports.noRows')}</Typography.Text>
        <Table<PreviewRow>
          data-testid="import-preview-table"
          size="small"
          bordered
          rowKey="line"
          columns={columns}
          dataSource={preview.rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
        {error !== null && <ProblemAlert error={error} />}
        <Space>
          <Button onClick={onBack}>{t('imports.previous')}</Button>
          <Button type="primary" data-testid="import-next" disabled={blocked || preview.rows.length === 0} loading={busy} onClick={onNext}>
            {t('imports.next')}
          </Button>
        </Space>
      </Flex>
    </Card>
  );
}

interface DryRunProps {
  id: number;
  mode: ImportMode;
  atomic: boolean;
  onMode: (mode: ImportMode) => void;
  onAtomic: (atomic: boolean) => void;
  onRerun: () => void;
  rerunning: boolean;
  error: unknown;
  busy: boolean;
  onBack: () => void;
  onConfirm: () => void;
}

function DryRunStep({ id, mode, atomic, onMode, onAtomic, onRerun, rerunning, error, busy, onBack, onConfirm }: DryRunProps) {
  const { t } = useTranslation();
  const { data: record, error: loadError, dataUpdatedAt } = useImportRecord(id);
  if (loadError) return <ProblemAlert error={loadError} />;
  if (!record) return <Spin />;
  if (isRunning(record.status)) return <Card title={t('imports.dryRunning')}>{<ImportProgress record={record} receivedAt={dataUpdatedAt} />}</Card>;
  // The dry run counted with one mode; another mode can reject differently, so it must run again.
  const stale = record.options.mode !== mode;
  const usable = record.status === 'succeeded' || record.status === 'rejected';
  return (
    <Flex vertical gap="middle">
      <Card title={t('imports.dryRunTitle')}>
        <ImportReport record={record} testId="import-dry-run-report" />
      </Card>
      <Card title={t('imports.options')}>
        <Form layout="vertical">
          <Form.Item label={t('imports.mode')}>
            <Radio.Group data-testid="import-mode" value={mode} onChange={(e) => onMode(e.target.value as ImportMode)} options={(['upsert', 'insert'] as const).map((m) => ({ value: m, label: t(`imports.modes.${m}`) }))} />
          </Form.Item>
          <Form.Item extra={t('imports.atomicHelp')}>
            <Checkbox data-testid="import-atomic" checked={atomic} onChange={(e) => onAtomic(e.target.checked)}>
              {t('imports.atomic')}
            </Checkbox>
          </Form.Item>
        </Form>
        <Flex vertical gap="small">
          {stale && (
            <Alert type="info" showIcon title={t('imports.modeChanged')} action={<Button size="small" loading={rerunning} onClick={onRerun}>{t('imports.rerunDryRun')}</Button>} />
          )}
          {!stale && record.rejected > 0 && <RejectionAlert record={record} atomic={atomic} />}
          {error !== null && <ProblemAlert error={error} />}
          <Space>
            <Button onClick={onBack}>{t('imports.previous')}</Button>
            <Button type="primary" data-testid="import-confirm" disabled={stale || !usable} loading={busy} onClick={onConfirm}>
              {t('imports.confirm')}
            </Button>
          </Space>
        </Flex>
      </Card>
    </Flex>
  );
}

function RejectionAlert({ record, atomic }: { record: ImportRecordReply; atomic: boolean }) {
  const { t } = useTranslation();
  return <Alert type={atomic ? 'error' : 'warning'} showIcon title={t(atomic ? 'imports.atomicWarning' : 'imports.partialWarning', { count: record.rejected })} />;
}

function ProgressStep({ id, onDone }: { id: number; onDone: () => void }) {
  const { data: record, error, dataUpdatedAt } = useImportRecord(id);
  const done = record !== undefined && !isRunning(record.status);
  useEffect(() => {
    if (done) onDone();
  }, [done, onDone]);
  if (error) return <ProblemAlert error={error} />;
  return <Card>{record ? <ImportProgress record={record} receivedAt={dataUpdatedAt} /> : <Spin />}</Card>;
}

function FinalStep({ id, entity, onAnother }: { id: number; entity: FileEntity; onAnother: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: record, error } = useImportRecord(id);
  if (error) return <ProblemAlert error={error} />;
  if (!record) return <Spin />;
  return (
    <Card title={t('imports.reportTitle')}>
      <Flex vertical gap="middle">
        <ImportReport record={record} testId="import-final-report" />
        <Space>
          <Button data-testid="import-another" onClick={onAnother}>
            {t('imports.importAnother')}
          </Button>
          <Button type="primary" data-testid="import-go-to-list" onClick={() => navigate(registryPath(entity))}>
            {t('imports.goToList')}
          </Button>
        </Space>
      </Flex>
    </Card>
  );
}
