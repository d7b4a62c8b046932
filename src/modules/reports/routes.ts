import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../contracts/common.js';
import { annualReportParams, annualReportQuery, reportContentTypes } from '../../contracts/reports.js';
import type { IndicatorEngine } from '../indicators/engine.js';
import { PdfPrinter } from './pdf.js';
import { annualReport } from './service.js';

/** The reply body is a file; documented as a binary string. */
const file = z.unknown().meta({ type: 'string', format: 'binary', description: 'The report file' });

/** GET /api/v1/reports/annual/{year} — 年度统计报告: PDF, XLSX or HTML, in Chinese or English. */
export const reportRoutes = (engine: IndicatorEngine, opts: { chromium: string }) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // One browser for the server's PDFs, closed with the app.
  const printer = new PdfPrinter(opts.chromium);
  app.addHook('onClose', () => printer.close());
  r.get(
    '/reports/annual/:year',
    {
      config: { access: 'registry.read' },
      schema: {
        tags: ['reports'],
        summary: 'The statistical report of a year: headline indicators against targets, five-year trends, districts and zones, with charts and a generated commentary',
        params: annualReportParams,
        querystring: annualReportQuery,
        response: {
          200: { description: 'The report, as an attachment', content: Object.fromEntries(Object.values(reportContentTypes).map((type) => [type.split(';')[0]!, { schema: file }])) },
          400: problem,
          401: problem,
          403: problem,
          500: problem,
          503: problem,
        },
      },
    },
    async (req, reply) => {
      const out = await annualReport(engine, req.params.year, req.query, printer);
      return reply.type(out.contentType).header('content-disposition', out.contentDisposition).header('cache-control', 'no-store').send(out.body);
    },
  );
};
