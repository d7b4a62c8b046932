import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditList, auditVerification } from '../../contracts/audit.js';
import { problem } from '../../contracts/common.js';
import { exportContentTypes, exportQuery } from '../../contracts/exports.js';
import type { ServiceContext } from '../shared/context.js';
import { listQueryFor } from '../../http/validation.js';
import { auditListSpec } from './queries.js';
import { exportAudit, listAudit, verifyAudit } from './service.js';

const errors = { 400: problem, 500: problem } as const;
const file = z.unknown().meta({ type: 'string', format: 'binary', description: 'The file' });

/** /api/v1/audit — the audit log, for administrators: list, export, verify. */
export const auditRoutes = (ctx: ServiceContext) => async (app: FastifyInstance) => {
  const { db } = ctx;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  const config = { access: 'audit.read' as const };

  r.get(
    '/audit',
    { config, schema: { tags, summary: 'Audit log entries, newest first; filter by username, action, entity, record_id, at (>…, <…)', querystring: listQueryFor(auditListSpec), response: { 200: auditList, ...errors } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return listAudit(db, req.query);
    },
  );

  r.get(
    '/audit/export',
    {
      config,
      schema: {
        tags,
        summary: 'Export the audit log (CSV, XLSX or JSON Lines) with the list’s filter, hashes included',
        querystring: exportQuery,
        response: {
          200: { description: 'The file, as an attachment', content: Object.fromEntries(Object.values(exportContentTypes).map((type) => [type.split(';')[0]!, { schema: file }])) },
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const out = exportAudit(ctx, req.query);
      return reply.type(exportContentTypes[req.query.format]).header('content-disposition', out.contentDisposition).header('cache-control', 'no-store').send(out.stream);
    },
  );

  r.get('/audit/verify', { config, schema: { tags, summary: 'Recompute the whole hash chain and report any entry that was changed, inserted or removed', response: { 200: auditVerification, ...errors } } }, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    return verifyAudit(db);
  });
};
