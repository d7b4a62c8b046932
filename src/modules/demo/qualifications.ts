import { DEMO_AS_OF, type GenContext, type Host } from './genContext.js';
import { addDays, validityEnd } from './random.js';
import type { DemoQualification } from './types.js';

/**
 * Qualifications (资质) of the generated enterprises: yearly tech-based SME registrations,
 * three-year high-tech enterprise certificates (often renewed), "little giant" titles and a few
 * open-ended S&T leading enterprise designations.
 */

const TECH_SME_SHARE = 0.33;
const HIGH_TECH_SHARE = 0.22;
const LITTLE_GIANTS = 25;
const LEADING_ENTERPRISES = 5;

const yearOf = (date: string | null): number => (date ? Number(date.slice(0, 4)) : 1900);

/** A host may hold a certificate dated `date` only if it was founded by then. */
const existedBy = (host: Host, date: string): boolean => host.foundedOn === null || host.foundedOn <= date;

function serial(g: GenContext, digits: number): string {
  return String(g.rng.int(1, 10 ** digits - 1)).padStart(digits, '0');
}

/** 科技型中小企业 are registered per year and valid to the year's end. */
function techSme(g: GenContext, host: Host): DemoQualification[] {
  const start = g.rng.weighted([[2023, 4], [2024, 3], [2025, 3]] as const);
  const years = [2023, 2024, 2025].filter((y) => y >= start && existedBy(host, `${y}-06-30`) && (y === start || g.rng.chance(0.9)));
  return years.map((y) => ({
    uscc: host.uscc,
    qualification: 'tech_sme',
    certificate_no: `${y}${host.district ?? g.city.code}${serial(g, 5)}`,
    valid_from: g.rng.dateBetween(`${y}-03-01`, `${y}-09-30`),
    valid_to: `${y}-12-31`,
  }));
}

/** 高新技术企业 certificates run three years; most holders renew. */
function highTech(g: GenContext, host: Host): DemoQualification[] {
  const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025].map((y) => [y, y - 2017] as const);
  const first = g.yearFrom(years, yearOf(host.foundedOn) + 1);
  const certYears = first + 3 <= 2025 && g.rng.chance(0.7) ? [first, first + 3] : [first];
  const province = g.city.code.slice(0, 2);
  return certYears.map((y) => {
    const from = g.rng.dateBetween(`${y}-10-01`, `${y}-12-31`);
    return { uscc: host.uscc, qualification: 'high_tech_enterprise', certificate_no: `GR${y}${province}${serial(g, 6)}`, valid_from: from, valid_to: validityEnd(from, 3) };
  });
}

/** 专精特新"小巨人" titles are announced in summer batches and last three years. */
function littleGiant(g: GenContext, host: Host): DemoQualification {
  const y = g.yearFrom([[2021, 2], [2022, 3], [2023, 3], [2024, 3], [2025, 4]], yearOf(host.foundedOn) + 3);
  const from = g.rng.dateBetween(`${y}-07-01`, `${y}-08-31`);
  return { uscc: host.uscc, qualification: 'little_giant', certificate_no: null, valid_from: from, valid_to: validityEnd(from, 3) };
}

function leading(g: GenContext, host: Host): DemoQualification {
  const y = g.rng.pick([2024, 2025]);
  return { uscc: host.uscc, qualification: 'sci_tech_leading_enterprise', certificate_no: null, valid_from: g.rng.dateBetween(`${y}-03-01`, `${y}-06-30`), valid_to: null };
}

export function generateQualifications(g: GenContext, hosts: readonly Host[]): DemoQualification[] {
  const enterprises = hosts.filter((h) => h.kind === 'enterprise' && existedBy(h, '2024-06-30'));
  const domestic = enterprises.filter((h) => !h.foreign);
  const smes = g.rng.sample(domestic, Math.round(domestic.length * TECH_SME_SHARE));
  const highTechHolders = g.rng.sample(enterprises, Math.round(enterprises.length * HIGH_TECH_SHARE));
  const giants = g.rng.sample(highTechHolders.filter((h) => existedBy(h, '2021-01-01')), LITTLE_GIANTS);
  const leaders = g.rng.sample(giants, LEADING_ENTERPRISES);
  const all = [...smes.flatMap((h) => techSme(g, h)), ...highTechHolders.flatMap((h) => highTech(g, h)), ...giants.map((h) => littleGiant(g, h)), ...leaders.map((h) => leading(g, h))];
  const byUscc = new Map(hosts.map((h) => [h.uscc, h]));
  // Certificates dated before the holder existed are dropped rather than bent into shape.
  return all.filter((q) => {
    const host = byUscc.get(q.uscc);
    return host !== undefined && q.valid_from <= DEMO_AS_OF && existedBy(host, addDays(q.valid_from, -1));
  });
}
