import { platform, platformCreate, platformList, platformPatch } from '../../contracts/platforms.js';
import { checkPlatformFields } from '../../domain/recordRules.js';
import type { AppContext } from '../shared/context.js';
import { crudRoutes } from '../shared/crudRoutes.js';
import { hostedScope, hostedScopeAfter } from '../shared/recordScopes.js';
import { platformListSpec } from './queries.js';
import * as service from './service.js';

/** /api/v1/platforms — 创新平台. */
export const platformRoutes = (ctx: AppContext) =>
  crudRoutes({
    ctx,
    table: 'platforms',
    path: '/platforms',
    tag: 'platforms',
    noun: 'platform',
    schemas: { create: platformCreate, patch: platformPatch, item: platform, list: platformList },
    rules: (input) => checkPlatformFields(ctx.city, input, ctx.clock.today()),
    listSpec: platformListSpec(ctx.city),
    list: service.listPlatforms,
    get: service.getPlatform,
    create: service.createPlatform,
    update: service.updatePlatform,
    remove: service.deletePlatform,
    access: { create: 'platforms.write', update: 'platforms.write', remove: 'platforms.write' },
    scope: { of: (id) => hostedScope(ctx.db, 'platforms', id), after: (body, current) => hostedScopeAfter(body, current) },
  });
