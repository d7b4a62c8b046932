import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiProblem, problemTitle } from '../api/problem';
import { messageSide } from '../i18n/language';
import type { PublicDataset, PublicRow } from './api';
import { valueText, type Side } from './profile';

/** What a reply's wait shows: a line screen readers announce, no spinner code. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="portal-muted" role="status">
      {t('portal.loading')}
    </p>
  );
}

/** A failed read, in the current language. */
export function LoadError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const message = error instanceof ApiProblem ? problemTitle(error.problem, messageSide(i18n.language)) : String(error);
  return (
    <p className="portal-alert" role="alert">
      {t('portal.error', { message })}
    </p>
  );
}

/** A query's three states: waiting, failed, or its data drawn. */
export function Loaded<T>({ query, children }: { query: { data: T | undefined; error: unknown }; children: (data: T) => ReactNode }) {
  if (query.error) return <LoadError error={query.error} />;
  if (query.data === undefined) return <Loading />;
  return <>{children(query.data)}</>;
}

type Field = PublicDataset['fields'][number];

/**
 * Published rows as a table, one column a field, each value in the reader's language; `link`
 * makes a row's name a link (to its profile).
 */
export function RowsTable({ fields, rows, side, caption, link }: { fields: readonly Field[]; rows: readonly PublicRow[]; side: Side; caption?: ReactNode; link?: (row: PublicRow) => string | null }) {
  const { t } = useTranslation();
  const words = { yes: t('portal.yes'), no: t('portal.no') };
  const cell = (f: Field, r: PublicRow) => {
    const text = valueText(f, r[f.name], side, words) ?? '';
    const to = f.name === 'name' && link ? link(r) : null;
    return to ? <Link to={to}>{text}</Link> : text;
  };
  return (
    <div className="portal-scroll">
      <table className="portal-table">
        {caption && <caption style={{ textAlign: 'left', paddingBottom: 4 }}>{caption}</caption>}
        <thead>
          <tr>
            {fields.map((f) => (
              <th key={f.name} scope="col">
                {f.title[side]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.id)}>
              {fields.map((f) => (
                <td key={f.name}>{cell(f, r)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
