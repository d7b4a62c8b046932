import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  source: 'computed' | 'official';
  asOf: string | null;
  sourceNote?: string | null;
}

/** Computed or official, with the day the value stands for (or where and when it was published) on hover. */
export function SourceTag({ source, asOf, sourceNote }: Props) {
  const { t } = useTranslation();
  const hint = asOf === null ? null : source === 'official' && sourceNote ? t('indicators.published', { source: sourceNote, date: asOf }) : t('indicators.asOf', { date: asOf });
  return (
    <Tooltip title={hint}>
      <Tag color={source === 'official' ? 'gold' : 'blue'} style={{ marginInlineEnd: 0 }} data-testid="source-tag">
        {t(`indicators.sources.${source}`)}
      </Tag>
    </Tooltip>
  );
}
