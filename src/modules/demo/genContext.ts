import type { CityConfig, District } from '../../domain/city.js';
import type { Message } from '../../domain/message.js';
import { Random, recordRandom, toDays } from './random.js';
import { DISTRICT_WEIGHTS, ZONE_DISTRICTS, type Industry } from './vocabulary.js';

/** The last day any demo date may fall on: nothing in the demo happens after it. */
export const DEMO_AS_OF = '2026-11-26';
export const DEMO_AS_OF_DAYS = toDays(DEMO_AS_OF);

/** An organization the generator can hang records on, with the words its records are named with. */
export interface Host {
  uscc: string;
  kind: string;
  name: Message;
  /** Short form used inside record names: a trade name (字号) or the full name of a named entity. */
  label: Message;
  district: string | null;
  zone: string | null;
  foundedOn: string | null;
  industry: Industry | null;
}

/**
 * Independent random streams: the plan of each table draws from its own, and each record from a
 * stream of its own (recordRandom), so one table can be generated without the others.
 */
export const STREAM = {
  population: 0,
  rdInstitutionPlan: 1,
  platformPlan: 2,
  organization: 3,
  qualification: 4,
  rdInstitution: 5,
  platform: 6,
} as const;

/** What every part of the generator shares: the city, the seed and the scale. */
export class GenContext {
  readonly cityShort: Message;
  readonly provinceShort: Message;
  private readonly districtWeights: (readonly [District, number])[];
  private readonly innovationZones: string[];

  constructor(
    readonly city: CityConfig,
    readonly seed: number,
    /** Every generated population is multiplied by it. */
    readonly scale: number,
  ) {
    this.cityShort = { zh: city.name.zh.replace(/市$/, ''), en: city.name.en };
    this.provinceShort = { zh: city.province.zh.replace(/省$/, ''), en: city.province.en };
    this.districtWeights = city.districts.map((d) => [d, DISTRICT_WEIGHTS[d.code] ?? 1] as const);
    this.innovationZones = city.zones.filter((z) => z.innovationZone).map((z) => z.code);
  }

  /** The sequential stream of a plan. */
  planRandom(stream: number): Random {
    return recordRandom(this.seed, stream, -1);
  }

  /** The stream of one record. */
  recordRandom(stream: number, index: number): Random {
    return recordRandom(this.seed, stream, index);
  }

  hasInnovationZones(): boolean {
    return this.innovationZones.length > 0;
  }

  isInnovationZone(zone: string | null): boolean {
    return zone !== null && this.innovationZones.includes(zone);
  }

  /** A district, weighted toward where Changsha's innovators cluster. */
  districtIndex(rng: Random): number {
    return this.city.districts.indexOf(rng.weighted(this.districtWeights));
  }

  districtByCode(code: string): District | undefined {
    return this.city.districts.find((d) => d.code === code);
  }

  /** Zones that may contain a place in `district` (a zone of unknown extent fits anywhere). */
  zonesIn(district: string, innovation?: boolean): string[] {
    return this.city.zones
      .filter((z) => (ZONE_DISTRICTS[z.code]?.includes(district) ?? true) && (innovation === undefined || z.innovationZone === innovation))
      .map((z) => z.code);
  }

  /** A zone of `district` with probability `p`, else none. */
  zoneFor(rng: Random, district: string, p: number): string | null {
    const zones = this.zonesIn(district);
    return zones.length > 0 && rng.chance(p) ? rng.pick(zones) : null;
  }

  /** A zone of `district` that is not an innovation zone, with probability `p`, else none. */
  plainZoneFor(rng: Random, district: string, p: number): string | null {
    const zones = this.zonesIn(district, false);
    return zones.length > 0 && rng.chance(p) ? rng.pick(zones) : null;
  }

  /** An innovation zone (创新区) and a district it lies in, or null if the city has none. */
  innovationPlace(rng: Random, fallbackDistrict: string): { zone: string; district: string } | null {
    if (this.innovationZones.length === 0) return null;
    const zone = rng.pick(this.innovationZones);
    const districts = (ZONE_DISTRICTS[zone] ?? [fallbackDistrict]).filter((d) => this.districtByCode(d));
    return { zone, district: districts.length > 0 ? rng.pick(districts) : fallbackDistrict };
  }
}
