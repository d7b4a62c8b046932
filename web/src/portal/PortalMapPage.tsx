import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useMeta } from '../api/hooks';
import { messageSide } from '../i18n/language';
import { usePublicIndicator, usePublicIndicators, type PublicIndicator } from './api';
import { cartogram } from './cartogram';
import { Cartogram } from './Cartogram';
import { breakdownFor, figurePath, figureText, mapParamsOf, readMapChoice, yearsOf, type MapChoice } from './indicators';
import { Loaded, LoadError, Loading } from './parts';

/** 创新地图: a published indicator by district or by zone on the city's schematic map. */
export function PortalMapPage() {
  const { t } = useTranslation();
  const indicators = usePublicIndicators();
  return (
    <>
      <h1>{t('portal.map.title')}</h1>
      <p className="portal-lead">{t('portal.map.intro')}</p>
      <Loaded query={indicators}>{({ results }) => <MapOf indicators={results} />}</Loaded>
    </>
  );
}

function MapOf({ indicators }: { indicators: PublicIndicator[] }) {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const [params, setParams] = useSearchParams();
  const choice = readMapChoice(params, indicators);
  const meta = useMeta();
  const detail = usePublicIndicator(choice?.code ?? '');
  const indicator = indicators.find((i) => i.code === choice?.code);
  const places = choice?.by === 'zone' ? meta.data?.city.zones : meta.data?.city.districts;
  const map = useMemo(() => (choice && places && detail.data ? cartogram(places, breakdownFor(detail.data, choice.by, choice.year), side) : null), [choice?.by, choice?.year, places, detail.data, side]);
  if (!choice || !indicator) return <p>{t('portal.home.noData')}</p>;
  const change = (next: Partial<MapChoice>) => setParams(mapParamsOf({ ...choice, ...next }), { replace: true });
  return (
    <>
      <form className="portal-form" onSubmit={(e) => e.preventDefault()} data-testid="portal-map-form">
        <label>
          {t('portal.map.indicator')}
          <select value={choice.code} onChange={(e) => change({ code: e.target.value, year: '' })}>
            {indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {i.name[side]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('portal.map.year')}
          <select value={choice.year} onChange={(e) => change({ year: e.target.value })}>
            {yearsOf(indicator).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <fieldset style={{ border: 'none', padding: 0, margin: 0, display: 'flex', gap: 12, alignItems: 'center' }}>
          <legend className="portal-muted" style={{ padding: 0 }}>
            {t('portal.map.by')}
          </legend>
          {(['district', 'zone'] as const).map((by) => (
            <label key={by} style={{ flexDirection: 'row', alignItems: 'center', gap: 4 }}>
              <input type="radio" name="by" value={by} checked={choice.by === by} onChange={() => change({ by })} />
              {t(by === 'district' ? 'portal.map.districts' : 'portal.map.zones')}
            </label>
          ))}
        </fieldset>
      </form>
      {detail.error ? (
        <LoadError error={detail.error} />
      ) : !map ? (
        <Loading />
      ) : (
        <Cartogram
          map={map}
          side={side}
          caption={`${indicator.name[side]} · ${choice.year} · ${t(choice.by === 'district' ? 'portal.map.districts' : 'portal.map.zones')}`}
          format={(v) => figureText(v, indicator, side)}
          hrefOf={(p) => figurePath(choice.code, { year: choice.year, area: { kind: choice.by, code: p.code } })}
        />
      )}
    </>
  );
}
