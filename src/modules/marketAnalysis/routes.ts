import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../contracts/common.js';
import { exportContentTypes } from '../../contracts/exports.js';
import { marketAnalysis, marketAnalysisExportQuery, marketAnalysisQuery, marketTopSellers, marketTopSellersQuery } from '../../contracts/marketAnalysis.js';
import type { ServiceContext } from '../shared/context.js';
import { analyse, exportAnalysis, topSellersOf } from './service.js';
import { ContractColumnStore } from './store.js';

const file = z.unknown().meta({ type: 'string', format: 'binary', description: 'The XLSX file' });

/** /api/v1/market-analysis — 技术市场分析: read by reach, like the contracts themselves. */
export const marketAnalysisRoutes = (ctx: ServiceContext) => async (app: FastifyInstance) => {
  const store = new ContractColumnStore(ctx.db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { access: 'tech_contracts.read' as const };
  r.get(
    '/market-analysis',
    {
      config: access,
      schema: {
        tags: ['market-analysis'],
        summary: 'Registered technology contracts by up to two dimensions: counts and exact sums, optionally beside the year before, each cell with its drill-down filter',
        querystring: marketAnalysisQuery,
        response: { 200: marketAnalysis, 400: problem, 500: problem },
      },
    },
    (req) => analyse(ctx, store, req.query, req.principal),
  );
  r.get(
    '/market-analysis/top-sellers',
    {
      config: access,
      schema: {
        tags: ['market-analysis'],
        summary: 'The sellers of the largest registered contract amounts in the periods',
        querystring: marketTopSellersQuery,
        response: { 200: marketTopSellers, 400: problem, 500: problem },
      },
    },
    (req) => topSellersOf(ctx, store, req.query, req.principal),
  );
  r.get(
    '/market-analysis/export',
    {
      config: access,
      schema: {
        tags: ['market-analysis'],
        summary: 'The analysis table as an XLSX file (headers and labels in zh or en)',
        querystring: marketAnalysisExportQuery,
        response: { 200: { description: 'The file, as an attachment', content: { [exportContentTypes.xlsx]: { schema: file } } }, 400: problem, 500: problem },
      },
    },
    async (req, reply) => {
      const out = await exportAnalysis(ctx, store, req.query, req.principal);
      return reply.type(exportContentTypes.xlsx).header('content-disposition', out.contentDisposition).header('cache-control', 'no-store').send(out.stream);
    },
  );
};
