import type { CityConfig } from '../../domain/city.js';
import type { IndustrialChains } from '../../domain/industrialChain.js';
import { apportion } from '../../domain/apportion.js';
import type { FieldViolation } from '../../domain/recordRules.js';
import { checkTechContractFields, regionFlow, registrationNumber, type ContractFlow, type MarketCodes, type RegionLists } from '../../domain/techContract.js';
import { DEMO_AS_OF } from './genContext.js';
import { fromDays, Random, toDays } from './random.js';
import { FOREIGN_BRANDS, INDUSTRIES, TRADE_CHARACTERS } from './vocabulary.js';

/**
 * The demo's registered technology contracts (技术合同, 2021–2025): a few thousand rows whose
 * contract amounts add up, to the fen, to each year's turnover below — 2025's is the report's
 * "over 1,500 亿元" as an exact computed figure (docs/demo-data.md). Amounts are heavy-tailed
 * (a few large contracts carry much of a year), types lean to technology services and development
 * as in the national statistics, buyers are in the city, the province, elsewhere in China or
 * abroad; a buyer in the city is, where there is one, down the seller's industrial chain. Pure: the same seed and pools give the same contracts.
 */

/** Each year's contract turnover, in yuan (2025: 1,532.68 亿元). */
export const DEMO_TURNOVER_YUAN: Readonly<Record<number, string>> = {
  2021: '86512000000.00',
  2022: '103275000000.00',
  2023: '120418000000.00',
  2024: '136890000000.00',
  2025: '153268000000.00',
};

/** Contracts registered each year. */
export const DEMO_CONTRACTS_PER_YEAR: Readonly<Record<number, number>> = { 2021: 380, 2022: 420, 2023: 480, 2024: 540, 2025: 1_180 };

export interface ContractSeller {
  id: number;
  districtCode: string;
}

export interface ContractPools {
  /** Organizations of the registry that sell technology (enterprises, universities, institutes in the city). */
  sellers: readonly ContractSeller[];
  /** By seller id, the sellers in the segments its own feed (down its industrial chain): its local buyers, when it has any. */
  downstream?: ReadonlyMap<number, readonly ContractSeller[]>;
}

/**
 * Each seller's customers down its chains: the sellers in a segment one of its segments feeds
 * (液压件 → 整机 → 后市场), so the demo's local contracts flow along the chains as a city's do.
 */
export function downstreamBuyers(sellers: readonly (ContractSeller & { segments: readonly string[] })[], chains: IndustrialChains): Map<number, ContractSeller[]> {
  const feeds = new Map(chains.chains.flatMap((c) => c.segments.map((s) => [s.id, s.feeds] as const)));
  const inSegment = new Map<string, ContractSeller[]>();
  for (const s of sellers) for (const id of s.segments) inSegment.set(id, [...(inSegment.get(id) ?? []), { id: s.id, districtCode: s.districtCode }]);
  const out = new Map<number, ContractSeller[]>();
  for (const s of sellers) {
    const buyers = [...new Set(s.segments.flatMap((id) => feeds.get(id) ?? []))].flatMap((id) => inSegment.get(id) ?? []).filter((b) => b.id !== s.id);
    if (buyers.length) out.set(s.id, buyers);
  }
  return out;
}

export interface DemoContract {
  contract_number: string;
  title: string;
  type: string;
  sub_type: string;
  seller_org_id: number;
  buyer_org_id: number | null;
  buyer_name: string | null;
  buyer_region: string;
  /** Derived from the buyer's region, as the service derives it. */
  flow: ContractFlow;
  contract_amount: string;
  transaction_amount: string;
  signed_on: string;
  registered_on: string;
  end_on: string;
  technology_field: string;
  registration_number: string;
}

/** Shares of the five types, sub-types evenly within each (service and development lead the national figures). */
const TYPE_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['service', 46],
  ['development', 32],
  ['consulting', 9],
  ['transfer', 9],
  ['licence', 4],
];
/** Where buyers are: most in the city and elsewhere in China, some in the province, a few abroad. */
const FLOW_WEIGHTS: ReadonlyArray<readonly ['local' | 'province' | 'domestic' | 'abroad', number]> = [
  ['local', 38],
  ['province', 17],
  ['domestic', 38],
  ['abroad', 7],
];
const ABROAD = ['DE', 'US', 'SG', 'JP', 'GB', 'FR', 'KR', 'MY'] as const;

const fen = (yuan: string): number => Math.round(Number(yuan) * 100);
const yuanOf = (f: number): string => `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`;

/** A standard normal draw (Box–Muller), for log-normal amounts. */
const normal = (rng: Random): number => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());

/** The counties a buyer elsewhere in the province or in China lies in: a handful of each, from the region list. */
function buyerCounties(city: CityConfig, regions: RegionLists, rng: Random) {
  const all = [...regions.counties].sort();
  const province = all.filter((c) => c.startsWith(city.code.slice(0, 2)) && !c.startsWith(city.code.slice(0, 4)));
  const domestic = all.filter((c) => !c.startsWith(city.code.slice(0, 2)));
  return { province: rng.sample(province, 12), domestic: rng.sample(domestic, 40) };
}

const tradeName = (rng: Random): string => `${rng.pick(TRADE_CHARACTERS)[0]}${rng.pick(TRADE_CHARACTERS)[0]}${rng.pick(INDUSTRIES).name.zh}有限公司`;

export function planContracts(city: CityConfig, market: MarketCodes, regions: RegionLists, pools: ContractPools, seed: number): DemoContract[] {
  const rng = new Random(seed ^ 0x7ec4);
  if (pools.sellers.length === 0) return [];
  const counties = buyerCounties(city, regions, rng);
  // A few sellers sell much (universities, leading firms), most a little: weight 1 / (rank + 4).
  const sellers = rng.sample(pools.sellers, Math.min(pools.sellers.length, 700));
  const sellerWeights = sellers.map((s, rank) => [s, 1 / (rank + 4)] as const);
  const fields = Object.keys(market.technologyFields);
  const rows: DemoContract[] = [];
  for (const [yearText, total] of Object.entries(DEMO_TURNOVER_YUAN)) {
    const year = Number(yearText);
    const n = DEMO_CONTRACTS_PER_YEAR[year]!;
    const amounts = apportion(fen(total), Array.from({ length: n }, () => Math.exp(1.1 * normal(rng))));
    const last = Math.min(toDays(`${year}-12-31`), toDays(DEMO_AS_OF));
    const registered = Array.from({ length: n }, () => fromDays(rng.int(toDays(`${year}-01-02`), last))).sort();
    registered.forEach((registeredOn, i) => {
      const seller = rng.weighted(sellerWeights);
      const type = rng.weighted(TYPE_WEIGHTS);
      const subTypes = market.contractTypes.types[type]!.subTypes;
      const subType = rng.pick(Object.keys(subTypes));
      const field = rng.pick(fields);
      const signed = fromDays(toDays(registeredOn) - rng.int(3, 45));
      const amount = Math.max(amounts[i]!, 1);
      const party = buyer(rng, pools, seller, counties);
      rows.push({
        contract_number: `JSHT-${year}-${String(i + 1).padStart(5, '0')}`,
        title: `${market.technologyFields[field]!.zh}${subTypes[subType]!.zh}合同`,
        type,
        sub_type: subType,
        seller_org_id: seller.id,
        ...party,
        flow: regionFlow(city, regions, party.buyer_region)!,
        contract_amount: yuanOf(amount),
        // The approved technical part: 55–95 % of the contract (equipment and materials left out).
        transaction_amount: yuanOf(Math.floor((amount * rng.int(55, 95)) / 100)),
        signed_on: signed,
        registered_on: registeredOn,
        end_on: fromDays(toDays(signed) + rng.int(180, 1_095)),
        technology_field: field,
        registration_number: registrationNumber(year, city.code, i + 1),
      });
    });
  }
  return rows;
}

function buyer(rng: Random, pools: ContractPools, seller: ContractSeller, counties: { province: string[]; domestic: string[] }): Pick<DemoContract, 'buyer_org_id' | 'buyer_name' | 'buyer_region'> {
  const flow = rng.weighted(FLOW_WEIGHTS);
  if (flow === 'local') {
    // One draw either way, so the demo's other figures stay what they were.
    const downstream = pools.downstream?.get(seller.id);
    const other = rng.pick(downstream?.length ? downstream : pools.sellers);
    // A registry buyer in the city lies in its own district; a seller does not buy from itself.
    return other.id === seller.id ? { buyer_org_id: null, buyer_name: tradeName(rng), buyer_region: seller.districtCode } : { buyer_org_id: other.id, buyer_name: null, buyer_region: other.districtCode };
  }
  if (flow === 'abroad') return { buyer_org_id: null, buyer_name: `${rng.pick(FOREIGN_BRANDS)[1]} ${rng.pick(['GmbH', 'Inc.', 'Pte. Ltd.', 'Ltd.', 'S.A.'])}`, buyer_region: rng.pick(ABROAD) };
  return { buyer_org_id: null, buyer_name: tradeName(rng), buyer_region: rng.pick(counties[flow]) };
}

/** Every rule the API applies to a contract, on every planned row; the first row's problems, if any. */
export function contractProblems(rows: readonly DemoContract[], city: CityConfig, market: MarketCodes, regions: RegionLists, today: string): { row: number; problems: FieldViolation[] } | null {
  for (const [row, c] of rows.entries()) {
    const problems = checkTechContractFields(market, city, regions, { ...c, status: 'registered', not_registered_reason: null, district_code: null, zone: null }, today);
    if (problems.length) return { row, problems };
  }
  return null;
}
