import { ApiOutlined, KeyOutlined, LoginOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { messageSide } from '../i18n/language';
import { PasswordModal } from './PasswordModal';
import { useLogout, useMe } from './session';
import { useCan } from './useCan';

/** The header's account menu: who is signed in, one's API tokens, password change and sign-out; or a sign-in button. */
export function UserMenu() {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const { message } = App.useApp();
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  const [changing, setChanging] = useState(false);
  const can = useCan();

  if (!me.data?.user) {
    if (pathname === '/login') return null;
    return (
      <Button icon={<LoginOutlined />} data-testid="login-button" onClick={() => void navigate(`/login?next=${encodeURIComponent(pathname + search)}`)}>
        {t('auth.login')}
      </Button>
    );
  }
  const user = me.data.user;
  const items: MenuProps['items'] = [
    { key: 'who', label: `${user.display_name ?? user.username} · ${me.data.role_label[side]}`, disabled: true },
    { type: 'divider' },
    ...(can('tokens.manage') ? [{ key: 'tokens', icon: <ApiOutlined />, label: <span data-testid="menu-tokens">{t('auth.myTokens')}</span> }] : []),
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="menu-change-password">{t('auth.changePassword')}</span> },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="menu-logout">{t('auth.logout')}</span> },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'tokens') void navigate('/tokens');
    if (key === 'password') setChanging(true);
    if (key === 'logout')
      logout.mutate(undefined, {
        onSuccess: () => {
          void message.success(t('auth.loggedOut'));
          void navigate('/');
        },
      });
  };
  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        <Button icon={<UserOutlined />} data-testid="user-menu" loading={logout.isPending}>
          {user.username}
        </Button>
      </Dropdown>
      <PasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
