import { LoginOutlined } from '@ant-design/icons';
import { Button, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { permissionLabels, type Permission } from '../../../src/domain/permissions';
import { messageSide } from '../i18n/language';
import { canDo } from './access';
import { useMe } from './session';

/**
 * A page only some callers may use: shown to them; anyone else is told why (and a visitor is
 * offered the sign-in) instead of a page of errors. The server checks every call regardless.
 */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { pathname, search } = useLocation();
  if (me.isPending) return <Skeleton active />;
  if (canDo(me.data, permission)) return children;
  const label = permissionLabels[permission][messageSide(i18n.language)];
  if (!me.data?.user)
    return (
      <Result
        status="403"
        title={t('auth.signInNeeded')}
        subTitle={t('auth.permissionNeeded', { permission: label })}
        extra={
          <Button type="primary" icon={<LoginOutlined />} onClick={() => void navigate(`/login?next=${encodeURIComponent(pathname + search)}`)}>
            {t('auth.login')}
          </Button>
        }
      />
    );
  return <Result status="403" title={t('auth.forbiddenTitle')} subTitle={t('auth.permissionNeeded', { permission: label })} data-testid="forbidden" />;
}
