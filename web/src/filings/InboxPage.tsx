import { Card, Col, Flex, List, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { partyLabels } from '../../../src/domain/workflow/engine';
import { useInbox, type ApplicationSummary, type Inbox } from '../api/filings';
import { useMe } from '../auth/session';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatTimestamp } from '../detail/format';
import { stepEventOf } from './inboxView';
import { RequireSignIn } from './RequireSignIn';
import { DeadlineTag, StateTag } from './StateTags';
import { useMessageText } from './useMessageText';
import { PageTitle } from '../components/PageTitle';

/** 待办与动态: what waits for the caller (oldest first), and what others did lately on the caller's applications. */
export function InboxPage() {
  return (
    <RequireSignIn>
      <InboxContent />
    </RequireSignIn>
  );
}

function InboxContent() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { data, isPending, error } = useInbox(Boolean(me?.user));
  return (
    <Flex vertical gap="middle">
      <div>
        <PageTitle>{t('filings.inbox.title')}</PageTitle>
        <Typography.Text type="secondary">{t('filings.inbox.intro')}</Typography.Text>
      </div>
      {error && <ProblemAlert error={error} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('filings.inbox.waiting', { count: data?.waiting.length ?? 0 })} loading={isPending}>
            <List<ApplicationSummary> data-testid="inbox-waiting" dataSource={data?.waiting ?? []} locale={{ emptyText: <Typography.Text type="secondary">{t('filings.inbox.waitingNone')}</Typography.Text> }} renderItem={(a) => <WaitingItem application={a} />} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('filings.inbox.changes')} loading={isPending}>
            <List<Inbox['changes'][number]> data-testid="inbox-changes" dataSource={data?.changes ?? []} locale={{ emptyText: <Typography.Text type="secondary">{t('filings.inbox.changesNone')}</Typography.Text> }} renderItem={(c) => <ChangeItem change={c} />} />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

function WaitingItem({ application: a }: { application: ApplicationSummary }) {
  const { t } = useTranslation();
  const { text } = useMessageText();
  return (
    <List.Item data-testid={`inbox-item-${a.id}`}>
      <Flex vertical gap={4} style={{ width: '100%' }}>
        <Flex justify="space-between" gap="small" wrap>
          <Link to={`/applications/${a.id}`} data-testid="inbox-open">
            {a.organization_name} · {text(a.filing_type_name)}
          </Link>
          {/* A state and a deadline side by side are wider than a phone's item: they wrap. */}
          <Flex gap={4} wrap>
            <StateTag state={a.state} label={a.state_label} />
            <DeadlineTag application={a} />
          </Flex>
        </Flex>
        <Typography.Text type="secondary">
          {a.waiting_for ? t('filings.application.waitingFor', { party: text(partyLabels[a.waiting_for]) }) : ''} · {t('filings.inbox.since', { time: formatTimestamp(a.state_since) })}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}

function ChangeItem({ change: c }: { change: Inbox['changes'][number] }) {
  const { t } = useTranslation();
  const { text } = useMessageText();
  const step = stepEventOf(c);
  return (
    <List.Item>
      <Flex vertical gap={2}>
        <Link to={`/applications/${c.application_id}`}>{c.subject ?? c.organization_name}</Link>
        <Typography.Text>
          {step ? t(`filings.events.${step}`) : text(c.label)} · {text(c.filing_type_name)}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatTimestamp(c.at)}
        </Typography.Text>
      </Flex>
    </List.Item>
  );
}
