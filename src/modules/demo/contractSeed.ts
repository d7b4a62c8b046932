import { loadMarketCodes, loadRegionLists } from '../../config.js';
import type { Queryable } from '../../db/client.js';
import type { CityConfig } from '../../domain/city.js';
import { contractPools, hasContracts, insertContracts } from './contractQueries.js';
import { contractProblems, planContracts } from './contracts.js';

/**
 * The demo's registered technology contracts, planned over the organizations just loaded and
 * checked row by row with the API's rules; none when the registry has contracts already.
 */
export async function loadContracts(tx: Queryable, city: CityConfig, today: string, seed: number): Promise<{ tech_contracts: number }> {
  if (await hasContracts(tx)) return { tech_contracts: 0 };
  const market = loadMarketCodes();
  const regions = loadRegionLists();
  const rows = planContracts(city, market, regions, await contractPools(tx), seed);
  const broken = contractProblems(rows, city, market, regions, today);
  if (broken) throw new Error(`demo registry: contract ${broken.row} breaks the registry's rules (${broken.problems.map((p) => `${p.field}: ${p.message.en}`).join('; ')})`);
  await insertContracts(tx, city, rows);
  return { tech_contracts: rows.length };
}
