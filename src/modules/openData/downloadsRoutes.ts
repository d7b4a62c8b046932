import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../contracts/common.js';
import { dataDictionary as dictionaryReply, dcatCatalogue, downloadParams, releaseList } from '../../contracts/openDataReleases.js';
import { versionWatchFor } from '../../db/versionWatch.js';
import { dataDictionary } from '../../domain/openDataRelease.js';
import type { AppContext } from '../shared/context.js';
import { openDataCatalogue } from './catalogue.js';
import { publicationOf, publicDataset } from './datasets.js';
import type { DownloadFormat } from './downloadFiles.js';
import { datasetSpec } from './publication.js';
import { currentRelease, releaseFile, releaseHistory, type ReleaseRow } from './releases.js';
import { conditionalReplies, matchesIfNoneMatch, PUBLIC_CACHE_CONTROL } from './replies.js';

/**
 * The bulk downloads of /api/v1/public (批量下载): each dataset's files, data dictionary and
 * releases, and the DCAT catalogue. Like the rest of the public API, every reply has a strong ETag
 * made from what it is built of (the tables' counters, held in memory, the day, the publication),
 * so an `If-None-Match` that still matches is a 304 without a database query.
 */
export const downloadRoutes = (ctx: AppContext, version: string) => async (app: FastifyInstance) => {
  const publication = publicationOf(ctx);
  const stamp = createHash('sha256').update(`${version}\n${JSON.stringify(publication)}`).digest('hex');
  const reply = conditionalReplies(ctx.db, ctx.clock, stamp);
  const watch = versionWatchFor(ctx.db);
  const datasetTables = (id: string) => {
    const dataset = publication.datasets.find((d) => d.id === id);
    return dataset ? datasetSpec(dataset, ctx.city, ctx.clock.today()).all.tables : [];
  };
  const allTables = [...new Set(publication.datasets.flatMap((d) => datasetTables(d.id)))];

  /** The strong ETag of a reply that is not kept in memory (a file; the catalogue, whose links name the host asked). */
  const tagOf = async (req: FastifyRequest, tables: readonly string[], origin = '') => {
    const counters = await watch.version(tables);
    return `"${createHash('sha256').update(`${stamp}\n${origin}\n${req.url}\n${counters}\n${ctx.clock.today()}`).digest('base64url').slice(0, 32)}"`;
  };
  /** Sets the ETag and Cache-Control; answers 304 (and says so) when the client holds the same. */
  const notModified = (req: FastifyRequest, res: FastifyReply, tag: string) => {
    res.header('etag', tag).header('cache-control', PUBLIC_CACHE_CONTROL);
    if (!matchesIfNoneMatch(req.headers['if-none-match'], tag)) return false;
    void res.code(304).send();
    return true;
  };

  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'public' as const };
  const tags = ['open-data'];
  const errors = { 400: problem, 404: problem, 500: problem };
  const file = z.unknown().meta({ type: 'string', format: 'binary', description: 'The gzip file' });

  const download = (format: DownloadFormat, what: string) =>
    r.get(
      `/datasets/:id/download.${format}`,
      {
        config,
        schema: {
          tags,
          summary: `A dataset's published rows as ${what}, gzip-compressed, at its current release (built again when the data changed). A strong ETag: If-None-Match for a 304.`,
          params: downloadParams,
          response: { 200: { description: 'The file, as an attachment', content: { 'application/gzip': { schema: file } } }, ...errors },
        },
      },
      async (req, res) => {
        const tag = await tagOf(req, datasetTables(req.params.id));
        if (notModified(req, res, tag)) return res;
        const release = await currentRelease(ctx, req.params.id);
        const stored = release.files.find((f) => f.format === format)!;
        return res
          .type('application/gzip')
          .header('content-length', stored.byteSize)
          .header('content-disposition', `attachment; filename="${release.datasetId}-r${release.number}.${format}"`)
          .header('x-release', release.number)
          .send(releaseFile(ctx.db, release, format));
      },
    );
  download('csv.gz', 'CSV (UTF-8 with a BOM, canonical field names as headers)');
  download('jsonl.gz', 'JSON Lines (one object per row)');

  r.get(
    '/datasets/:id/dictionary.json',
    { config, schema: { tags, summary: "A dataset's data dictionary: the files' fields in order, their zh/en names, types, formats and code lists, and the licence.", params: downloadParams, response: { 200: dictionaryReply, ...errors } } },
    (req, res) => reply(req, res, [], () => dataDictionary(publicDataset(ctx, req.params.id))),
  );

  r.get(
    '/datasets/:id/releases',
    { config, schema: { tags, summary: "A dataset's releases, newest first, each with its change log against the one before: rows added, changed and removed.", params: downloadParams, response: { 200: releaseList, ...errors } } },
    (req, res) => reply(req, res, datasetTables(req.params.id), async () => presentReleases(req.params.id, await releaseHistory(ctx, req.params.id))),
  );

  r.get(
    '/catalog.jsonld',
    { config, schema: { tags, summary: 'The DCAT catalogue (JSON-LD) of every published dataset and its download files, with sizes and SHA-256.', response: { 200: dcatCatalogue, ...errors } } },
    async (req, res) => {
      const origin = `${req.protocol}://${req.host}`;
      const tag = await tagOf(req, allTables, origin);
      if (notModified(req, res, tag)) return res;
      return res.type('application/ld+json; charset=utf-8').send(await openDataCatalogue(ctx, origin));
    },
  );
};

function presentReleases(datasetId: string, releases: ReleaseRow[]) {
  return {
    dataset: datasetId,
    current: releases[0]!.number,
    results: releases.map((r) => ({
      release: r.number,
      released_at: r.releasedAt,
      row_count: r.rowCount,
      added: r.added,
      changed: r.changed,
      removed: r.removed,
      ids: r.changes,
      files: r.files.map((f) => ({ format: f.format, byte_size: f.byteSize, sha256: f.sha256 })),
    })),
  };
}
