import { rdInstitution, rdInstitutionCreate, rdInstitutionList, rdInstitutionPatch } from '../../contracts/rdInstitutions.js';
import { todayIn } from '../../domain/calendarDate.js';
import { checkRdInstitutionFields } from '../../domain/recordRules.js';
import type { ServiceContext } from '../shared/context.js';
import { crudRoutes } from '../shared/crudRoutes.js';
import { hostedScope, hostedScopeAfter } from '../shared/recordScopes.js';
import { rdInstitutionListSpec } from './queries.js';
import * as service from './service.js';

/** /api/v1/rd-institutions — 研发机构. */
export const rdInstitutionRoutes = (ctx: ServiceContext) =>
  crudRoutes({
    path: '/rd-institutions',
    tag: 'rd-institutions',
    noun: 'R&D institution',
    schemas: { create: rdInstitutionCreate, patch: rdInstitutionPatch, item: rdInstitution, list: rdInstitutionList },
    rules: (input) => checkRdInstitutionFields(ctx.city, input, todayIn()),
    listSpec: rdInstitutionListSpec(ctx.city),
    list: (query) => service.listRdInstitutions(ctx, query),
    get: (id) => service.getRdInstitution(ctx, id),
    create: (input) => service.createRdInstitution(ctx, input),
    update: (id, version, patch) => service.updateRdInstitution(ctx, id, version, patch),
    remove: (id, version) => service.deleteRdInstitution(ctx, id, version),
    access: { create: 'rd_institutions.write', update: 'rd_institutions.write', remove: 'rd_institutions.write' },
    scope: { of: (id) => hostedScope(ctx.db, 'rd_institutions', id), after: (body, current) => hostedScopeAfter(body, current) },
  });
