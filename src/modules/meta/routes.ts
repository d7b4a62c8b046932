import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problem } from '../../contracts/common.js';
import { buyerRegions, registryMeta, type BuyerRegions, type RegistryMeta } from '../../contracts/meta.js';
import { loadDivisions } from '../../config.js';
import { buyerRegionTree } from '../../domain/buyerRegions.js';
import { achievementFlags, projectStatuses, transferModes } from '../../domain/achievement.js';
import { fourGlobalFeatures } from '../../domain/fourGlobal.js';
import { platformStatuses, platformTypes } from '../../domain/innovationPlatform.js';
import { recognitionLevels } from '../../domain/level.js';
import type { CodeList } from '../../domain/message.js';
import { organizationKinds } from '../../domain/organization.js';
import { qualificationTypes } from '../../domain/qualification.js';
import { rdInstitutionCategories } from '../../domain/rdInstitution.js';
import { contractFlows, contractStatuses } from '../../domain/techContract.js';
import { recruitmentCallStatuses, talentCategories, talentModes } from '../../domain/talent.js';
import { achievementCodes } from '../achievements/codes.js';
import type { AppContext } from '../shared/context.js';
import { marketCodes } from '../techContracts/codes.js';

const entries = (list: CodeList<string>) => Object.entries(list).map(([code, label]) => ({ code, label }));

/** The technology market's lists (config/market/): every sub-type, and each type's own (`contract_sub_type.transfer`). */
function marketCodeLists() {
  const { market } = marketCodes();
  const types = Object.entries(market.contractTypes.types);
  return {
    contract_type: types.map(([code, t]) => ({ code, label: t.name })),
    contract_sub_type: types.flatMap(([, t]) => entries(t.subTypes)),
    ...Object.fromEntries(types.map(([code, t]) => [`contract_sub_type.${code}`, entries(t.subTypes)])),
    contract_flow: entries(contractFlows),
    contract_status: entries(contractStatuses),
    not_registered_reason: entries(market.notRegisteredReasons),
    technology_field: entries(market.technologyFields),
  };
}

export function registryMetaOf(ctx: AppContext): RegistryMeta {
  const { city } = ctx;
  return {
    city: {
      code: city.code,
      name: city.name,
      province: city.province,
      time_zone: city.timeZone,
      districts: city.districts.map((d) => ({ code: d.code, label: d.name, tile: d.tile ?? null })),
      retired_districts: city.retiredDistricts.map((d) => ({ code: d.code, label: d.name, successor: d.successor })),
      zones: city.zones.map((z) => ({ code: z.code, label: z.name, innovation_zone: z.innovationZone, tile: z.tile ?? null })),
    },
    code_lists: {
      organization_kind: entries(organizationKinds),
      qualification: entries(qualificationTypes),
      rd_institution_category: entries(rdInstitutionCategories),
      level: entries(recognitionLevels),
      platform_type: entries(platformTypes),
      platform_status: entries(platformStatuses),
      four_global_feature: entries(fourGlobalFeatures),
      talent_category: entries(talentCategories),
      talent_mode: entries(talentModes),
      recruitment_call_status: entries(recruitmentCallStatuses),
      ...marketCodeLists(),
      programme: entries(achievementCodes().programmes),
      achievement_type: entries(achievementCodes().achievementTypes),
      achievement_flag: entries(achievementFlags),
      project_status: entries(projectStatuses),
      transfer_mode: entries(transferModes),
    },
  };
}

/** /api/v1/meta — the city configuration and code lists the UI labels with. */
export function metaRoutes(ctx: AppContext) {
  const meta = registryMetaOf(ctx);
  return async (app: FastifyInstance) => {
    app.withTypeProvider<ZodTypeProvider>().get('/meta', { config: { access: 'public' }, schema: { tags: ['meta'], summary: 'City configuration and code lists', response: { 200: registryMeta } } }, () => meta);
    // Built at the first request: only the contract form asks for it, and most servers never do.
    let regions: BuyerRegions | undefined;
    app.withTypeProvider<ZodTypeProvider>().get(
      '/meta/regions',
      { config: { access: 'public' }, schema: { tags: ['meta'], summary: 'The counties of China a contract’s buyer may be in (province → city → county), for a picker', response: { 200: buyerRegions, 400: problem, 500: problem } } },
      async (_req, reply) => {
        regions ??= { provinces: buyerRegionTree(ctx.city, loadDivisions()) as BuyerRegions['provinces'] };
        // The list changes only with a new release: a browser may keep it for a day.
        reply.header('cache-control', 'public, max-age=86400');
        return regions;
      },
    );
  };
}
