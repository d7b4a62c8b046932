import type { CityConfig } from '../../domain/city.js';
import { GenContext, type Host } from './genContext.js';
import { namedIndex, type HostDirectory } from './hosting.js';
import { namedCounts } from './namedCounts.js';
import { NAMED_ENTITIES_CITY, namedOrganizations, namedPlatforms, namedRdInstitutions } from './namedEntities.js';
import { districtOf, generatedOrganization, generatedUscc, hostOf } from './organizations.js';
import { planPlatforms, platformAt, type PlatformPlan } from './platforms.js';
import { buildPopulation, type Population } from './population.js';
import { qualificationsOf } from './qualifications.js';
import { planRdInstitutions, rdInstitutionAt, type InstitutionPlan } from './rdInstitutions.js';
import type { DemoOrganization, DemoPlatform, DemoQualification, DemoRdInstitution } from './types.js';

export { DEMO_AS_OF } from './genContext.js';
export type { DemoOrganization, DemoPlatform, DemoQualification, DemoRdInstitution } from './types.js';

/**
 * The demo registry (演示数据): Changsha's registry as the 2025 report describes it — about 14,400
 * organizations, 72,600 qualifications, 5,100 R&D institutions and 330 platforms, history from
 * 2016 (older stock before) and records of 2026 up to the demo day — whose indicators equal the
 * published figures exactly (figures.ts, docs/demo-data.md). It holds the real named entities of
 * the report (namedEntities.ts); everything else is fictitious and every credit code synthetic.
 * Pure and seeded: the same city, seed and scale give the same registry.
 */
export interface DemoRegistry {
  organizations: DemoOrganization[];
  qualifications: DemoQualification[];
  rdInstitutions: DemoRdInstitution[];
  platforms: DemoPlatform[];
}

export interface DemoOptions {
  /** Seed of every random draw. */
  seed?: number;
  /**
   * Multiplies every generated population (not the named entities), for benchmarks at 10× and
   * 100×; names and keys stay unique. The published figures hold at 1.
   */
  scale?: number;
}

export const DEMO_TABLES = ['organizations', 'qualifications', 'rd_institutions', 'platforms'] as const;
export type DemoTable = (typeof DEMO_TABLES)[number];
export interface DemoRows {
  organizations: DemoOrganization;
  qualifications: DemoQualification;
  rd_institutions: DemoRdInstitution;
  platforms: DemoPlatform;
}

const DEFAULT_SEED = 2025;
const DEFAULT_CHUNK = 10_000;

/**
 * The registry planned but not yet written out: what the published figures depend on is fixed
 * here in compact columns; records are built table by table, in chunks, when asked for. Holding
 * only the plan, the 100× registry (1.4 million organizations, 7.5 million qualifications) is
 * generated in bounded memory.
 */
export class DemoPlan implements HostDirectory {
  private readonly g: GenContext;
  private readonly named: { organizations: DemoOrganization[]; rdInstitutions: DemoRdInstitution[]; platforms: DemoPlatform[] };
  private readonly academicHosts: Host[];
  private readonly population: Population;
  private readonly institutions: InstitutionPlan;
  private readonly platformPlan: PlatformPlan;

  constructor(city: CityConfig, options: DemoOptions = {}) {
    const scale = options.scale ?? 1;
    if (!Number.isInteger(scale) || scale < 1) throw new Error(`demo scale must be a whole number of at least 1, not ${scale}`);
    this.g = new GenContext(city, options.seed ?? DEFAULT_SEED, scale);
    const withNamed = city.code === NAMED_ENTITIES_CITY;
    this.named = {
      organizations: withNamed ? namedOrganizations : [],
      rdInstitutions: withNamed ? namedRdInstitutions : [],
      platforms: withNamed ? namedPlatforms : [],
    };
    this.academicHosts = this.named.organizations.filter((o) => o.kind === 'university' || o.kind === 'hospital').map(hostOf);
    const named = namedCounts(this.g, this.named.rdInstitutions, this.named.platforms);
    this.population = buildPopulation(this.g);
    this.institutions = planRdInstitutions(this.g, this.population, named, this.academicHosts.length);
    this.platformPlan = planPlatforms(this.g, this.population, named);
  }

  /** The records of `table`, named entities first, in chunks of about `chunkSize`. */
  rows<T extends DemoTable>(table: T, chunkSize = DEFAULT_CHUNK): Generator<DemoRows[T][]> {
    const { g, population: p } = this;
    const made = {
      organizations: () => chunked(this.named.organizations, p.size, (i) => [generatedOrganization(g, p, i).record], chunkSize),
      qualifications: () => chunked<DemoQualification>([], p.size, (i) => qualificationsOf(g, p, i, generatedUscc(g, p, i), districtOf(g, p, i)), chunkSize),
      rd_institutions: () => chunked(this.named.rdInstitutions, this.institutions.size, (j) => [rdInstitutionAt(g, this.institutions, this, j)], chunkSize),
      platforms: () => chunked(this.named.platforms, this.platformPlan.size, (j) => [platformAt(g, this.platformPlan, this, j)], chunkSize),
    };
    return made[table]() as Generator<DemoRows[T][]>;
  }

  host(ref: number): Host {
    if (ref >= 0) return generatedOrganization(this.g, this.population, ref).host;
    const named = this.academicHosts[namedIndex(ref)];
    if (!named) throw new Error(`demo generator: no named host ${ref}`);
    return named;
  }
}

/** `named` records, then generated record `i` for each i < count, gathered into chunks. */
function* chunked<T>(named: readonly T[], count: number, make: (i: number) => T[], chunkSize: number): Generator<T[]> {
  let chunk: T[] = [...named];
  for (let i = 0; i < count; i++) {
    for (const row of make(i)) chunk.push(row);
    if (chunk.length >= chunkSize) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

export function planDemo(city: CityConfig, options: DemoOptions = {}): DemoPlan {
  return new DemoPlan(city, options);
}

/** The whole registry in memory: right for 1× and 10×; at 100× write it out with `planDemo(…).rows`. */
export function demoRegistry(city: CityConfig, options: DemoOptions = {}): DemoRegistry {
  const plan = planDemo(city, options);
  const all = <T extends DemoTable>(table: T): DemoRows[T][] => [...plan.rows(table, Number.MAX_SAFE_INTEGER)].flat() as DemoRows[T][];
  return { organizations: all('organizations'), qualifications: all('qualifications'), rdInstitutions: all('rd_institutions'), platforms: all('platforms') };
}
