import { LITTLE_GIANT_BATCHES, LITTLE_GIANT_LAST_BATCH, PUBLISHED_2025, TECH_SME_EXIT_RATE, TECH_SMES } from './figures.js';
import { STREAM, type GenContext } from './genContext.js';
import { toDays, type Random } from './random.js';
import { TradeNames } from './tradeNames.js';
import { INDUSTRIES } from './vocabulary.js';

/**
 * The generated organizations (主体) as columns of small numbers rather than records: what every
 * other table needs to know about its hosts, for 1.4 million organizations at 100× in a few tens of
 * megabytes. Records (names, addresses) are built from it when a table is written (organizations.ts).
 */

/** The part an organization plays in the registry. */
const ROLES = ['sme', 'large', 'foreign', 'newType', 'institute', 'finance'] as const;
export type Role = (typeof ROLES)[number];
const ROLE: Record<Role, number> = { sme: 0, large: 1, foreign: 2, newType: 3, institute: 4, finance: 5 };

/**
 * Organizations at 1× besides the tech SMEs, whose number follows from the list's yearly sizes:
 * large enterprises (not SMEs), Sino-foreign companies, new-type R&D institutions (新型研发机构),
 * research institutes and financial institutions.
 */
const OTHER_ROLES: Record<Exclude<Role, 'sme'>, number> = { large: 700, foreign: 180, newType: 260, institute: 70, finance: 30 };
/** S&T leading enterprises (科技领军企业) among the large enterprises, at 1×. */
const LEADING_ENTERPRISES = 20;

/** Founding years by role; tech SMEs are founded in the years before they first register. */
const FOUNDING_YEARS: Record<Exclude<Role, 'sme'>, readonly [number, number]> = {
  large: [1990, 2012],
  foreign: [2000, 2022],
  newType: [2016, 2025],
  institute: [1956, 2012],
  finance: [1995, 2020],
};

/** Organizations in a zone: new-type R&D institutions mostly sit in parks. */
const ZONE_SHARE: Record<Role, number> = { sme: 0.5, large: 0.55, foreign: 0.7, newType: 0.85, institute: 0.3, finance: 0.4 };

export interface Population {
  size: number;
  trades: TradeNames;
  role: Uint8Array;
  /** Founding day (days since 1970-01-01). */
  founded: Int32Array;
  /** Index into the city's districts. */
  district: Uint8Array;
  /** Index into the city's zones, −1 for none. */
  zone: Int16Array;
  /** Index into INDUSTRIES. */
  industry: Uint8Array;
  /** Trade-name number (TradeNames). */
  trade: Int32Array;
  /** First and last year on the tech-SME list (科技型中小企业), 0 if never. */
  smeFrom: Uint16Array;
  smeTo: Uint16Array;
  /** Year of the first "little giant" title, 0 if none, and how many three-year certificates follow. */
  giantFrom: Uint16Array;
  giantCertificates: Uint8Array;
  /** Year designated an S&T leading enterprise, 0 if not. */
  leadingFrom: Uint16Array;
  /** Organization indices by role, ascending. */
  members: Record<Role, Int32Array>;
}

export const roleOf = (p: Population, i: number): Role => ROLES[p.role[i] ?? 0] ?? 'sme';

export function buildPopulation(g: GenContext): Population {
  const rng = g.planRandom(STREAM.population);
  const cohorts = techSmeCohorts(g.scale);
  const counts: Record<Role, number> = { sme: cohorts.length / 2, ...scaled(OTHER_ROLES, g.scale) };
  const roles = rng.shuffle(Uint8Array.from(ROLES.flatMap((r) => Array<number>(counts[r]).fill(ROLE[r]))));
  const size = roles.length;
  const p: Population = {
    size,
    trades: new TradeNames(rng),
    role: roles,
    founded: new Int32Array(size),
    district: new Uint8Array(size),
    zone: new Int16Array(size),
    industry: new Uint8Array(size),
    trade: new Int32Array(size),
    smeFrom: new Uint16Array(size),
    smeTo: new Uint16Array(size),
    giantFrom: new Uint16Array(size),
    giantCertificates: new Uint8Array(size),
    leadingFrom: new Uint16Array(size),
    members: membersByRole(roles),
  };
  assignTechSmeYears(rng, p, cohorts);
  const industries = INDUSTRIES.map((industry, i) => [i, industry.weight] as const);
  for (let i = 0; i < size; i++) {
    const role = roleOf(p, i);
    const district = g.districtIndex(rng);
    const zone = g.zoneFor(rng, g.city.districts[district]?.code ?? '', ZONE_SHARE[role]);
    p.district[i] = district;
    p.zone[i] = zone === null ? -1 : g.city.zones.findIndex((z) => z.code === zone);
    p.industry[i] = rng.weighted(industries);
    p.trade[i] = p.trades.next();
    p.founded[i] = role === 'sme' ? smeFounding(rng, p.smeFrom[i] ?? 0) : foundingDay(rng, role);
  }
  assignLittleGiants(rng, p, g.scale);
  for (const i of rng.sample([...p.members.large], LEADING_ENTERPRISES * g.scale)) p.leadingFrom[i] = rng.pick([2024, 2025]);
  return p;
}

const scaled = <K extends string>(counts: Record<K, number>, scale: number) =>
  Object.fromEntries(Object.entries<number>(counts).map(([k, n]) => [k, n * scale])) as Record<K, number>;

function membersByRole(roles: Uint8Array): Record<Role, Int32Array> {
  const lists = ROLES.map(() => [] as number[]);
  roles.forEach((r, i) => lists[r]?.push(i));
  return Object.fromEntries(ROLES.map((r, k) => [r, Int32Array.from(lists[k] ?? [])])) as Record<Role, Int32Array>;
}

/** Founding years by role, later years weighing more: most organizations are young. */
const FOUNDING_WEIGHTS = Object.fromEntries(
  Object.entries(FOUNDING_YEARS).map(([role, [from, to]]) => [role, Array.from({ length: to - from + 1 }, (_, i) => [from + i, 1 + i * 0.25] as const)]),
) as Record<Exclude<Role, 'sme'>, (readonly [number, number])[]>;

/** A tech SME is founded one to fourteen years before it first registers, most of them recently. */
const SME_YEARS_BEFORE = Array.from({ length: 14 }, (_, k) => [k + 1, 14 - k] as const);

const dayIn = (rng: Random, year: number) => rng.int(toDays(`${year}-01-01`), toDays(`${year}-12-31`));
const foundingDay = (rng: Random, role: Exclude<Role, 'sme'>) => dayIn(rng, rng.weighted(FOUNDING_WEIGHTS[role]));
const smeFounding = (rng: Random, firstYear: number) => dayIn(rng, firstYear - rng.weighted(SME_YEARS_BEFORE));

/**
 * [first year, last year] on the tech-SME list for every tech SME, flattened: each year the list
 * has exactly TECH_SMES[year] members; TECH_SME_EXIT_RATE of them leave after the year (spread over
 * the entry cohorts in proportion to their size), and the rest of the year's list are newcomers.
 * Runs are contiguous: a firm that leaves does not come back. At scale N each run is N firms'.
 */
function techSmeCohorts(scale: number): Uint16Array {
  const runs = techSmeRuns();
  const scaled = new Uint16Array(runs.length * scale);
  for (let copy = 0; copy < scale; copy++) scaled.set(runs, copy * runs.length);
  return scaled;
}

function techSmeRuns(): Uint16Array {
  const years = Object.keys(TECH_SMES).map(Number).sort((a, b) => a - b);
  const last = years[years.length - 1] ?? 0;
  const active = new Map<number, number>();
  const runs: number[] = [];
  const leave = (from: number, to: number, n: number) => {
    for (let k = 0; k < n; k++) runs.push(from, to);
  };
  for (const year of years) {
    const onList = TECH_SMES[year] ?? 0;
    const stayed = [...active.values()].reduce((a, b) => a + b, 0);
    if (onList < stayed) throw new Error(`demo figures: the tech-SME list cannot shrink to ${onList} in ${year}`);
    active.set(year, onList - stayed);
    if (year === last) break;
    const exits = apportion(Math.round(onList * TECH_SME_EXIT_RATE), [...active.values()]);
    [...active.keys()].forEach((from, k) => {
      const n = exits[k] ?? 0;
      leave(from, year, n);
      active.set(from, (active.get(from) ?? 0) - n);
    });
  }
  for (const [from, n] of active) leave(from, last, n);
  return Uint16Array.from(runs);
}

/** `total` split in proportion to `sizes` (largest remainders), never more than a size. */
function apportion(total: number, sizes: number[]): number[] {
  const sum = sizes.reduce((a, b) => a + b, 0);
  if (sum === 0) return sizes.map(() => 0);
  const exact = sizes.map((s) => (total * s) / sum);
  const shares = exact.map(Math.floor);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; k < total - shares.reduce((a, b) => a + b, 0); k++) {
    const i = byRemainder[k]?.[1] ?? 0;
    shares[i] = (shares[i] ?? 0) + 1;
  }
  return shares.map((s, i) => Math.min(s, sizes[i] ?? 0));
}

function assignTechSmeYears(rng: Random, p: Population, cohorts: Uint16Array): void {
  const order = rng.shuffle(Int32Array.from({ length: cohorts.length / 2 }, (_, k) => k));
  p.members.sme.forEach((org, k) => {
    const run = order[k] ?? 0;
    p.smeFrom[org] = cohorts[2 * run] ?? 0;
    p.smeTo[org] = cohorts[2 * run + 1] ?? 0;
  });
}

/**
 * "Little giant" titles go to tech SMEs on the list since 2017 and still on it, so every title
 * comes at least three years after founding. The last batch is sized so that exactly the published
 * number hold a title running at the end of 2025.
 */
function assignLittleGiants(rng: Random, p: Population, scale: number): void {
  const runsAt2025End = (from: number, certificates: number) =>
    Array.from({ length: certificates }, (_, k) => from + 3 * k).some((y) => y >= 2023 && y <= 2025);
  const earlier = LITTLE_GIANT_BATCHES.filter((b) => runsAt2025End(b.from, b.certificates)).reduce((n, b) => n + b.count, 0);
  const batches = [...LITTLE_GIANT_BATCHES, { from: LITTLE_GIANT_LAST_BATCH, certificates: 1, count: PUBLISHED_2025.littleGiants - earlier }];
  const candidates = [...p.members.sme].filter((i) => p.smeFrom[i] === 2017 && p.smeTo[i] === 2026);
  const holders = rng.sample(candidates, batches.reduce((n, b) => n + b.count * scale, 0));
  if (holders.length < batches.reduce((n, b) => n + b.count * scale, 0)) throw new Error('demo generator: too few tech SMEs for the little giants');
  let next = 0;
  for (const b of batches) {
    for (let k = 0; k < b.count * scale; k++) {
      const org = holders[next++] ?? 0;
      p.giantFrom[org] = b.from;
      p.giantCertificates[org] = b.certificates;
    }
  }
}
