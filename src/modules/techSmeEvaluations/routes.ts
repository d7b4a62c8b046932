import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, problem } from '../../contracts/common.js';
import { storedTechSmeEvaluation, storedTechSmeEvaluationList, techSmeEvaluationResult, techSmeEvaluationSave, techSmeFigures } from '../../contracts/techSmeEvaluation.js';
import { evaluateTechSme } from '../../domain/techSmeEvaluation.js';
import { requestActor } from '../audit/trail.js';
import type { AppContext } from '../shared/context.js';
import { listEvaluations, saveEvaluation } from './service.js';

const writeErrors = { 400: problem, 401: problem, 403: problem, 404: problem, 413: problem, 415: problem, 500: problem } as const;

/** /api/v1/tech-sme-evaluation (anyone) and an organization's stored evaluations. */
export const techSmeEvaluationRoutes = (ctx: AppContext) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tech-sme'];

  r.post(
    '/tech-sme-evaluation',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Evaluate an enterprise as a tech-based SME (科技型中小企业评价): eligibility, every scored item explained, the total and the route',
        description: 'Needs no account and stores nothing. Amounts are yuan as decimal text, compared exactly at band edges (lower bounds inclusive; the 500-staff and 2亿 limits inclusive).',
        body: techSmeFigures,
        response: { 200: techSmeEvaluationResult, 400: problem, 413: problem, 415: problem, 500: problem },
      },
    },
    (req) => evaluateTechSme(req.body),
  );

  r.post(
    '/organizations/:id/tech-sme-evaluations',
    {
      config: { access: 'tech_sme_evaluations.write' },
      schema: {
        tags,
        summary: 'Store a self-evaluation with the organization (its organization user); the server evaluates the figures',
        params: idParams,
        body: techSmeEvaluationSave,
        response: { 201: storedTechSmeEvaluation, ...writeErrors },
      },
    },
    async (req, reply) => reply.code(201).send(await saveEvaluation(ctx, req.principal, requestActor(req), req.params.id, req.body)),
  );

  r.get(
    '/organizations/:id/tech-sme-evaluations',
    {
      config: { access: 'tech_sme_evaluations.read' },
      schema: {
        tags,
        summary: 'The organization’s stored self-evaluations, newest first (its organization users; officers of its area)',
        params: idParams,
        response: { 200: storedTechSmeEvaluationList, 400: problem, 401: problem, 403: problem, 404: problem, 500: problem },
      },
    },
    (req) => listEvaluations(ctx, req.principal, req.params.id),
  );
};
