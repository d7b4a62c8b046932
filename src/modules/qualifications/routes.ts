import { qualification, qualificationCreate, qualificationList, qualificationPatch } from '../../contracts/qualifications.js';
import { checkQualificationFields } from '../../domain/recordRules.js';
import type { AppContext } from '../shared/context.js';
import { crudRoutes } from '../shared/crudRoutes.js';
import { qualificationScope, qualificationScopeAfter } from '../shared/recordScopes.js';
import { qualificationListSpec } from './queries.js';
import * as service from './service.js';

/** /api/v1/qualifications — 资质. */
export const qualificationRoutes = (ctx: AppContext) =>
  crudRoutes({
    ctx,
    table: 'qualifications',
    path: '/qualifications',
    tag: 'qualifications',
    noun: 'qualification',
    schemas: { create: qualificationCreate, patch: qualificationPatch, item: qualification, list: qualificationList },
    rules: (input) => checkQualificationFields(input),
    listSpec: qualificationListSpec(ctx.city),
    list: service.listQualifications,
    get: service.getQualification,
    create: service.createQualification,
    update: service.updateQualification,
    remove: service.deleteQualification,
    access: { create: 'qualifications.write', update: 'qualifications.write', remove: 'qualifications.write' },
    scope: { of: (id) => qualificationScope(ctx.db, id), after: (body, current) => qualificationScopeAfter(ctx.db, body, current) },
  });
