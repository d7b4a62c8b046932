import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { InlinePageTitle } from '../components/PageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={<InlinePageTitle>{t('common.notFound')}</InlinePageTitle>}
      subTitle={t('common.notFoundHint')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('common.goHome')}
        </Button>
      }
    />
  );
}
