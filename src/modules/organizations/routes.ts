import { organization, organizationCreate, organizationList, organizationPatch } from '../../contracts/organizations.js';
import { todayIn } from '../../domain/calendarDate.js';
import { checkOrganizationFields } from '../../domain/recordRules.js';
import type { ServiceContext } from '../shared/context.js';
import { crudRoutes } from '../shared/crudRoutes.js';
import { organizationScope, organizationScopeAfter } from '../shared/recordScopes.js';
import { organizationListSpec } from './queries.js';
import * as service from './service.js';

/** /api/v1/organizations — 主体. */
export const organizationRoutes = (ctx: ServiceContext) =>
  crudRoutes({
    path: '/organizations',
    tag: 'organizations',
    noun: 'organization',
    schemas: { create: organizationCreate, patch: organizationPatch, item: organization, list: organizationList },
    rules: (input) => checkOrganizationFields(ctx.city, input, todayIn()),
    listSpec: organizationListSpec(ctx.city),
    list: (query) => service.listOrganizations(ctx, query),
    get: (id) => service.getOrganization(ctx, id),
    create: (input) => service.createOrganization(ctx, input),
    update: (id, version, patch) => service.updateOrganization(ctx, id, version, patch),
    remove: (id, version) => service.deleteOrganization(ctx, id, version),
    access: { create: 'organizations.create', update: 'organizations.update', remove: 'organizations.delete' },
    scope: { of: (id) => organizationScope(ctx.db, id), after: (body, current) => organizationScopeAfter(body, current) },
  });
