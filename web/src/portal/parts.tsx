import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiProblem, problemTitle } from '../api/problem';
import { messageSide } from '../i18n/language';

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
