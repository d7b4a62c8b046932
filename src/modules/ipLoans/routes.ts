import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, problem } from '../../contracts/common.js';
import { ipLoan, ipLoanCreate, ipLoanList, ipLoanPatch, ipLoanStep, type IpLoan, type IpLoanCreate, type IpLoanPatch } from '../../contracts/ipLoans.js';
import { checkIpLoanFields } from '../../domain/ipLoan.js';
import type { CompensationPolicy } from '../../domain/ipLoanCompensation.js';
import { requestActor } from '../audit/trail.js';
import { organizationPlace } from '../organizations/service.js';
import type { AppContext } from '../shared/context.js';
import { crudRoutes } from '../shared/crudRoutes.js';
import { authorize, limitedReach } from '../shared/principal.js';
import { expectedVersion } from '../shared/records.js';
import { etag, write } from '../shared/write.js';
import { ipLoanListSpec, lockById, type IpLoanRow } from './queries.js';
import * as service from './service.js';

/** The risk-compensation policies in force, read at each step (a test hands its own). */
export type PolicySource = () => readonly CompensationPolicy[];

/** The shipped policies (config/market/ip-loan-policies.json). */
export const shippedPolicies = (): PolicySource => service.shippedIpLoanPolicies;

/** /api/v1/ip-loans — 知识产权质押融资. Not public: a firm's borrowing is its own and its officers' business. */
export const ipLoanRoutes = (ctx: AppContext, policies: PolicySource) => {
  const crud = crudRoutes<IpLoan, IpLoanCreate, IpLoanPatch, IpLoanRow>({
    ctx,
    table: 'ip_loans',
    path: '/ip-loans',
    tag: 'ip-loans',
    noun: 'IP-backed loan',
    schemas: { create: ipLoanCreate, patch: ipLoanPatch, item: ipLoan, list: ipLoanList },
    rules: (input) => checkIpLoanFields(input, ctx.clock.today()),
    listSpec: ipLoanListSpec(ctx.city),
    list: (c, query, principal) => service.listIpLoans(c, query, principal, policies()),
    get: (c, id, principal) => service.getIpLoan(c, id, policies(), principal),
    readAccess: 'ip_loans.read',
    entity: service.IP_LOAN,
    lock: lockById,
    present: (row) => service.presentIpLoan(row, policies()),
    create: (c, input) => service.createIpLoan(c, input, policies()),
    update: (c, id, version, patch, current) => service.updateIpLoan(c, id, version, patch, current, policies()),
    remove: service.deleteIpLoan,
    access: { create: 'ip_loans.write', update: 'ip_loans.write', remove: 'ip_loans.write' },
    scope: {
      of: service.borrowerRowScope,
      // A loan lies where its borrower does: a new borrower moves it.
      after: async (db, body, current) => {
        const borrower = typeof body.borrower_org_id === 'number' ? body.borrower_org_id : (current?.organizationId ?? null);
        if (borrower === null || borrower === current?.organizationId) return current ?? { organizationId: null, districtCode: null, zone: null };
        return (await organizationPlace({ db }, borrower)) ?? { organizationId: borrower, districtCode: null, zone: null };
      },
    },
  });
  return async (app: FastifyInstance) => {
    await app.register(crud);
    await app.register(stepRoute(ctx, policies));
  };
};

const stepErrors = { 400: problem, 403: problem, 404: problem, 409: problem, 412: problem, 413: problem, 415: problem, 428: problem, 500: problem } as const;

/** POST /ip-loans/{id}/steps: the loan's next step, dated, on the version the client saw (If-Match). */
function stepRoute(ctx: AppContext, policies: PolicySource) {
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().post(
      '/ip-loans/:id/steps',
      {
        config: { access: 'ip_loans.write' },
        schema: { tags: ['ip-loans'], summary: 'Move an IP-backed loan to its next step (send its version as If-Match)', params: idParams, body: ipLoanStep, response: { 200: ipLoan, ...stepErrors } },
      },
      async (req, reply) => {
        const { id } = req.params;
        const lock = {
          id,
          noun: service.IP_LOAN,
          lock: lockById,
          expectedVersion: () => expectedVersion(req.headers['if-match'], req.body.version),
          guard: (row: IpLoanRow) => {
            if (limitedReach(req.principal, 'ip_loans.write')) authorize(req.principal, 'ip_loans.write', service.borrowerRowScope(row));
          },
        };
        const item = await write(ctx, requestActor(req), { action: `ip_loan_${req.body.step}`, entity: 'ip_loans', record: lock }, async (tx, row: IpLoanRow) => {
          const before = service.presentIpLoan(row, policies());
          const after = await service.stepIpLoan(tx, row, req.body, policies());
          return { result: after, before, after };
        });
        return reply.headers(etag(item.version)).send(item);
      },
    );
  };
}
