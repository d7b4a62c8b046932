import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** How many of the four global features a reviewer has confirmed; all four stands out. */
export function FeatureCountTag({ count }: { count: number }) {
  const { t } = useTranslation();
  const color = count === 4 ? 'gold' : count > 0 ? 'blue' : 'default';
  return <Tag color={color}>{t('rdInstitution.featureCount', { count })}</Tag>;
}
