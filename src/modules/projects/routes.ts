import { project, projectCreate, projectList, projectPatch, type Project, type ProjectCreate, type ProjectPatch } from '../../contracts/achievements.js';
import { checkProjectFields } from '../../domain/achievement.js';
import { achievementCodes } from '../achievements/codes.js';
import { ownedScopeAfter } from '../achievements/service.js';
import type { AppContext } from '../shared/context.js';
import { crudRoutes } from '../shared/crudRoutes.js';
import { lockById, projectListSpec, type ProjectRow } from './queries.js';
import * as service from './service.js';

/** /api/v1/projects — 重点/关键技术攻关项目. Not public: read by its lead organization and the officers of its area. */
export const projectRoutes = (ctx: AppContext) =>
  crudRoutes<Project, ProjectCreate, ProjectPatch, ProjectRow>({
    ctx,
    table: 'projects',
    path: '/projects',
    tag: 'projects',
    noun: 'project',
    schemas: { create: projectCreate, patch: projectPatch, item: project, list: projectList },
    rules: (input) => checkProjectFields(achievementCodes(), ctx.city, input, ctx.clock.today()),
    listSpec: projectListSpec(ctx.city, achievementCodes()),
    list: service.listProjects,
    get: service.getProject,
    readAccess: 'achievements.read',
    entity: service.PROJECT,
    lock: lockById,
    present: service.presentProject,
    create: service.createProject,
    update: service.updateProject,
    remove: service.deleteProject,
    access: { create: 'achievements.write', update: 'achievements.write', remove: 'achievements.write' },
    scope: {
      of: service.projectRowScope,
      after: (db, body, current) => ownedScopeAfter(db, typeof body.lead_org_id === 'number' ? body.lead_org_id : (current?.organizationId ?? null), body, current),
    },
  });
