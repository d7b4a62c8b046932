import { Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { permissionLabels, type Permission } from '../../../src/domain/permissions';
import { messageSide } from '../i18n/language';
import { canDo, signInPath } from './access';
import { useMe } from './session';

/**
 * A page only some callers may use: shown to them; a visitor is sent to sign in (and brought back
 * here after), a signed-in caller without the permission is told why instead of a page of errors.
 * The server checks every call regardless.
 */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const { pathname, search } = useLocation();
  if (me.isPending) return <Skeleton active />;
  if (canDo(me.data, permission)) return children;
  if (!me.data?.user) return <Navigate to={signInPath(pathname + search)} replace />;
  const label = permissionLabels[permission][messageSide(i18n.language)];
  return <Result status="403" title={t('auth.forbiddenTitle')} subTitle={t('auth.permissionNeeded', { permission: label })} data-testid="forbidden" />;
}
