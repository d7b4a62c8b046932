import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { messageSide } from '../i18n/language';
import { usePublicDataset, usePublicRows } from './api';
import { Loaded } from './parts';
import { profileFields, profileTitle } from './profile';
import { pageCount, profilePath, readSearch, searchParamsOf, searchQuery, type SearchState } from './search';

/** 检索: filed platforms or recognized R&D institutions by any part of their name. */
export function PortalSearchPage() {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const [params, setParams] = useSearchParams();
  const state = readSearch(params);
  const { dataset: datasetId, query } = searchQuery(state);
  const dataset = usePublicDataset(datasetId);
  const rows = usePublicRows(datasetId, query);
  const go = (next: SearchState) => setParams(searchParamsOf(next));
  const words = { yes: t('portal.yes'), no: t('portal.no') };
  const pages = pageCount(rows.data?.meta.count ?? 0);
  return (
    <>
      <h1>{t('portal.search.title')}</h1>
      <p className="portal-lead">{t('portal.search.intro')}</p>
      <SearchForm key={`${state.kind}:${state.q}`} state={state} onSearch={go} />
      <Loaded query={rows}>
        {(page) => (
          <>
            <p className="portal-muted" role="status" data-testid="portal-search-count">
              {page.meta.count === 0 ? t('portal.search.none') : t('portal.search.results', { count: page.meta.count })}
            </p>
            <ul className="portal-list" data-testid="portal-search-results">
              {page.results.map((row) => (
                <li key={String(row.id)} className="portal-card">
                  <h2 style={{ margin: 0, fontSize: 16 }}>
                    <Link to={profilePath(state.kind, row)}>{profileTitle(row, side)}</Link>
                  </h2>
                  {dataset && (
                    <p className="portal-muted" style={{ margin: 0 }}>
                      {profileFields(dataset, row, side, words)
                        .filter((f) => ['host_name', 'type', 'category', 'level', 'district_code'].includes(f.name))
                        .map((f) => f.value)
                        .join(' · ')}
                    </p>
                  )}
                </li>
              ))}
            </ul>
            {pages > 1 && (
              <nav aria-label={t('portal.search.pages')} style={{ display: 'flex', gap: 12, alignItems: 'center', marginTop: 16 }}>
                <button type="button" className="portal-button secondary" disabled={state.page <= 1} onClick={() => go({ ...state, page: state.page - 1 })}>
                  {t('portal.search.prev')}
                </button>
                <span>{t('portal.search.page', { page: state.page, pages })}</span>
                <button type="button" className="portal-button secondary" disabled={state.page >= pages} onClick={() => go({ ...state, page: state.page + 1 })}>
                  {t('portal.search.next')}
                </button>
              </nav>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}

function SearchForm({ state, onSearch }: { state: SearchState; onSearch: (s: SearchState) => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState(state.kind);
  const [q, setQ] = useState(state.q);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch({ kind, q: q.trim(), page: 1 });
  };
  return (
    <form className="portal-form" role="search" onSubmit={submit} data-testid="portal-search-form">
      <label>
        {t('portal.search.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value === 'institution' ? 'institution' : 'platform')}>
          <option value="platform">{t('portal.search.platforms')}</option>
          <option value="institution">{t('portal.search.institutions')}</option>
        </select>
      </label>
      <label style={{ flex: '1 1 220px' }}>
        {t('portal.search.name')}
        <input type="search" value={q} maxLength={100} placeholder={t('portal.search.placeholder')} onChange={(e) => setQ(e.target.value)} />
      </label>
      <button type="submit" className="portal-button">
        {t('portal.search.submit')}
      </button>
    </form>
  );
}
