import {
  recruitmentCall,
  recruitmentCallCreate,
  recruitmentCallList,
  recruitmentCallPatch,
  talentIntroduction,
  talentIntroductionCreate,
  talentIntroductionList,
  talentIntroductionPatch,
  type RecruitmentCall,
  type RecruitmentCallCreate,
  type RecruitmentCallPatch,
  type TalentIntroduction,
  type TalentIntroductionCreate,
  type TalentIntroductionPatch,
} from '../../contracts/talent.js';
import type { Queryable } from '../../db/client.js';
import type { RecordScope } from '../../domain/permissions.js';
import { checkRecruitmentCallFields, checkTalentIntroductionFields } from '../../domain/talent.js';
import { organizationPlace } from '../organizations/service.js';
import type { AppContext } from '../shared/context.js';
import { crudRoutes } from '../shared/crudRoutes.js';
import * as q from './queries.js';
import * as service from './service.js';

/** A new organization (host or caller), district or zone moves the record; a new organization without a given place brings its own. */
const movedBy = (orgKey: 'host_org_id' | 'org_id') => async (db: Queryable, body: Record<string, unknown>, current?: RecordScope): Promise<RecordScope> => {
  const org = typeof body[orgKey] === 'number' ? (body[orgKey] as number) : (current?.organizationId ?? null);
  const moved = org !== null && org !== current?.organizationId;
  const place = moved ? await organizationPlace({ db }, org) : undefined;
  const pick = (key: 'district_code' | 'zone', now: string | null | undefined) =>
    body[key] !== undefined ? ((body[key] as string | null) || null) : moved ? ((key === 'district_code' ? place?.districtCode : place?.zone) ?? null) : (now ?? null);
  return { organizationId: org, districtCode: pick('district_code', current?.districtCode), zone: pick('zone', current?.zone) };
};

/**
 * /api/v1/talent-introductions — 人才引进. Not public; personal data (name, contacts, ID number)
 * only for callers with talent.personal_data.read, masked in every other reply and in the audit log.
 */
export const talentIntroductionRoutes = (ctx: AppContext) =>
  crudRoutes<TalentIntroduction, TalentIntroductionCreate, TalentIntroductionPatch, q.TalentIntroductionRow>({
    ctx,
    table: 'talent_introductions',
    path: '/talent-introductions',
    tag: 'talent',
    noun: 'talent introduction',
    schemas: { create: talentIntroductionCreate, patch: talentIntroductionPatch, item: talentIntroduction, list: talentIntroductionList },
    rules: (input) => checkTalentIntroductionFields(ctx.city, input, ctx.clock.today()),
    listSpec: q.talentIntroductionListSpec(ctx.city, 'true', true),
    list: service.listTalentIntroductions,
    get: service.getTalentIntroduction,
    readAccess: 'talent.read',
    entity: service.TALENT_INTRODUCTION,
    lock: q.lockIntroduction,
    present: service.presentTalentIntroduction,
    shownTo: service.introductionFor,
    audited: service.maskIntroduction,
    create: service.createTalentIntroduction,
    update: service.updateTalentIntroduction,
    remove: service.deleteTalentIntroduction,
    access: { create: 'talent.write', update: 'talent.write', remove: 'talent.write' },
    scope: { of: service.introductionRowScope, after: movedBy('host_org_id') },
  });

/** /api/v1/recruitment-calls — 招贤令: public notices; written by their organization or an officer of its area. */
export const recruitmentCallRoutes = (ctx: AppContext) =>
  crudRoutes<RecruitmentCall, RecruitmentCallCreate, RecruitmentCallPatch, q.RecruitmentCallRow>({
    ctx,
    table: 'recruitment_calls',
    path: '/recruitment-calls',
    tag: 'talent',
    noun: 'recruitment call',
    schemas: { create: recruitmentCallCreate, patch: recruitmentCallPatch, item: recruitmentCall, list: recruitmentCallList },
    rules: (input) => checkRecruitmentCallFields(ctx.city, input, ctx.clock.today()),
    listSpec: q.recruitmentCallListSpec(ctx.city),
    list: (c, query, principal) => service.listRecruitmentCalls(c, query, principal),
    get: async (c, id, principal) => {
      const call = await service.getRecruitmentCall(c, id);
      return service.readsCallsAsPublic(principal) ? service.callAsPublished(call) : call;
    },
    // A call is itself a public notice, and holds no personal data: no field the notice does not show (contacts typed into it masked for the public).
    readAccess: 'public',
    entity: service.RECRUITMENT_CALL,
    lock: q.lockCall,
    present: (row) => service.presentRecruitmentCall(row, ctx.clock.today()),
    create: service.createRecruitmentCall,
    update: service.updateRecruitmentCall,
    remove: service.deleteRecruitmentCall,
    access: { create: 'talent.write', update: 'talent.write', remove: 'talent.write' },
    scope: { of: service.callRowScope, after: movedBy('org_id') },
  });
