import { achievement, achievementCreate, achievementList, achievementPatch, type Achievement, type AchievementCreate, type AchievementPatch } from '../../contracts/achievements.js';
import { checkAchievementFields } from '../../domain/achievement.js';
import type { AppContext } from '../shared/context.js';
import { crudRoutes } from '../shared/crudRoutes.js';
import { achievementCodes } from './codes.js';
import { achievementListSpec, lockById, type AchievementRow } from './queries.js';
import * as service from './service.js';

/** /api/v1/achievements — 科技成果. Not public: read by its organizations and the officers of its area. */
export const achievementRoutes = (ctx: AppContext) =>
  crudRoutes<Achievement, AchievementCreate, AchievementPatch, AchievementRow>({
    ctx,
    table: 'achievements',
    path: '/achievements',
    tag: 'achievements',
    noun: 'achievement',
    schemas: { create: achievementCreate, patch: achievementPatch, item: achievement, list: achievementList },
    rules: (input) => checkAchievementFields(achievementCodes(), ctx.city, input, ctx.clock.today()),
    listSpec: achievementListSpec(ctx.city, achievementCodes()),
    list: service.listAchievements,
    get: service.getAchievement,
    readAccess: 'achievements.read',
    entity: service.ACHIEVEMENT,
    lock: lockById,
    present: service.presentAchievement,
    create: service.createAchievement,
    update: service.updateAchievement,
    remove: service.deleteAchievement,
    access: { create: 'achievements.write', update: 'achievements.write', remove: 'achievements.write' },
    scope: {
      of: service.ownerRowScope,
      // The first organization owns it: a new first organization moves it.
      after: (db, body, current) => {
        const orgs = body.organization_ids as number[] | undefined;
        return service.ownedScopeAfter(db, orgs?.[0] ?? current?.organizationId ?? null, body, current);
      },
    },
  });
