import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useExperts, useFilingTypes, type Expert } from '../api/filings';
import { ProblemAlert } from '../components/ProblemAlert';
import { ExpertFormModal } from './ExpertFormModal';
import { expertName } from './expertForm';
import { useMessageText } from './useMessageText';
import { useOrganizationNames } from './useOrganizationNames';
import { PageTitle } from '../components/PageTitle';

type Dialog = { kind: 'create' } | { kind: 'edit'; expert: Expert } | null;

/** 专家库 (officers, administrators): the experts drawn for reviews, their fields, employer and declared conflicts. */
export function ExpertPoolPage() {
  const { t } = useTranslation();
  const { data, isFetching, error } = useExperts();
  const [dialog, setDialog] = useState<Dialog>(null);
  const names = useOrganizationNames((data ?? []).flatMap((e) => e.conflicts));
  const columns = useExpertColumns(names, (expert) => setDialog({ kind: 'edit', expert }));
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <div>
          <PageTitle>{t('filings.experts.title')}</PageTitle>
          <Typography.Text type="secondary">{t('filings.experts.intro')}</Typography.Text>
        </div>
        <Button type="primary" icon={<PlusOutlined />} data-testid="new-expert" onClick={() => setDialog({ kind: 'create' })}>
          {t('filings.experts.new')}
        </Button>
      </Flex>
      {error && <ProblemAlert error={error} />}
      <Table<Expert> data-testid="experts-table" rowKey="id" size="middle" columns={columns} dataSource={data ?? []} loading={isFetching && !data} scroll={{ x: 900 }} pagination={{ defaultPageSize: 25, showSizeChanger: true, showTotal: (total, [from, to]) => t('list.total', { from, to, total }) }} />
      {dialog && <ExpertFormModal expert={dialog.kind === 'edit' ? dialog.expert : null} conflictNames={names} inPool={(data ?? []).map((e) => e.user_id)} onClose={() => setDialog(null)} />}
    </Flex>
  );
}

function useExpertColumns(names: Map<number, string>, onEdit: (e: Expert) => void): TableProps<Expert>['columns'] {
  const { t } = useTranslation();
  const { text, side } = useMessageText();
  const { data: types } = useFilingTypes();
  const list = side === 'zh' ? '、' : ', ';
  return [
    {
      key: 'name',
      title: t('filings.experts.columns.name'),
      render: (_, e) => (
        <Flex vertical>
          <Typography.Text strong>{expertName(e)}</Typography.Text>
          <Typography.Text type="secondary">{e.username}</Typography.Text>
        </Flex>
      ),
    },
    { key: 'fields', title: t('filings.experts.columns.fields'), render: (_, e) => e.fields.map((f) => <Tag key={f}>{types?.expertise_fields[f] ? text(types.expertise_fields[f]) : f}</Tag>) },
    { key: 'organization', title: t('filings.experts.columns.organization'), render: (_, e) => e.organization_name ?? t('common.none') },
    { key: 'conflicts', title: t('filings.experts.columns.conflicts'), render: (_, e) => e.conflicts.map((id) => names.get(id) ?? `#${id}`).join(list) || t('common.none') },
    { key: 'active', title: t('filings.experts.columns.active'), render: (_, e) => <Tag color={e.active ? 'success' : 'default'}>{e.active ? t('filings.experts.active') : t('filings.experts.inactive')}</Tag> },
    {
      key: 'actions',
      title: t('filings.experts.columns.actions'),
      width: 100,
      render: (_, e) => (
        <Button size="small" icon={<EditOutlined />} data-testid={`edit-expert-${e.username}`} onClick={() => onEdit(e)}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];
}
