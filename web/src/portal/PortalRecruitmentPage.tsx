import { useTranslation } from 'react-i18next';
import { messageSide } from '../i18n/language';
import { usePublicDataset, usePublicRows } from './api';
import { Loaded } from './parts';
import { valueText } from './profile';

/** Open calls first to close; the published recruitment calls dataset, filtered to those open today. */
const OPEN_CALLS = { filter: 'status:open', sort: 'deadline', per_page: 100 };
const DATASET = 'recruitment_calls';

/** 招贤令: the recruitment calls open now, published fields only. */
export function PortalRecruitmentPage() {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const calls = usePublicRows(DATASET, OPEN_CALLS);
  const dataset = usePublicDataset(DATASET);
  const words = { yes: t('portal.yes'), no: t('portal.no') };
  const district = dataset?.fields.find((f) => f.name === 'district_code');
  return (
    <>
      <h1>{t('portal.recruitment.title')}</h1>
      <p className="portal-lead">{t('portal.recruitment.intro')}</p>
      <Loaded query={calls}>
        {({ results }) =>
          results.length === 0 ? (
            <p data-testid="portal-recruitment">{t('portal.recruitment.none')}</p>
          ) : (
            <ul className="portal-list" data-testid="portal-recruitment">
              {results.map((call) => (
                <li key={String(call.id)} className="portal-card">
                  <h2 style={{ margin: 0, fontSize: 17 }}>{String(call.title ?? '')}</h2>
                  <p className="portal-muted" style={{ margin: '2px 0' }}>
                    {[
                      call.org_name ? t('portal.recruitment.employer', { name: call.org_name }) : null,
                      district ? valueText(district, call.district_code, side, words) : null,
                      typeof call.positions === 'number' ? t('portal.recruitment.positions', { count: call.positions }) : null,
                      call.deadline ? t('portal.recruitment.deadline', { date: call.deadline }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  {typeof call.description === 'string' && call.description !== '' && <p style={{ margin: 0, whiteSpace: 'pre-line' }}>{call.description}</p>}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </>
  );
}
