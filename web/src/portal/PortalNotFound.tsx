import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PORTAL } from './paths';

export function PortalNotFound() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('portal.notFound')}</h1>
      <p>
        <Link to={PORTAL.home}>{t('portal.nav.home')}</Link>
      </p>
    </>
  );
}
