import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problem } from '../../contracts/common.js';
import { centrality, centralityQuery, communities, communitiesQuery, graphNodeParams, graphPath, graphStats, neighbourhood, neighbourhoodQuery, pathQuery } from '../../contracts/innovationGraph.js';
import type { ServiceContext } from '../shared/context.js';
import { centralityOf, communitiesOf } from './measures.js';
import { neighbourhoodOf, nodeRefOf, pathBetween, statsOf, viewOf } from './service.js';
import { graphStoreFor } from './store.js';

/**
 * /api/v1/graph — 创新网络: the registry's relations as one graph. A reader of projects and
 * achievements beyond its own organization may ask: an area officer sees its area's records and
 * their direct relations, the nodes outside masked (area.ts); each edge type shows only when its
 * records' read permission reaches the caller's view (contracts need tech_contracts.read, loans
 * ip_loans.read, talent talent.read).
 */
export const innovationGraphRoutes = (ctx: ServiceContext) => async (app: FastifyInstance) => {
  const store = graphStoreFor(ctx.db, ctx.city);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = { access: 'achievements.read' as const };
  const refusals = { 400: problem, 401: problem, 403: problem, 404: problem, 422: problem, 500: problem };
  r.get(
    '/graph/nodes/:kind/:id/neighbourhood',
    {
      config,
      schema: {
        tags: ['graph'],
        summary: 'The nodes within 1–3 hops of a node over the chosen edge types and dates, and the edges among them, with names',
        params: graphNodeParams,
        querystring: neighbourhoodQuery,
        response: { 200: neighbourhood, ...refusals },
      },
    },
    async (req) => neighbourhoodOf(ctx, await viewOf(ctx, store, req.principal, req.query.edge_types), nodeRefOf(req.params.kind, req.params.id), req.query),
  );
  r.get(
    '/graph/path',
    {
      config,
      schema: {
        tags: ['graph'],
        summary: 'A shortest path between two entities, explained edge by edge (type, date, amount, both ends); 404 when none joins them',
        querystring: pathQuery,
        response: { 200: graphPath, ...refusals },
      },
    },
    async (req) => pathBetween(ctx, await viewOf(ctx, store, req.principal, req.query.edge_types), req.query),
  );
  r.get(
    '/graph/centrality',
    {
      config,
      schema: {
        tags: ['graph'],
        summary: 'The hubs: nodes ranked by degree or PageRank over the chosen edge types',
        querystring: centralityQuery,
        response: { 200: centrality, ...refusals },
      },
    },
    async (req) => centralityOf(ctx, await viewOf(ctx, store, req.principal, req.query.edge_types), req.query),
  );
  r.get(
    '/graph/communities',
    {
      config,
      schema: {
        tags: ['graph'],
        summary: 'Clusters (Louvain communities) over the chosen edge types, largest first, with their best-connected members',
        querystring: communitiesQuery,
        response: { 200: communities, ...refusals },
      },
    },
    async (req) => communitiesOf(ctx, await viewOf(ctx, store, req.principal, req.query.edge_types), req.query),
  );
  r.get(
    '/graph/stats',
    {
      config,
      schema: {
        tags: ['graph'],
        summary: 'Nodes per kind, edges per type (those the caller sees), the build time and the bytes per edge',
        response: { 200: graphStats, ...refusals },
      },
    },
    async (req) => statsOf(await viewOf(ctx, store, req.principal)),
  );
};
