import { platform, platformCreate, platformList, platformPatch, type Platform, type PlatformCreate, type PlatformPatch } from '../../contracts/platforms.js';
import { checkPlatformFields } from '../../domain/recordRules.js';
import type { AppContext } from '../shared/context.js';
import { crudRoutes } from '../shared/crudRoutes.js';
import { hostedRowScope, hostedScopeAfter } from '../shared/recordScopes.js';
import { lockById, platformListSpec, type PlatformRow } from './queries.js';
import * as service from './service.js';

/** /api/v1/platforms — 创新平台. */
export const platformRoutes = (ctx: AppContext) =>
  crudRoutes<Platform, PlatformCreate, PlatformPatch, PlatformRow>({
    ctx,
    table: 'platforms',
    path: '/platforms',
    tag: 'platforms',
    noun: 'platform',
    schemas: { create: platformCreate, patch: platformPatch, item: platform, list: platformList },
    rules: (input) => checkPlatformFields(ctx.city, input, ctx.clock.today()),
    listSpec: platformListSpec(ctx.city),
    list: service.listPlatforms,
    entity: service.PLATFORM,
    lock: lockById,
    present: service.presentPlatform,
    get: service.getPlatform,
    create: service.createPlatform,
    update: service.updatePlatform,
    remove: service.deletePlatform,
    access: { create: 'platforms.write', update: 'platforms.write', remove: 'platforms.write' },
    scope: { of: hostedRowScope, after: (_db, body, current) => hostedScopeAfter(body, current) },
  });
