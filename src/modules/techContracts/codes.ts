import { loadMarketCodes, loadRegionLists } from '../../config.js';
import type { MarketCodes, RegionLists } from '../../domain/techContract.js';

let loaded: { market: MarketCodes; regions: RegionLists } | undefined;

/** The market's code lists and the buyer regions, read and checked once per process (config/market/, the region packages). */
export function marketCodes(): { market: MarketCodes; regions: RegionLists } {
  loaded ??= { market: loadMarketCodes(), regions: loadRegionLists() };
  return loaded;
}
