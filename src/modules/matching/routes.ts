import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, problem } from '../../contracts/common.js';
import { matchList, matchQuery } from '../../contracts/matching.js';
import type { IndustrialChains } from '../../domain/industrialChain.js';
import { graphStoreFor } from '../innovationGraph/store.js';
import type { ServiceContext } from '../shared/context.js';
import { MatchingFactsStore } from './facts.js';
import { enterprisesFor, institutionsFor, loadMatchingConfig, type MatchingContext } from './service.js';

/**
 * /api/v1/matching — 对接推荐: who should meet whom, each candidate with the reasons of its score.
 * The same grant as the innovation graph it reads (achievements.read, city-wide): the candidates
 * are compared with the whole city's records; contracts count only for a caller who reads them city-wide.
 */
export const matchingRoutes = (ctx: ServiceContext, chains: IndustrialChains) => async (app: FastifyInstance) => {
  const config = loadMatchingConfig();
  const m: MatchingContext = { ...ctx, chains, config, graphs: graphStoreFor(ctx.db, ctx.city), facts: new MatchingFactsStore(ctx.db, config.capacityQualifications) };
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { access: { permission: 'achievements.read' as const, cityWide: true as const } };
  const tags = ['matching'];
  const refusals = { 400: problem, 401: problem, 403: problem, 404: problem, 500: problem };
  r.get(
    '/matching/achievements/:id/enterprises',
    {
      config: access,
      schema: {
        tags,
        summary: 'The enterprises most likely to adopt an achievement (segment, field, past contracts, graph proximity, district, capacity), each with the reasons of its score',
        params: idParams,
        querystring: matchQuery,
        response: { 200: matchList, ...refusals },
      },
    },
    (req) => enterprisesFor(m, req.params.id, req.query.limit, req.principal),
  );
  r.get(
    '/matching/enterprises/:id/institutions',
    {
      config: access,
      schema: {
        tags,
        summary: 'The R&D institutions and platforms an enterprise may approach, each with the reasons of its score; 422 for an organization that is not an enterprise',
        params: idParams,
        querystring: matchQuery,
        response: { 200: matchList, ...refusals, 422: problem },
      },
    },
    (req) => institutionsFor(m, req.params.id, req.query.limit, req.principal),
  );
};
