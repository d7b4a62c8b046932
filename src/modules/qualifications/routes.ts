import { qualification, qualificationCreate, qualificationList, qualificationPatch, type Qualification, type QualificationCreate, type QualificationPatch } from '../../contracts/qualifications.js';
import { checkQualificationFields } from '../../domain/recordRules.js';
import type { AppContext } from '../shared/context.js';
import { crudRoutes } from '../shared/crudRoutes.js';
import { qualificationRowScope, qualificationScopeAfter } from '../shared/recordScopes.js';
import { lockById, qualificationListSpec, type QualificationRow } from './queries.js';
import { organizationPlace } from '../organizations/service.js';
import * as service from './service.js';

/** /api/v1/qualifications — 资质. */
export const qualificationRoutes = (ctx: AppContext) =>
  crudRoutes<Qualification, QualificationCreate, QualificationPatch, QualificationRow>({
    ctx,
    table: 'qualifications',
    path: '/qualifications',
    tag: 'qualifications',
    noun: 'qualification',
    schemas: { create: qualificationCreate, patch: qualificationPatch, item: qualification, list: qualificationList },
    rules: (input) => checkQualificationFields(input),
    listSpec: qualificationListSpec(ctx.city),
    list: service.listQualifications,
    entity: service.QUALIFICATION,
    lock: lockById,
    present: service.presentQualification,
    get: service.getQualification,
    create: service.createQualification,
    update: service.updateQualification,
    remove: service.deleteQualification,
    access: { create: 'qualifications.write', update: 'qualifications.write', remove: 'qualifications.write' },
    scope: { of: qualificationRowScope, after: (db, body, current) => qualificationScopeAfter((id) => organizationPlace({ db }, id), body, current) },
  });
