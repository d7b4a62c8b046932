import { describe, expect, it } from 'vitest';
import { loadCity } from '../../config.js';
import { fourGlobalFeatureCodes } from '../../domain/fourGlobal.js';
import { NEW_RD_INSTITUTIONS, PUBLISHED_2025, TECH_SMES } from './figures.js';
import { DEMO_AS_OF, demoRegistry, type DemoRdInstitution, type DemoRegistry } from './generator.js';

/**
 * The generator's self-check: the published figures' definitions (docs/demo-data.md), written out
 * here independently of the generator in the SQL's own terms, evaluated on the generated records.
 * `created_at::date` of a demo row is the day it was loaded, on or after the demo day.
 */
const LOADED_ON = DEMO_AS_OF;
const coalesce = (date: string | null | undefined) => date ?? LOADED_ON;
const between = (date: string | null | undefined, start: string, end: string) => date !== null && date !== undefined && date >= start && date <= end;

function definitions(demo: DemoRegistry, innovationZones: string[], year: number) {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const confirmedBy = (r: DemoRdInstitution) => fourGlobalFeatureCodes.filter((f) => (r.four_global?.[f]?.confirmed_on ?? '9999') <= end).length;
  const existing = demo.rdInstitutions.filter((r) => coalesce(r.established_on) <= end);
  const established = demo.rdInstitutions.filter((r) => between(r.established_on, start, end));
  const activeSince = (type: string) => demo.platforms.filter((p) => p.type === type && p.status === 'active' && coalesce(p.recognized_on) <= end).length;
  const holders = (qualification: string) =>
    new Set(demo.qualifications.filter((q) => q.qualification === qualification && q.valid_from <= end && (q.valid_to === null || q.valid_to === undefined || q.valid_to >= end)).map((q) => q.uscc)).size;
  return {
    rdInstitutions: existing.length,
    newRdInstitutions: established.length,
    newInInnovationZones: established.filter((r) => innovationZones.includes(r.zone ?? '')).length,
    globalAny: existing.filter((r) => confirmedBy(r) >= 1).length,
    globalAll: existing.filter((r) => confirmedBy(r) === 4).length,
    nationalPlatforms: demo.platforms.filter((p) => p.level === 'national' && p.status === 'active' && coalesce(p.recognized_on) <= end).length,
    newNationalKeyLabs: demo.platforms.filter((p) => p.type === 'national_key_lab' && between(p.recognized_on, start, end)).length,
    conceptVerificationCenters: activeSince('concept_verification_center'),
    pilotPlatforms: activeSince('pilot_platform'),
    techSmes: holders('tech_sme'),
    littleGiants: holders('little_giant'),
  };
}

const changsha = loadCity('changsha');
const innovationZones = changsha.zones.filter((z) => z.innovationZone).map((z) => z.code);
const demo = demoRegistry(changsha);
const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const series = YEARS.map((year) => definitions(demo, innovationZones, year));
const trend = (key: keyof (typeof series)[number]) => series.map((s) => s[key]);

describe('the demo registry against the published 2025 figures', () => {
  it('hits every figure exactly', () => {
    expect(definitions(demo, innovationZones, 2025)).toEqual(PUBLISHED_2025);
    expect(PUBLISHED_2025.newInInnovationZones / PUBLISHED_2025.newRdInstitutions).toBeCloseTo(0.7, 2);
  });

  it('doubles its R&D institutions since the end of 2023 and crosses 10,000 tech SMEs in 2025 for the first time', () => {
    expect(trend('rdInstitutions')).toEqual([560, 720, 900, 1_110, 1_350, 1_620, 1_890, 2_172, 3_483, 4_344]);
    expect(series[7]?.rdInstitutions).toBe(PUBLISHED_2025.rdInstitutions / 2);
    expect(trend('newRdInstitutions')).toEqual(YEARS.map((y) => NEW_RD_INSTITUTIONS[y]));
    expect(trend('techSmes')).toEqual(YEARS.map((y) => TECH_SMES[y] ?? 0));
    expect(trend('techSmes').filter((n) => n >= 10_000)).toEqual([PUBLISHED_2025.techSmes]);
  });

  it('confirms four-global features from 2023, when the reviews began', () => {
    expect(trend('globalAny')).toEqual([0, 0, 0, 0, 0, 0, 0, 387, 1_108, 2_799]);
    expect(trend('globalAll')).toEqual([0, 0, 0, 0, 0, 0, 0, 58, 185, 590]);
  });

  it('holds at a larger scale as the published figures times the scale, less the named entities’ share', () => {
    const big = definitions(demoRegistry(changsha, { scale: 2 }), innovationZones, 2025);
    // The named national platforms (the supercomputing center, the hybrid-rice key laboratory) are not multiplied.
    const named = { nationalPlatforms: 2 };
    expect(big).toEqual({
      ...Object.fromEntries(Object.entries(PUBLISHED_2025).map(([k, v]) => [k, 2 * v])),
      nationalPlatforms: 2 * PUBLISHED_2025.nationalPlatforms - named.nationalPlatforms,
    });
  });
});
