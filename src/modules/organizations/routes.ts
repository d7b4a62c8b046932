import { organization, organizationCreate, organizationList, organizationPatch, type Organization, type OrganizationCreate, type OrganizationPatch } from '../../contracts/organizations.js';
import { checkOrganizationFields } from '../../domain/recordRules.js';
import type { AppContext } from '../shared/context.js';
import { crudRoutes } from '../shared/crudRoutes.js';
import { organizationRowScope, organizationScopeAfter } from '../shared/recordScopes.js';
import { lockById, organizationListSpec, type OrganizationRow } from './queries.js';
import * as service from './service.js';

/** /api/v1/organizations — 主体. */
export const organizationRoutes = (ctx: AppContext) =>
  crudRoutes<Organization, OrganizationCreate, OrganizationPatch, OrganizationRow>({
    ctx,
    table: 'organizations',
    path: '/organizations',
    tag: 'organizations',
    noun: 'organization',
    schemas: { create: organizationCreate, patch: organizationPatch, item: organization, list: organizationList },
    rules: (input) => checkOrganizationFields(ctx.city, input, ctx.clock.today()),
    listSpec: organizationListSpec(ctx.city),
    list: service.listOrganizations,
    entity: service.ORGANIZATION,
    lock: lockById,
    present: service.presentOrganization,
    get: service.getOrganization,
    create: service.createOrganization,
    update: service.updateOrganization,
    remove: service.deleteOrganization,
    access: { create: 'organizations.create', update: 'organizations.update', remove: 'organizations.delete' },
    scope: { of: organizationRowScope, after: (_db, body, current) => organizationScopeAfter(body, current) },
  });
