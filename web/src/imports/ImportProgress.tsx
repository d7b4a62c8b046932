import { Flex, Progress, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRecordReply } from '../../../src/contracts/imports';
import { formatDuration, progressOf, type ProgressSample } from './progress';

interface Props {
  record: ImportRecordReply;
  /** When the client received this state of the record (the query's dataUpdatedAt). */
  receivedAt: number;
}

/** Live progress of a running import: share of the file read, rows, rows/s and time left. */
export function ImportProgress({ record, receivedAt }: Props) {
  const { t, i18n } = useTranslation();
  const current: ProgressSample = { atMs: receivedAt, read: record.read, bytes: record.bytes_read };
  // The state first seen is the start of the rate; later polls measure against it.
  const [first] = useState(current);
  const p = progressOf(first, current, record.file_size);
  const number = new Intl.NumberFormat(i18n.language);
  const facts = [
    t('imports.progressRows', { rows: number.format(record.read) }),
    p.rowsPerSecond === null ? null : t('imports.rate', { rate: number.format(Math.round(p.rowsPerSecond)) }),
    p.etaSeconds === null ? null : t('imports.eta', { eta: formatDuration(p.etaSeconds) }),
  ].filter((f): f is string => f !== null);
  return (
    <Flex vertical gap="small" data-testid="import-progress">
      <Typography.Text strong>{t('imports.progressTitle', { file: record.file_name })}</Typography.Text>
      <Progress percent={p.percent ?? 0} status="active" showInfo={p.percent !== null} aria-label={t('imports.progressTitle', { file: record.file_name })} />
      <Typography.Text type="secondary" data-testid="import-progress-facts">
        {facts.join(' · ')}
      </Typography.Text>
    </Flex>
  );
}
