import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Statistic, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRecordReply } from '../../../src/contracts/imports';
import { citywide } from '../../../src/domain/permissions';
import { importReportUrl, useImportProblems, type ImportProblemPage } from '../api/imports';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatTimestamp } from '../detail/format';
import { messageSide } from '../i18n/language';
import { useCodeLabels } from '../i18n/useCodeLabels';
import { areaPhrase } from './importScope';
import { isRunning, PROBLEM_PAGE_SIZES, problemPageQuery, STATUS_COLORS } from './importView';

type Problem = ImportProblemPage['results'][number];

export function ImportStatusTag({ record }: { record: ImportRecordReply }) {
  const { t } = useTranslation();
  return (
    <Flex gap={4} wrap>
      <Tag color={STATUS_COLORS[record.status]} data-testid="import-status">
        {t(`imports.statuses.${record.status}`)}
      </Tag>
      {record.options.dry_run && <Tag>{t('imports.dryRun')}</Tag>}
    </Flex>
  );
}

/** Read, inserted, updated, unchanged, rejected; a dry run says what would happen. */
export function ImportCounts({ record }: { record: ImportRecordReply }) {
  const { t } = useTranslation();
  const would = record.options.dry_run;
  const items = [
    { key: 'read', title: t('imports.counts.read'), value: record.read },
    { key: 'inserted', title: would ? t('imports.wouldCounts.inserted') : t('imports.counts.inserted'), value: record.inserted },
    { key: 'updated', title: would ? t('imports.wouldCounts.updated') : t('imports.counts.updated'), value: record.updated },
    { key: 'unchanged', title: would ? t('imports.wouldCounts.unchanged') : t('imports.counts.unchanged'), value: record.unchanged },
    { key: 'rejected', title: would ? t('imports.wouldCounts.rejected') : t('imports.counts.rejected'), value: record.rejected },
  ];
  return (
    <Flex gap="large" wrap>
      {items.map((i) => (
        <Card key={i.key} size="small" style={{ minWidth: 120 }} data-testid={`import-count-${i.key}`}>
          <Statistic title={i.title} value={i.value} styles={i.key === 'rejected' && i.value > 0 ? { content: { color: '#cf1322' } } : {}} />
        </Card>
      ))}
    </Flex>
  );
}

/** The stored problems of a finished import, a page at a time from the API. */
export function ImportProblemsTable({ record }: { record: ImportRecordReply }) {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const [paging, setPaging] = useState({ page: 1, perPage: 20 });
  const enabled = !isRunning(record.status) && record.problems_stored > 0;
  const { data, isFetching, error } = useImportProblems(record.id, paging.page, paging.perPage, { enabled });
  const columns: TableProps<Problem>['columns'] = [
    { key: 'line', title: t('imports.problemColumns.line'), width: 90, render: (_, p) => p.line ?? t('imports.wholeFile') },
    { key: 'column', title: t('imports.problemColumns.column'), width: 180, render: (_, p) => p.column ?? t('common.none') },
    {
      key: 'value',
      title: t('imports.problemColumns.value'),
      width: 220,
      ellipsis: true,
      render: (_, p) => (p.value === null ? t('common.none') : <Typography.Text code>{p.value}</Typography.Text>),
    },
    { key: 'reason', title: t('imports.problemColumns.reason'), render: (_, p) => p.message[side] },
  ];
  if (error) return <ProblemAlert error={error} />;
  return (
    <Flex vertical gap="small">
      {record.problems_total > record.problems_stored && (
        <Alert type="info" showIcon title={t('imports.problemsTruncated', { total: record.problems_total, stored: record.problems_stored })} />
      )}
      <Table<Problem>
        data-testid="import-problems"
        size="small"
        rowKey={(p) => `${p.line ?? 0}:${p.column ?? ''}:${p.code}:${p.value ?? ''}`}
        columns={columns}
        dataSource={enabled ? (data?.results ?? []) : []}
        loading={isFetching}
        locale={{ emptyText: t('imports.noProblems') }}
        onChange={(pagination) => setPaging(problemPageQuery(paging, { page: pagination.current, pageSize: pagination.pageSize }))}
        pagination={{
          current: paging.page,
          pageSize: paging.perPage,
          total: data?.meta.count ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PROBLEM_PAGE_SIZES.map(String),
          hideOnSinglePage: false,
          showTotal: (total, [from, to]) => t('list.total', { from, to, total }),
        }}
      />
    </Flex>
  );
}

export function ReportDownload({ record }: { record: ImportRecordReply }) {
  const { t } = useTranslation();
  return (
    <Button icon={<DownloadOutlined />} href={importReportUrl(record.id)} download data-testid="import-report-download" disabled={isRunning(record.status)}>
      {t('imports.downloadReport')}
    </Button>
  );
}

interface ReportProps {
  record: ImportRecordReply;
  testId: string;
}

/** The report of an import or dry run: what happened, the counts, and every rejected row's reason. */
export function ImportReport({ record, testId }: ReportProps) {
  const { t } = useTranslation();
  const { label, side } = useCodeLabels();
  const none = t('common.none');
  return (
    <Flex vertical gap="middle" data-testid={testId}>
      {record.error && <Alert type="error" showIcon title={t('imports.error')} description={record.error} />}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'file', label: t('imports.columns.file'), children: record.file_name },
          { key: 'entity', label: t('imports.entity'), children: t(`imports.entities.${record.entity}`) },
          { key: 'status', label: t('imports.status'), children: <ImportStatusTag record={record} /> },
          {
            key: 'committed',
            label: t('imports.written'),
            children: <Tag color={record.committed ? 'success' : 'default'}>{record.committed ? t('imports.committed') : t('imports.notCommitted')}</Tag>,
          },
          {
            key: 'options',
            label: t('imports.options'),
            children: [t(`imports.modes.${record.options.mode}`), record.options.atomic ? t('imports.atomic') : null].filter(Boolean).join(' · '),
          },
          // The testid predates zones; the line names the whole area.
          ...(citywide(record.options)
            ? []
            : [{ key: 'area', label: t('imports.scope.label'), children: <span data-testid="import-districts">{areaPhrase(record.options, label, side)}</span> }]),
          {
            key: 'detected',
            label: t('imports.detected'),
            children: record.detected ? [record.detected.format, record.detected.encoding, record.detected.sheet].filter(Boolean).join(' · ') || none : none,
          },
          { key: 'started', label: t('imports.columns.started'), children: formatTimestamp(record.started_at) },
          { key: 'finished', label: t('imports.columns.finished'), children: record.finished_at ? formatTimestamp(record.finished_at) : none },
        ]}
      />
      <ImportCounts record={record} />
      <Flex justify="space-between" align="center">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('imports.problems')} ({record.problems_total})
        </Typography.Title>
        <ReportDownload record={record} />
      </Flex>
      <ImportProblemsTable record={record} />
    </Flex>
  );
}
