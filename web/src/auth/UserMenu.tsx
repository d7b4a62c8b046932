import { LoginOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from './session';

/** The account menu's code (dropdown, dialogs) loads only for someone signed in. */
const AccountMenu = lazy(() => import('./AccountMenu').then((m) => ({ default: m.AccountMenu })));

/** The header's account menu for someone signed in; else a sign-in button. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  if (me.data?.user)
    return (
      <Suspense>
        <AccountMenu />
      </Suspense>
    );
  if (pathname === '/login') return null;
  return (
    <Button icon={<LoginOutlined />} data-testid="login-button" onClick={() => void navigate(`/login?next=${encodeURIComponent(pathname + search)}`)}>
      {t('auth.login')}
    </Button>
  );
}
