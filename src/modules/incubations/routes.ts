import { incubation, incubationCreate, incubationList, incubationPatch, type Incubation, type IncubationCreate, type IncubationPatch } from '../../contracts/achievements.js';
import { checkIncubationFields } from '../../domain/achievement.js';
import type { AppContext } from '../shared/context.js';
import { crudRoutes } from '../shared/crudRoutes.js';
import { incubationListSpec, lockById, type IncubationRow } from './queries.js';
import * as service from './service.js';

/** /api/v1/incubations — 孵化企业. Not public: read by the incubating side and the officers of its area. */
export const incubationRoutes = (ctx: AppContext) =>
  crudRoutes<Incubation, IncubationCreate, IncubationPatch, IncubationRow>({
    ctx,
    table: 'incubations',
    path: '/incubations',
    tag: 'incubations',
    noun: 'incubation',
    schemas: { create: incubationCreate, patch: incubationPatch, item: incubation, list: incubationList },
    rules: (input) => checkIncubationFields(input, ctx.clock.today()),
    listSpec: incubationListSpec(ctx.city),
    list: service.listIncubations,
    get: service.getIncubation,
    readAccess: 'achievements.read',
    entity: service.INCUBATION,
    lock: lockById,
    present: service.presentIncubation,
    create: service.createIncubation,
    update: service.updateIncubation,
    remove: service.deleteIncubation,
    access: { create: 'achievements.write', update: 'achievements.write', remove: 'achievements.write' },
    scope: { of: service.incubationRowScope, after: service.incubationScopeAfter },
  });
