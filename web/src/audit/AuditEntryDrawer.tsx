import { Descriptions, Drawer, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/audit';
import { messageSide } from '../i18n/language';
import { AuditDiffTable } from './AuditDiffTable';
import { formatAuditTime, roleText } from './auditView';
import { useEntityText } from './useEntityText';

interface Props {
  entry: AuditEntry | null;
  onClose: () => void;
}

/** One entry: who did what to which record, from where, the record before and after, and its hash. */
export function AuditEntryDrawer({ entry, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const entityText = useEntityText();
  const none = t('common.none');
  return (
    <Drawer open={entry !== null} onClose={onClose} size={760} title={entry ? t('audit.detailTitle', { id: entry.id }) : ''} destroyOnHidden>
      {entry && (
        <Flex vertical gap="middle" data-testid="audit-detail-body">
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'at', label: t('audit.columns.at'), children: formatAuditTime(entry.at) },
              { key: 'action', label: t('audit.columns.action'), children: <Tag>{entry.action_label[side]}</Tag> },
              { key: 'user', label: t('audit.columns.user'), children: entry.username ?? none },
              { key: 'role', label: t('audit.columns.role'), children: roleText(entry.role, side) },
              { key: 'via', label: t('audit.columns.via'), children: t(`audit.via.${entry.via}`) },
              { key: 'ip', label: t('audit.columns.ip'), children: entry.ip ?? none },
              { key: 'entity', label: t('audit.columns.entity'), children: entityText(entry.entity) },
              { key: 'record', label: t('audit.columns.recordId'), children: entry.record_id ?? none },
              { key: 'user_id', label: t('audit.userId'), children: entry.user_id ?? none },
              { key: 'token_id', label: t('audit.tokenId'), children: entry.token_id ?? none },
              { key: 'request', label: t('audit.columns.requestId'), span: 2, children: entry.request_id ? <Typography.Text code>{entry.request_id}</Typography.Text> : none },
              {
                key: 'hash',
                label: t('audit.hash'),
                span: 2,
                children: (
                  <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="audit-hash">
                    {entry.hash}
                  </Typography.Text>
                ),
              },
            ]}
          />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('audit.changes')}
          </Typography.Title>
          <AuditDiffTable before={entry.before} after={entry.after} />
        </Flex>
      )}
    </Drawer>
  );
}
