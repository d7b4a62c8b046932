import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listQuery, problem } from '../../contracts/common.js';
import {
  datasetParams,
  indicatorParams,
  indicatorRowsQuery,
  publicDataset,
  publicDatasetList,
  publicIndicatorDetail,
  publicIndicatorList,
  publicRow,
  publicRowsPage,
} from '../../contracts/publicData.js';
import { publicNoticeList } from '../../contracts/workflows.js';
import type { FilingsContext } from '../filings/context.js';
import { currentNotices } from '../filings/steps.js';
import type { IndicatorEngine } from '../indicators/engine.js';
import { listPublishedRows, publicationOf, publicDataset as describeDataset, publicDatasets, publishedRow } from './datasets.js';
import { indicatorTables, publicIndicator, publicIndicatorRows, publicIndicators } from './indicators.js';
import { datasetSpec } from './publication.js';
import { conditionalReplies } from './replies.js';

const NOTICE_TABLES = ['applications', 'organizations', 'rd_institutions', 'tech_contracts'];
const OPEN_CALLS = { field: 'status', negate: false, alternatives: [{ op: 'eq' as const, value: 'open' }] };

/**
 * /api/v1/public — 开放数据: the published datasets and indicators, read-only, for anyone. Every
 * reply carries a strong ETag and Cache-Control; `If-None-Match` → 304, and a repeated request is
 * served from memory, neither touching the database while nothing it reads has changed.
 */
export const openDataRoutes = (filings: FilingsContext, engine: IndicatorEngine, version: string) => async (app: FastifyInstance) => {
  const ctx = filings;
  const publication = publicationOf(ctx);
  const reply = conditionalReplies(ctx.db, ctx.clock, createHash('sha256').update(`${version}\n${JSON.stringify(publication)}`).digest('hex'));
  // Which tables a dataset reads does not change with the day: worked out once, not per request.
  const tablesOf = new Map(publication.datasets.map((d) => [d.id, datasetSpec(d, ctx.city, ctx.clock.today()).all.tables]));
  const datasetTables = (id: string) => tablesOf.get(id) ?? [];
  const figureTables = indicatorTables(engine, publication);
  // The rows behind a figure are a dataset's: a write to either side changes them.
  const figureRowTables = [...new Set([...figureTables, ...publication.datasets.flatMap((d) => datasetTables(d.id))])];
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'public' as const };
  const tags = ['open-data'];
  const errors = { 400: problem, 404: problem, 500: problem };
  const conditional = ' A strong ETag on every reply: send it back as If-None-Match for a 304.';

  r.get('/datasets', { config, schema: { tags, summary: `The published datasets with their data dictionaries and licence.${conditional}`, response: { 200: publicDatasetList, ...errors } } }, (req, res) =>
    reply(req, res, [], () => ({ licence: publication.licence, results: publicDatasets(ctx) })),
  );
  r.get('/datasets/:id', { config, schema: { tags, summary: `One published dataset and its data dictionary.${conditional}`, params: datasetParams, response: { 200: publicDataset, ...errors } } }, (req, res) =>
    reply(req, res, [], () => describeDataset(ctx, req.params.id)),
  );
  r.get(
    '/datasets/:id/rows',
    {
      config,
      schema: {
        tags,
        summary: `A dataset's published rows, with the registry's list conventions over its published fields (an unpublished field is an unknown one).${conditional}`,
        params: datasetParams,
        querystring: listQuery,
        response: { 200: publicRowsPage, ...errors },
      },
    },
    (req, res) => reply(req, res, datasetTables(req.params.id), () => listPublishedRows(ctx, req.params.id, req.query)),
  );
  r.get(
    '/datasets/:id/rows/:rowId',
    { config, schema: { tags, summary: `One published row.${conditional}`, params: z.strictObject({ id: datasetParams.shape.id, rowId: idParams.shape.id }), response: { 200: publicRow, ...errors } } },
    (req, res) => reply(req, res, datasetTables(req.params.id), () => publishedRow(ctx, req.params.id, req.params.rowId)),
  );

  r.get('/indicators', { config, schema: { tags, summary: `The published indicators: five years of values, the running year's target and its standing — the dashboard's figures.${conditional}`, response: { 200: publicIndicatorList, ...errors } } }, (req, res) =>
    reply(req, res, figureTables, () => publicIndicators(engine, publication)),
  );
  r.get(
    '/indicators/:code',
    { config, schema: { tags, summary: `One published indicator with its figures by district and by zone, and the link to its published rows.${conditional}`, params: indicatorParams, response: { 200: publicIndicatorDetail, ...errors } } },
    (req, res) => reply(req, res, figureTables, () => publicIndicator(engine, publication, req.params.code)),
  );
  r.get(
    '/indicators/:code/rows',
    {
      config,
      schema: { tags, summary: `The published rows behind a figure of a year (and district), within the dataset's published rows and fields.${conditional}`, params: indicatorParams, querystring: indicatorRowsQuery, response: { 200: publicRowsPage, ...errors } },
    },
    (req, res) => reply(req, res, figureRowTables, () => publicIndicatorRows(engine, publication, req.params.code, req.query)),
  );

  r.get('/notices', { config, schema: { tags, summary: `The public notices running now (公示); objections go to POST /api/v1/notices/{id}/objections.${conditional}`, response: { 200: publicNoticeList, ...errors } } }, (req, res) =>
    reply(req, res, NOTICE_TABLES, () => currentNotices(filings)),
  );
  r.get(
    '/recruitment-calls',
    { config, schema: { tags, summary: `The recruitment calls open today (招贤令), published fields only, with the list conventions.${conditional}`, querystring: listQuery, response: { 200: publicRowsPage, ...errors } } },
    (req, res) => reply(req, res, datasetTables('recruitment_calls'), () => listPublishedRows(ctx, 'recruitment_calls', req.query, { filters: [OPEN_CALLS] })),
  );
};
