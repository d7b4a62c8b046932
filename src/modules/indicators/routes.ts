import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { groupBucket, idParams, listEnvelope, problem } from '../../contracts/common.js';
import {
  cascadeBody,
  codeParams,
  dashboard as dashboardReply,
  dashboardQuery,
  indicator,
  indicatorCatalogue,
  observationList,
  observationQuery,
  officialValue,
  officialValueCreate,
  officialValueList,
  registryEntities,
  rowsQuery,
  target,
  targetCreate,
  targetList,
  targetPatch,
  targetQuery,
} from '../../contracts/indicators.js';
import type { RecordScope } from '../../domain/permissions.js';
import { requestActor } from '../audit/trail.js';
import { authorize, limitedReach, type Principal } from '../shared/principal.js';
import { expectedVersion } from '../shared/records.js';
import { etag } from '../shared/write.js';
import { dashboard } from './dashboard.js';
import type { IndicatorEngine } from './engine.js';
import { addOfficialValue, findIndicator, indicatorRows, listIndicators, listOfficialValues, observations, presentIndicator } from './service.js';
import type { TargetRow } from './targetQueries.js';
import { cascadeTarget, createTarget, deleteTarget, getTarget, listTargets, updateTarget } from './targets.js';

const readErrors = { 400: problem, 404: problem, 500: problem } as const;
const writeErrors = { 400: problem, 404: problem, 409: problem, 412: problem, 413: problem, 415: problem, 428: problem, 500: problem } as const;
const rowsReply = listEnvelope(z.record(z.string(), z.unknown())).extend({
  indicator: z.object({ code: z.string(), period: z.string(), area: z.string(), part: z.enum(['all', 'part']) }),
  entity: z.enum(registryEntities),
  filter: z.string().nullable(),
  group_by: z.array(groupBucket),
});
const valuesQuery = z.strictObject({ period: z.string().max(8).optional(), area: z.string().max(6).optional() });

/** /api/v1/indicators, /api/v1/targets, /api/v1/dashboard — 指标、目标与驾驶舱. */
export const indicatorRoutes = (engine: IndicatorEngine) => async (app: FastifyInstance) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['indicators'];
  /** A figure of the city is city-wide; a district's lies in that district (a district officer writes its own only). */
  const areaScope = (area: string | undefined): RecordScope => ({ organizationId: null, districtCode: area === undefined || area === engine.city.code ? null : area, zone: null });
  const valueAccess = { access: 'official_values.write' } as const;
  const targetAccess = { access: 'targets.write' } as const;
  /** A district officer writes its district's targets only: checked on the locked row. */
  const inReach = (principal: Principal) => (row: TargetRow) => {
    if (limitedReach(principal, 'targets.write')) authorize(principal, 'targets.write', areaScope(row.area_code));
  };

  r.get('/indicators', { schema: { tags, summary: 'The indicator catalogue', response: { 200: indicatorCatalogue, 400: problem, 500: problem } } }, () => listIndicators(engine));

  r.get('/indicators/:code', { schema: { tags, summary: 'One indicator: definition, unit, formula, breakdowns', params: codeParams, response: { 200: indicator, ...readErrors } } }, (req) =>
    presentIndicator(engine, findIndicator(engine, req.params.code)),
  );

  r.get(
    '/indicators/:code/observations',
    { schema: { tags, summary: 'Values per year, for the city or a district, optionally broken down', params: codeParams, querystring: observationQuery, response: { 200: observationList, ...readErrors } } },
    async (req) => ({ results: await observations(engine, req.params.code, req.query) }),
  );

  r.get(
    '/indicators/:code/rows',
    {
      schema: {
        tags,
        summary: 'The registry rows behind one value (drill-down); takes the registry list’s filter, search, sort and paging too',
        params: codeParams,
        querystring: rowsQuery,
        response: { 200: rowsReply, ...readErrors },
      },
    },
    (req) => indicatorRows(engine, req.params.code, req.query, req.principal),
  );

  r.get(
    '/indicators/:code/values',
    { schema: { tags, summary: 'Official values entered for an indicator, every revision, newest first', params: codeParams, querystring: valuesQuery, response: { 200: officialValueList, ...readErrors } } },
    (req) => listOfficialValues(engine, req.params.code, req.query),
  );

  r.post(
    '/indicators/:code/values',
    { config: valueAccess, schema: { tags, summary: 'Enter an official value (a publication or a revision) with its source', params: codeParams, body: officialValueCreate, response: { 201: officialValue, ...writeErrors } } },
    async (req, reply) => {
      authorize(req.principal, 'official_values.write', areaScope(req.body.area));
      return reply.code(201).send(await addOfficialValue(engine, req.params.code, req.body, requestActor(req)));
    },
  );

  const targetTags = ['targets'];
  r.get('/targets', { schema: { tags: targetTags, summary: 'Targets with their progress and status', querystring: targetQuery, response: { 200: targetList, ...readErrors } } }, async (req) => ({
    results: await listTargets(engine, req.query),
  }));

  r.get('/targets/:id', { schema: { tags: targetTags, summary: 'One target', params: idParams, response: { 200: target, ...readErrors } } }, async (req, reply) => {
    const t = await getTarget(engine, req.params.id);
    return reply.headers(etag(t.version)).send(t);
  });

  r.post('/targets', { config: targetAccess, schema: { tags: targetTags, summary: 'Set a target for an indicator, year and area', body: targetCreate, response: { 201: target, ...writeErrors } } }, async (req, reply) => {
    authorize(req.principal, 'targets.write', areaScope(req.body.area));
    const t = await createTarget(engine, req.body, requestActor(req));
    return reply.code(201).headers(etag(t.version)).header('location', `/api/v1/targets/${t.id}`).send(t);
  });

  r.patch(
    '/targets/:id',
    { config: targetAccess, schema: { tags: targetTags, summary: 'Change a target (send its version as If-Match)', params: idParams, body: targetPatch, response: { 200: target, ...writeErrors } } },
    async (req, reply) => {
      const t = await updateTarget(engine, req.params.id, () => expectedVersion(req.headers['if-match'], req.body.version), req.body, requestActor(req), inReach(req.principal));
      return reply.headers(etag(t.version)).send(t);
    },
  );

  r.delete('/targets/:id', { config: targetAccess, schema: { tags: targetTags, summary: 'Delete a target (and the district targets cascaded from it)', params: idParams, response: { 204: z.null(), ...writeErrors } } }, async (req, reply) => {
    const ifMatch = req.headers['if-match'];
    await deleteTarget(engine, req.params.id, () => (ifMatch === undefined ? undefined : expectedVersion(ifMatch, undefined)), requestActor(req), inReach(req.principal));
    return reply.code(204).send(null);
  });

  r.post(
    '/targets/:id/cascade',
    {
      // Cascading writes every district's target: it needs a reach over the whole city.
      config: { access: { permission: 'targets.write', cityWide: true } },
      schema: { tags: targetTags, summary: 'Split a city target over the districts in proportion to their values; the parts add up to it', params: idParams, body: cascadeBody, response: { 200: targetList, ...writeErrors } },
    },
    async (req) => ({ results: await cascadeTarget(engine, req.params.id, req.body.basis, requestActor(req)) }),
  );

  r.get('/dashboard', { schema: { tags: ['dashboard'], summary: 'Everything the dashboard shows, in one reply', querystring: dashboardQuery, response: { 200: dashboardReply, ...readErrors } } }, (req) =>
    dashboard(engine, req.query),
  );
};
