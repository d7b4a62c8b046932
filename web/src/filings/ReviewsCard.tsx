import { Card, Flex, Statistic, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../../../src/domain/workflow/definition';
import type { ApplicationView } from '../api/filings';
import { formatTimestamp } from '../detail/format';
import { useMessageText } from './useMessageText';

type Review = ApplicationView['reviews'][number];

/** 专家评分 (officers): every drawn expert's scores, and the outcome once all have scored. */
export function ReviewsCard({ view, criteria }: { view: ApplicationView; criteria: readonly Criterion[] }) {
  const { t } = useTranslation();
  const { text } = useMessageText();
  const columns: TableProps<Review>['columns'] = [
    { key: 'expert', title: t('filings.reviews.expert'), onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (_, r) => r.expert_name ?? `#${r.expert_id}` },
    ...criteria.map((c) => ({ key: c.key, title: `${text(c.label)} (${c.max})`, render: (_: unknown, r: Review) => r.scores[c.key] ?? t('common.none') })),
    { key: 'total', title: t('filings.reviews.total'), render: (_, r) => <Typography.Text strong>{r.total}</Typography.Text> },
    { key: 'comment', title: t('filings.reviews.comment'), render: (_, r) => r.comment },
    { key: 'at', title: t('filings.reviews.submittedAt'), onCell: () => ({ style: { whiteSpace: 'nowrap' } }), render: (_, r) => formatTimestamp(r.submitted_at) },
  ];
  const drawn = view.draw?.drawn.length;
  return (
    <Card title={t('filings.reviews.title')} data-testid="reviews-card" extra={drawn !== undefined && t('filings.reviews.progress', { done: view.reviews.length, drawn })}>
      <Table<Review> rowKey="expert_id" size="small" columns={columns} dataSource={view.reviews} pagination={false} scroll={{ x: 800 }} locale={{ emptyText: t('filings.reviews.none') }} data-testid="reviews-table" />
    </Card>
  );
}

/** 评审结果: the mean of the totals against the pass mark (officers and the applicant see it). */
export function ReviewOutcome({ outcome }: { outcome: NonNullable<ApplicationView['review_outcome']> }) {
  const { t } = useTranslation();
  return (
    <Card title={t('filings.outcome.title')} size="small" data-testid="review-outcome">
      <Flex gap="large" align="center" wrap>
        <Statistic title={t('filings.outcome.mean')} value={outcome.mean} />
        <Statistic title={t('filings.outcome.passScore')} value={outcome.pass_score} />
        <Tag color={outcome.passed ? 'success' : 'error'} data-testid="outcome-tag">
          {outcome.passed ? t('filings.outcome.passed') : t('filings.outcome.failed')}
        </Tag>
      </Flex>
    </Card>
  );
}
