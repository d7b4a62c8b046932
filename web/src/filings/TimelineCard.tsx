import { Card, Flex, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WorkflowPath } from '../../../src/domain/workflow/definition';
import type { ApplicationView } from '../api/filings';
import { formatTimestamp } from '../detail/format';
import { timelineEntries } from './applicationView';
import { useMessageText } from './useMessageText';

/** 办理记录: every step, who took it (officers see names) and why. */
export function TimelineCard({ view, path }: { view: ApplicationView; path: WorkflowPath | undefined }) {
  const { t } = useTranslation();
  const { text } = useMessageText();
  const entries = timelineEntries(view.timeline, path);
  return (
    <Card title={t('filings.timeline.title')} data-testid="timeline-card">
      <Timeline
        data-testid="timeline"
        items={entries.map((e, i) => ({
          key: i,
          color: e.color,
          content: (
            <Flex vertical data-testid="timeline-entry">
              <Typography.Text strong>{text(e.label)}</Typography.Text>
              {e.move && <Typography.Text type="secondary">{e.move.from ? `${text(e.move.from)} → ${text(e.move.to)}` : text(e.move.to)}</Typography.Text>}
              {e.comment && <Typography.Text>{e.comment}</Typography.Text>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatTimestamp(e.at)}
                {e.username ? ` · ${e.username}` : ''}
              </Typography.Text>
            </Flex>
          ),
        }))}
      />
    </Card>
  );
}
