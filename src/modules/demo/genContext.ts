import type { CityConfig, District, Zone } from '../../domain/city.js';
import type { Message } from '../../domain/message.js';
import type { Random } from './random.js';
import { DISTRICT_WEIGHTS, ZONE_DISTRICTS, type Industry } from './vocabulary.js';

/** The last day any demo date may fall on: nothing in the demo happens after it. */
export const DEMO_AS_OF = '2026-11-26';

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
  /** Sino-foreign companies host the foreign-invested R&D centers. */
  foreign: boolean;
}

/** What every part of the generator shares: the random stream, the city and the names taken so far. */
export class GenContext {
  readonly cityShort: Message;
  readonly provinceShort: Message;
  private readonly taken = new Set<string>();

  constructor(
    readonly rng: Random,
    readonly city: CityConfig,
  ) {
    this.cityShort = { zh: city.name.zh.replace(/市$/, ''), en: city.name.en };
    this.provinceShort = { zh: city.province.zh.replace(/省$/, ''), en: city.province.en };
  }

  /**
   * Draws until the value's name is new in its table (`scope`); a fixed seed makes this
   * deterministic. Throws if the word lists cannot yield enough distinct names.
   */
  unique<T>(scope: string, make: () => T, nameOf: (value: T) => string): T {
    for (let attempt = 0; attempt < 200; attempt++) {
      const value = make();
      const key = `${scope}\u0000${nameOf(value)}`;
      if (!this.taken.has(key)) {
        this.taken.add(key);
        return value;
      }
    }
    throw new Error(`demo generator: ran out of distinct ${scope} names`);
  }

  uniqueName(scope: string, make: () => Message): Message {
    return this.unique(scope, make, (m) => m.zh);
  }

  /** Marks names of named entities as taken. */
  reserveName(scope: string, zh: string): void {
    this.taken.add(`${scope}\u0000${zh}`);
  }

  district(): District {
    return this.rng.weighted(this.city.districts.map((d) => [d, DISTRICT_WEIGHTS[d.code] ?? 1] as const));
  }

  districtByCode(code: string): District | undefined {
    return this.city.districts.find((d) => d.code === code);
  }

  /** Zones that may contain a place in `district` (a zone of unknown extent fits anywhere). */
  zonesIn(district: string): Zone[] {
    return this.city.zones.filter((z) => ZONE_DISTRICTS[z.code]?.includes(district) ?? true);
  }

  /** A zone of `district` with probability `p`, else none. */
  zoneFor(district: string, p: number): string | null {
    const zones = this.zonesIn(district);
    return zones.length > 0 && this.rng.chance(p) ? this.rng.pick(zones).code : null;
  }

  /** An innovation zone (创新区) and a district it lies in, or null if the city has none. */
  innovationPlace(fallbackDistrict: string): { zone: string; district: string } | null {
    const zones = this.city.zones.filter((z) => z.innovationZone);
    if (zones.length === 0) return null;
    const zone = this.rng.pick(zones).code;
    const districts = (ZONE_DISTRICTS[zone] ?? [fallbackDistrict]).filter((d) => this.districtByCode(d));
    return { zone, district: districts.length > 0 ? this.rng.pick(districts) : fallbackDistrict };
  }

  /** A year drawn from `[year, weight]` pairs, limited to years not before `from` (else the last year). */
  yearFrom(weights: readonly (readonly [number, number])[], from: number): number {
    const allowed = weights.filter(([y]) => y >= from);
    return this.rng.weighted(allowed.length > 0 ? allowed : weights.slice(-1));
  }
}

/** The organizations records are hung on, by the part they play. */
export interface HostPools {
  /** Generated domestic enterprises. */
  enterprises: Host[];
  /** Generated Sino-foreign enterprises. */
  foreign: Host[];
  /** Generated new-type R&D institutions (新型研发机构). */
  newType: Host[];
  /** Generated research institutes. */
  institutes: Host[];
  /** Named universities and hospitals (empty outside the named entities' city). */
  academic: Host[];
}

/**
 * `n` hosts from `pool`: mostly distinct, a few hosting twice, so some organizations hold more
 * than one record as in a real registry.
 */
export function spread(g: GenContext, pool: readonly Host[], n: number): Host[] {
  if (pool.length === 0) return [];
  const distinct = g.rng.sample(pool, Math.min(pool.length, Math.round(n * 0.85)));
  return [...distinct, ...Array.from({ length: n - distinct.length }, () => g.rng.pick(pool))];
}
