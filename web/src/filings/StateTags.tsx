import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../../src/domain/message';
import type { ApplicationSummary } from '../api/filings';
import { formatTimestamp } from '../detail/format';
import { deadlineStatus, stateColor } from './applicationView';
import { useMessageText } from './useMessageText';

/** An application's state, in its colour. */
export function StateTag({ state, label }: { state: string; label: Message }) {
  const { text } = useMessageText();
  return (
    <Tag color={stateColor(state)} data-testid="state-tag" data-state={state}>
      {text(label)}
    </Tag>
  );
}

/** The deadline of the party waited for, marked when it has passed. */
export function DeadlineTag({ application }: { application: Pick<ApplicationSummary, 'deadline' | 'overdue'> }) {
  const { t } = useTranslation();
  const status = deadlineStatus(application);
  if (status === 'none' || application.deadline === null) return null;
  return (
    <Tag icon={<ClockCircleOutlined />} color={status === 'overdue' ? 'error' : 'default'} data-testid={status === 'overdue' ? 'overdue-tag' : 'deadline-tag'}>
      {status === 'overdue' ? t('filings.overdueSince', { time: formatTimestamp(application.deadline) }) : t('filings.dueBy', { time: formatTimestamp(application.deadline) })}
    </Tag>
  );
}
