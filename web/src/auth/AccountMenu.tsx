import { ApiOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { messageSide } from '../i18n/language';
import { loadFeedback } from '../layout/feedback';
import { useLogout, useMe } from './session';
import { useCan } from './useCan';

/** The form and dialog code, and the holder of its message, load when the dialog is first opened, not with every page. */
const PasswordModal = lazy(() => Promise.all([import('./PasswordModal'), loadFeedback()]).then(([m]) => ({ default: m.PasswordModal })));

/** The header's account menu: who is signed in, one's API tokens, password change and sign-out. */
export function AccountMenu() {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const [changing, setChanging] = useState(false);
  const can = useCan();

  const user = me.data?.user;
  if (!user || !me.data) return null;
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
    // mutateAsync: signed out, this menu unmounts (the sign-out goes to the public portal), which would drop mutate's callbacks.
    if (key === 'logout') {
      const feedback = loadFeedback(); // the message's holder loads while signing out
      logout.mutateAsync().then(
        () => feedback.then(({ message }) => void message.success(t('auth.loggedOut'))),
        () => undefined, // still signed in: the menu stays, as it did before
      );
    }
  };
  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        <Button icon={<UserOutlined />} data-testid="user-menu" loading={logout.isPending}>
          {user.username}
        </Button>
      </Dropdown>
      {changing && (
        <Suspense>
          <PasswordModal open onClose={() => setChanging(false)} />
        </Suspense>
      )}
    </>
  );
}
