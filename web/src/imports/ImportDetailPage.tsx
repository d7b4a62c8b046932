import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useImportRecord } from '../api/imports';
import { ProblemAlert } from '../components/ProblemAlert';
import { ImportProgress } from './ImportProgress';
import { ImportReport } from './ImportReport';
import { isRunning } from './importView';
import { PageTitle } from '../components/PageTitle';

/** One past (or still running) import: progress while it runs, then its report. */
export function ImportDetailPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const { data: record, error, dataUpdatedAt } = useImportRecord(id);
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center">
        <PageTitle>
          {t('imports.reportTitle')}
          {record ? ` · ${record.file_name}` : ''}
        </PageTitle>
        <Link to="/imports">
          <ArrowLeftOutlined /> {t('imports.toList')}
        </Link>
      </Flex>
      {error && <ProblemAlert error={error} />}
      {!record && !error && <Spin />}
      {record && isRunning(record.status) && (
        <Card>
          <ImportProgress record={record} receivedAt={dataUpdatedAt} />
        </Card>
      )}
      {record && (
        <Card>
          <ImportReport record={record} testId="import-final-report" />
        </Card>
      )}
    </Flex>
  );
}
