import { MessageOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, List, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotices, type PublicNotice } from '../api/filings';
import { ProblemAlert } from '../components/ProblemAlert';
import { ObjectionModal } from './ObjectionModal';
import { useMessageText } from './useMessageText';
import { PageTitle } from '../components/PageTitle';

/** 公示 (everyone, no sign-in): what is about to be filed, for whom, until when; anyone may object while a notice runs. */
export function NoticesPage() {
  const { t } = useTranslation();
  const { data, isPending, error } = useNotices();
  const [objecting, setObjecting] = useState<PublicNotice | null>(null);
  return (
    <Flex vertical gap="middle" style={{ maxWidth: 960 }}>
      <div>
        <PageTitle>{t('filings.notices.title')}</PageTitle>
        <Typography.Text type="secondary">{t('filings.notices.intro')}</Typography.Text>
      </div>
      {error && <ProblemAlert error={error} />}
      {isPending ? (
        <Skeleton active />
      ) : (
        <List<PublicNotice>
          data-testid="notice-list"
          dataSource={data ?? []}
          locale={{ emptyText: <Empty description={t('filings.notices.none')} /> }}
          renderItem={(n) => <NoticeItem notice={n} onObject={() => setObjecting(n)} />}
        />
      )}
      {objecting && <ObjectionModal notice={objecting} onClose={() => setObjecting(null)} />}
    </Flex>
  );
}

function NoticeItem({ notice, onObject }: { notice: PublicNotice; onObject: () => void }) {
  const { t } = useTranslation();
  const { text } = useMessageText();
  return (
    <List.Item style={{ paddingInline: 0 }}>
      <Card style={{ width: '100%' }} data-testid={`notice-${notice.application_id}`}>
        <Flex justify="space-between" align="start" gap="middle" wrap>
          <Flex vertical gap={4}>
            <Typography.Title level={5} style={{ margin: 0 }} data-testid="notice-subject">
              {notice.subject}
            </Typography.Title>
            <Typography.Text>{text(notice.filing_type_name)}</Typography.Text>
            <Typography.Text type="secondary">{t('filings.notices.applicant', { name: notice.organization_name })}</Typography.Text>
            <div>
              <Tag color="gold">{t('filings.notices.period', { from: notice.notice_from, to: notice.notice_to })}</Tag>
            </div>
          </Flex>
          {notice.objections_open ? (
            <Button icon={<MessageOutlined />} onClick={onObject} data-testid={`object-${notice.application_id}`}>
              {t('filings.notices.object')}
            </Button>
          ) : (
            <Tag>{t('filings.notices.closed')}</Tag>
          )}
        </Flex>
      </Card>
    </List.Item>
  );
}
