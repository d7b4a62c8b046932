import { Card, Empty, Flex, List, Progress, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../auth/session';
import { useMatches, type MatchQuestion } from '../api/matching';
import { ProblemAlert } from '../components/ProblemAlert';
import { useCodeLabels } from '../i18n/useCodeLabels';
import { matchRows, seesMatching } from './model';

const SHOWN = 10;

/**
 * The match list with its reasons (issue 15): on an achievement's page the enterprises likely to
 * adopt it, on an enterprise's page the institutions to approach. Each candidate links to its
 * record, its score is a bar of the most possible, each reason a tag whose rows link to the records.
 */
export function MatchPanel({ question, id }: { question: MatchQuestion; id: number }) {
  const { t } = useTranslation();
  const { side } = useCodeLabels();
  const me = useMe();
  const allowed = seesMatching(me.data);
  const { data, error, isPending } = useMatches(question, id, SHOWN, allowed);
  if (!allowed) return null;
  const rows = data ? matchRows(data, side, { tech_contract: t('matching.evidence.tech_contract'), transfer: t('matching.evidence.transfer') }) : [];
  return (
    <Card size="small" data-testid="match-panel" title={t(`matching.title.${question}`)} extra={<Typography.Text type="secondary">{t('matching.hint')}</Typography.Text>}>
      {error ? (
        <ProblemAlert error={error} />
      ) : isPending ? (
        <Skeleton active />
      ) : rows.length === 0 ? (
        <Empty description={t('matching.empty')} />
      ) : (
        <List
          dataSource={rows}
          renderItem={(row, i) => (
            <List.Item key={row.key} data-testid="match-row">
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Flex gap="small" align="center" wrap>
                  <Typography.Text strong>{i + 1}.</Typography.Text>
                  <Link to={row.path}>{row.name}</Link>
                  <Progress percent={row.percent} size="small" style={{ width: 160, margin: 0 }} format={() => row.score} aria-label={t('matching.scoreOf', { score: row.score, max: data!.max_score })} />
                </Flex>
                <Space size={[4, 4]} wrap>
                  {row.reasons.map((r) => (
                    <Tooltip key={r.code} title={r.detail}>
                      <Tag color="blue">
                        {r.label} +{r.points}
                      </Tag>
                    </Tooltip>
                  ))}
                </Space>
                {row.reasons.some((r) => r.evidence.length > 0) && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('matching.evidenceLabel')}{' '}
                    <Space size={[8, 0]} wrap>
                      {[...new Map(row.reasons.flatMap((r) => r.evidence).map((e) => [e.key, e])).values()].map((e) => (
                        <Link key={e.key} to={e.path}>
                          {e.text}
                        </Link>
                      ))}
                    </Space>
                  </Typography.Text>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
