import { techContract, techContractCreate, techContractList, techContractPatch, type TechContract, type TechContractCreate, type TechContractPatch } from '../../contracts/techContracts.js';
import { checkTechContractFields } from '../../domain/techContract.js';
import { organizationPlace } from '../organizations/service.js';
import type { AppContext } from '../shared/context.js';
import { crudRoutes } from '../shared/crudRoutes.js';
import { marketCodes } from './codes.js';
import { lockById, techContractListSpec, type TechContractRow } from './queries.js';
import * as service from './service.js';

/** /api/v1/tech-contracts — 技术合同. Not public: a contract is its seller's business and its registrar's. */
export const techContractRoutes = (ctx: AppContext) => {
  const { market, regions } = marketCodes();
  return crudRoutes<TechContract, TechContractCreate, TechContractPatch, TechContractRow>({
    ctx,
    table: 'tech_contracts',
    path: '/tech-contracts',
    tag: 'tech-contracts',
    noun: 'technology contract',
    schemas: { create: techContractCreate, patch: techContractPatch, item: techContract, list: techContractList },
    rules: (input) => checkTechContractFields(market, ctx.city, regions, input, ctx.clock.today()),
    listSpec: techContractListSpec(ctx.city, market),
    list: service.listTechContracts,
    get: service.getTechContract,
    readAccess: 'tech_contracts.read',
    entity: service.TECH_CONTRACT,
    lock: lockById,
    present: service.presentTechContract,
    create: service.createTechContract,
    update: service.updateTechContract,
    remove: service.deleteTechContract,
    access: { create: 'tech_contracts.write', update: 'tech_contracts.write', remove: 'tech_contracts.write' },
    restrict: service.restrictToDrafts,
    scope: {
      of: service.sellerRowScope,
      // A new seller, district or zone moves the contract; a seller without a given place brings its own.
      after: async (db, body, current) => {
        const seller = typeof body.seller_org_id === 'number' ? body.seller_org_id : (current?.organizationId ?? null);
        const moved = seller !== null && seller !== current?.organizationId;
        const place = moved ? await organizationPlace({ db }, seller) : undefined;
        const pick = (key: 'district_code' | 'zone', now: string | null | undefined) =>
          body[key] !== undefined ? ((body[key] as string | null) || null) : moved ? (key === 'district_code' ? place?.districtCode : place?.zone) ?? null : (now ?? null);
        return { organizationId: seller, districtCode: pick('district_code', current?.districtCode), zone: pick('zone', current?.zone) };
      },
    },
  });
};
