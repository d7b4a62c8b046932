import { loadMarketCodes, loadRegionLists } from '../../config.js';
import type { Queryable } from '../../db/client.js';
import type { CityConfig } from '../../domain/city.js';
import type { MarketCodes, RegionLists } from '../../domain/techContract.js';
import { insertPendingContracts, pendingSellers, sellerById } from './contractApplicationQueries.js';
import { pendingContractProblems, planPendingContracts } from './contractApplications.js';
import { contractPools, hasContracts, insertContracts } from './contractQueries.js';
import { contractProblems, planContracts } from './contracts.js';
import { shippedChains } from '../industrialChains/service.js';
import { NAMED_ENTITIES_CITY, ORG } from './namedEntities.js';
import { demoOrganizationId } from './queries.js';

/**
 * The demo's registered technology contracts, planned over the organizations just loaded and
 * checked row by row with the API's rules, then the contracts under registration with their
 * applications; none when the registry has contracts already.
 */
export async function loadContracts(tx: Queryable, city: CityConfig, today: string, seed: number): Promise<{ tech_contracts: number; pending_tech_contracts: number; contract_applications: number }> {
  if (await hasContracts(tx)) return { tech_contracts: 0, pending_tech_contracts: 0, contract_applications: 0 };
  const market = loadMarketCodes();
  const regions = loadRegionLists();
  const rows = planContracts(city, market, regions, await contractPools(tx, shippedChains(city)), seed);
  const broken = contractProblems(rows, city, market, regions, today);
  if (broken) throw new Error(`demo registry: contract ${broken.row} breaks the registry's rules (${broken.problems.map((p) => `${p.field}: ${p.message.en}`).join('; ')})`);
  await insertContracts(tx, city, rows);
  return { tech_contracts: rows.length, ...(await loadPendingContracts(tx, city, market, regions, today)) };
}

/** Contracts not registered yet: drafts of the organization user's organization (the one its demo account acts for) and others', with their applications. */
async function loadPendingContracts(tx: Queryable, city: CityConfig, market: MarketCodes, regions: RegionLists, today: string) {
  const applicant = await sellerById(tx, await demoOrganizationId(tx, city.code === NAMED_ENTITIES_CITY ? ORG.hnu.uscc : null));
  const { contracts, applications } = planPendingContracts(city, regions, applicant, await pendingSellers(tx));
  const broken = pendingContractProblems(contracts, market, city, regions, today);
  if (broken) throw new Error(`demo registry: contract ${contracts[broken.row]!.contract_number} breaks the registry's rules (${broken.problems.map((p) => `${p.field}: ${p.message.en}`).join('; ')})`);
  if (contracts.length) await insertPendingContracts(tx, city, contracts, applications);
  return { pending_tech_contracts: contracts.length, contract_applications: applications.length };
}
