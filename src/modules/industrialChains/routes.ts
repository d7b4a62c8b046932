import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problem } from '../../contracts/common.js';
import { chainGaps, chainList, chainParams, chainRows, chainRowsQuery, chainView, chainYearQuery, segmentParams } from '../../contracts/industrialChains.js';
import type { IndustrialChains } from '../../domain/industrialChain.js';
import type { ServiceContext } from '../shared/context.js';
import { chainGapRanking, chainsContext, chainView as viewOf, listChains, segmentRows } from './service.js';

/** /api/v1/chains — 产业链: the chain view, the gap ranking and the rows behind each figure, within the caller's area. */
export const industrialChainRoutes = (ctx: ServiceContext, chains: IndustrialChains) => async (app: FastifyInstance) => {
  const c = chainsContext(ctx, chains);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'chains.read' as const };
  const tags = ['industrial-chains'];
  r.get('/chains', { config, schema: { tags, summary: 'The city’s industrial chains, each with its segments and mapped enterprises', response: { 200: chainList, 400: problem, 500: problem } } }, (req) => listChains(c, req.principal));
  r.get(
    '/chains/gaps',
    {
      config,
      schema: {
        tags,
        summary: 'Gap ranking: segments with many firms but little R&D support, research without local industry to take it up, segments short of capital; each with its figures and rows',
        querystring: chainYearQuery,
        response: { 200: chainGaps, 400: problem, 500: problem },
      },
    },
    (req) => chainGapRanking(c, req.query.year, req.principal),
  );
  r.get(
    '/chains/:chainId',
    {
      config,
      schema: {
        tags,
        summary: 'The chain view: per segment, enterprises, institutions, platforms, achievements, contracts, loans and talent side by side, each figure with its rows; contract flows between segments',
        params: chainParams,
        querystring: chainYearQuery,
        response: { 200: chainView, 400: problem, 404: problem, 500: problem },
      },
    },
    (req) => viewOf(c, req.params.chainId, req.query.year, req.principal),
  );
  r.get(
    '/chains/:chainId/segments/:segmentId/rows',
    {
      config,
      schema: { tags, summary: 'The rows behind one figure of a segment (no personal data), a page at a time', params: segmentParams, querystring: chainRowsQuery, response: { 200: chainRows, 400: problem, 404: problem, 500: problem } },
    },
    (req) => segmentRows(c, req.params.chainId, req.params.segmentId, req.query, req.principal),
  );
};
