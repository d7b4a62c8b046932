import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { backupContentType, backupFile } from '../../contracts/backup.js';
import { problem } from '../../contracts/common.js';
import { requestActor } from '../audit/trail.js';
import type { WriteContext } from '../shared/write.js';
import { backUpDatabase, backupFileName } from './service.js';

/** /api/v1/admin/backup — how `starcity backup` gets a consistent backup from the server holding the embedded database. */
export const backupRoutes = (ctx: WriteContext) => async (app: FastifyInstance) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/admin/backup',
    {
      config: { access: 'database.backup' },
      schema: {
        tags: ['admin'],
        summary: 'A backup of the embedded database, consistent while the server runs (PostgreSQL: 409, use pg_dump)',
        response: { 200: { description: 'The backup file, as an attachment', content: { [backupContentType]: { schema: backupFile } } }, 400: problem, 409: problem, 500: problem },
      },
    },
    async (req, reply) => {
      const { file, manifest } = await backUpDatabase(ctx, requestActor(req));
      return reply
        .type(backupContentType)
        .header('content-disposition', `attachment; filename="${backupFileName(new Date(manifest.created_at))}"`)
        .header('x-starcity-backup-sha256', manifest.payload.sha256)
        .header('cache-control', 'no-store')
        .send(file);
    },
  );
};
