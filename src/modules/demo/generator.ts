import type { CityConfig } from '../../domain/city.js';
import { GenContext, type HostPools } from './genContext.js';
import { NAMED_ENTITIES_CITY, namedOrganizations, namedPlatforms, namedRdInstitutions } from './namedEntities.js';
import { generateOrganizations, hostOf } from './organizations.js';
import { generatePlatforms } from './platforms.js';
import { generateQualifications } from './qualifications.js';
import { Random } from './random.js';
import { generateRdInstitutions } from './rdInstitutions.js';
import type { DemoOrganization, DemoPlatform, DemoQualification, DemoRdInstitution } from './types.js';

export { DEMO_AS_OF } from './genContext.js';
export type { DemoOrganization, DemoPlatform, DemoQualification, DemoRdInstitution } from './types.js';

/**
 * The demo registry (演示数据): big enough to feel real, small enough to load on first start.
 * For Changsha it holds the real named entities of the 2025 report (namedEntities.ts) plus a few
 * hundred fictitious organizations with their qualifications, R&D institutions and platforms;
 * every credit code is synthetic. Pure and seeded: the same city and seed give the same registry.
 * The full Changsha 2025 dataset, matching the published indicators, is a separate concern.
 */
export interface DemoRegistry {
  organizations: DemoOrganization[];
  qualifications: DemoQualification[];
  rdInstitutions: DemoRdInstitution[];
  platforms: DemoPlatform[];
}

const GENERATED_ORGANIZATIONS = 365;
/** Serials below this are reserved for the named entities. */
const FIRST_GENERATED_SERIAL = 101;

export function demoRegistry(city: CityConfig, seed = 2025): DemoRegistry {
  const g = new GenContext(new Random(seed), city);
  const withNamed = city.code === NAMED_ENTITIES_CITY;
  const named = {
    organizations: withNamed ? namedOrganizations : [],
    rdInstitutions: withNamed ? namedRdInstitutions : [],
    platforms: withNamed ? namedPlatforms : [],
  };
  named.organizations.forEach((o) => g.reserveName('organization', o.name));
  named.rdInstitutions.forEach((r) => g.reserveName('rd_institution', r.name));
  named.platforms.forEach((p) => g.reserveName('platform', p.name));

  const generated = generateOrganizations(g, FIRST_GENERATED_SERIAL, GENERATED_ORGANIZATIONS);
  const pools: HostPools = {
    enterprises: generated.hosts.filter((h) => h.kind === 'enterprise' && !h.foreign),
    foreign: generated.hosts.filter((h) => h.foreign),
    newType: generated.hosts.filter((h) => h.kind === 'new_type_rd_institution'),
    institutes: generated.hosts.filter((h) => h.kind === 'research_institute'),
    academic: named.organizations.filter((o) => o.kind === 'university' || o.kind === 'hospital').map(hostOf),
  };
  return {
    organizations: [...named.organizations, ...generated.records],
    qualifications: generateQualifications(g, generated.hosts),
    rdInstitutions: [...named.rdInstitutions, ...generateRdInstitutions(g, pools)],
    platforms: [...named.platforms, ...generatePlatforms(g, pools)],
  };
}
