import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiProblem } from '../api/problem';
import { useMeta } from '../api/hooks';
import { codeLabel } from '../i18n/codeLabels';
import { messageSide } from '../i18n/language';
import { usePublicDataset, usePublicIndicator, usePublicIndicatorRows, type PublicIndicatorDetail, type PublicRowsPage } from './api';
import { chosenValue, figurePath, figureText, latestFigure, readFigureChoice, ROWS_PAGE_SIZE, rowsQuery, type FigureChoice, type Side } from './indicators';
import { Loaded, LoadError, Loading, RowsTable } from './parts';
import { PORTAL } from './paths';
import { profileKindOf, rowColumns } from './profile';
import { profilePath } from './search';

/** An indicator's figure for a year and an area (the city, a district or a zone), its five years, and the published rows behind it. */
export function PortalIndicatorPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation();
  const detail = usePublicIndicator(code);
  if (detail.error instanceof ApiProblem && detail.error.status === 404) return <h1>{t('portal.notFound')}</h1>;
  if (detail.error) return <LoadError error={detail.error} />;
  if (!detail.data) return <Loading />;
  return <IndicatorFigure detail={detail.data} />;
}

function IndicatorFigure({ detail }: { detail: PublicIndicatorDetail }) {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const [params] = useSearchParams();
  const asked = readFigureChoice(params);
  const year = asked.year ?? latestFigure(detail.values)?.period ?? detail.values.at(-1)?.period ?? '';
  const choice: FigureChoice = { year, area: asked.area };
  const meta = useMeta().data;
  const areaName = choice.area ? codeLabel(meta, choice.area.kind, choice.area.code, side) : t('portal.indicator.wholeCity');
  const format = (v: number | null) => figureText(v, detail, side);
  return (
    <article data-testid="portal-indicator-page">
      <h1>{detail.name[side]}</h1>
      <p className="portal-lead">{detail.definition[side]}</p>
      <p>
        <span className="portal-figure" data-testid="portal-indicator-value">
          {format(chosenValue(detail, year, choice.area))}
        </span>{' '}
        <span className="portal-muted">
          {t('portal.indicator.period', { period: year })} · {t('portal.indicator.area', { area: areaName })} · {t(detail.source === 'official' ? 'portal.indicator.official' : 'portal.indicator.computed')}
        </span>
      </p>
      {detail.target && !choice.area && (
        <p>
          {t('portal.home.target', { target: format(detail.target.value) })} ({detail.target.period})
          <span className="portal-status" data-status={detail.target.status}>
            {detail.target.status_label[side]}
          </span>
        </p>
      )}
      <h2>{t('portal.indicator.years')}</h2>
      <div className="portal-scroll">
        <table className="portal-table">
          <thead>
            <tr>
              <th scope="col">{t('portal.map.year')}</th>
              <th scope="col" className="num">
                {t('portal.map.value')}
              </th>
              <th scope="col">{t('portal.indicator.sourceNote')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.values.map((v) => (
              <tr key={v.period}>
                <th scope="row" style={{ fontWeight: 'normal' }}>
                  <Link to={figurePath(detail.code, { year: v.period, area: choice.area })}>{v.period}</Link>
                </th>
                <td className="num">{format(choice.area ? chosenValue(detail, v.period, choice.area) : v.value)}</td>
                <td>{v.source_note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <Link to={`${PORTAL.map}?indicator=${encodeURIComponent(detail.code)}&year=${year}`}>{t('portal.indicator.onMap')}</Link>
      </p>
      {detail.links.rows ? <FigureRows code={detail.code} year={year} area={choice.area} side={side} /> : <p className="portal-muted">{t('portal.indicator.noRows')}</p>}
    </article>
  );
}

function FigureRows({ code, year, area, side }: { code: string; year: string; area: FigureChoice['area']; side: Side }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const rows = usePublicIndicatorRows(code, rowsQuery(year, area, page));
  return (
    <section aria-labelledby="indicator-rows" data-testid="portal-indicator-rows">
      <h2 id="indicator-rows">{t('portal.indicator.rowsTitle')}</h2>
      <Loaded query={rows}>
        {(data) => (
          <>
            <PublishedRows page={data} side={side} />
            {data.meta.count > ROWS_PAGE_SIZE && (
              <nav aria-label={t('portal.search.pages')} style={{ display: 'flex', gap: 12, alignItems: 'center', marginTop: 12 }}>
                <button type="button" className="portal-button secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                  {t('portal.search.prev')}
                </button>
                <span>{t('portal.search.page', { page, pages: Math.ceil(data.meta.count / ROWS_PAGE_SIZE) })}</span>
                <button type="button" className="portal-button secondary" disabled={page * ROWS_PAGE_SIZE >= data.meta.count} onClick={() => setPage(page + 1)}>
                  {t('portal.search.next')}
                </button>
              </nav>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

/** The page of rows behind a figure, a row's name leading to its profile where it has one. */
function PublishedRows({ page, side }: { page: PublicRowsPage; side: Side }) {
  const { t } = useTranslation();
  const dataset = usePublicDataset(page.dataset);
  if (!dataset) return <Loading />;
  if (page.results.length === 0) return <p>{t('portal.search.none')}</p>;
  const profileKind = profileKindOf(dataset.id);
  return (
    <RowsTable
      fields={rowColumns(dataset)}
      rows={page.results}
      side={side}
      caption={`${dataset.title[side]} · ${t('portal.search.results', { count: page.meta.count })}`}
      link={profileKind ? (r) => profilePath(profileKind, r) : undefined}
    />
  );
}
