import { InboxOutlined } from '@ant-design/icons';
import { Badge, Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useInbox } from '../api/filings';
import { waitingCount } from './inboxView';

/** The header's inbox button, with the number of applications waiting for the signed-in user. */
export function InboxButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useInbox(true);
  const count = waitingCount(data);
  return (
    <Tooltip title={t('nav.inboxWaiting', { count })}>
      <span data-testid="inbox-count" data-count={count}>
        <Badge count={count} overflowCount={99} size="small">
          <Button icon={<InboxOutlined />} aria-label={t('nav.inboxWaiting', { count })} data-testid="inbox-button" onClick={() => void navigate('/inbox')} />
        </Badge>
      </span>
    </Tooltip>
  );
}
