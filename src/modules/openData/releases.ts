import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Database, Queryable } from '../../db/client.js';
import { tablesVersion } from '../../db/list/cache.js';
import { ChangeLogBuilder, unchanged } from '../../domain/openDataRelease.js';
import type { PublicDataset } from '../../contracts/publicData.js';
import type { AppContext, ServiceContext } from '../shared/context.js';
import { publicDataset, publicDatasets, publicationOf, streamPublishedRows } from './datasets.js';
import { writeDownloadFiles, type DownloadFormat, type PublishedColumn } from './downloadFiles.js';
import { datasetSpec } from './publication.js';
import { completeRelease, discardRelease, dropIncompleteReleases, latestRelease, latestRowHashes, openRelease, readChunk, releasesOf, storeChunk, type ReleaseRow, type StoredFile } from './releasesQueries.js';

/**
 * Releases of a dataset's bulk downloads (发布版本). The files are built again at the first
 * download after the data changed — the `table_versions` of the dataset's tables, its published
 * fields, or the day for a dataset whose rows depend on it — inside one transaction under an advisory lock, so that two server processes
 * never build the same release twice and a half-built release is never seen. A build that changes
 * no published row makes no release: the last one stays, marked current.
 */

export type { ReleaseRow } from './releasesQueries.js';

/** Advisory lock of the release builds, with the dataset's hash as second key (other locks: 4_301_00x). */
const RELEASE_LOCK = 4_301_016;

/**
 * What the current files must have been built from: the version of the dataset's tables, its
 * published fields, and the day when the dataset's rows depend on it (a recruitment call's open or
 * closed status): its list then reads differently on another day. Other datasets are not built
 * again each morning.
 */
async function sourceKey(db: Queryable, ctx: Pick<AppContext, 'city' | 'clock'>, dataset: PublicDataset): Promise<string> {
  const published = publicationOf(ctx).datasets.find((d) => d.id === dataset.id)!;
  const today = ctx.clock.today();
  const spec = datasetSpec(published, ctx.city, today).all;
  const dayMatters = JSON.stringify(spec) !== JSON.stringify(datasetSpec(published, ctx.city, DAY_ZERO).all);
  const version = await tablesVersion(db, spec.tables);
  const fields = createHash('sha256').update(JSON.stringify(dataset.fields)).digest('base64url').slice(0, 16);
  return `${version}${dayMatters ? `@${today}` : ''}#${fields}`;
}

/** Any fixed day: a list that reads the same on it as today does not depend on the day. */
const DAY_ZERO = '1970-01-01';

/** The dataset's current release, built first when its data changed since the last (404 for an unknown dataset). */
export async function currentRelease(ctx: AppContext, datasetId: string): Promise<ReleaseRow> {
  const dataset = publicDataset(ctx, datasetId);
  const latest = await latestRelease(ctx.db, dataset.id);
  if (latest && latest.sourceKey === (await sourceKey(ctx.db, ctx, dataset))) return latest;
  return ctx.db.engine === 'postgres' ? buildLocked(ctx, dataset) : buildAlone(ctx, dataset);
}

/**
 * PostgreSQL, where several server processes may share the database: one transaction holding
 * the dataset's advisory lock, so a release is built once and seen whole or not at all.
 */
function buildLocked(ctx: AppContext, dataset: PublicDataset): Promise<ReleaseRow> {
  return ctx.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [RELEASE_LOCK, dataset.id]);
    // Read after the lock: another process may have built it while this one waited. The version
    // is read before the rows, so the release is at least as new as its key says.
    const key = await sourceKey(tx, ctx, dataset);
    const again = await latestRelease(tx, dataset.id);
    if (again && again.sourceKey === key) return again;
    await dropIncompleteReleases(tx, dataset.id);
    return buildRelease({ ...ctx, db: tx }, dataset, (again?.number ?? 0) + 1, key);
  });
}

const buildsRunning = new WeakMap<Database, Map<string, Promise<ReleaseRow>>>();

/**
 * The embedded database, which one process holds (src/db/lock.ts): a transaction there would hold
 * every other request for the whole build, so the build runs outside one, one per dataset at a
 * time (a second caller waits for the first's), and the release is shown only once its files are
 * complete. A build that failed half-way leaves an incomplete release, cleared by the next.
 */
function buildAlone(ctx: AppContext, dataset: PublicDataset): Promise<ReleaseRow> {
  const running = buildsRunning.get(ctx.db) ?? new Map<string, Promise<ReleaseRow>>();
  buildsRunning.set(ctx.db, running);
  const pending = running.get(dataset.id);
  if (pending) return pending;
  const build = (async () => {
    const key = await sourceKey(ctx.db, ctx, dataset);
    const latest = await latestRelease(ctx.db, dataset.id);
    if (latest && latest.sourceKey === key) return latest;
    await dropIncompleteReleases(ctx.db, dataset.id);
    return buildRelease(ctx, dataset, (latest?.number ?? 0) + 1, key);
  })().finally(() => running.delete(dataset.id));
  running.set(dataset.id, build);
  return build;
}

async function buildRelease(ctx: ServiceContext, dataset: PublicDataset, number: number, key: string): Promise<ReleaseRow> {
  const db = ctx.db;
  const log = new ChangeLogBuilder(await latestRowHashes(db, dataset.id));
  const rowHashes = new Map<string, string>();
  const chunks: Record<DownloadFormat, number> = { 'csv.gz': 0, 'jsonl.gz': 0 };
  await openRelease(db, dataset.id, number, ctx.clock.now(), key);
  const { files, rowCount } = await writeDownloadFiles(
    publishedColumns(dataset),
    streamPublishedRows(ctx, dataset.id),
    (format, seq, bytes) => {
      chunks[format] = seq + 1;
      return storeChunk(db, dataset.id, number, format, seq, bytes);
    },
    (id, hash) => {
      log.observe(id, hash);
      rowHashes.set(id, hash);
    },
  );
  const changes = log.finish();
  if (number > 1 && unchanged(changes)) {
    await discardRelease(db, dataset.id, number, key);
    return (await latestRelease(db, dataset.id))!;
  }
  const stored: StoredFile[] = files.map((f) => ({ ...f, chunks: chunks[f.format] }));
  await completeRelease(db, dataset.id, number, { rowCount, changes, listIds: number > 1, rowHashes, files: stored });
  return (await latestRelease(db, dataset.id))!;
}

function publishedColumns(dataset: PublicDataset): PublishedColumn[] {
  return dataset.fields.map((f) => ({ key: f.name, name: f.title, type: f.type }));
}

/**
 * Builds ahead the current release of each dataset (all published ones when none are named), so
 * no download waits for it; `made` says whether a new release was made.
 */
export async function publishReleases(ctx: AppContext, datasetIds?: readonly string[]): Promise<Array<{ release: ReleaseRow; made: boolean }>> {
  const out = [];
  for (const id of datasetIds?.length ? datasetIds : publicDatasets(ctx).map((d) => d.id)) {
    const before = await latestRelease(ctx.db, publicDataset(ctx, id).id);
    const release = await currentRelease(ctx, id);
    out.push({ release, made: before?.number !== release.number });
  }
  return out;
}

/** Every release of a dataset, newest first, the current one made first. */
export async function releaseHistory(ctx: AppContext, datasetId: string): Promise<ReleaseRow[]> {
  const current = await currentRelease(ctx, datasetId);
  return releasesOf(ctx.db, current.datasetId);
}

/**
 * A file of a release as a byte stream, a stored chunk at a time. A chunk gone before the end —
 * two newer releases made while a slow download ran — fails the stream rather than cut the file.
 */
export function releaseFile(db: Queryable, release: ReleaseRow, format: DownloadFormat): Readable {
  const file = release.files.find((f) => f.format === format)!;
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let seq = 0; seq < file.chunks; seq++) {
      const bytes = await readChunk(db, release.datasetId, release.number, format, seq);
      if (!bytes) throw new Error(`open data: ${release.datasetId} release ${release.number} ${format} is no longer stored`);
      yield bytes;
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
