import { TeamOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useExpertDraw, useExperts, type ApplicationView } from '../api/filings';
import { useCan } from '../auth/useCan';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatTimestamp } from '../detail/format';
import { canDraw } from './applicationView';
import { expertName } from './expertForm';
import { useMessageText } from './useMessageText';

/**
 * 评审专家抽取 (officers): draws the reviewers during the formal check and shows the recorded
 * draw — who was drawn, who was left out and why, and the seed that replays it.
 */
export function ExpertDrawCard({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const draw = useExpertDraw();
  const [error, setError] = useState<unknown>(null);
  const drawable = canDraw(view);
  const onDraw = () => {
    setError(null);
    draw.mutate({ id: view.id }, { onSuccess: (after) => void message.success(t('filings.draw.done', { count: after.draw?.drawn.length ?? 0 })), onError: setError });
  };
  return (
    <Card
      title={t('filings.draw.title')}
      data-testid="draw-card"
      extra={
        drawable && (
          <Button type={view.draw ? 'default' : 'primary'} icon={<TeamOutlined />} loading={draw.isPending} onClick={onDraw} data-testid="draw-experts">
            {view.draw ? t('filings.draw.redraw') : t('filings.draw.draw')}
          </Button>
        )
      }
    >
      <Flex vertical gap="middle">
        {error !== null && <ProblemAlert error={error} onClose={() => setError(null)} />}
        {view.draw ? <DrawDetails draw={view.draw} /> : <Typography.Text type="secondary">{t('filings.draw.none')}</Typography.Text>}
      </Flex>
    </Card>
  );
}

function DrawDetails({ draw }: { draw: NonNullable<ApplicationView['draw']> }) {
  const { t } = useTranslation();
  const { text } = useMessageText();
  const can = useCan();
  // Officers manage the pool, so they may name the experts left out (the draw names only those drawn).
  const { data: pool } = useExperts({ enabled: can('experts.manage') });
  const nameOf = (id: number) => {
    const e = pool?.find((x) => x.id === id);
    return e ? expertName(e) : `#${id}`;
  };
  return (
    <Flex vertical gap="middle">
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'requested', label: t('filings.draw.requested'), children: draw.requested },
          { key: 'eligible', label: t('filings.draw.eligible'), children: draw.eligible.length },
          { key: 'at', label: t('filings.draw.drawnAt'), children: formatTimestamp(draw.drawn_at) },
          { key: 'seed', label: t('filings.draw.seed'), children: <Typography.Text code copyable data-testid="draw-seed">{draw.seed}</Typography.Text> },
        ]}
      />
      <div>
        <Typography.Text strong>{t('filings.draw.drawn')}</Typography.Text>
        <Flex gap={4} wrap style={{ marginTop: 4 }} data-testid="drawn-experts">
          {draw.drawn.map((d) => (
            <Tag key={d.id} color="blue" data-testid="drawn-expert">
              {d.name ?? `#${d.id}`}
            </Tag>
          ))}
        </Flex>
      </div>
      {draw.excluded.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('filings.draw.excluded')}</Typography.Text>}
          dataSource={draw.excluded}
          data-testid="draw-excluded"
          renderItem={(x) => (
            <List.Item>
              <Flex gap="small">
                <span>{nameOf(x.id)}</span>
                <Typography.Text type="secondary">{text(x.label)}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
      <Typography.Text type="secondary">{t('filings.draw.reproducible')}</Typography.Text>
    </Flex>
  );
}
