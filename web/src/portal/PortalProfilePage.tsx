import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiProblem } from '../api/problem';
import { messageSide } from '../i18n/language';
import { usePublicDataset, usePublicRow, usePublicRows, type PublicDataset, type PublicRow } from './api';
import { Loaded, LoadError, Loading, RowsTable } from './parts';
import { PORTAL } from './paths';
import { PortalNotFound } from './PortalNotFound';
import { achievementsQuery, fourGlobalFeatures, PROFILE_DATASET, profileFields, profileTitle, transfersQuery, type ProfileKind, type Side } from './profile';

/** The public profile of a filed platform or a recognized R&D institution: published fields only. */
export function PortalProfilePage({ kind }: { kind: ProfileKind }) {
  const { id = '' } = useParams();
  if (!/^[1-9]\d{0,9}$/.test(id)) return <PortalNotFound />;
  return <Profile kind={kind} id={Number(id)} />;
}

function Profile({ kind, id }: { kind: ProfileKind; id: number }) {
  const { t, i18n } = useTranslation();
  const side = messageSide(i18n.language);
  const dataset = usePublicDataset(PROFILE_DATASET[kind]);
  const row = usePublicRow(PROFILE_DATASET[kind], id);
  if (row.error instanceof ApiProblem && row.error.status === 404) {
    return (
      <>
        <h1>{t('portal.profile.notFound')}</h1>
        <Link to={PORTAL.search}>{t('portal.profile.back')}</Link>
      </>
    );
  }
  if (row.error) return <LoadError error={row.error} />;
  if (!row.data || !dataset) return <Loading />;
  return (
    <article data-testid="portal-profile">
      <p className="portal-muted" style={{ margin: 0 }}>
        {t(kind === 'platform' ? 'portal.profile.platformKind' : 'portal.profile.institutionKind')}
      </p>
      <h1>{profileTitle(row.data, side)}</h1>
      <Details dataset={dataset} row={row.data} side={side} />
      <FourGlobal dataset={dataset} row={row.data} side={side} />
      <Related kind={kind} id={id} side={side} />
    </article>
  );
}

function Details({ dataset, row, side }: { dataset: PublicDataset; row: PublicRow; side: Side }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="profile-details">
      <h2 id="profile-details">{t('portal.profile.details')}</h2>
      <dl className="portal-dl">
        {profileFields(dataset, row, side, { yes: t('portal.yes'), no: t('portal.no') }).map((f) => (
          <div key={f.name} style={{ display: 'contents' }}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function FourGlobal({ dataset, row, side }: { dataset: PublicDataset; row: PublicRow; side: Side }) {
  const { t } = useTranslation();
  const features = fourGlobalFeatures(dataset, row, side);
  if (features.length === 0) return null;
  const claimed = features.filter((f) => f.claimed);
  return (
    <section aria-labelledby="profile-four-global" data-testid="portal-four-global">
      <h2 id="profile-four-global">{t('portal.profile.fourGlobal')}</h2>
      {claimed.length === 0 ? (
        <p>{t('portal.profile.fourGlobalNone')}</p>
      ) : (
        <ul className="portal-list">
          {claimed.map((f) => (
            <li key={f.code} className="portal-card">
              <h3>
                {f.label}
                {f.confirmedOn && <span className="portal-status" data-status="met">{t('portal.profile.confirmedOn', { date: f.confirmedOn })}</span>}
              </h3>
              <p style={{ margin: 0 }}>{f.evidence ? t('portal.profile.evidence', { summary: f.evidence }) : t('portal.profile.noEvidence')}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Its published achievements, and the transfers of those achievements. */
function Related({ kind, id, side }: { kind: ProfileKind; id: number; side: Side }) {
  const achievements = usePublicRows('achievements', achievementsQuery(kind, id));
  const transfers = transfersQuery((achievements.data?.results ?? []).map((r) => Number(r.id)));
  return (
    <>
      <RelatedTable title="portal.profile.achievements" dataset="achievements" query={achievements} side={side} columns={['title', 'type', 'year', 'owner_name']} />
      <TransfersTable query={transfers} ready={achievements.data !== undefined} side={side} />
    </>
  );
}

function TransfersTable({ query, ready, side }: { query: ReturnType<typeof transfersQuery>; ready: boolean; side: Side }) {
  const transfers = usePublicRows('transfers', query ?? {}, { enabled: query !== null });
  const none = { data: { results: [] as PublicRow[] }, error: null };
  return <RelatedTable title="portal.profile.transfers" dataset="transfers" query={query === null ? (ready ? none : { data: undefined, error: null }) : transfers} side={side} columns={['achievement_title', 'receiver_name', 'mode', 'transferred_on']} />;
}

interface RelatedProps {
  title: 'portal.profile.achievements' | 'portal.profile.transfers';
  dataset: string;
  query: { data: { results: PublicRow[] } | undefined; error: unknown };
  side: Side;
  columns: readonly string[];
}

/** A small table of a related dataset's rows, its columns those the dataset publishes. */
function RelatedTable({ title, dataset: datasetId, query, side, columns }: RelatedProps) {
  const { t } = useTranslation();
  const dataset = usePublicDataset(datasetId);
  const fields = (dataset?.fields ?? []).filter((f) => columns.includes(f.name));
  const headingId = `profile-${datasetId}`;
  return (
    <section aria-labelledby={headingId} data-testid={`portal-related-${datasetId}`}>
      <h2 id={headingId}>{t(title)}</h2>
      <Loaded query={query}>
        {({ results }) =>
          results.length === 0 || !dataset ? (
            <p>{t('portal.profile.none')}</p>
          ) : (
            <RowsTable fields={fields} rows={results} side={side} />
          )
        }
      </Loaded>
    </section>
  );
}
