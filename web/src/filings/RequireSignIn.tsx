import { LoginOutlined } from '@ant-design/icons';
import { Button, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth/session';

/** A page for anyone signed in (their applications, their inbox): a visitor is offered the sign-in instead. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  if (me.isPending) return <Skeleton active />;
  if (me.data?.user) return children;
  return (
    <Result
      status="403"
      title={t('auth.signInNeeded')}
      subTitle={t('filings.signInHint')}
      extra={
        <Button type="primary" icon={<LoginOutlined />} onClick={() => void navigate(`/login?next=${encodeURIComponent(pathname + search)}`)}>
          {t('auth.login')}
        </Button>
      }
    />
  );
}
