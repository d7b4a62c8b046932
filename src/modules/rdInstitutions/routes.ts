import { rdInstitution, rdInstitutionCreate, rdInstitutionList, rdInstitutionPatch, type RdInstitution, type RdInstitutionCreate, type RdInstitutionPatch } from '../../contracts/rdInstitutions.js';
import { checkRdInstitutionFields } from '../../domain/recordRules.js';
import type { AppContext } from '../shared/context.js';
import { crudRoutes } from '../shared/crudRoutes.js';
import { hostedRowScope, hostedScopeAfter } from '../shared/recordScopes.js';
import { lockById, rdInstitutionListSpec, type RdInstitutionRow } from './queries.js';
import * as service from './service.js';

/** /api/v1/rd-institutions — 研发机构. */
export const rdInstitutionRoutes = (ctx: AppContext) =>
  crudRoutes<RdInstitution, RdInstitutionCreate, RdInstitutionPatch, RdInstitutionRow>({
    ctx,
    table: 'rd_institutions',
    path: '/rd-institutions',
    tag: 'rd-institutions',
    noun: 'R&D institution',
    schemas: { create: rdInstitutionCreate, patch: rdInstitutionPatch, item: rdInstitution, list: rdInstitutionList },
    rules: (input) => checkRdInstitutionFields(ctx.city, input, ctx.clock.today()),
    listSpec: rdInstitutionListSpec(ctx.city),
    list: service.listRdInstitutions,
    entity: service.RD_INSTITUTION,
    lock: lockById,
    present: service.presentRdInstitution,
    get: service.getRdInstitution,
    create: service.createRdInstitution,
    update: service.updateRdInstitution,
    remove: service.deleteRdInstitution,
    access: { create: 'rd_institutions.write', update: 'rd_institutions.write', remove: 'rd_institutions.write' },
    scope: { of: hostedRowScope, after: (_db, body, current) => hostedScopeAfter(body, current) },
  });
