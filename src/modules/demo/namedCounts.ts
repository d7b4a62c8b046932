import { fourGlobalFeatureCodes } from '../../domain/fourGlobal.js';
import { PERIOD_END, PERIOD_START } from './figures.js';
import type { GenContext } from './genContext.js';
import type { DemoPlatform, DemoRdInstitution } from './types.js';

/**
 * What the named (real) entities already contribute to the published figures, so the generator
 * draws only the rest. A record without a date counts from the day it was loaded (created_at),
 * which is after 2025: the demo loads only once its last date has passed.
 */
export interface NamedCounts {
  /** Institutions established per year; those before `firstYear` are counted in it. */
  newRdInstitutions(year: number, firstYear: number): number;
  newInInnovationZones: number;
  /** Existing at the end of 2025 with all four features confirmed by then. */
  globalAll: number;
  /** Existing at the end of 2025 with one to three features confirmed by then. */
  globalSome: number;
  nationalPlatforms: number;
  newNationalKeyLabs: number;
  conceptVerificationCenters: number;
  pilotPlatforms: number;
}

const within = (date: string | null | undefined) => date !== null && date !== undefined && date >= PERIOD_START && date <= PERIOD_END;
const existsAtEnd = (date: string | null | undefined) => date !== null && date !== undefined && date <= PERIOD_END;

export function namedCounts(g: GenContext, institutions: readonly DemoRdInstitution[], platforms: readonly DemoPlatform[]): NamedCounts {
  const established = institutions.flatMap((r) => (r.established_on ? [Number(r.established_on.slice(0, 4))] : []));
  const confirmed = (r: DemoRdInstitution) => fourGlobalFeatureCodes.filter((f) => existsAtEnd(r.four_global?.[f]?.confirmed_on)).length;
  const existing = institutions.filter((r) => existsAtEnd(r.established_on));
  const activeFiled = (type: string) => platforms.filter((p) => p.type === type && p.status === 'active' && existsAtEnd(p.recognized_on)).length;
  return {
    newRdInstitutions: (year, firstYear) => established.filter((y) => y === year || (year === firstYear && y < firstYear)).length,
    newInInnovationZones: institutions.filter((r) => within(r.established_on) && g.isInnovationZone(r.zone ?? null)).length,
    globalAll: existing.filter((r) => confirmed(r) === 4).length,
    globalSome: existing.filter((r) => confirmed(r) > 0 && confirmed(r) < 4).length,
    nationalPlatforms: platforms.filter((p) => p.level === 'national' && p.status === 'active' && existsAtEnd(p.recognized_on)).length,
    newNationalKeyLabs: platforms.filter((p) => p.type === 'national_key_lab' && within(p.recognized_on)).length,
    conceptVerificationCenters: activeFiled('concept_verification_center'),
    pilotPlatforms: activeFiled('pilot_platform'),
  };
}
