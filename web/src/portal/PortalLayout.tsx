import './portal.css';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { API_PREFIX } from '../api/client';
import { useMeta } from '../api/hooks';
import { messageSide } from '../i18n/language';
import { PORTAL, PUBLIC_API } from './paths';
import { usePublicDatasets } from './api';
import { PortalLanguageSwitch } from './PortalLanguageSwitch';

const SECTIONS = [
  { to: PORTAL.home, key: 'home', end: true },
  { to: PORTAL.map, key: 'map', end: false },
  { to: PORTAL.search, key: 'search', end: false },
  { to: PORTAL.notices, key: 'notices', end: false },
  { to: PORTAL.recruitment, key: 'recruitment', end: false },
] as const;

/**
 * The public portal's frame, apart in look from the officers' workspace: a light header with the
 * city's name, the portal's few sections and the language switch; a footer with the data licence
 * and the open-data links. No account, no workspace menu.
 */
export function PortalLayout() {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const city = useMeta().data?.city.name[side] ?? '';
  return (
    <div className="portal" data-testid="portal">
      <a className="portal-skip" href="#portal-main">
        {t('portal.skipToContent')}
      </a>
      <header className="portal-header">
        <div className="portal-header-inner">
          <Link to={PORTAL.home} className="portal-brand" data-testid="portal-brand">
            <strong>{city || t('app.name')}</strong>
            <span>{t('portal.title')}</span>
          </Link>
          <PortalLanguageSwitch />
        </div>
        <nav className="portal-nav" aria-label={t('portal.nav.label')}>
          <ul className="portal-nav-inner">
            {SECTIONS.map((s) => (
              <li key={s.key}>
                <NavLink to={s.to} end={s.end}>
                  {t(`portal.nav.${s.key}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="portal-main" className="portal-main" tabIndex={-1}>
        <Outlet />
      </main>
      <PortalFooter city={city} />
    </div>
  );
}

function PortalFooter({ city }: { city: string }) {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  // The licence comes with the dataset catalogue: fetched when the footer is seen, not with every first screen.
  const [footer, seen] = useSeen<HTMLElement>();
  const licence = usePublicDatasets({ enabled: seen }).data?.licence;
  return (
    <footer ref={footer} className="portal-footer" data-testid="portal-footer">
      <div className="portal-footer-inner">
        <p style={{ margin: 0 }}>
          {licence ? (
            <>
              {t('portal.footer.licence')}
              <a href={licence.url} rel="license">
                {licence.name[side]}
              </a>
            </>
          ) : (
            t('portal.footer.licenceDefault')
          )}
        </p>
        {city && <p style={{ margin: 0 }}>{t('portal.footer.source', { city })}</p>}
        <ul>
          <li>
            <a href={`${API_PREFIX}${PUBLIC_API.datasets}`}>{t('portal.footer.openData')}</a>
          </li>
          <li>
            <a href={`${API_PREFIX}${PUBLIC_API.catalogue}`}>{t('portal.footer.catalogue')}</a>
          </li>
          <li>
            <a href="/api/docs">{t('portal.footer.apiDocs')}</a>
          </li>
          <li>
            <Link to="/login">{t('portal.footer.workspace')}</Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}

/** A ref for an element and whether it has been in the viewport yet. */
function useSeen<E extends Element>(): [RefObject<E | null>, boolean] {
  const ref = useRef<E>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || seen) return;
    const watch = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    });
    watch.observe(el);
    return () => watch.disconnect();
  }, [seen]);
  return [ref, seen];
}
