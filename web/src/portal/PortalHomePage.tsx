import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { API_PREFIX } from '../api/client';
import { useMeta } from '../api/hooks';
import { messageSide } from '../i18n/language';
import { usePublicIndicators } from './api';
import { headlineCard, type HeadlineCard } from './indicators';
import { Loaded } from './parts';
import { PORTAL, PUBLIC_API } from './paths';
import { TrendLine } from './TrendLine';


const EXPLORE = [
  { to: PORTAL.map, key: 'map', text: 'mapText' },
  { to: PORTAL.search, key: 'search', text: 'searchText' },
  { to: PORTAL.notices, key: 'notices', text: 'noticesText' },
  { to: PORTAL.recruitment, key: 'recruitment', text: 'recruitmentText' },
] as const;

/** 门户首页: the headline indicators against their targets, each opening its records; the portal's other services. */
export function PortalHomePage() {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const city = useMeta().data?.city.name[side] ?? '';
  const indicators = usePublicIndicators();
  return (
    <>
      <h1>{t('portal.title')}</h1>
      <p className="portal-lead">{t('portal.home.intro', { city })}</p>
      {/* A screen tall while the figures load, so the sections under it do not jump when they arrive. */}
      <section aria-labelledby="portal-headline" style={indicators.data ? undefined : { minHeight: '100vh' }}>
        <h2 id="portal-headline">{t('portal.home.headline')}</h2>
        <Loaded query={indicators}>
          {({ results }) =>
            results.length === 0 ? (
              <p>{t('portal.home.noData')}</p>
            ) : (
              <ul className="portal-cards" data-testid="portal-headline">
                {results.map((i) => (
                  <IndicatorCard key={i.code} card={headlineCard(i, side)} />
                ))}
              </ul>
            )
          }
        </Loaded>
      </section>
      <section aria-labelledby="portal-explore">
        <h2 id="portal-explore">{t('portal.home.explore')}</h2>
        <ul className="portal-cards">
          {EXPLORE.map((e) => (
            <li key={e.key} className="portal-card">
              <h3>
                <Link to={e.to}>{t(`portal.nav.${e.key}`)}</Link>
              </h3>
              <p style={{ margin: 0 }}>{t(`portal.home.${e.text}`)}</p>
            </li>
          ))}
          <li className="portal-card">
            <h3>
              <a href={`${API_PREFIX}${PUBLIC_API.datasets}`}>{t('portal.nav.openData')}</a>
            </h3>
            <p style={{ margin: 0 }}>{t('portal.home.openDataText')}</p>
          </li>
        </ul>
      </section>
    </>
  );
}

function IndicatorCard({ card }: { card: HeadlineCard }) {
  const { t } = useTranslation();
  return (
    <li className="portal-card" data-testid={`portal-indicator-${card.code}`}>
      <h3>{card.name}</h3>
      <div>
        <Link to={card.href} className="portal-figure" aria-label={`${card.name} ${card.period ?? ''}: ${card.text} — ${t('portal.home.rows')}`}>
          {card.text}
        </Link>
        {card.period && <span className="portal-muted"> {t('portal.home.year', { year: card.period })}</span>}
      </div>
      <p className="portal-muted" style={{ margin: 0 }}>
        {card.target ? t('portal.home.target', { target: card.target.text }) : t('portal.home.noTarget')}
        {card.target && (
          <span className="portal-status" data-status={card.target.status}>
            {card.target.label}
          </span>
        )}
      </p>
      <TrendLine points={card.trend} />
    </li>
  );
}
